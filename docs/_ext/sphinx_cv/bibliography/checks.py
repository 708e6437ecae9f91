"""Checks of ``refs.bib``: a malformed file or an incomplete entry is a located warning, not a crash.

sphinxcontrib-bibtex parses the .bib files at ``builder-inited``. pybtex raises
on a syntax error there, which stops the build with a traceback. Around that
parse, pybtex's errors are captured instead (its own ``captured_errors``
mechanism), so that the parse goes on past the bad entry, and each error is then
reported as a Sphinx warning at the file and line of the entry.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pybtex.errors
from sphinx.util import logging

from ..model import is_safe_url

if TYPE_CHECKING:
    from pybtex.database import Entry
    from pybtex.exceptions import PybtexError
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: Fields without which an entry cannot be set in the publication list.
REQUIRED_FIELDS = ("title", "year")
_REPEATED = re.compile(r"repeated bibliography entry: (?P<key>\S+)")


def start_capture(app: Sphinx) -> None:
    """Collect pybtex's errors instead of raising them (runs before sphinxcontrib-bibtex parses)."""
    pybtex.errors.captured_errors = []


def report_captured(app: Sphinx) -> None:
    """Warn about each captured parse error and each incomplete entry (runs after the parse)."""
    errors, pybtex.errors.captured_errors = pybtex.errors.captured_errors or [], None
    if "sphinxcontrib.bibtex" not in app.extensions:
        return
    bibdata = getattr(app.env.get_domain("cite"), "bibdata", None)
    paths = [Path(path) for path in bibdata.bibfiles] if bibdata else []
    for error in errors:
        _warn_parse_error(error, paths)
    for path in paths:
        for key in bibdata.bibfiles[path].keys:
            _check_entry(path, key, bibdata.data.entries[key])


def _warn_parse_error(error: PybtexError, paths: list[Path]) -> None:
    repeated = _REPEATED.match(str(error))
    if repeated:
        places = [(path, line) for path in paths for line in _entry_lines(path, repeated["key"])]
        location = _location(*places[1]) if len(places) > 1 else None
        message = f"{error}; give each entry its own key (the first one is kept)"
    else:
        path = Path(getattr(error, "filename", "") or "")  # get_filename() fails on the Path it is given
        lineno = getattr(error, "lineno", None)
        entries = _entry_lines(path)
        # An error found where the next entry opens belongs to the entry before it.
        starts = [
            line for line in entries if lineno is None or line < lineno or (line == lineno and line == entries[0])
        ]
        location = _location(path, starts[-1] if starts else lineno) if path.name else None
        message = (f"malformed entry in the bibliography ({error}); check its braces, quotes and commas "
                   "(the entry is left out or incomplete)")  # fmt: skip
    logger.warning(message, location=location, type="cv", subtype="bib")


def _check_entry(path: Path, key: str, entry: Entry) -> None:
    missing = [name for name in REQUIRED_FIELDS if not entry.fields.get(name, "").strip()]
    if not entry.persons.get("author") and not entry.persons.get("editor"):
        missing.append("author")
    url = entry.fields.get("url", "")
    if url and not is_safe_url(url):
        logger.warning("bibliography entry %r has a url that is not an http(s) address (%r); it is left out",
                       key, url, location=_location(path, next(iter(_entry_lines(path, key)), None)),
                       type="cv", subtype="bib")  # fmt: skip
    if missing:
        logger.warning(
            "bibliography entry %r has no %s; add %s (the entry is listed without it)",
            key, " or ".join(missing), ", ".join(f"{name} = {{...}}" for name in missing),
            location=_location(path, next(iter(_entry_lines(path, key)), None)), type="cv", subtype="bib",
        )  # fmt: skip


def _entry_lines(path: Path, key: str | None = None) -> list[int]:
    """The lines where entries (or the entries with ``key``) open: ``@type{key,``."""
    pattern = re.compile(r"^\s*@\s*\w+\s*[{(]\s*" + (re.escape(key) + r"\s*," if key else ""))
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [lineno for lineno, line in enumerate(lines, 1) if pattern.search(line)]


def _location(path: Path, lineno: int | None) -> str:
    """A warning location as Sphinx prints it (``path:line``, or ``path:`` without a line).

    A (docname, line) pair, or a string without a colon, would be taken for a document name.
    """
    return f"{path}:{lineno or ''}"
