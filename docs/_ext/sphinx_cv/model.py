"""The CV's data, apart from Sphinx: entry records and kinds, ordering and tag filters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from anyascii import anyascii

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from .dates import DateRange

__all__ = [
    "DEFAULT_SECTION_KINDS",
    "KINDS",
    "SECTION_TITLES",
    "SORT_ORDERS",
    "CvRecord",
    "current_positions",
    "keywords",
    "kind_of_section",
    "matches_tags",
    "parse_tags",
    "slugify",
    "sort_by_dates",
    "title_words",
]

SORT_ORDERS = ("newest-first", "oldest-first", "source")
#: What an entry is; decides where it goes in the JSON-LD (and JSON Resume) of the CV.
KINDS = (
    "work",
    "education",
    "volunteer",
    "awards",
    "certificates",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
    "talks",
    "other",
)
#: Kind -> the English titles of sections whose entries are of that kind; each list is also a message of the
#: catalogs, whose translations give the titles in another language (``translations.section_kinds``).
SECTION_TITLES = {
    "education": "education",
    "work": "experience, professional experience, work, employment, positions",
    "volunteer": "volunteering, volunteer, service",
    "awards": "awards, honours, honors, prizes",
    "talks": "talks, invited talks, presentations",
    "projects": "projects",
    "certificates": "certificates, certifications, licenses",
    "skills": "skills",
    "languages": "languages",
    "interests": "interests, hobbies",
    "references": "references, referees",
}
#: Section title (lower case) -> kind of its entries; ``cv_section_kinds`` in conf.py extends it.
DEFAULT_SECTION_KINDS = {title: kind for kind, titles in SECTION_TITLES.items() for title in titles.split(", ")}


@dataclass(frozen=True)
class CvRecord:
    """One entry (or one-line entry) as plain data: what the JSON-LD and the JSON Resume are made from."""

    kind: str
    title: str  #: a one-line entry's label
    org: str = ""
    location: str = ""
    url: str = ""
    body: str = ""  #: all the text of the body (a one-line entry's details)
    dates: DateRange | None = None
    section: str = ""  #: the title of the section the entry is in
    form: str = "entry"  #: "entry" (cv-entry) or "line" (cv-line)
    area: str = ""  #: the field of a degree
    level: str = ""  #: the level of a skill or language
    summary: str = ""  #: the body's paragraphs (its text outside lists)
    highlights: tuple[str, ...] = ()  #: the items of the body's bullet lists (a nested item on its own)


def current_positions(records: Iterable[CvRecord]) -> list[CvRecord]:
    """The work entries still going on (``… – Present``), in the CV's order."""
    return [record for record in records if record.kind == "work" and record.dates and record.dates.ongoing]


def keywords(records: Sequence[CvRecord]) -> list[str]:
    """What the CV is about, for a document's keywords: the titles of the current positions, the fields of the
    degrees, and the skills and interests, each once, in the CV's order."""
    found = [record.title for record in current_positions(records)]
    for record in records:
        found += [record.area] if record.kind == "education" else []
        found += [record.title] if record.kind in {"skills", "interests"} else []
    return list(dict.fromkeys(word for word in found if word))


#: The longest slug: a file name made of it stays far below any file system's limit.
SLUG_LENGTH = 60


def slugify(text: str) -> str:
    """A file name for ``text``: ASCII, lower case, words joined by hyphens (``Zoë Łukasiewicz-O'Brien`` ->
    ``zoe-lukasiewicz-obrien``), cut after its last whole word within :data:`SLUG_LENGTH`; "" when nothing is left."""
    ascii_text = re.sub(r"['’`]", "", anyascii(text)).lower()
    slug = "-".join(re.findall(r"[a-z0-9]+", ascii_text))
    if len(slug) <= SLUG_LENGTH:
        return slug
    return slug[: SLUG_LENGTH + 1].rsplit("-", 1)[0] or slug[:SLUG_LENGTH]


def title_words(title: str) -> str:
    """A section title as its lower-case words, one space apart (``Centres d'intérêt`` -> ``centres d intérêt``)."""
    return " ".join(re.findall(r"\w+", title.lower()))


def kind_of_section(title: str, mapping: dict[str, str]) -> str:
    """The kind of the entries under a section titled ``title``: exact match, then a word match."""
    words = title_words(title)
    if words in mapping:
        return mapping[words]
    for key, kind in mapping.items():
        if re.search(rf"\b{re.escape(key)}\b", words):
            return kind
    return "other"


T = TypeVar("T")


def parse_tags(text: str | None) -> list[str]:
    """Split a comma-separated ``:tags:`` value into lower-case tags, dropping blanks and repeats."""
    tags: list[str] = []
    for tag in (text or "").split(","):
        tag = " ".join(tag.split()).lower()
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def matches_tags(entry_tags: Iterable[str], wanted: Iterable[str]) -> bool:
    """True when ``wanted`` is empty or shares a tag with ``entry_tags``."""
    wanted = set(wanted)
    return not wanted or bool(wanted.intersection(entry_tags))


def sort_by_dates(items: Iterable[T], dates_of: Callable[[T], DateRange | None], order: str) -> list[T]:
    """Sort ``items`` by their date range; undated items keep their order after the dated ones.

    ``newest-first`` puts ongoing entries first, then the latest start, then the latest end;
    ``oldest-first`` is chronological, by start then end; ``source`` keeps the order.
    """
    items = list(items)
    if order == "source":
        return items
    ranges = [(item, dates_of(item)) for item in items]
    dated = [(item, dates) for item, dates in ranges if dates is not None]
    if order == "newest-first":
        dated.sort(key=lambda pair: (pair[1].ongoing, pair[1].sort_key()), reverse=True)
    else:
        dated.sort(key=lambda pair: pair[1].sort_key())
    return [item for item, _ in dated] + [item for item, dates in ranges if dates is None]
