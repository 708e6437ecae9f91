"""The ``jsonresume`` builder: the CV as ``resume.json``, in the JSON Resume schema."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from pybtex.backends.plaintext import Backend as PlainTextBackend
from pybtex.plugin import find_plugin
from sphinx.builders import Builder

from .. import nodes as cv
from ..as_written import written_text
from ..bibliography.adapter import bib_files
from ..bibliography.bibdates import month_number
from ..bibliography.lists import publication_lists
from ..bibliography.names import full_name
from ..bibliography.style import entry_url, plain_title, rich_text
from ..domain import cv_domain, reading_order
from ..settings import settings
from .mapping import resume

if TYPE_CHECKING:
    from collections.abc import Set

    from pybtex.database import Entry
    from sphinx.environment import BuildEnvironment


#: One plain-text backend for every entry (``render_as`` would look the plugin up each time).
PLAIN_TEXT = PlainTextBackend()
PUBLISHER_FIELDS = ("journal", "booktitle", "howpublished", "publisher", "school", "institution")


@dataclass
class PageTexts:
    """What the CV as JSON Resume takes from the pages themselves: the text of each page that has no entries and no
    publications (e.g. a list of venues), and the title of the page of publications."""

    sections: dict[str, dict[str, str]] = field(default_factory=dict)
    publications_title: str = ""

    def read(self, docname: str, doctree: nodes.document, env: BuildEnvironment) -> None:
        """Keep what ``docname`` (its resolved ``doctree``) gives, as typed."""
        if docname == env.config.root_doc or any(doctree.findall(cv.cv_entry)):
            return
        typed = cv_domain(env).typed.get(docname, {})
        title = next(doctree.findall(nodes.title), None)
        if publication_lists(doctree):
            self.publications_title = written_text([title], typed) if title else ""
            return
        text = written_text(doctree.findall(nodes.paragraph), typed)
        if text:
            self.sections[docname] = {"title": written_text([title], typed) if title else docname, "text": text}


class JsonResumeBuilder(Builder):
    """Writes ``resume.json`` from the entries, ``refs.bib`` and the text of pages without entries."""

    name = "jsonresume"
    format = "json"
    epilog = "The JSON Resume is %(outdir)s/resume.json."
    allow_parallel = False

    def init(self) -> None:
        self.pages = PageTexts()

    def get_outdated_docs(self) -> Set[str]:
        return self.env.found_docs

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return ""

    def prepare_writing(self, docnames: Set[str]) -> None:
        self.pages = PageTexts()

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        self.pages.read(docname, doctree, self.env)

    def finish(self) -> None:
        Path(self.outdir, "resume.json").write_text(resume_json(self, self.pages), encoding="utf-8")


def resume_json(builder: Builder, pages: PageTexts) -> str:
    """The CV as JSON Resume (``resume.json``): the entries, the contact line, ``refs.bib`` and what ``pages`` kept
    of the pages' own text."""
    cv, domain = settings(builder.config), cv_domain(builder.env)
    order = reading_order(builder.env, builder.config.root_doc)
    data = resume(
        name=cv.title,
        summary=domain.intros.get(builder.config.root_doc, ""),
        records=domain.records(order),
        contact=cv.contact,
        publications=_publications(builder),
        sections=[pages.sections[docname] for docname in order if docname in pages.sections],
        last_updated=cv.last_updated,
        publications_title=pages.publications_title,
    )
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _publications(builder: Builder) -> list[dict[str, Any]]:
    """Every entry of the .bib files, newest first, as the CV's style sets it."""
    entries = [entry for entries in bib_files(builder.env).values() for entry in entries.values()]
    if not entries:
        return []
    style = find_plugin("pybtex.style.formatting", builder.config.bibtex_default_style)()
    ordered = style.sort(entries)  # newest first, the order format_entries gives too
    formatted = style.format_entries(entries)
    return [_publication(entry, item.text.render(PLAIN_TEXT)) for entry, item in zip(ordered, formatted, strict=True)]


def _publication(entry: Entry, citation: str) -> dict[str, Any]:
    fields = entry.fields
    publisher = next((fields[name] for name in PUBLISHER_FIELDS if fields.get(name)), "")
    year, month = fields.get("year", "").strip(), month_number(fields.get("month", ""))
    # JSON Resume's dates are ISO: a year written otherwise ("upcoming", "in press") is in the citation only
    date = (f"{year}-{month:02d}" if month else year) if re.fullmatch(r"[12]\d{3}", year) else ""
    item = {
        "name": plain_title(entry),
        "publisher": str(rich_text(publisher)),
        "releaseDate": date,
        "url": entry_url(entry),
        "authors": [full_name(person) for person in entry.persons.get("author", [])],
        "citation": citation,
    }
    return {key: value for key, value in item.items() if value}
