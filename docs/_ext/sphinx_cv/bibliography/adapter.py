"""Every place where sphinx_cv relies on what sphinxcontrib-bibtex, pybtex and Sphinx do not document.

Checked against sphinxcontrib-bibtex 2.6 and 2.7, pybtex 0.25 and 0.26, and Sphinx 9.0 to 9.2;
``pyproject.toml`` caps the first two below their next major release, and
``tests/test_adapter.py`` fails, naming the assumption, when a release changes one of them:

- sphinxcontrib-bibtex keeps the parsed ``.bib`` files in its ``cite`` domain's ``bibdata``
  (``bibfiles``: path -> ``BibFile(mtime, keys)``; ``data.entries``: key -> pybtex ``Entry``;
  ``data.preamble_list``: the ``@preamble`` strings), a ``NamedTuple`` whose ``bibfiles`` it compares
  with the configured files to decide whether to parse them again,
  and each formatted citation in ``citations`` (``citation_id``, ``entry``);
- it keeps each ``bibliography`` directive in the domain's ``bibliographies``;
- it parses the ``.bib`` files with the ``Parser`` that its ``bibfile`` module imports from pybtex
  (``parse_bibdata``), which :func:`read_comment_lines` replaces, and pybtex's ``Parser.parse_stream``
  hands the whole text to ``parse_string``;
- it parses the ``.bib`` files at ``builder-inited`` (priority 500) and reports pybtex's
  errors through ``pybtex.errors.report_error``, which appends them to
  ``pybtex.errors.captured_errors`` when that is a list;
- in LaTeX, a ``{cite}`` link is ``\\hyperlink{cite.<docname>:<citation id>}``;
- Sphinx's LaTeX ``BibliographyTransform`` (priority 750) moves every ``citation`` node to
  the end of the document.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pybtex.errors
import sphinxcontrib.bibtex.bibfile
from pybtex.database.input.bibtex import Parser
from sphinx.errors import ExtensionError

if TYPE_CHECKING:
    from pybtex.database import Entry
    from pybtex.exceptions import PybtexError
    from sphinx.environment import BuildEnvironment

__all__ = [
    "LATEX_BIBLIOGRAPHY_PRIORITY",
    "bib_files",
    "bibliographies_exist",
    "bibtex_loaded",
    "cited_entries",
    "forget_parsed_files",
    "latex_citation_anchor",
    "parsed_mtime",
    "preambles",
    "read_comment_lines",
    "start_capturing_parse_errors",
    "stop_capturing_parse_errors",
]

#: ``sphinx.builders.latex.transforms.BibliographyTransform.default_priority``.
LATEX_BIBLIOGRAPHY_PRIORITY = 750
#: A line whose first character after spaces is ``%``: a comment for biber, wherever it is.
_COMMENT_LINE = re.compile(r"^[ \t]*%[^\n]*", flags=re.MULTILINE)


class CommentReadingParser(Parser):
    """pybtex's BibTeX parser, reading a line that starts with ``%`` as a comment inside an entry too, as biber and
    jekyll-scholar do (BibTeX would cut the entry there, and read an entry "commented out" as ``%@article{``). Each
    line keeps its number, so errors are still located."""

    def parse_string(self, text: str) -> Any:
        return super().parse_string(_COMMENT_LINE.sub("", text))


def read_comment_lines() -> None:
    """Make sphinxcontrib-bibtex parse the .bib files with :class:`CommentReadingParser`."""
    sphinxcontrib.bibtex.bibfile.Parser = CommentReadingParser  # type: ignore[attr-defined]  # imported, not exported


def bibtex_loaded(env: BuildEnvironment) -> bool:
    """True when the project uses sphinxcontrib-bibtex (and its ``cite`` domain has parsed the .bib files)."""
    return _bibdata(env) is not None


def _bibdata(env: BuildEnvironment) -> Any:
    try:
        domain = env.get_domain("cite")
    except ExtensionError:  # sphinxcontrib.bibtex is not loaded
        return None
    return getattr(domain, "bibdata", None)


def bib_files(env: BuildEnvironment) -> dict[Path, dict[str, Entry]]:
    """Each parsed .bib file, with its entries by key in the file's order (empty without sphinxcontrib-bibtex)."""
    if not bibtex_loaded(env):
        return {}
    bibdata = _bibdata(env)
    return {
        Path(path): {key: bibdata.data.entries[key] for key in bibfile.keys}
        for path, bibfile in bibdata.bibfiles.items()
    }


def preambles(env: BuildEnvironment) -> list[str]:
    """The ``@preamble`` strings of the .bib files, in order."""
    return list(_bibdata(env).data.preamble_list) if bibtex_loaded(env) else []


def parsed_mtime(env: BuildEnvironment, path: Path) -> float | None:
    """The modification time that ``path`` had when sphinxcontrib-bibtex last parsed it."""
    bibfile = _bibdata(env).bibfiles.get(path) if bibtex_loaded(env) else None
    return bibfile.mtime if bibfile is not None else None


def forget_parsed_files(env: BuildEnvironment) -> None:
    """Make sphinxcontrib-bibtex parse the .bib files again in this build (call before it parses them)."""
    if bibtex_loaded(env):
        domain = env.get_domain("cite")
        domain.data["bibdata"] = _bibdata(env)._replace(bibfiles={})


def bibliographies_exist(env: BuildEnvironment) -> bool:
    """True when some page of the project has a ``bibliography`` (or a ``cv-publications`` group that listed some)."""
    return bibtex_loaded(env) and bool(env.get_domain("cite").bibliographies)  # type: ignore[attr-defined]  # BibtexDomain's


def cited_entries(env: BuildEnvironment) -> dict[str, Entry]:
    """The entry of each formatted citation (as listed by a ``bibliography``), by the citation's id."""
    if not bibtex_loaded(env):
        return {}
    citations = env.get_domain("cite").citations  # type: ignore[attr-defined]  # BibtexDomain's, typed as Domain
    return {citation.citation_id: citation.entry for citation in citations}


def start_capturing_parse_errors() -> None:
    """Make pybtex collect its parse errors instead of raising the first (call before the .bib files are parsed)."""
    pybtex.errors.captured_errors = []


def stop_capturing_parse_errors() -> list[PybtexError]:
    """The parse errors collected since :func:`start_capturing_parse_errors`; pybtex raises again from now on."""
    errors, pybtex.errors.captured_errors = pybtex.errors.captured_errors or [], None
    return errors


def latex_citation_anchor(docname: str, citation_id: str) -> str:
    """The hyperref anchor that sphinxcontrib-bibtex's LaTeX ``{cite}`` links point to."""
    return f"cite.{docname}:{citation_id}"
