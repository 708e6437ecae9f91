"""The pybtex style of the publication list: as an academic CV sets it.

``Title. Authors. *Venue*, volume(number):pages, month year.`` with the CV
owner's name in bold, ``*`` after authors who share first authorship (bib field
``equalcontrib``, names as in ``author``), "et al." for ``and others``, the
``collaboration`` after the authors, the editors ("(ed.)") of a publication without authors,
titles in the capitalisation of the .bib file, ``$math$`` in titles set in italics, the month
and the kind of thesis in the CV's language, newest first.

Every BibTeX and BibLaTeX entry type has a layout (:data:`LAYOUTS`); a type it does not
know is set as ``misc`` (and ``checks.py`` says so at its line). No field but the title
is required: a missing one is left out here and warned about at its line by ``checks.py``.
"""

from __future__ import annotations

import dataclasses
import datetime
from typing import TYPE_CHECKING, Any

import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from pybtex.database import Person
from pybtex.richtext import BaseText, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.formatting.unsrt import pages
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.names.lastfirst import NameStyle as LastFirstNames
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import (
    field,
    first_of,
    href,
    join,
    node,
    optional,
    optional_field,
    sentence,
    tag,
)
from sphinxcontrib.bibtex.style.referencing import BracketStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

from ..dates import first_year
from ..links import is_link, link_target, percent_encoded
from ..translations import _, long_date, month_and_year
from .bibdates import date_parts, month_number
from .cache import FormatCache
from .latex import field_text
from .names import is_others, matches_any, name_key, name_keys, owner_keys, plain_letters

if TYPE_CHECKING:
    from collections.abc import Iterable

    from pybtex.database import Entry

__all__ = [
    "AuthorYearReferences",
    "CvStyle",
    "KeyLabels",
    "NewestFirst",
    "doi_url",
    "entry_url",
    "eprint_link",
    "layout_of",
    "owner_style",
    "plain_title",
    "references_style",
    "register_shared_styles",
    "register_style",
    "rich_text",
]

STYLE_VERSION = 14  #: bump when the style's output changes: it is part of the cache key
STYLE_NAME = "cv"
#: The style of a statement's references when it cites author–year: authors first, sorted by them.
REFERENCES_STYLE_NAME = "cv_references"
SORTING_NAME = "cv_newest_first"
AUTHOR_SORTING_NAME = "cv_author_year"
LABEL_NAME = "cv_key"
#: Where a DOI and an arXiv id (``eprint``) lead, as pybtex's own styles link them.
DOI = "https://doi.org/"
ARXIV = "https://arxiv.org/abs/"
#: The DOI that arXiv gives each preprint, before its id.
ARXIV_DOI = "10.48550/arxiv."
#: BibLaTeX's ``pubstate`` keys, and their words.
PUBLICATION_STATES = {
    "inpress": _("in press"),
    "submitted": _("submitted"),
    "forthcoming": _("forthcoming"),
    "inpreparation": _("in preparation"),
}
#: al-folio's fields of a publication's material, linked (when they are addresses) under these words.
#: The types whose address is what they are, so that when it was visited (``urldate``) is said.
WEB_TYPES = frozenset({"online", "electronic", "www", "software", "dataset"})
MATERIALS = {"pdf": "PDF", "code": _("Code"), "slides": _("Slides"), "poster": _("Poster"), "video": _("Video")}
#: An ``eprint``'s ``eprinttype`` (BibLaTeX's, or INSPIRE's ``archivePrefix``): its label, and where its id leads.
EPRINT_TYPES = {
    "arxiv": ("arXiv:", ARXIV),
    "pubmed": ("PMID: ", "https://pubmed.ncbi.nlm.nih.gov/"),
    "pmid": ("PMID: ", "https://pubmed.ncbi.nlm.nih.gov/"),
    "pmcid": ("PMCID: ", "https://www.ncbi.nlm.nih.gov/pmc/articles/"),
    "hal": ("HAL: ", "https://hal.science/"),
    "jstor": ("JSTOR: ", "https://www.jstor.org/stable/"),
}
#: Each entry type -> the layout that sets it: BibTeX's, BibLaTeX's and the exporters' own types.
LAYOUTS = {
    "article": "article",
    "inproceedings": "inproceedings",
    "conference": "inproceedings",
    "incollection": "incollection",
    "inbook": "incollection",
    "inreference": "incollection",
    "suppbook": "incollection",
    "book": "book",
    "mvbook": "book",
    "collection": "book",
    "mvcollection": "book",
    "proceedings": "book",
    "mvproceedings": "book",
    "reference": "book",
    "manual": "book",
    "booklet": "book",
    "phdthesis": "phdthesis",
    "mastersthesis": "mastersthesis",
    "thesis": "thesis",
    "techreport": "techreport",
    "report": "techreport",
    "unpublished": "misc",
    "misc": "misc",
    "online": "misc",
    "electronic": "misc",
    "www": "misc",
    "preprint": "misc",
    "software": "misc",
    "dataset": "misc",
    "patent": "misc",
    "presentation": "misc",
    "artwork": "misc",
    "audio": "misc",
    "video": "misc",
    "performance": "misc",
    "standard": "misc",
    # BibLaTeX's types that its standard styles set as @misc, and its journal issues as books
    "review": "misc",
    "commentary": "misc",
    "letter": "misc",
    "image": "misc",
    "movie": "misc",
    "music": "misc",
    "jurisdiction": "misc",
    "legislation": "misc",
    "legal": "misc",
    "bibnote": "misc",
    "periodical": "book",
    "suppperiodical": "incollection",
    "suppcollection": "incollection",
}
#: A thesis's ``type`` (BibLaTeX's key, BibTeX's entry type, or these words; any case, without dots) that makes it
#: a PhD thesis, or a master's thesis, said in the CV's language. Any other ``type`` is printed as written.
PHD_TYPES = frozenset({"phdthesis", "phd", "phd thesis", "doctoral thesis", "dissertation", "ph.d. thesis"})
MASTERS_TYPES = frozenset({"mathesis", "mastersthesis", "masters", "masters thesis", "master thesis", "ma thesis"})
#: How many authors a shortened list names before the owner (see :func:`shortened`).
LEADING_AUTHORS = 3
#: The first author of a reference that is cited by name: surname first.
_LAST_FIRST = LastFirstNames()


_PHD = frozenset(plain_letters(name) for name in PHD_TYPES)
_MASTERS = frozenset(plain_letters(name) for name in MASTERS_TYPES)


def entry_url(entry: Entry) -> str:
    """The entry's web address: its DOI's, else its ``url`` (if http(s)), else its arXiv page's; or ""."""
    fields = entry.fields
    if fields.get("doi"):
        return doi_url(fields["doi"])
    if fields.get("url") and is_link(fields["url"]):
        return link_target(fields["url"])
    link = eprint_link(fields)
    return link[1] or "" if link else ""


def _is_identifiers_address(url: str, fields: Any) -> bool:
    """Whether ``url`` is the address of the entry's DOI (as ``doi_url`` writes it, or ``http://dx.doi.org/...``)
    or of its eprint (``http://arxiv.org/abs/...``, as DBLP writes it), which the entry links already."""
    address = link_target(url).lower().replace("http://", "https://", 1).replace("://dx.doi.org/", "://doi.org/", 1)
    doi, eprint = fields.get("doi", "").strip(), eprint_link(fields)
    if doi and address == doi_url(doi).lower():
        return True
    return bool(eprint and eprint[1] and address == eprint[1].lower())


def doi_url(doi: str) -> str:
    """The address of a DOI, percent-encoded (a brace or a space in the .bib never reaches a link)."""
    return DOI + percent_encoded(doi.strip())


def layout_of(entry_type: str) -> str | None:
    """The layout that sets an entry of ``entry_type``; None for a type no layout knows (it is set as ``misc``)."""
    return LAYOUTS.get(entry_type.lower())


def eprint_link(fields: Any) -> tuple[str, str | None] | None:
    """An entry's ``eprint`` as (label, address): ``arXiv:2101.00001`` and its page, by ``eprinttype`` (arXiv when
    none is given); no address for a type it does not know; None without an eprint, or for an eprint that is an
    address (it is the entry's ``url``)."""
    eprint = fields.get("eprint", "").strip()
    if not eprint or is_link(eprint):
        return None
    kind = fields.get("eprinttype", "arxiv").strip().lower()
    if kind not in EPRINT_TYPES:
        return f"{fields.get('eprinttype', '').strip()}: {eprint}", None
    label, address = EPRINT_TYPES[kind]
    return label + eprint, address + percent_encoded(eprint)


def rich_text(latex: str) -> BaseText:
    """A field's LaTeX as the text it stands for (:func:`.latex.field_text`)."""
    return field_text(latex)[0]


def _field(name: str) -> Any:
    """A field of the entry, its LaTeX read as text."""
    return field(name, raw=True, apply_func=rich_text)


def plain_title(entry: Entry) -> str:
    """The entry's title as plain text: LaTeX decoded, math without its dollars."""
    return str(rich_text(entry.fields.get("title", "")))


def shortened(people: list[Person], owner: frozenset[tuple[str, str]], limit: int) -> tuple[list[Person | None], bool]:
    """At most about ``limit`` of ``people`` (0: all): the first :data:`LEADING_AUTHORS`, then (None for "…") the
    owner if they come later; and whether some after the last one shown were left out."""
    if not limit or len(people) <= limit:
        return list(people), False
    lead = min(LEADING_AUTHORS, limit)
    later = next(
        (index for index, person in enumerate(people) if index >= lead and matches_any(name_key(person), owner)), None
    )
    if later is None:
        return list(people[:lead]), True
    return [*people[:lead], None, people[later]], later < len(people) - 1


@node
def cv_authors(children: list[Any], context: dict[str, Any], role: str = "author") -> Text:
    """The authors, owner in bold, ``*`` after the names listed in ``equalcontrib``, "et al." for ``and others``,
    and the ``collaboration`` after them."""
    style: CvStyle = context["style"]
    entry: Entry = context["entry"]
    equal = name_keys(entry.fields.get("equalcontrib", "").split(" and "))
    formatted: list[Any] = []
    people = entry.persons.get(role, [])
    listed = [person for person in people if not is_others(person)]
    shown, cut = shortened(listed, style.owner_keys, style.max_authors)
    for position, person in enumerate(shown):
        if person is None:
            formatted.append("…")
            continue
        inverted = style.authors_first and position == 0  # "Babbage, Charles": where a reader looks
        name = (_LAST_FIRST.format if inverted else style.format_name)(person, style.abbreviate_names)
        key = name_key(person)
        if matches_any(key, style.owner_keys):
            name = tag("strong")[name]
        formatted.append(join[name, tag("sup")["*"]] if matches_any(key, equal) else name)
    if cut or len(listed) < len(people):
        formatted.append(str(_("et al.")))
    collaboration = entry.fields.get("collaboration", "").strip() if role == "author" else ""
    team = str(_("%(name)s Collaboration")) % {"name": str(rich_text(collaboration))} if collaboration else ""
    if team and any(_is_team(person, collaboration, team) for person in listed):
        team = ""  # "{ATLAS Collaboration}" is the author already
    names = join(sep=", ")[formatted].format_data(context)
    if role == "editor" and formatted:
        names = Text(names, " ", str(_("(eds.)") if len(people) > 1 else _("(ed.)")))
    if not team:
        return names
    return Text(names, " (", team, ")") if formatted else Text(team)


def _is_team(author: Person, collaboration: str, team: str) -> bool:
    """Whether ``author`` is the collaboration itself: ``{ATLAS}``, ``{ATLAS Collaboration}``, ``{The ATLAS
    Collaboration}`` (in English, or as the CV's language says it)."""
    name = plain_letters(str(author)).removeprefix("the ")
    return name in {plain_letters(collaboration), plain_letters(f"{collaboration} Collaboration"), plain_letters(team)}


@node
def publication_date(children: list[Any], context: dict[str, Any]) -> Text:
    """The entry's month and year in the CV's language (``February 2026``, ``2026年2月``), or its year."""
    style: CvStyle = context["style"]
    fields = context["entry"].fields
    year, month = fields.get("year", "").strip(), month_number(fields.get("month", ""))
    if month and year.isdigit():
        return Text(month_and_year(month, int(year), style.language))
    return Text(str(Text.from_latex(year))) if year else Text()


@node
def publication_state(children: list[Any], context: dict[str, Any]) -> Text:
    """BibLaTeX's ``pubstate`` in the CV's language: "in press", "submitted" (its own words when it is not one of
    BibLaTeX's keys)."""
    state = context["entry"].fields.get("pubstate", "").strip()
    if not state:
        return Text()
    words = PUBLICATION_STATES.get(plain_letters(state).replace(" ", ""))
    return Text(str(words)) if words is not None else rich_text(state)


@node
def access_date(children: list[Any], context: dict[str, Any]) -> Text:
    """When the address of a web page, software or data was visited (BibLaTeX's ``urldate``), in the CV's
    language: "(accessed May 2, 2024)"; nothing without a whole date, or for a paper (Zotero dates them all)."""
    entry = context["entry"]
    parts = date_parts(entry.fields.get("urldate", "")) if entry.type.lower() in WEB_TYPES else None
    if parts is None or not all(parts):
        return Text()
    try:
        day = datetime.date(*(int(part) for part in parts))
    except ValueError:  # 2024-02-30
        return Text()
    return Text("(", str(_("accessed %(date)s")) % {"date": long_date(day, context["style"].language)}, ")")


class CvStyle(UnsrtStyle):
    """Publication style of a CV; :func:`register_styles` makes a subclass that knows the owner."""

    default_sorting_style = SORTING_NAME
    default_label_style = LABEL_NAME
    owner_keys: frozenset[tuple[str, str]] = frozenset()
    format_cache: FormatCache | None = None
    language: str | None = None  #: the CV's, for its months and words
    max_authors = 0  #: a longer author list is shortened around the owner (0: never)
    authors_first = False  #: ``Authors (year). Title. Venue.``, as a reference list that is cited by author and year

    def format_entry(self, label: str, entry: Entry, bib_data: Any = None) -> Any:
        if self.format_cache is None:
            return self._format(label, entry, bib_data)
        return self.format_cache.get(label, entry, lambda: self._format(label, entry, bib_data))

    def _format(self, label: str, entry: Entry, bib_data: Any) -> FormattedEntry:
        """``entry`` set by the layout of its type (``misc`` for a type none knows)."""
        template = getattr(self, f"get_{layout_of(entry.type) or 'misc'}_template")(entry)
        context = {"entry": entry, "style": self, "bib_data": bib_data}
        return FormattedEntry(entry.key, template.format_data(context), label)

    def format_title(self, e: Entry, which_field: str, as_sentence: bool = True) -> Any:
        title = optional[_field(which_field)]
        return sentence[title] if as_sentence else title

    def format_names(self, role: str, as_sentence: bool = True) -> Any:
        return sentence[cv_authors(role=role)] if as_sentence else cv_authors(role=role)

    def format_web_refs(self, e: Entry) -> Any:
        eprint = e.fields.get("eprint", "").strip().lower()
        arxiv_doi = e.fields.get("doi", "").strip().lower() == f"{ARXIV_DOI}{eprint}"  # the arXiv id again
        links = [] if eprint and arxiv_doi else [optional[self.format_doi(e)]]
        if layout_of(e.type) != "misc":  # a preprint shows its arXiv id as its venue
            links.append(self.format_eprint(e))
        url = e.fields.get("url", "")
        if is_link(url) and not _is_identifiers_address(url, e.fields):  # checks.py warns about the others
            links.append(join(sep=" ")[optional[self.format_url(e)], access_date])
        for name, label in MATERIALS.items():
            if is_link(e.fields.get(name, "")):
                links.append(href(link_target(e.fields[name]))[str(label)])
        return sentence[links]

    def format_url(self, e: Entry) -> Any:
        return href(field("url", raw=True, apply_func=link_target))[field("url", raw=True)]

    def format_doi(self, e: Entry) -> Any:
        return href(field("doi", raw=True, apply_func=doi_url))[join["doi:", field("doi", raw=True)]]

    def format_eprint(self, e: Entry) -> Any:
        link = eprint_link(e.fields)
        if link is None:
            return ""
        label, address = link
        return href(address)[label] if address else label

    def _venue(self, e: Entry, venue: Any, details: Any = "", *, kind: Any = "", placed: bool = True) -> Any:
        """The layout every type shares: title, authors, then ``kind``, the italic ``venue``, the ``address`` (where
        it was published or held, unless not ``placed``), ``details`` and the date."""
        place = optional[_field("address")] if placed else ""
        names = first_of[optional[self.format_names("author")], optional[self.format_names("editor")]]
        title = self.format_title(e, "title")
        if self.authors_first:
            year = optional["(", _field("year"), ")"]
            names = sentence[join(sep=" ")[first_of[optional[cv_authors], optional[cv_authors(role="editor")]], year]]
        return toplevel[
            names if self.authors_first else title,
            title if self.authors_first else names,
            sentence[
                kind,
                optional[tag("em")[venue]],
                place,
                optional[details],
                "" if self.authors_first else optional[publication_date],
                publication_state,
            ],
            sentence[optional[_field("note")]],
            self.format_web_refs(e),
        ]

    def get_article_template(self, e: Entry) -> Any:
        volume_and_pages = first_of[
            optional[join[field("volume"), optional["(", field("number"), ")"], optional[":", pages]]],
            optional[join["(", field("number"), ")", optional[":", pages]]],  # an issue without a volume
            optional[pages],
        ]
        return self._venue(e, _field("journal"), volume_and_pages, placed=False)

    def get_inproceedings_template(self, e: Entry) -> Any:
        return self._venue(e, _field("booktitle"), optional[pages])

    get_incollection_template = get_inproceedings_template

    def get_book_template(self, e: Entry) -> Any:
        venue = first_of[
            optional[_field("publisher")],
            optional[_field("organization")],
            optional[_field("howpublished")],
        ]
        return self._venue(e, venue)

    def _thesis(self, e: Entry, kind: str) -> Any:
        """A thesis of the ``kind`` its entry type says, unless its ``type`` says otherwise (BibTeX's and BibLaTeX's
        rule): ``@phdthesis`` with ``type = {Master's thesis}`` is a master's thesis."""
        written = e.fields.get("type", "").strip()
        plain = plain_letters(written)
        if plain in _PHD:
            kind = str(_("PhD thesis"))
        elif plain in _MASTERS:
            kind = str(_("Master's thesis"))
        elif written:
            kind = str(rich_text(written))
        return self._venue(e, join(sep=", ")[kind, optional[_field("school")]])

    def get_phdthesis_template(self, e: Entry) -> Any:
        return self._thesis(e, str(_("PhD thesis")))

    def get_mastersthesis_template(self, e: Entry) -> Any:
        return self._thesis(e, str(_("Master's thesis")))

    def get_thesis_template(self, e: Entry) -> Any:
        """BibLaTeX's ``@thesis``, whose ``type`` says which (without one, only where it was written)."""
        return self._thesis(e, "")

    def get_techreport_template(self, e: Entry) -> Any:
        """A report: ``*Institution*, Address, Research Report 42``, its ``type`` and ``number``."""
        report = join(sep=" ")[optional[_field("type")], optional_field("number")]
        return self._venue(e, optional[_field("institution")], report)

    def get_misc_template(self, e: Entry) -> Any:
        venue = join(sep=", ")[
            first_of[
                optional[_field("howpublished")],
                optional[_field("publisher")],
                optional[_field("organization")],
                optional[_field("institution")],
            ],
            self.format_eprint(e),
        ]
        return self._venue(e, venue, kind=optional[_field("type")], placed=False)


class NewestFirst(BaseSortingStyle):
    """Newest first by year, then month; entries of the same date keep their .bib order.

    An entry without a month may date from any time of its year, so it comes first within it
    (as in :meth:`sphinx_cv.dates.CvDate.latest`).
    """

    def sorting_key(self, entry: Entry) -> tuple[int, int]:
        year = first_year(entry.fields.get("year", ""))
        month = month_number(entry.fields.get("month", ""))
        return (-year if year else 0, -(month or 13))


class AuthorsThenYear(BaseSortingStyle):
    """By the authors' surnames and given names, in their order (as a reader looks up "Babbage, 1864"), then the
    year, oldest first, then the .bib order."""

    def sorting_key(self, entry: Entry) -> tuple[tuple[tuple[str, str], ...], int]:
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        year = first_year(entry.fields.get("year", "")) or 0
        return tuple(name_key(person) for person in people if not is_others(person)), year


def references_style(style: type[CvStyle]) -> type[CvStyle]:
    """``style`` for a statement's author–year references: ``Surname, Given, Given Surname (year). Title. Venue.``,
    sorted by author; not cached (its entries are formatted otherwise than the CV's, and there are few)."""
    attributes = {
        "authors_first": True,
        "default_sorting_style": AUTHOR_SORTING_NAME,
        "format_cache": None,
        "__module__": __name__,
    }
    return type("CvReferencesStyle", (style,), attributes)


def _round_brackets() -> BracketStyle:
    return BracketStyle(left="(", right=")")


@dataclasses.dataclass
class AuthorYearReferences(AuthorYearReferenceStyle):
    """``{cite:t}`` gives ``Benton et al. (2024)``, ``{cite:p}`` gives ``(Benton et al., 2024)``."""

    bracket_textual: BracketStyle = dataclasses.field(default_factory=_round_brackets)
    bracket_parenthetical: BracketStyle = dataclasses.field(default_factory=_round_brackets)
    bracket_year: BracketStyle = dataclasses.field(default_factory=_round_brackets)


class KeyLabels(BaseLabelStyle):
    """Each entry's key as its label: unique across several bibliographies, and never shown in a CV."""

    def format_labels(self, sorted_entries: Iterable[Entry]) -> Iterable[str]:
        return (entry.key for entry in sorted_entries)


def owner_style(names: Iterable[str], language: str | None = None, max_authors: int = 0) -> type[CvStyle]:
    """The ``cv`` style of a CV in ``language`` whose owner goes by ``names``, with a format cache of its own;
    author lists longer than ``max_authors`` are shortened (0: never)."""
    owner = owner_keys(names)
    cache = FormatCache(salt=(STYLE_VERSION, tuple(sorted(owner)), language, max_authors))
    attributes = {
        "owner_keys": owner,
        "format_cache": cache,
        "language": language,
        "max_authors": max_authors,
        "__module__": __name__,
    }
    return type("CvOwnerStyle", (CvStyle,), attributes)


def _register(group: str, name: str, plugin: type) -> None:
    """Make ``plugin`` the one that pybtex (or, for a ``sphinxcontrib.bibtex`` group, sphinxcontrib-bibtex) finds as
    ``name`` in ``group``: the last one registered wins."""
    if group.startswith("sphinxcontrib.bibtex."):
        sphinxcontrib.bibtex.plugin.register_plugin(group, name, plugin, force=True)
    else:
        pybtex.plugin.register_plugin(group, name, plugin, force=True)


def register_style(style: type[CvStyle]) -> None:
    """Make ``style`` the ``cv`` style that sphinxcontrib-bibtex finds by name (the last one registered wins), and
    its statements' references style."""
    _register("pybtex.style.formatting", STYLE_NAME, style)
    _register("pybtex.style.formatting", REFERENCES_STYLE_NAME, references_style(style))


def register_shared_styles() -> None:
    """Register what every CV shares: newest-first sorting, key labels and author-year citations."""
    _register("pybtex.style.sorting", SORTING_NAME, NewestFirst)
    _register("pybtex.style.sorting", AUTHOR_SORTING_NAME, AuthorsThenYear)
    _register("pybtex.style.labels", LABEL_NAME, KeyLabels)
    _register("sphinxcontrib.bibtex.style.referencing", STYLE_NAME, AuthorYearReferences)
