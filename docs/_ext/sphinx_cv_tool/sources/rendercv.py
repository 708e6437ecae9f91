"""Import a RenderCV file (https://docs.rendercv.com, 2.x): its ``cv`` part, read by RenderCV's own rules.

The header fields go to ``conf.py`` (name, contact) and the home page (headline);
each section becomes a page. A section's entries are of one type, found as RenderCV
finds it (the first entry whose fields name a type): education, experience and normal
entries become ``cv-entry``; one-line and reversed-numbered entries ``cv-line``;
bullet and numbered entries a list; text entries paragraphs; publications go to
``refs.bib``. RenderCV's texts are Markdown and stay Markdown; a highlight's
`` - `` starts a nested item, as in RenderCV. ``design``, ``locale`` (but its
language) and ``settings`` are about RenderCV's own output, and are listed as left out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sphinx_cv.api import LinkError, link_target, name_key, person, same_person

from .document import (
    Bullets,
    Document,
    Entry,
    Highlight,
    Line,
    Markup,
    Paragraphs,
    Publication,
    Section,
    publication_key,
)
from .inline import Inline, parse_inline
from .markup import bibtex_name, one_line
from .reading import (
    Located,
    SourceError,
    bibtex_date,
    choose_language,
    contact_entry,
    dates_or_text,
    give_language,
    language_code,
    load_yaml,
    note,
)

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["read_rendercv"]

CV_FIELDS = frozenset(
    {
        "name",
        "headline",
        "location",
        "email",
        "phone",
        "website",
        "photo",
        "social_networks",
        "custom_connections",
        "sections",
    }
)
TOP_LEVEL = frozenset({"cv", "design", "locale", "settings", "rendercv_settings"})
#: Each entry type: the fields that name it (RenderCV's order of detection), the required and the other fields.
DATED = frozenset({"date", "start_date", "end_date", "location", "summary", "highlights"})
TYPES: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {
    "one-line": (frozenset({"label", "details"}), frozenset({"label", "details"}), frozenset()),
    "normal": (frozenset({"name"}), frozenset({"name"}), DATED),
    "experience": (frozenset({"company", "position"}), frozenset({"company", "position"}), DATED),
    "education": (frozenset({"institution", "area", "degree"}), frozenset({"institution", "area"}), DATED | {"degree"}),
    "publication": (
        frozenset({"title", "authors", "doi", "url", "journal"}),
        frozenset({"title", "authors"}),
        frozenset({"summary", "doi", "url", "journal", "date"}),
    ),
    "bullet": (frozenset({"bullet"}), frozenset({"bullet"}), frozenset()),
    "numbered": (frozenset({"number"}), frozenset({"number"}), frozenset()),
    "reversed-numbered": (frozenset({"reversed_number"}), frozenset({"reversed_number"}), frozenset()),
}
#: The text fields of education, experience and normal entries that the CV shows.
_SHOWN = ("degree", "area", "institution", "position", "company", "name", "location", "summary")
#: The fields that give an entry of each type its title.
_TITLE_FIELDS = {"education": "degree, area or institution", "experience": "position or company", "normal": "name"}
#: The kind of a section's entries when its title does not say it.
TYPE_KINDS = {"experience": "work", "education": "education"}
#: RenderCV's locale languages -> Sphinx's language codes.
LANGUAGES = {
    "english": "en",
    "arabic": "ar",
    "danish": "da",
    "dutch": "nl",
    "french": "fr",
    "german": "de",
    "hebrew": "he",
    "hindi": "hi",
    "hungarian": "hu",
    "indonesian": "id",
    "italian": "it",
    "japanese": "ja",
    "korean": "ko",
    "mandarin_chinese": "zh_CN",
    "norwegian_bokmål": "nb_NO",
    "norwegian_nynorsk": "nn",
    "persian": "fa",
    "portuguese": "pt",
    "russian": "ru",
    "spanish": "es",
    "turkish": "tr",
    "vietnamese": "vi",
}
#: Words RenderCV keeps in lower case when it makes a title of a key (``education_and_training``).
_SMALL_WORDS = frozenset(
    [
        "a",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "if",
        "in",
        "into",
        "like",
        "near",
        "nor",
        "of",
        "off",
        "on",
        "onto",
        "or",
        "over",
        "so",
        "than",
        "that",
        "to",
        "upon",
        "when",
        "with",
        "yet",
    ]
)
#: ``*Name*``, ``**Name**``, ``***Name***``: how RenderCV's authors mark the CV's owner.
_EMPHASIS = re.compile(r"^([*_]{1,3})(.+?)\1$")


def section_title(key: str) -> str:
    """The title RenderCV shows for a section's key: as written, or ``snake_case`` in title case."""
    if " " in key or key != key.lower():
        return key
    return " ".join(word if word in _SMALL_WORDS else word.capitalize() for word in key.split("_"))


def read_rendercv(path: Path, text: str) -> Document:
    """The CV of a RenderCV file; raises :class:`SourceError` naming the file and line of a problem."""
    source = load_yaml(path, text)
    if not isinstance(source.data, dict) or not isinstance(source.data.get("cv"), dict):
        raise source.error((), "a RenderCV file has a cv: part with name, sections, ... (see docs.rendercv.com)")
    return _Reader(source).document()


class _Reader:
    def __init__(self, source: Located) -> None:
        self.source = source
        self.cv: dict[str, Any] = source.data["cv"]
        #: What the file gets wrong that RenderCV refuses too: all of them are said at once, at the end.
        self.problems = [
            source.error(("cv", name), f"not a field of RenderCV's cv; use one of {', '.join(sorted(CV_FIELDS))}")
            for name in sorted(set(self.cv) - CV_FIELDS)
        ]
        if not str(self.cv.get("name") or "").strip():
            raise source.error(("cv",), "has no name: add name: to cv, the CV's owner")
        self.doc = Document(name=one_line(str(self.cv["name"])))
        self.keys: set[str] = set()
        self.owners: list[str] = []

    def left_out(self, where: tuple[Any, ...], why: str) -> None:
        self.doc.left_out.append(note(where, f"left out: {why}"))

    def _inline(self, where: tuple[Any, ...], text: object) -> Inline:
        """RenderCV's inline markup of ``text``, read on one line; what has no place in the CV is reported."""
        inline, notes = parse_inline(one_line(str(text)))
        for dropped in notes:
            self.left_out(where, dropped)
        return inline

    def _markdown(self, where: tuple[Any, ...], text: object) -> Markup:
        """RenderCV's Markdown (and Typst) as MyST: emphasis and links kept, every other character text."""
        return Markup(self._inline(where, text).myst())

    def _plain(self, where: tuple[Any, ...], text: object) -> str:
        """RenderCV's Markdown as plain text, for a BibTeX field (links kept as their text)."""
        return self._inline(where, text).plain()

    def document(self) -> Document:
        data = self.source.data
        for name in sorted(set(data) - TOP_LEVEL):
            self.problems.append(
                self.source.error((name,), "not a part of a RenderCV file; use cv, design, locale or settings")
            )
        self._header()
        for title, entries in (self.cv.get("sections") or {}).items():
            try:
                self._section(str(title), entries)
            except SourceError as error:
                self.problems.append(error)
        if self.problems:
            raise SourceError("\n".join(str(problem) for problem in self.problems))
        for key in ("design", "settings", "rendercv_settings"):
            if data.get(key):
                self.left_out((key,), "how RenderCV sets its own output; this CV's look comes from its themes")
        self._locale(data.get("locale") or {})
        choose_language(self.doc, self.cv)
        owner = name_key(person(self.doc.name))
        self.doc.name_variants = [
            name for name in dict.fromkeys(self.owners) if not same_person(name_key(person(name)), owner)
        ]
        return self.doc

    def _header(self) -> None:
        cv, doc = self.cv, self.doc
        if cv.get("headline"):
            doc.headline = self._markdown(("cv", "headline"), cv["headline"])
        if cv.get("location"):
            doc.contact["location"] = one_line(str(cv["location"]))
        for key in ("email", "phone", "website"):
            values = cv.get(key) or []
            for index, value in enumerate(values if isinstance(values, list) else [values]):
                value = str(value).removeprefix("tel:")
                entry = contact_entry(key, value)
                if entry is None:
                    self.left_out(("cv", key, index), f"{value!r} is not a valid {key}")
                else:
                    _add(doc.contact, *entry)
        for index, profile in enumerate(cv.get("social_networks") or []):
            network, user = str(profile.get("network", "")), str(profile.get("username", ""))
            entry = contact_entry(network, user)
            if entry is None:
                self.left_out(("cv", "social_networks", index), f"{user!r} on {network}: no profile address to link")
            else:
                _add(doc.contact, *entry)
        for index, connection in enumerate(cv.get("custom_connections") or []):
            label, url = one_line(str(connection.get("placeholder", ""))), str(connection.get("url") or "")
            entry = contact_entry(label, "", url) if label and url else None
            if entry is None:
                self.left_out(
                    ("cv", "custom_connections", index),
                    f"the connection {label!r} to {url!r}: a connection is linked to an http(s), mailto or tel address",
                )
            else:
                _add(doc.contact, *entry)
        if cv.get("photo"):
            self.left_out(("cv", "photo"), "a picture; the CV shows no photo")

    def _locale(self, locale: dict[str, Any]) -> None:
        language = str(locale.get("language") or "").strip().lower()
        if language and language not in LANGUAGES and not language_code(language):
            self.left_out(("locale", "language"), f"{language!r} is not one of RenderCV's languages")
        elif language:
            lacking = give_language(self.doc, LANGUAGES.get(language) or language)
            if lacking:
                self.left_out(("locale", "language"), lacking)
        if set(locale) - {"language"}:
            self.left_out(("locale",), "RenderCV's own words and date formats; this CV's come from its language")

    def _section(self, title: str, entries: Any) -> None:
        where = ("cv", "sections", title)
        if entries is None:
            entries = []
        if not isinstance(entries, list):
            raise self.source.error(where, "each section is a list of entries (- ...)")
        kind = self._type(where, entries)
        if kind is None:
            return
        section = Section(section_title(title), kind=TYPE_KINDS.get(kind, ""), publications=kind == "publication")
        self.doc.sections.append(section)
        if kind in {"bullet", "numbered"}:
            field = "bullet" if kind == "bullet" else "number"
            section.items.append(
                Bullets(
                    [
                        Highlight(self._markdown((*where, index, field), entry[field]))
                        for index, entry in enumerate(entries)
                    ],
                    numbered=kind == "numbered",
                )
            )
        for index, entry in enumerate(entries):
            at = (*where, index)
            if kind == "text":
                section.items.append(Paragraphs([self._markdown(at, entry)]))
            elif kind == "one-line":
                label, details = (self._markdown((*at, name), entry[name]) for name in ("label", "details"))
                if label:
                    section.items.append(Line(label, details))
                else:
                    self.left_out(at, "a one-line entry without label to show")
            elif kind == "reversed-numbered":
                details = self._markdown((*at, "reversed_number"), entry["reversed_number"])
                section.items.append(Line(f"{len(entries) - index}.", details))
            elif kind == "publication":
                publication = self._publication(at, entry, section)
                self.doc.publications += [publication] if publication else []
            elif kind not in {"bullet", "numbered"}:
                item = self._entry(at, kind, entry)
                section.items += [item] if item else []
            if isinstance(entry, dict):
                known = TYPES[kind][1] | TYPES[kind][2]
                for extra in sorted(set(entry) - known):
                    if entry[extra] not in (None, ""):
                        self.left_out(
                            (*at, extra), f"not a field of RenderCV's {kind} entries (only custom templates show it)"
                        )

    def _type(self, where: tuple[Any, ...], entries: list[Any]) -> str | None:
        """The section's entry type, found and checked as RenderCV does; None, with each entry's problem kept, when
        some of its entries are not of that type."""
        if not entries or all(isinstance(entry, str) for entry in entries):
            return "text"
        detected = next(
            (
                kind
                for entry in entries
                if isinstance(entry, dict)
                for kind, (names, _, _) in TYPES.items()
                if names & set(entry)
            ),
            None,
        )
        if detected is None:
            first = next(entry for entry in entries if isinstance(entry, dict))
            raise self.source.error(
                (*where, entries.index(first)),
                f"unknown RenderCV entry type (fields {', '.join(map(str, first))}); "
                "give it the fields of an education, experience, normal, one-line, bullet, numbered, "
                "reversed-numbered or publication entry, or write it as text",
            )
        problems = len(self.problems)
        for index, entry in enumerate(entries):
            missing = sorted(TYPES[detected][1] - set(entry)) if isinstance(entry, dict) else ["its fields"]
            if missing:
                self.problems.append(
                    self.source.error(
                        (*where, index),
                        f"the section's entries are {detected} entries, and this one "
                        f"lacks {', '.join(missing)}; give every entry of a section the same type",
                    )
                )
                continue
            for name in TYPES[detected][1]:
                if not isinstance(entry[name], str) and not (name == "authors" and isinstance(entry[name], list)):
                    error = self.source.error((*where, index, name), "RenderCV wants text here: put it in quotes")
                    self.problems.append(error)
        return detected if len(self.problems) == problems else None

    def _dates(self, where: tuple[Any, ...], entry: dict[str, Any]) -> tuple[str, str]:
        if entry.get("date") not in (None, ""):
            for ignored in ("start_date", "end_date"):
                if entry.get(ignored) not in (None, ""):
                    self.left_out(
                        (*where, ignored), "RenderCV shows date when it is given, not start_date and end_date"
                    )
            return dates_or_text(self.doc, self.source, (*where, "date"), entry["date"])
        start, end = entry.get("start_date"), entry.get("end_date")
        if start not in (None, "") and end in (None, ""):
            end = "present"
        return dates_or_text(self.doc, self.source, (*where, "start_date"), start, end)

    def _entry(self, where: tuple[Any, ...], kind: str, entry: dict[str, Any]) -> Entry | None:
        get = entry.get
        text: dict[str, str] = {
            name: self._markdown((*where, name), get(name)) for name in _SHOWN if get(name) not in (None, "")
        }
        if kind == "education":  # RenderCV's title: the degree and the area; the institution when both are blank
            title = text.get("degree") or text.get("area") or text.get("institution", "")
            area = text.get("area", "") if text.get("degree") else ""
            result = Entry(
                title, org=text.get("institution", "") if title != text.get("institution") else "", area=area
            )
        elif kind == "experience":
            position, company = text.get("position", ""), text.get("company", "")
            result = Entry(position or company, org=company if position else "")
        else:
            result = Entry(text.get("name", ""))
        if not result.title:
            self.left_out(where, f"an entry with nothing in its {_TITLE_FIELDS[kind]} to show as its title")
            return None
        result.dates, result.date_text = self._dates(where, entry)
        if text.get("location"):
            result.location = text["location"]
        if text.get("summary"):
            result.paragraphs = [text["summary"]]
        for index, highlight in enumerate(get("highlights") or []):
            if not isinstance(highlight, str):
                raise self.source.error((*where, "highlights", index), "a highlight is text: put it in quotes")
            main, *items = highlight.split(" - ")  # RenderCV: " - " in a highlight starts a nested item
            at = (*where, "highlights", index)
            result.highlights.append(Highlight(self._markdown(at, main), [self._markdown(at, item) for item in items]))
        return result

    def _publication(self, where: tuple[Any, ...], entry: dict[str, Any], section: Section) -> Publication | None:
        authors = []
        for author in entry["authors"]:
            text = one_line(str(author))
            if not text:
                continue
            marked = _EMPHASIS.match(text)
            if marked:  # the CV's owner, as RenderCV marks them
                text = marked[2].strip("*_")
                self.owners.append(text)
            if bibtex_name(text).strip():  # not braces only, which a name in refs.bib cannot hold
                authors.append(text)
        title = one_line(str(entry["title"]))
        if not title:
            self.left_out(where, "a publication whose title is blank")
            return None
        fields: dict[str, str] = {"title": self._plain((*where, "title"), title)}
        if entry.get("journal"):
            fields["journal"] = self._plain((*where, "journal"), entry["journal"])
        if entry.get("date") not in (None, ""):
            date, dropped = bibtex_date(self.source, (*where, "date"), entry["date"])
            fields.update(date)
            if dropped:
                self.left_out((*where, "date"), dropped)
        elif "journal" in fields:  # an undated article is a misc entry, its journal where it appeared
            fields["howpublished"] = fields.pop("journal")
        if entry.get("doi"):
            fields["doi"] = re.sub(r"^.*?\b(10\.)", r"\1", str(entry["doi"]))
        if entry.get("url"):
            try:
                fields["url"] = link_target(str(entry["url"]))
            except LinkError as error:
                self.left_out((*where, "url"), f"{entry['url']!r}, which {error}")
        if entry.get("summary"):
            fields["note"] = self._plain((*where, "summary"), entry["summary"])
        key = publication_key(authors, fields.get("year", ""), title, self.keys)
        return Publication(key, "article" if "journal" in fields else "misc", fields, authors, section=section)


def _add(contact: dict[str, str | list[str]], key: str, value: str) -> None:
    """Add ``value`` under ``key``, making a list when the key has one already."""
    if key not in contact:
        contact[key] = value
    else:
        existing = contact[key]
        contact[key] = [*(existing if isinstance(existing, list) else [existing]), value]
