"""A CV to write as this project's sources: the person, sections of entries, and publications. Pure Python.

The importers and the starter CV fill a :class:`Document`; :meth:`Document.pages` and
:meth:`Document.bibliography` turn it into the MyST pages and the ``refs.bib`` that
``cv-entry``, ``cv-line``, ``cv-timeline`` and sphinxcontrib-bibtex read. Text is
Markdown (``Markup``) where the source was Markdown, and plain text otherwise, which
is escaped so that it reads back as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sphinx_cv.api import DEFAULT_SECTION_KINDS, kind_of_section, link_target, percent_encoded, slugify

from .markup import bibtex_name, bibtex_text, myst_line, myst_option, myst_text, one_line

__all__ = ["GROUPS_BY_TYPE", "Bullets", "Document", "Entry", "Line", "Markup", "Paragraphs", "Publication", "Section"]


class Markup(str):
    """Text that is already MyST Markdown (``**bold**``, ``[a link](https://…)``), written as it is."""


def _myst(text: str) -> str:
    """A paragraph."""
    return myst_line(text) if isinstance(text, Markup) else myst_text(text)


def _inline(text: str) -> str:
    """Text for a directive's argument: one line."""
    return one_line(text if isinstance(text, Markup) else myst_text(text, block=False))


def _heading(text: str) -> str:
    """A page's title, after ``# ``: one line, its ``#`` signs text (a trailing one would close the heading)."""
    return _inline(text).replace("#", r"\#")


def _option(name: str, text: str) -> str:
    """A directive's option line: ``:name: value``."""
    return f":{name}: {myst_option(_inline(text))}"


def _starting_line(text: str) -> str:
    """Text that starts a block (a list item's, a paragraph's line): one line, never a block's mark."""
    return myst_line(_inline(text))


@dataclass
class Highlight:
    """One item of an entry's bullet list, with the items nested under it."""

    text: str
    items: list[str] = field(default_factory=list)

    def myst(self, indent: str = "") -> list[str]:
        lines = [f"{indent}- {_starting_line(self.text)}"]
        lines += [f"{indent}  - {_starting_line(item)}" for item in self.items]
        return lines


@dataclass
class Entry:
    """A ``cv-entry``: a title, its fields, paragraphs and highlights."""

    title: str
    org: str = ""
    area: str = ""
    dates: str = ""  #: in this project's date grammar (``Sep 2019 – Present``)
    date_text: str = ""  #: dates that no grammar reads, shown as written (``2023, 2024, 2026``)
    location: str = ""
    url: str = ""
    tags: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    highlights: list[Highlight] = field(default_factory=list)

    def myst(self) -> list[str]:
        lines = [f":::{{cv-entry}} {_inline(self.title)}"]
        for name in ("area", "org", "dates", "location"):
            value = getattr(self, name)
            if value:
                lines.append(f":{name}: {value}" if name == "dates" else _option(name, value))
        if self.date_text:
            lines.append(f":date-text: {myst_option(one_line(self.date_text))}")  # read as text, not markup
        if self.url:
            lines.append(f":url: {link_target(self.url)}")
        if self.tags:
            lines.append(f":tags: {', '.join(self.tags)}")
        for paragraph in self.paragraphs:
            lines += ["", _myst(paragraph)]
        if self.highlights:
            lines.append("")
            for highlight in self.highlights:
                lines += highlight.myst()
        return [*lines, ":::"]


@dataclass
class Line:
    """A ``cv-line``: a label, its level, and one line of details."""

    label: str
    details: str = ""
    level: str = ""

    def myst(self) -> list[str]:
        lines = [f":::{{cv-line}} {_inline(self.label)}"]
        if self.level:
            lines.append(_option("level", self.level))
        if self.details:
            lines += ["", _starting_line(self.details)]
        return [*lines, ":::"]


@dataclass
class Paragraphs:
    """Free text: one or more paragraphs."""

    paragraphs: list[str]

    def myst(self) -> list[str]:
        lines: list[str] = []
        for paragraph in self.paragraphs:
            lines += [_myst(paragraph), ""]
        return lines[:-1]


@dataclass
class Bullets:
    """A bullet list (``numbered``: an ordered one)."""

    items: list[Highlight]
    numbered: bool = False

    def myst(self) -> list[str]:
        if not self.numbered:
            return [line for item in self.items for line in item.myst()]
        return [f"{number}. {_starting_line(item.text)}" for number, item in enumerate(self.items, 1)]


#: The fields of a publication that hold an address.
ADDRESSES = frozenset({"url", "doi"})


@dataclass
class Publication:
    """A ``refs.bib`` entry; ``fields`` and ``authors`` are plain text, escaped when written."""

    key: str
    type: str
    fields: dict[str, str]
    authors: list[str]
    section: Section | None = None  #: the page it is listed on (its name becomes the entry's keyword)

    def bibtex(self) -> str:
        values = {"title": self.fields.get("title", "")}
        if self.authors:
            values["author"] = " and ".join(bibtex_name(name) for name in self.authors)
        values.update((name, value) for name, value in self.fields.items() if name != "title")
        if self.section is not None:
            values["keywords"] = self.section.name
        width = max(map(len, values))
        lines = [f"@{self.type}{{{self.key},"]
        for name, value in values.items():
            if name == "month":  # a month's macro (oct), which BibTeX spells out
                lines.append(f"  {name:<{width}} = {value},")
                continue
            if name in ADDRESSES:  # no brace, space or line break of an address reaches refs.bib
                value = percent_encoded(one_line(value))
            elif name != "author":  # the names are escaped above
                value = bibtex_text(value)
            lines.append(f"  {name:<{width}} = {{{value}}},")
        return "\n".join([*lines, "}"])


Item = Entry | Line | Paragraphs | Bullets

#: A ``cv-publications`` group of a page: its heading ("" for none: under the page's title) and its options.
Group = tuple[str, dict[str, str]]
#: The groups of a publications page by entry type, as the example's: every entry of any ``refs.bib`` is listed,
#: the last group taking what the others left.
GROUPS_BY_TYPE: tuple[Group, ...] = (
    ("Journal articles", {"types": "article"}),
    ("Conference papers", {"types": "inproceedings conference"}),
    ("Books and chapters", {"types": "book incollection inbook"}),
    ("Theses", {"types": "phdthesis mastersthesis thesis"}),
    ("Preprints", {"types": "preprint unpublished"}),
    ("Other", {}),
)
#: The heading of the group that ends the last of several publication pages, for what no page selects.
OTHER_PUBLICATIONS = "Other publications"


@dataclass
class Section:
    """A page of the CV: its title, what kind of entries it holds, and its items (or its publications)."""

    title: str
    kind: str = ""  #: the entries' kind when the title does not say it (see ``cv_section_kinds``)
    items: list[Item] = field(default_factory=list)
    publications: bool = False  #: a page of publications, listed by ``groups``
    #: The page's publication groups; by default (see :meth:`Document.pages`) the refs.bib entries whose keyword is
    #: the page's name, and on the last publications page, whatever no page selects.
    groups: list[Group] = field(default_factory=list)
    name: str = ""  #: the page's file name, without ``.md``

    def myst(self) -> str:
        lines = [f"# {_heading(self.title)}", ""]
        if self.publications:
            for heading, options in self.groups:
                lines += [f"## {_heading(heading)}", ""] if heading else []
                lines += ["```{cv-publications}", *(f":{name}: {value}" for name, value in options.items()), "```", ""]
            return "\n".join(lines).rstrip() + "\n"
        kind = f":kind: {self.kind}" if self.kind and self.kind != _title_kind(self.title) else ""
        run: list[Entry] = []
        for item in [*self.items, None]:
            if isinstance(item, Entry):
                run.append(item)
                continue
            if run:  # consecutive entries make one timeline, in the order written
                lines += ["::::{cv-timeline}", ":sort: source", *([kind] if kind else [])]
                for entry in run:
                    lines += ["", *entry.myst()]
                lines += ["::::", ""]
                run = []
            if item is not None:
                if isinstance(item, Line) and kind:
                    item_lines = item.myst()
                    item_lines.insert(1 + bool(item.level), kind)
                    lines += [*item_lines, ""]
                else:
                    lines += [*item.myst(), ""]
        return "\n".join(lines).rstrip() + "\n"


def _title_kind(title: str) -> str:
    return kind_of_section(title, DEFAULT_SECTION_KINDS)


@dataclass
class Document:
    """A whole CV: what ``conf.py`` says of the person, the home page, the section pages and ``refs.bib``."""

    name: str
    headline: str = ""
    summary: list[str] = field(default_factory=list)
    contact: dict[str, str | list[str]] = field(default_factory=dict)
    name_variants: list[str] = field(default_factory=list)
    language: str = ""
    sections: list[Section] = field(default_factory=list)
    publications: list[Publication] = field(default_factory=list)
    overview: bool = False  #: a timeline of the entries tagged "overview" on the home page
    left_out: list[str] = field(default_factory=list)  #: what the source had that the sources do not, and why
    chosen: list[str] = field(default_factory=list)  #: what the import chose or kept as written, to check
    #: Letters to write into ``docs/letters`` where none of that name is: file name -> MyST text.
    letters: dict[str, str] = field(default_factory=dict)

    def _name_pages(self) -> None:
        """Give each section a page name of its own, from its title (``Invited Talks`` -> ``invited-talks``)."""
        names: set[str] = {"index"}
        for section in self.sections:
            section.name = _unique(slugify(section.title) or "section", names)

    def pages(self) -> dict[str, str]:
        """File name (``index.md``, ``education.md``, ...) -> MyST text."""
        self._name_pages()
        self._group_publications()
        pages = {f"{section.name}.md": section.myst() for section in self.sections}
        return {"index.md": self._home(), **pages}

    def _group_publications(self) -> None:
        """Give each publications page without groups of its own the entries whose keyword is its name; the last such
        page also lists, after them, what no page selects (a refs.bib the import did not write lists there)."""
        pages = [section for section in self.sections if section.publications and not section.groups]
        for section in pages:
            section.groups = [("", {"keywords": section.name})]
        if len(pages) == 1:
            pages[0].groups = [("", {})]  # one page: every entry
        elif pages:
            others = ", ".join(section.name for section in pages[:-1])
            pages[-1].groups.append((OTHER_PUBLICATIONS, {"exclude-keywords": others}))

    def _home(self) -> str:
        lines = [f"# {_heading(self.name)}", ""]
        if self.headline:
            lines += [f"**{_inline(self.headline)}**", ""]
        for paragraph in self.summary:
            lines += [_myst(paragraph), ""]
        lines += [":::{cv-contact}", ":::", "", ":::{cv-downloads}", ":::", ""]
        if self.overview:
            lines += [
                "::::{only} html",
                ":::{rubric} Overview",
                ":::",
                "",
                ":::{cv-timeline}",
                ":collect:",
                ":tags: overview",
                ":::",
                "::::",
                "",
            ]
        lines += ["```{toctree}", ":hidden:", ":maxdepth: 1", "", *(section.name for section in self.sections), "```"]
        return "\n".join(lines) + "\n"

    def bibliography(self) -> str:
        """The ``refs.bib`` text."""
        self._name_pages()
        header = "% Publications of the CV; the owner's name (cv_name in docs/conf.py) is set in bold.\n"
        return header + "".join(f"\n{publication.bibtex()}\n" for publication in self.publications)


def _unique(name: str, taken: set[str]) -> str:
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name}-{number}", number + 1
    taken.add(candidate)
    return candidate


def publication_key(authors: list[str], year: str, title: str, taken: set[str]) -> str:
    """A BibTeX key like ``lovelace1843notes``: the first author's last name, the year, a word of the title."""
    names = re.sub(r"[*_]", "", authors[0]).split(",")[0].split() if authors else []
    last = slugify(names[-1]) if names else ""
    word = next((slugify(w) for w in title.split() if len(slugify(w)) > 3), "")
    return _unique("".join(filter(None, [last, year, word])).replace("-", "") or "publication", taken)
