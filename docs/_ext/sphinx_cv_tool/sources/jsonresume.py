"""Import a JSON Resume (https://jsonresume.org/schema, 1.x): validated against its schema, then mapped.

Every section of the schema has a place: ``basics`` in ``conf.py`` (name, contact) and
on the home page (label, summary); work, volunteer, education, awards, certificates,
references and projects as ``cv-entry``; skills, languages and interests as
``cv-line``; publications in ``refs.bib``. JSON Resume's texts are plain text, so they
are escaped to read back as written. What has no place is listed in the report.
Files written for JSON Resume 0.x (``company``, ``website``, ``picture``, ``gpa``)
are read by those fields' 1.x names.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from sphinx_cv.api import LinkError, link_target, section_heading

from .document import Document, Entry, Highlight, Line, Markup, Publication, Section, publication_key
from .markup import bibtex_name, myst_text
from .reading import (
    Located,
    SourceError,
    bibtex_date,
    choose_language,
    contact_entry,
    dates_or_text,
    give_language,
    load_json,
    note,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

__all__ = ["read_json_resume"]

#: Each section of the schema: its page's title, and the fields each of its items may have.
SECTIONS: dict[str, tuple[str, frozenset[str]]] = {
    "work": (
        "Work",
        frozenset(
            {"name", "location", "description", "position", "url", "startDate", "endDate", "summary", "highlights"}
        ),
    ),
    "volunteer": (
        "Volunteering",
        frozenset({"organization", "position", "url", "startDate", "endDate", "summary", "highlights"}),
    ),
    "education": (
        "Education",
        frozenset({"institution", "url", "area", "studyType", "startDate", "endDate", "score", "courses"}),
    ),
    "awards": ("Awards", frozenset({"title", "date", "awarder", "summary"})),
    "certificates": ("Certificates", frozenset({"name", "date", "url", "issuer"})),
    "publications": ("Publications", frozenset({"name", "publisher", "releaseDate", "url", "summary"})),
    "skills": ("Skills", frozenset({"name", "level", "keywords"})),
    "languages": ("Languages", frozenset({"language", "fluency"})),
    "interests": ("Interests", frozenset({"name", "keywords"})),
    "references": ("References", frozenset({"name", "reference"})),
    "projects": (
        "Projects",
        frozenset(
            {"name", "description", "highlights", "keywords", "startDate", "endDate", "url", "roles", "entity", "type"}
        ),
    ),
}
#: The fields of ``meta`` that name the CV's language.
LANGUAGE_FIELDS = frozenset({"language", "locale", "lang"})
#: JSON Resume 0.x's names of fields that 1.x renamed: (section, 0.x name) -> 1.x name.
OLD_NAMES = {
    ("basics", "picture"): "image",
    ("basics", "website"): "url",
    ("work", "company"): "name",
    ("work", "website"): "url",
    ("volunteer", "website"): "url",
    ("education", "gpa"): "score",
    ("publications", "website"): "url",
}
BASICS = frozenset({"name", "label", "image", "email", "phone", "url", "summary", "location", "profiles"})


def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        files(__package__).joinpath("jsonresume-schema.json").read_text(encoding="utf-8")
    )
    return schema


def _validate(source: Located) -> None:
    """Raise every schema error, each at its line, after JSON itself was read."""
    try:
        import jsonschema
    except ImportError:
        raise SourceError("importing needs PyYAML and jsonschema: pip install 'sphinx-cv[import]'") from None
    schema = _schema()
    validator = jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(source.data), key=lambda error: list(map(str, error.absolute_path)))
    problems = []
    for error in errors:
        message = error.message
        if error.validator == "pattern" and "[1-2][0-9]{3}" in str(error.validator_value):  # a date
            message = f"{error.instance!r} is not a date: write 2023, 2023-03 or 2023-03-01"
            message += " (or leave it out: an ongoing position has no endDate)" if not error.instance else ""
        problems.append(str(source.error(tuple(error.absolute_path), f"not valid JSON Resume: {message}")))
    if problems:
        raise SourceError("\n".join(problems))


def read_json_resume(path: Path, text: str) -> Document:
    """The CV of a JSON Resume file; raises :class:`SourceError` naming the file and line of a problem."""
    source = load_json(path, text)
    if not isinstance(source.data, dict):
        raise source.error((), "a JSON Resume is an object ({...}) with basics, work, education, ...")
    source.data = _without_blanks(source.data)
    _validate(source)
    return _Reader(source).document()


def _without_blanks(data: Any) -> Any:
    """``data`` without its fields that hold "" (``"email": ""``): they say nothing, and the schema's formats
    (e-mail, address, date) would refuse them."""
    if isinstance(data, dict):
        return {key: _without_blanks(value) for key, value in data.items() if value != ""}
    if isinstance(data, list):
        return [_without_blanks(item) for item in data]
    return data


class _Reader:
    def __init__(self, source: Located) -> None:
        self.source = source
        self.data: dict[str, Any] = source.data
        basics = self.data.get("basics", {})
        if not str(basics.get("name", "")).strip():
            raise source.error(("basics",), 'has no name: add "name" to basics, the CV\'s owner')
        if not bibtex_name(str(basics["name"])).strip():  # the author of its publications
            raise source.error(("basics", "name"), "is braces only: a name in refs.bib cannot hold braces")
        self.doc = Document(name=basics["name"].strip())
        self.keys: set[str] = set()

    def left_out(self, where: tuple[Any, ...], why: str) -> None:
        self.doc.left_out.append(note(self._as_written(where), f"left out: {why}"))

    def _as_written(self, where: tuple[Any, ...]) -> tuple[Any, ...]:
        """``where`` with a field's 0.x name where the file uses it (``basics.picture``, not ``basics.image``)."""
        if len(where) < 2:
            return where
        *parent, name = where
        item: Any = self.data
        for part in parent:
            item = item[part] if isinstance(item, (dict, list)) else None
        if not isinstance(item, dict) or name in item:
            return where
        old = next((old for (section, old), new in OLD_NAMES.items() if (section, new) == (where[0], name)), None)
        return (*parent, old) if old in item else where

    def document(self) -> Document:
        self._language()
        self._basics(self._renamed(("basics",), self.data.get("basics", {})))
        for key, value in self.data.items():
            if key in SECTIONS and value:
                self._section(key, [self._renamed((key, index), item) for index, item in enumerate(value)])
            elif key not in {"basics", "$schema", "meta", "language", *SECTIONS}:
                self.left_out((key,), "not a section of JSON Resume 1.x")
        meta = self.data.get("meta")
        for key in sorted(set(meta) - LANGUAGE_FIELDS if isinstance(meta, dict) else []):
            self.left_out(("meta", key), "a fact about the file, not the CV")
        return self.doc

    def _renamed(self, where: tuple[Any, ...], item: dict[str, Any]) -> dict[str, Any]:
        """``item`` with its JSON Resume 0.x field names as 1.x names them; a 1.x field wins over its old name, which
        is reported."""
        renamed = dict(item)
        for (section, old), new in OLD_NAMES.items():
            if section == where[0] and old in renamed:
                value = renamed.pop(old)
                if value in ("", None):
                    continue
                if renamed.get(new) not in ("", None):
                    self.left_out((*where, old), f"JSON Resume 0.x's name of {new}, which the file gives too")
                else:
                    renamed[new] = value
        return renamed

    def _language(self) -> None:
        """The CV's language: the one the file names (``language``, or ``meta``'s ``language``, ``locale`` or
        ``lang``, which JSON Resume's themes read), else the one its script gives."""
        meta = self.data.get("meta")
        fields = meta if isinstance(meta, dict) else {}
        named: list[tuple[tuple[str, ...], object]] = [(("language",), self.data.get("language"))]
        named += [(("meta", key), fields.get(key)) for key in sorted(LANGUAGE_FIELDS)]
        for where, written in named:
            if isinstance(written, str) and written.strip():
                lacking = give_language(self.doc, written)
                if lacking:
                    self.left_out(where, lacking)
                break
        choose_language(self.doc, self.data)

    def _basics(self, basics: dict[str, Any]) -> None:
        document = self.doc
        document.headline = basics.get("label", "").strip()
        document.summary = [part for part in basics.get("summary", "").split("\n\n") if part.strip()]
        for key in ("email", "phone", "url"):
            if basics.get(key):
                self._contact(("basics", key), {"url": "website"}.get(key, key), basics[key])
        location = basics.get("location") or {}
        place = [location.get(part, "") for part in ("address", "city", "region", "postalCode", "countryCode")]
        if any(place):
            document.contact["location"] = ", ".join(part.strip() for part in place if part.strip())
        for index, profile in enumerate(basics.get("profiles", [])):
            where = ("basics", "profiles", index)
            entry = contact_entry(profile.get("network", ""), profile.get("username", ""), profile.get("url", ""))
            if entry is None:
                network = profile.get("network", "")
                self.left_out(where, f"{profile.get('username', '')!r} on {network}: no profile address to link")
            else:
                document.contact.setdefault(entry[0], entry[1])
        if basics.get("image"):
            self.left_out(("basics", "image"), "a picture; the CV shows no photo")
        for key in sorted(set(basics) - BASICS):
            self.left_out(("basics", key), "not a field of JSON Resume's basics")

    def _contact(self, where: tuple[Any, ...], key: str, value: str) -> None:
        entry = contact_entry(key, value)
        if entry is None:
            self.left_out(where, f"{value!r} is not a valid {key}")
        else:
            self.doc.contact.setdefault(*entry)

    def _section(self, key: str, items: list[dict[str, Any]]) -> None:
        english, known = SECTIONS[key]
        title = section_heading(key, english, self.doc.language or "en")  # a section's key is its entries' kind
        section = Section(title, publications=key == "publications")
        self.doc.sections.append(section)
        for index, item in enumerate(items):
            where = (key, index)
            for extra in sorted(set(item) - known):
                self.left_out((*where, extra), f"not a field of JSON Resume's {key}")
            if key == "publications":
                publication = self._publication(where, item, section)
                self.doc.publications += [publication] if publication else []
            elif key in {"skills", "languages", "interests"}:
                line = self._line(key, item)
                if line.label.strip():
                    section.items.append(line)
                else:
                    self.left_out(where, f"an item without {'language' if key == 'languages' else 'name'} to show")
            else:
                entry = self._entry(where, key, item)
                section.items += [entry] if entry else []

    def _dates(self, where: tuple[Any, ...], item: dict[str, Any]) -> tuple[str, str]:
        if "date" in item:
            return dates_or_text(self.doc, self.source, (*where, "date"), item["date"])
        start, end = item.get("startDate"), item.get("endDate")
        return dates_or_text(self.doc, self.source, (*where, "startDate"), start, end or ("present" if start else None))

    def _url(self, where: tuple[Any, ...], url: str) -> str:
        """``url`` as a link (percent-encoded), or "" with a note when it cannot be one."""
        if not url:
            return ""
        try:
            return link_target(url)
        except LinkError as error:
            self.left_out(where, f"{url!r}, which {error}")
            return ""

    def _entry(self, where: tuple[Any, ...], key: str, item: dict[str, Any]) -> Entry | None:
        get: Callable[..., Any] = item.get  # the schema has checked the values' types
        paragraphs: list[str] = []
        if key == "work":
            entry = Entry(
                title=get("position", "") or get("name", ""),
                org=get("name", "") if get("position") else "",
                location=get("location", ""),
            )
            if get("description"):
                paragraphs.append(Markup(f"*{myst_text(get('description'))}*"))
        elif key == "volunteer":
            entry = Entry(
                title=get("position", "") or get("organization", ""),
                org=get("organization", "") if get("position") else "",
            )
        elif key == "education":
            entry = Entry(
                title=get("studyType", "") or get("area", ""),
                org=get("institution", ""),
                area=get("area", "") if get("studyType") else "",
            )
            if get("score"):
                paragraphs.append(f"Score: {get('score')}")
            if get("courses"):
                paragraphs.append(f"Courses: {'; '.join(get('courses'))}")
        elif key == "awards":
            entry = Entry(title=get("title", ""), org=get("awarder", ""))
        elif key == "certificates":
            entry = Entry(title=get("name", ""), org=get("issuer", ""))
        elif key == "references":
            entry = Entry(title=get("name", ""))
            paragraphs += [part for part in get("reference", "").split("\n\n") if part.strip()]
        else:  # projects
            entry = Entry(title=get("name", ""), org=get("entity", ""))
            if get("description"):
                paragraphs.append(get("description"))
            details = [
                f"{label}: {', '.join(get(field))}"
                for label, field in (("Roles", "roles"), ("Keywords", "keywords"))
                if get(field)
            ]
            paragraphs += details
            if get("type"):
                self.left_out((*where, "type"), f"the kind of project ({get('type')!r}); write it in its description")
        if not entry.title.strip():
            self.left_out(where, f"an entry without {_title_field(key)}, which the CV shows as its title")
            return None
        entry.dates, entry.date_text = self._dates(where, item)
        entry.url = self._url((*where, "url"), get("url", ""))
        if get("summary"):
            paragraphs += [part for part in get("summary").split("\n\n") if part.strip()]
        entry.paragraphs = paragraphs
        entry.highlights = [Highlight(text) for text in get("highlights", []) if text.strip()]
        return entry

    def _line(self, key: str, item: dict[str, Any]) -> Line:
        if key == "languages":
            return Line(item.get("language", ""), item.get("fluency", ""))
        return Line(item.get("name", ""), ", ".join(item.get("keywords", [])), level=item.get("level", ""))

    def _publication(self, where: tuple[Any, ...], item: dict[str, Any], section: Section) -> Publication | None:
        name = self.doc.name
        if not item.get("name", "").strip():
            self.left_out(where, "a publication without name, which the CV shows as its title")
            return None
        fields = {"title": item["name"]}
        if item.get("publisher"):
            fields["howpublished"] = item["publisher"]
        if item.get("releaseDate"):
            date, dropped = bibtex_date(self.source, (*where, "releaseDate"), item["releaseDate"])
            fields.update(date)
            if dropped:
                self.left_out((*where, "releaseDate"), dropped)
        url = self._url((*where, "url"), item.get("url", ""))
        if url:
            fields["url"] = url
        if item.get("summary"):
            fields["note"] = item["summary"]
        self.doc.left_out.append(
            note(
                where, f"JSON Resume lists no authors; {name} is written as the author (add the co-authors in refs.bib)"
            )
        )
        key = publication_key([name], fields.get("year", ""), item["name"], self.keys)
        return Publication(key, "misc", fields, [name], section=section)


def _title_field(key: str) -> str:
    return {
        "work": "position or name",
        "volunteer": "position or organization",
        "education": "studyType or area",
        "awards": "title",
    }.get(key, "name")
