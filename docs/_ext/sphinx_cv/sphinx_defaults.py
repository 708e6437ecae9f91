"""The values the extension gives Sphinx's own settings (and sphinxcontrib-bibtex's styles): one table, applied in
order at ``config-inited``.

Each row names a setting, how it meets ``conf.py``'s value (:class:`Mode`) and the function that
gives it (None: nothing to set). A later row sees what the earlier ones set: the LaTeX elements
see the engine. :func:`apply_defaults` makes the writes, the extension's only writes to Sphinx's
``Config``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from .confpy import set_in_conf_py
from .epub import NOT_IN_THE_EPUB, epub_metadata
from .jsonresume import keep_quotes
from .pdf.defaults import latex_docclass, latex_documents, latex_elements, latex_files
from .settings import settings
from .web import STATIC_DIR

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from sphinx.application import Sphinx
    from sphinx.config import Config


class Mode(Enum):
    """How a default of the extension meets ``conf.py``'s value of one of Sphinx's settings."""

    UNSET = "set where conf.py leaves it unset"
    ADDED = "its items added to conf.py's list"
    MERGED = "set, having merged conf.py's own keys in"


@dataclass(frozen=True)
class SphinxDefault:
    """One of Sphinx's settings as the extension would have it: ``value(config)``, or None for nothing to set."""

    name: str
    mode: Mode
    value: Callable[[Config], Any]


def apply_defaults(config: Config, defaults: Iterable[SphinxDefault]) -> None:
    """Set each of ``defaults`` in order (a later value sees the earlier ones): the extension's only writes to
    Sphinx's ``Config``."""
    for default in defaults:
        value = default.value(config)
        if value is None:
            continue
        if default.mode is Mode.UNSET and not set_in_conf_py(config, default.name):
            setattr(config, default.name, value)
        elif default.mode is Mode.ADDED:
            current = list(getattr(config, default.name))
            setattr(config, default.name, [*current, *(item for item in value if item not in current)])
        elif default.mode is Mode.MERGED:
            setattr(config, default.name, value)


def _name(config: Config) -> str | None:
    return settings(config).name or None


def _private_letters(config: Config) -> list[str]:
    cv = settings(config)
    if cv.letter_pages:
        return []
    return [f"{page}.md" for page in cv.private_pages]


def _public_letters(config: Config) -> list[str]:
    """A public statement is on the website, not in the EPUB, which is the CV."""
    return [f"{page}.xhtml" for page in settings(config).public_pages]


def _letters_warnings(config: Config) -> list[str]:
    """Statements are each their own PDF: two may list one entry (bibliography/references.py)."""
    return ["bibtex.duplicate_citation"] if settings(config).letter_pages else []


def _cv_style(config: Config) -> str | None:
    """The extension's pybtex style, where sphinxcontrib-bibtex is loaded: its own (``alpha``) prints LaTeX as
    written."""
    return "cv" if "bibtex_default_style" in config else None


def _version(config: Config) -> str | None:
    return None if config.version else "1"  # EPUB metadata needs one


def _epub(key: str) -> SphinxDefault:
    return SphinxDefault(key, Mode.UNSET, lambda config: epub_metadata(config).get(key))


#: The EPUB's settings that ``epub.epub_metadata`` gives.
EPUB_METADATA: tuple[str, ...] = ("epub_basename", "epub_language", "epub_identifier", "epub_uid", "epub_scheme")
EPUB_METADATA += ("epub_description", "epub_contributor")

SPHINX_DEFAULTS = (
    # The project is its owner's: name, author, copyright, the site's title.
    SphinxDefault("project", Mode.UNSET, _name),
    SphinxDefault("author", Mode.UNSET, _name),
    SphinxDefault("copyright", Mode.UNSET, _name),
    SphinxDefault("html_title", Mode.UNSET, _name),
    SphinxDefault("release", Mode.UNSET, _version),  # before version, which it reads
    SphinxDefault("version", Mode.UNSET, _version),
    # Letters are private: no build reads them but the one that writes them (letters.py), unless one is public.
    SphinxDefault("exclude_patterns", Mode.ADDED, _private_letters),
    SphinxDefault("suppress_warnings", Mode.ADDED, _letters_warnings),
    # The website: sphinx_cv.css; a new date of the sources rewrites the pages that show it (its rebuild is html).
    SphinxDefault("html_static_path", Mode.ADDED, lambda config: [str(STATIC_DIR)]),
    SphinxDefault("cv_last_updated", Mode.UNSET, lambda config: settings(config).last_updated or None),
    # The PDF: a CV, not a manual (pdf/defaults.py).
    SphinxDefault("latex_engine", Mode.UNSET, lambda config: settings(config).latex_engine),
    SphinxDefault("latex_docclass", Mode.UNSET, latex_docclass),
    SphinxDefault("latex_elements", Mode.MERGED, latex_elements),
    SphinxDefault("latex_additional_files", Mode.ADDED, latex_files),
    SphinxDefault("latex_documents", Mode.UNSET, latex_documents),
    # The EPUB: its file name, language and metadata (epub.py).
    SphinxDefault("epub_exclude_files", Mode.ADDED, lambda config: NOT_IN_THE_EPUB + _public_letters(config)),
    *map(_epub, EPUB_METADATA),
    # sphinxcontrib-bibtex's styles: the publications as a CV lists them (bibliography/style.py).
    SphinxDefault("bibtex_default_style", Mode.UNSET, _cv_style),
    SphinxDefault("bibtex_reference_style", Mode.UNSET, _cv_style),
    # JSON Resume keeps its quotes as written.
    SphinxDefault("smartquotes_excludes", Mode.UNSET, keep_quotes),
)


def apply_sphinx_defaults(app: Sphinx, config: Config) -> None:
    """Set the table's values, right after the settings are read."""
    apply_defaults(config, SPHINX_DEFAULTS)
