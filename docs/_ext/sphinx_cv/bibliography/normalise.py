"""Entries as researchers' files write them, read into the one form the ``cv`` style sets.

Files exported from Google Scholar, NASA ADS, INSPIRE, Zotero or kept in BibLaTeX name the
same thing in different ways. Each entry is read once after sphinxcontrib-bibtex parses it:

- BibLaTeX's fields are read as biber maps them onto BibTeX's: ``date`` gives ``year`` and
  ``month`` (and so does an ISO date written in ``year``: ``2013-12-26``), ``journaltitle``
  gives ``journal``, ``location`` gives ``address``, a thesis's ``institution`` gives
  ``school``, INSPIRE's ``archivePrefix`` gives ``eprinttype``; a ``maintitle`` (of a work in
  volumes) goes before the ``booktitle`` of a part, or else the ``title``;
- a DOI written as an address (``https://doi.org/10...``, ``doi:10...``) is the DOI alone;
- an ``eprint`` that is an address is the entry's ``url`` too (the style links no such eprint as arXiv's);
- al-folio's ``arxiv`` field is the ``eprint`` of an arXiv entry, and its ``html`` the ``url``;
- an ``@article`` with an arXiv ``eprint`` and no journal, or arXiv as its journal, is a preprint
  (INSPIRE, ADS and Google Scholar export a paper that no journal has published yet as an
  article), and Google Scholar's ``journal = {arXiv preprint arXiv:2301.00001}`` gives the eprint;
- a name that ``and and`` leaves starting with "and" is the name without it;
- the file's own macros (:mod:`.macros`) are expanded in every field and name, and a name that
  still holds a macro pybtex would print (``\\textbf{Smith}``, an unknown ``\\myname{Smith}``) is
  read as the text it stands for, so the owner is found in it.

A field the file gives is never overwritten by one derived from another field; running this twice changes nothing.
Pure Python over pybtex's ``Entry``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pybtex.exceptions import PybtexError
from pybtex.richtext import Text

from ..links import is_link
from .bibdates import date_parts
from .latex import field_text
from .macros import Macro, expand
from .names import person

if TYPE_CHECKING:
    from collections.abc import Mapping

    from pybtex.database import Entry

__all__ = ["doi_of", "entry_language", "normalise_entry"]

#: BibLaTeX's name of a field -> BibTeX's, which the style reads (taken when BibTeX's is absent).
ALIASES = {
    "journaltitle": "journal",
    "location": "address",
    "archiveprefix": "eprinttype",
    "primaryclass": "eprintclass",
}
#: The characters of a name's text that pybtex would read as LaTeX, as pybtex reads them back (``$`` and ``^`` it
#: reads as themselves; it has no way to write a brace in a name).
LATEX_SPECIALS = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}"}
LATEX_SPECIALS |= {"{": "", "}": ""}
THESIS_TYPES = frozenset({"thesis", "phdthesis", "mastersthesis"})
#: The types that are a part of a book, whose ``booktitle`` is the book's title.
PART_TYPES = frozenset({"inbook", "incollection", "inproceedings", "conference", "bookinbook", "suppbook"})
#: BibLaTeX's ``langid`` (babel's and polyglossia's names of languages) -> the language's BCP 47 tag.
LANGIDS = {
    **dict.fromkeys(("english", "american", "usenglish", "british", "ukenglish", "australian", "canadian"), "en"),
    **dict.fromkeys(("german", "ngerman", "austrian", "naustrian", "swissgerman", "nswissgerman"), "de"),
    **dict.fromkeys(("french", "francais", "acadian", "canadien"), "fr"),
    **dict.fromkeys(("portuguese", "portuges", "brazil", "brazilian"), "pt"),
    **dict.fromkeys(("norwegian", "norsk", "bokmal"), "nb"),
    "nynorsk": "nn",
    **{"spanish": "es", "catalan": "ca", "italian": "it", "dutch": "nl", "polish": "pl", "russian": "ru"},
    **{"ukrainian": "uk", "czech": "cs", "slovak": "sk", "slovene": "sl", "croatian": "hr", "serbian": "sr"},
    **{"bulgarian": "bg", "greek": "el", "turkish": "tr", "hebrew": "he", "arabic": "ar", "persian": "fa"},
    **{"japanese": "ja", "chinese": "zh", "korean": "ko", "swedish": "sv", "danish": "da", "finnish": "fi"},
    **{"icelandic": "is", "estonian": "et", "latvian": "lv", "lithuanian": "lt", "hungarian": "hu", "magyar": "hu"},
    **{"romanian": "ro", "latin": "la", "irish": "ga", "welsh": "cy", "basque": "eu", "galician": "gl"},
    **{"indonesian": "id", "vietnamese": "vi", "hindi": "hi", "thai": "th"},
    # ISO 639-2, as Zotero's ``language`` may write it
    **{"eng": "en", "ger": "de", "deu": "de", "fre": "fr", "fra": "fr", "spa": "es", "ita": "it", "por": "pt"},
    **{"dut": "nl", "nld": "nl", "rus": "ru", "jpn": "ja", "chi": "zh", "zho": "zh", "kor": "ko", "pol": "pl"},
    **{"tur": "tr", "heb": "he", "ara": "ar"},
}
#: A ``langid`` written as a language's code: ``de``, ``en-GB``, ``pt_BR``.
_LANGUAGE_CODE = re.compile(r"^(?P<language>[a-z]{2})(?:[-_][A-Za-z0-9]{2,8})*$")
#: ``https://doi.org/``, ``http://dx.doi.org/``, ``doi:`` and the like before the DOI itself (``10.``).
_DOI_PREFIX = re.compile(r"^\s*(?:(?:https?://)?(?:dx\.)?doi\.org/|doi:\s*)", flags=re.IGNORECASE)
#: A journal that is arXiv: ADS's "arXiv e-prints", Google Scholar's "arXiv preprint arXiv:2301.00001", DBLP's
#: "CoRR".
_ARXIV_JOURNAL = re.compile(
    r"^\W*(?:corr|arxiv(?:\s+e-prints|\s+preprint)?)\W*(?:arxiv:(?P<id>\d{4}\.\d{4,5}(?:v\d+)?))?\W*$",
    flags=re.IGNORECASE,
)


def doi_of(text: str) -> str:
    """The DOI in ``text``: without an address or ``doi:`` before it, and without spaces around it."""
    return _DOI_PREFIX.sub("", text).strip()


def entry_language(entry: Entry) -> str | None:
    """The language that the entry's ``langid`` (or ``language``, as Zotero writes it) names, as a BCP 47
    language (``de``); None when it names none this knows."""
    for name in ("langid", "language"):
        written = entry.fields.get(name, "").strip()
        code = _LANGUAGE_CODE.match(written)
        language = LANGIDS.get(written.lower()) or (code["language"] if code else None)
        if language:
            return language
    return None


def normalise_entry(entry: Entry, macros: Mapping[str, Macro] | None = None) -> frozenset[str]:
    """Add to ``entry`` the BibTeX fields its BibLaTeX ones give, put its identifiers in one form, and expand
    ``macros``; the macros of its names that are neither ``macros`` nor known LaTeX (each read as its argument)."""
    fields = entry.fields
    for name, value in list(fields.items()):
        fields[name] = expand(value, macros or {})
    unknown = _read_names(entry, macros or {})
    for biblatex, bibtex in ALIASES.items():
        if fields.get(biblatex) and not fields.get(bibtex):
            fields[bibtex] = fields[biblatex]
    if entry.type.lower() in THESIS_TYPES and fields.get("institution") and not fields.get("school"):
        fields["school"] = fields["institution"]
    maintitle = fields.get("maintitle", "").strip()
    titled = "booktitle" if entry.type.lower() in PART_TYPES else "title"
    if maintitle and not fields.get(titled, "").startswith(maintitle):
        fields[titled] = _titles(maintitle, fields.get(titled, ""))
    written = fields.get("year", "").strip()
    parts = date_parts(fields.get("date", "") if not written else written if not written.isdigit() else "")
    if parts is not None:  # a date, or a date in ``year`` (as Zotero's BibLaTeX export writes it): its year
        fields["year"] = parts[0]
        if parts[1] and not fields.get("month"):
            fields["month"] = parts[1]
    if fields.get("doi"):
        fields["doi"] = doi_of(fields["doi"])
    eprint = fields.get("eprint", "").strip()
    if is_link(eprint) and not fields.get("url"):  # the rule by which the style links no such eprint
        fields["url"] = eprint
    if is_link(fields.get("html", "").strip()) and not fields.get("url"):  # al-folio's page of the publication
        fields["url"] = fields["html"].strip()
    if fields.get("arxiv") and not fields.get("eprint"):
        fields["eprint"] = fields["arxiv"].strip()
        fields.setdefault("eprinttype", "arxiv")
    arxiv = _ARXIV_JOURNAL.match(fields.get("journal", ""))
    if arxiv and arxiv["id"] and not fields.get("eprint"):
        fields["eprint"] = arxiv["id"]
    no_journal = not fields.get("journal", "").strip() or arxiv is not None
    if entry.type.lower() == "article" and no_journal and _is_arxiv_preprint(fields):
        entry.type = "preprint"
    return unknown


def _titles(main: str, title: str) -> str:
    """A work's title after the title of the work in volumes it is part of: "Main. Title" (BibLaTeX's order)."""
    if not title.strip():
        return main
    return f"{main}{'' if main.rstrip()[-1] in '.?!' else '.'} {title.strip()}"


def _read_names(entry: Entry, macros: Mapping[str, Macro]) -> frozenset[str]:
    """Expand ``macros`` in the entry's names, read as text a name that pybtex would print a macro of, and drop the
    "and" that ``and and`` leaves before a name."""
    unknown: set[str] = set()
    for people in entry.persons.values():
        for index, name in enumerate(people):
            written = str(name)
            if written.startswith("and "):  # "A and and B" gives "and B" (checks.py says so at its line)
                people[index] = name = person(written.removeprefix("and "))
                written = str(name)
            if "\\" not in written:
                continue
            expanded = expand(written, macros)
            if expanded == written and not _printed_raw(written):
                continue  # accents only: pybtex reads them
            text, macros_unknown = field_text(expanded)
            unknown |= macros_unknown
            people[index] = person(_latex_of(str(text)))
    return frozenset(unknown)


def _latex_of(text: str) -> str:
    """``text`` as LaTeX that pybtex reads back as ``text`` (``&`` is ``\\&``, a backslash ``\\textbackslash{}``)."""
    return "".join(LATEX_SPECIALS.get(char, char) for char in text)


def _printed_raw(name: str) -> bool:
    """Whether pybtex would print a backslash of ``name``."""
    try:
        return "\\" in str(Text.from_latex(name))
    except PybtexError:
        return True


def _is_arxiv_preprint(fields: Mapping[str, str]) -> bool:
    eprint = fields.get("eprint", "").strip()
    return bool(eprint) and not is_link(eprint) and fields.get("eprinttype", "arxiv").strip().lower() == "arxiv"
