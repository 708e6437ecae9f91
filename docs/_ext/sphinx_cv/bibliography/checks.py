"""Checks of ``refs.bib``: a malformed file or an incomplete entry is reported at its line, never a crash.

sphinxcontrib-bibtex parses the .bib files at ``builder-inited``. pybtex raises
on a syntax error there, which stops the build with a traceback. Around that
parse, pybtex's errors are captured instead (see :mod:`.adapter`), so that the
parse goes on past the bad entry, and each error is then reported at the file
and line of the entry.

What cannot be printed truthfully (an entry pybtex cannot read, a key given twice) is a Sphinx warning, which
``-W`` makes an error. What an entry leaves out or gets wrong while it is still printed
with what it has (a missing field, a field written twice, a type the list
does not know, a macro it does not know, ``and and`` or an empty name, the same
publication twice) is a *note*: listed in a summary at the end of
the build, located, unless ``cv_bib_strict`` makes each a warning (``nox -s check``), so
that a real researcher's export builds as it is.

sphinxcontrib-bibtex parses a file again only when it changes, so the problems of
a parse are kept in the ``cv`` domain with the file's modification time and
repeated on every build until the file changes: a ``-W`` build never passes with
an entry silently missing.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from sphinx.util import logging
from sphinx.util.console import bold

from ..domain import cv_domain
from ..links import LinkError, is_link, link_target
from .adapter import bib_files, parsed_mtime, start_capturing_parse_errors, stop_capturing_parse_errors
from .latex import unknown_macros
from .style import LAYOUTS, MATERIALS, layout_of, plain_title

if TYPE_CHECKING:
    from pybtex.database import Entry
    from pybtex.exceptions import PybtexError
    from sphinx.application import Sphinx


logger = logging.getLogger(__name__)

#: Fields without which an entry cannot be set in the publication list; a ``misc`` entry (a preprint, a talk's
#: slides, a publication whose date a CV file did not give) needs no year, as in BibTeX, nor does one with a
#: ``pubstate`` (in press, submitted).
REQUIRED_FIELDS = ("title", "year")
UNDATED_TYPES = frozenset({"misc"})
#: The fields the publication list shows, whose LaTeX macros must be known.
SHOWN_FIELDS: tuple[str, ...] = ("title", "journal", "booktitle", "publisher", "organization", "howpublished")
SHOWN_FIELDS += ("note", "school", "institution", "collaboration", "type")
#: The types a warning suggests: BibTeX's and BibLaTeX's most used (every type of ``LAYOUTS`` is known).
MAIN_TYPES = ("article", "book", "incollection", "inproceedings", "online", "phdthesis", "report", "unpublished")
#: The venue each layout sets: BibTeX's required field (``normalise.py`` has filled it from BibLaTeX's name).
VENUES = {
    "article": "journal",
    "inproceedings": "booktitle",
    "incollection": "booktitle",
    "techreport": "institution",
    "phdthesis": "school",
    "mastersthesis": "school",
    "thesis": "school",
}
_REPEATED = re.compile(r"repeated bibliography entry: (?P<key>\S+)")
#: ``and and`` in a list of names.
_DOUBLE_AND = re.compile(r"\band\s+and\b")
#: pybtex's error for a field written twice in one entry, which names no file.
_DUPLICATE_FIELD = re.compile(r"entry with key (?P<key>\S+) has a duplicate (?P<field>\S+) field")


class Problem(NamedTuple):
    """What a .bib file gets wrong, at its file and line."""

    message: str
    location: str | None
    printed: bool = True  #: the entry is still printed, with what it has: a note unless ``cv_bib_strict``


def start_capture(app: Sphinx) -> None:
    """Collect pybtex's errors instead of raising them (runs before sphinxcontrib-bibtex parses)."""
    start_capturing_parse_errors()


def report_bib_problems(app: Sphinx, name_macros: dict[Path, dict[str, frozenset[str]]], strict: bool) -> None:
    """Report each parse error of the .bib files and each unknown macro of their names (this parse's, or the last
    parse's), and each incomplete entry; ``name_macros`` are those that normalising the entries found. ``strict``
    (``cv_bib_strict``): what an entry still printed gets wrong is a warning, not a note."""
    errors = stop_capturing_parse_errors()
    files = bib_files(app.env)
    domain = cv_domain(app.env)
    domain.bib_notes.clear()
    found: dict[Path, list[Problem]] = {path: [] for path in files}
    for error in errors:
        path, problem = _parse_problem(error, list(files))
        found.setdefault(path, []).append(problem)
    for path, macros in name_macros.items():
        found.setdefault(path, []).extend(_macro_problems(path, macros, "a name"))
    problems: list[Problem] = []
    for path in files:
        mtime = parsed_mtime(app.env, path)
        if domain.bib_warnings.get(str(path), (None, []))[0] != mtime:  # parsed in this build
            domain.bib_warnings[str(path)] = (mtime, found[path])
        problems += domain.bib_warnings[str(path)][1]
    for path, entries in files.items():
        for key, entry in entries.items():
            problems += _entry_problems(path, key, entry)
        problems += _macro_problems(path, _unknown_macros(entries), "its fields")
        problems += _name_list_problems(path, entries)
        problems += _duplicate_problems(path, entries)
    for problem in problems:
        if strict or not problem.printed:
            logger.warning(problem.message, location=problem.location, type="cv", subtype="bib")
        else:
            domain.bib_notes.append(problem)


def summarise_notes(app: Sphinx, exception: Exception | None) -> None:
    """List the notes on ``refs.bib`` at the end of the build, where they are read, each at its line."""
    notes = cv_domain(app.env).bib_notes if exception is None else []
    if not notes:
        return
    logger.info("")
    logger.info(
        bold(
            f"{len(notes)} {'note' if len(notes) == 1 else 'notes'} on the bibliography: entries printed with what "
            "they have (cv_bib_strict = True in conf.py, or nox -s check, makes each an error):"
        )
    )
    for note in notes:
        logger.info(note.message, location=note.location)


def _unknown_macros(entries: dict[str, Entry]) -> dict[str, frozenset[str]]:
    """Entry key -> the LaTeX macros of its shown fields that the publication list does not know."""
    return {
        key: frozenset().union(*(unknown_macros(entry.fields.get(name, "")) for name in SHOWN_FIELDS))
        for key, entry in entries.items()
    }


def _macro_problems(path: Path, by_entry: dict[str, frozenset[str]], where: str) -> list[Problem]:
    """One problem per unknown macro of ``by_entry`` (entry key -> its unknown macros), at its first entry."""
    uses: dict[str, list[str]] = {}
    for key, macros in by_entry.items():
        for macro in sorted(macros):
            uses.setdefault(macro, []).append(key)
    problems: list[Problem] = []
    for macro, keys in uses.items():
        others = len(set(keys)) - 1
        message = (
            f"bibliography entry {keys[0]!r} uses \\{macro} in {where}, a LaTeX macro the publication list does not "
            f"know, so only its argument is shown{f' (here and in {others} other entries)' if others else ''}; define "
            f"it in conf.py (cv_bib_macros = {{{macro!r}: '#1'}}) or in the file's @preamble, or write the text it "
            "stands for"
        )
        problems.append(Problem(message, entry_location(path, keys[0])))
    return problems


def _parse_problem(error: PybtexError, paths: list[Path]) -> tuple[Path, Problem]:
    """The file that ``error`` is about, and its problem."""
    repeated = _REPEATED.match(str(error))
    if repeated:
        places = [(path, line) for path in paths for line in _entry_lines(path, repeated["key"])]
        path, line = places[1] if len(places) > 1 else (paths[0] if paths else Path(), None)
        message = f"{error}; give each entry its own key (the first one is kept, this one is left out)"
        return path, Problem(message, _location(path, line), printed=False)
    duplicate = _DUPLICATE_FIELD.match(str(error))
    if duplicate:
        places = [(path, line) for path in paths for line in _entry_lines(path, duplicate["key"])]
        path, line = places[0] if places else (paths[0] if paths else Path(), None)
        message = (
            f"bibliography entry {duplicate['key']!r} has its {duplicate['field']} field twice; only the first is "
            "read: keep one (or merge them into one)"
        )
        return path, Problem(message, _location(path, line))
    path = Path(getattr(error, "filename", "") or "")  # get_filename() fails on the Path it is given
    lineno = getattr(error, "lineno", None)
    entries = _entry_lines(path)
    # An error found where the next entry opens belongs to the entry before it.
    starts = [line for line in entries if lineno is None or line < lineno or (line == lineno and line == entries[0])]
    location = _location(path, starts[-1] if starts else lineno) if path.name else None
    message = (
        f"malformed entry in the bibliography ({error}); check its braces, quotes and commas "
        "(the entry is left out or incomplete)"
    )
    return path, Problem(message, location, printed=False)


def _lines(path: Path) -> list[str]:
    """The lines of ``path`` (none when it cannot be read; a character that is not UTF-8, as in a Latin-1 file with
    ``bibtex_encoding = "latin-1"``, is read as U+FFFD and keeps its line's number)."""
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _entry_problems(path: Path, key: str, entry: Entry) -> list[Problem]:
    """What the entry leaves out or gets wrong: each printed with what it has."""
    layout = layout_of(entry.type)
    undated = (layout or "misc") in UNDATED_TYPES or bool(entry.fields.get("pubstate", "").strip())
    required = [name for name in REQUIRED_FIELDS if name != "year" or not undated]
    missing = [name for name in required if not entry.fields.get(name, "").strip()]
    if not entry.persons.get("author") and not entry.persons.get("editor") and not entry.fields.get("collaboration"):
        missing.append("author")
    venue = VENUES.get(layout or "")
    if venue and not entry.fields.get(venue, "").strip():
        missing.append(venue)
    url, url_error = entry.fields.get("url", ""), None
    if url:
        try:
            link_target(url)
        except LinkError as error:
            url_error = error
    files = [name for name in MATERIALS if entry.fields.get(name, "").strip() and not is_link(entry.fields[name])]
    if not missing and url_error is None and layout is not None and not files:
        return []
    location = entry_location(path, key)  # reads the file: only for a problem
    problems = []
    if layout is None:
        known = difflib.get_close_matches(entry.type.lower(), LAYOUTS, n=1)
        advice = f"did you mean @{known[0]}?" if known else f"write @misc, or one of @{', @'.join(MAIN_TYPES)}"
        message = (
            f"bibliography entry {key!r} is a @{entry.type}, a type the publication list does not know; it is set "
            f"as @misc ({advice})"
        )
        problems.append(Problem(message, location))
    if url_error is not None:
        message = f"bibliography entry {key!r} has a url that cannot be a link ({url!r} {url_error}); it is left out"
        problems.append(Problem(message, location))
    for name in files:
        message = (
            f"bibliography entry {key!r} has {name} = {{{entry.fields[name]}}}, a file of an al-folio site, not an "
            "address; write its whole address (https://...) to link it (it is left out)"
        )
        problems.append(Problem(message, location))
    if missing:
        message = (
            f"bibliography entry {key!r} has no {' or '.join(missing)}; add "
            f"{', '.join(f'{name} = {{...}}' for name in missing)} (the entry is listed without it)"
        )
        problems.append(Problem(message, location))
    return problems


def _name_list_problems(path: Path, entries: dict[str, Entry]) -> list[Problem]:
    """``and and`` in the file (BibTeX reads one ``and``: a name is missing, or the word is written twice), and each
    name without a surname (``Smith, A. and , B.``, ``Smith, A. and``)."""
    problems = []
    starts, text = _entry_lines(path), "\n".join(_lines(path))
    for match in _DOUBLE_AND.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if not any(start <= line for start in starts):
            continue
        message = (
            "'and and' in a list of names: BibTeX reads it as one 'and', so a name is missing or "
            "the word is written twice; write one name between each 'and'"
        )
        problems.append(Problem(message, _location(path, line)))
    for key, entry in entries.items():
        for role, people in entry.persons.items():
            for person in people:
                if not person.last_names:
                    message = (
                        f"bibliography entry {key!r} has a name without a surname in its {role} list "
                        f"({str(person).strip(' ,')!r}); write the whole name, or delete the 'and' before it"
                    )
                    problems.append(Problem(message, entry_location(path, key)))
    return problems


def _duplicate_problems(path: Path, entries: dict[str, Entry]) -> list[Problem]:
    """Each entry that repeats an earlier one: the same DOI (in any case), or the same title and year. Both are
    listed, as the file has them."""
    first_of: dict[tuple[str, ...], str] = {}
    problems = []
    for key, entry in entries.items():
        doi = entry.fields.get("doi", "").strip().lower()
        title = " ".join(re.findall(r"\w+", plain_title(entry).casefold()))
        marks: list[tuple[str, ...]] = [("the same DOI", doi)] if doi else []
        marks += [("the same title and year", title, entry.fields.get("year", "").strip())] if title else []
        for mark in marks:
            first = first_of.setdefault(mark, key)
            if first != key:
                message = (
                    f"bibliography entry {key!r} is {first!r} again ({mark[0]}); both are listed: delete one, or "
                    "keep both if they are two publications"
                )
                problems.append(Problem(message, entry_location(path, key)))
                break
    return problems


def _entry_lines(path: Path, key: str | None = None) -> list[int]:
    """The lines where entries (or the entries with ``key``) open: ``@type{key,``."""
    pattern = re.compile(r"^\s*@\s*\w+\s*[{(]\s*" + (re.escape(key) + r"\s*," if key else ""))
    return [lineno for lineno, line in enumerate(_lines(path), 1) if pattern.search(line)]


def entry_location(path: Path, key: str) -> str:
    """Where the entry ``key`` opens in ``path``, as a warning location."""
    return _location(path, next(iter(_entry_lines(path, key)), None))


def _location(path: Path, lineno: int | None) -> str:
    """A warning location as Sphinx prints it (``path:line``, or ``path:`` without a line).

    A (docname, line) pair, or a string without a colon, would be taken for a document name.
    """
    return f"{path}:{lineno or ''}"
