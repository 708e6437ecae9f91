"""Entries as researchers' files write them, read into the one form the ``cv`` style sets.

Files exported from Google Scholar, NASA ADS, INSPIRE, Zotero or kept in BibLaTeX name the
same thing in different ways. Each entry is read once after sphinxcontrib-bibtex parses it:

- BibLaTeX's fields are read as biber maps them onto BibTeX's: ``date`` gives ``year`` and
  ``month``, ``journaltitle`` gives ``journal``, ``location`` gives ``address``, a thesis's
  ``institution`` gives ``school``, INSPIRE's ``archivePrefix`` gives ``eprinttype``;
- a DOI written as an address (``https://doi.org/10...``, ``doi:10...``) is the DOI alone;
- an ``eprint`` that is an address is the entry's ``url`` too (the style links no such eprint as arXiv's);
- al-folio's ``arxiv`` field is the ``eprint`` of an arXiv entry.

A field the file gives is never overwritten by one derived from another field; running this twice changes nothing.
Pure Python over pybtex's ``Entry``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..links import is_link

if TYPE_CHECKING:
    from pybtex.database import Entry

__all__ = ["date_parts", "doi_of", "normalise_entry"]

#: BibLaTeX's name of a field -> BibTeX's, which the style reads (taken when BibTeX's is absent).
ALIASES = {
    "journaltitle": "journal",
    "location": "address",
    "archiveprefix": "eprinttype",
    "primaryclass": "eprintclass",
}
THESIS_TYPES = frozenset({"thesis", "phdthesis", "mastersthesis"})
#: ``https://doi.org/``, ``http://dx.doi.org/``, ``doi:`` and the like before the DOI itself (``10.``).
_DOI_PREFIX = re.compile(r"^\s*(?:(?:https?://)?(?:dx\.)?doi\.org/|doi:\s*)", flags=re.IGNORECASE)
#: A BibLaTeX (ISO 8601 / EDTF) date: ``2021``, ``2021-05``, ``2021-05-17``, with ``~`` or ``?`` for an approximate
#: or uncertain one, and ``/`` before the end of a range.
_DATE = re.compile(r"^\s*(?P<year>-?\d{4})(?:-(?P<month>\d\d)(?:-(?P<day>\d\d))?)?[~?%]*\s*(?:/.*)?$")


def date_parts(date: str) -> tuple[str, str, str] | None:
    """A BibLaTeX ``date`` as (year, month, day) of its start, "" for a part it leaves out; None when it is not one."""
    match = _DATE.match(date)
    if match is None:
        return None
    return match["year"], (match["month"] or "").lstrip("0"), (match["day"] or "").lstrip("0")


def doi_of(text: str) -> str:
    """The DOI in ``text``: without an address or ``doi:`` before it, and without spaces around it."""
    return _DOI_PREFIX.sub("", text).strip()


def normalise_entry(entry: Entry) -> None:
    """Add to ``entry`` the BibTeX fields its BibLaTeX ones give, and put its identifiers in one form."""
    fields = entry.fields
    for biblatex, bibtex in ALIASES.items():
        if fields.get(biblatex) and not fields.get(bibtex):
            fields[bibtex] = fields[biblatex]
    if entry.type.lower() in THESIS_TYPES and fields.get("institution") and not fields.get("school"):
        fields["school"] = fields["institution"]
    parts = date_parts(fields.get("date", ""))
    if parts is not None and not fields.get("year"):
        fields["year"] = parts[0]
        if parts[1] and not fields.get("month"):
            fields["month"] = parts[1]
    if fields.get("doi"):
        fields["doi"] = doi_of(fields["doi"])
    eprint = fields.get("eprint", "").strip()
    if is_link(eprint) and not fields.get("url"):  # the rule by which the style links no such eprint
        fields["url"] = eprint
    if fields.get("arxiv") and not fields.get("eprint"):
        fields["eprint"] = fields["arxiv"].strip()
        fields.setdefault("eprinttype", "arxiv")
