"""What a CV's sources say, read from the environment of a Sphinx build of them, page by page.

The tests of the CV in ``docs/`` (and of the CVs that ``new`` and ``import`` write) look for
these in every output, so that they hold for anybody's CV, not for one list of facts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sphinx_cv.bibliography.adapter import bib_files
from sphinx_cv.bibliography.names import full_name
from sphinx_cv.bibliography.style import plain_title
from sphinx_cv.dates import WrittenDates
from sphinx_cv.domain import reading_order
from sphinx_cv.settings import settings
from sphinx_cv.translations import date_words, language_tag

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.testing.util import SphinxTestApp
    from sphinx_cv.dates import DateRange, DateWords


@dataclass
class Facts:
    """The owner's name, and what each page of the CV must show (its texts, in its own words)."""

    name: str
    language: str  #: Sphinx's language, as a BCP 47 tag (en, pt-BR)
    order: list[str]  #: the pages, in the CV's reading order
    titles: dict[str, str]  #: page -> its title
    pages: dict[str, list[str]] = field(default_factory=dict)  #: page -> the texts of its entries and intro
    publications: list[str] = field(default_factory=list)  #: titles and authors of refs.bib's entries
    contact: list[str] = field(default_factory=list)  #: the contact line's items
    #: the entries' dates, as printed (also among the pages' texts) -> the lines of the dates column they may take
    #: (it breaks a range only after its separator: "1 сент. 2024 г. —", "31 авг. 2028 г.")
    dates: dict[str, list[str]] = field(default_factory=dict)
    #: the one-line entries as two columns, whose lines a reader may interleave: label and level, then the details
    rows: list[tuple[list[str], list[str]]] = field(default_factory=list)

    def everything(self) -> list[str]:
        return [text for texts in self.pages.values() for text in texts] + self.publications


def facts_of(app: SphinxTestApp) -> Facts:
    """The facts of the CV that ``app`` built."""
    env = app.env
    order = reading_order(env, app.config.root_doc)
    domain = env.get_domain("cv")
    titles = {docname: env.titles[docname].astext() for docname in order}
    facts = Facts(settings(app.config).name, language_tag(app.config.language), order, titles)
    words = date_words(app.config.language)  # dates as the CV writes them
    for docname in order:
        texts = [entry.record for entry in domain.entries.get(docname, [])]
        facts.dates |= {record.dates.label(words): column_lines(record.dates, words)
                        for record in texts if record.dates}  # fmt: skip
        facts.rows += [([record.title, record.level], [record.summary, *record.highlights])
                       for record in texts if record.form == "line"]  # fmt: skip
        facts.pages[docname] = [
            text
            for record in texts
            for text in (record.title, record.area, record.org, record.location, record.level, record.summary,
                         *record.highlights, record.dates.label(words) if record.dates else "")
            if text
        ]  # fmt: skip
    intro = domain.intros.get(app.config.root_doc, "")
    if intro:
        facts.pages[app.config.root_doc].append(intro)
    for entries in bib_files(env).values():
        for entry in entries.values():
            facts.publications.append(plain_title(entry))
            facts.publications += [full_name(person) for person in entry.persons.get("author", [])]
    facts.contact = [item.label for item in settings(app.config).contact]
    return facts


def column_lines(dates: DateRange, words: DateWords) -> list[str]:
    """The lines that ``dates`` may take in the dates column: one, or the start with the separator, then the end."""
    parts, separator = dates.rendered(words)
    if isinstance(dates, WrittenDates) or len(parts) == 1:
        return [dates.label(words)]
    return [(parts[0][0] + separator).strip(), parts[1][0].strip()]


#: Sphinx makes quotes typographic (smartquotes); a source's straight quotes count the same.
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "–": "--", "—": "---"})


def squeeze(text: str) -> str:
    """Text without white space, case-folded, quotes straight: robust to line breaks, headings set in capitals."""
    return re.sub(r"\s+", "", text).casefold().translate(_QUOTES)


def missing(texts: list[str], output: str) -> list[str]:
    """The ``texts`` that ``output`` lacks."""
    haystack = squeeze(output)
    return [text for text in texts if squeeze(text) not in haystack]


def words(text: str) -> str:
    """Text as words: each run of white space one space, case-folded, quotes straight; hyphens left out with the
    line breaks after them (readers differ in how they join a line that ends with a hyphen), and no space before
    punctuation (which some readers put where the font changes, as in "``Mar 2023``,")."""
    text = re.sub(r"\s+([,.;:!?)\]])", r"\1", " ".join(text.split()))
    return re.sub(r"-\s*", "", text).casefold().translate(_QUOTES)


def missing_words(
    texts: list[str], output: str, aside: Iterable[str] = (), rows: Iterable[tuple[list[str], list[str]]] = ()
) -> list[str]:
    """The ``texts`` that ``output`` lacks as words: with a space between each two of their words, or one of
    ``aside`` (a column beside the text, which a reader may put where the text's line ends); or, for the texts of
    one of ``rows`` (two columns side by side), with the row's words interleaved, each column's in order (a reader
    that follows the page's lines reads a line of each in turn)."""
    haystack = words(output)
    gap = r"(?: (?:{}))? ".format("|".join(re.escape(words(text)) for text in aside)) if aside else " "
    lacking = [text for text in texts if not re.search(gap.join(map(re.escape, words(text).split(" "))), haystack)]
    interleaved = {text for row in rows if _found_interleaved(row, haystack.split(" ")) for column in row
                   for text in column}  # fmt: skip
    return [text for text in lacking if text not in interleaved]


def _found_interleaved(row: tuple[list[str], list[str]], haystack: list[str]) -> bool:
    """Whether ``haystack`` holds the two columns' words somewhere, merged, each column's in order."""
    left, right = ([word for text in column if text for word in words(text).split(" ")] for column in row)
    size = len(left) + len(right)
    starts = {*left[:1], *right[:1]}
    return any(
        _interleaves(haystack[at : at + size], left, right) for at, word in enumerate(haystack) if word in starts
    )


def _interleaves(window: list[str], left: list[str], right: list[str]) -> bool:
    """Whether ``window`` is ``left`` and ``right`` merged, each in its order."""
    if len(window) != len(left) + len(right):
        return False
    reachable = {(0, 0)}  # (words of left, words of right) that the window's first words can be
    for word in window:
        reachable = {(i + 1, j) for i, j in reachable if i < len(left) and left[i] == word} | {
            (i, j + 1) for i, j in reachable if j < len(right) and right[j] == word
        }
    return (len(left), len(right)) in reachable


def letters(text: str) -> str:
    """The letters and digits of ``text``: no spaces, punctuation, marks or bidirectional controls."""
    return "".join(char for char in text if unicodedata.category(char)[0] in "LN")


def unread(
    texts: list[str],
    reading: str,
    layout: str = "",
    aside: Iterable[str] = (),
    rows: Iterable[tuple[list[str], list[str]]] = (),
) -> list[str]:
    """What a reader's ``reading`` lacks of ``texts``: as words (:func:`missing_words`); with ``layout``
    "unspaced" (Chinese, Japanese), each text without spaces, which writers put beside Latin letters; with
    "right-to-left" (Hebrew), each word's letters, in logical or visual order (readers put digits, brackets and
    punctuation in orders of their own)."""
    if layout == "right-to-left":
        read = letters(reading)
        words = dict.fromkeys(letters(word) for text in texts for word in text.split())
        return [word for word in words if word and word not in read and word[::-1] not in read]
    if layout == "unspaced":
        read = "".join(reading.split())
        return [text for text in texts if "".join(text.split()) not in read]
    return missing_words(texts, reading, aside=aside, rows=rows)


#: How each test CV's text is laid out, as :func:`unread` reads it.
LAYOUTS = {"test-hebrew": "right-to-left", "test-japanese": "unspaced", "test-chinese": "unspaced"}
