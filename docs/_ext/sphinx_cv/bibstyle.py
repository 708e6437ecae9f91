"""The pybtex style of the publication list: as an academic CV sets it.

``Title. Authors. *Venue*, volume(number):pages, month year.`` with the CV
owner's name in bold, ``*`` after authors who share first authorship (bib field
``equalcontrib``, names as in ``author``), titles in the capitalisation of the
.bib file, ``$math$`` in titles set in italics, newest first.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

from pybtex.database import Person
from pybtex.plugin import register_plugin
from pybtex.richtext import BaseMultipartText, String, Tag, Text
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.formatting.unsrt import date, pages
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import field, first_of, href, join, node, optional, optional_field, sentence, tag

if TYPE_CHECKING:
    from collections.abc import Iterable

    from pybtex.database import Entry
    from sphinx.application import Sphinx
    from sphinx.config import Config

__all__ = ["CvStyle", "NewestFirst", "name_key", "register_styles"]

STYLE_NAME = "cv"
SORTING_NAME = "cv_newest_first"
_MATH = re.compile(r"\$([^$]+)\$")
_MONTH_NUMBERS = {name: number for number, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july",
     "august", "september", "october", "november", "december"), 1)}  # fmt: skip


def _plain(text: str) -> str:
    """Lower-case ASCII letters of ``text``: accents, braces and LaTeX accents dropped."""
    decoded = Text.from_latex(text).render_as("text")
    folded = unicodedata.normalize("NFKD", decoded)
    return "".join(char for char in folded if char.isalnum() or char == " ").lower().strip()


def name_key(person: Person) -> tuple[str, str]:
    """(last names, first initial): ``Benton, Joe``, ``Joe Benton`` and ``J. Benton`` share one key."""
    last = " ".join(_plain(part) for part in person.prelast_names + person.last_names)
    first = _plain(" ".join(person.first_names + person.middle_names))
    return (last, first[:1])


def _keys(names: Iterable[str]) -> frozenset[tuple[str, str]]:
    return frozenset(name_key(Person(name)) for name in names if name.strip())


def _math_as_emphasis(text: BaseMultipartText) -> BaseMultipartText:
    """Set ``$...$`` in a title as emphasis, so no format shows literal dollars."""
    parts: list[Any] = []
    for part in text.parts:
        if isinstance(part, (str, String)):
            for index, piece in enumerate(_MATH.split(str(part))):
                if piece:
                    parts.append(Tag("em", piece) if index % 2 else piece)
        elif isinstance(part, BaseMultipartText):
            parts.append(_math_as_emphasis(part))
        else:
            parts.append(part)
    return text._create_similar(parts)


@node
def cv_authors(children: list, context: dict, role: str = "author") -> Text:
    """The authors, owner in bold, ``*`` after the names listed in ``equalcontrib``."""
    style: CvStyle = context["style"]
    entry: Entry = context["entry"]
    equal = _keys(entry.fields.get("equalcontrib", "").split(" and "))
    formatted = []
    for person in entry.persons[role]:
        name = style.format_name(person, style.abbreviate_names)
        if name_key(person) in style.owner_keys:
            name = tag("strong")[name]
        formatted.append(join[name, "*"] if name_key(person) in equal else name)
    return join(sep=", ")[formatted].format_data(context)


class CvStyle(UnsrtStyle):
    """Publication style of a CV; :func:`register_styles` makes a subclass that knows the owner."""

    default_sorting_style = SORTING_NAME
    owner_keys: frozenset[tuple[str, str]] = frozenset()

    def format_title(self, e: Entry, which_field: str, as_sentence: bool = True) -> Any:
        title = field(which_field, apply_func=_math_as_emphasis)
        return sentence[title] if as_sentence else title

    def format_names(self, role: str, as_sentence: bool = True) -> Any:
        return sentence[cv_authors(role=role)] if as_sentence else cv_authors(role=role)

    def format_web_refs(self, e: Entry) -> Any:
        return sentence[optional[self.format_doi(e)], optional[self.format_url(e)]]

    def format_url(self, e: Entry) -> Any:
        url = field("url", raw=True)
        return href(url)[url]

    def _venue(self, e: Entry, venue: Any, details: Any = "") -> Any:
        return toplevel[
            self.format_title(e, "title"),
            self.format_names("author"),
            sentence[tag("em")[venue], optional[details], date],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_article_template(self, e: Entry) -> Any:
        volume_and_pages = first_of[
            optional[join[field("volume"), optional["(", field("number"), ")"], optional[":", pages]]],
            optional[pages],
        ]
        return self._venue(e, field("journal"), volume_and_pages)

    def get_inproceedings_template(self, e: Entry) -> Any:
        return self._venue(e, field("booktitle"), optional[pages])

    def get_misc_template(self, e: Entry) -> Any:
        arxiv = join["https://arxiv.org/abs/", field("eprint", raw=True)]
        venue = join(sep=", ")[
            optional_field("howpublished"), optional[href(arxiv)["arXiv:", field("eprint", raw=True)]]
        ]
        return self._venue(e, venue)


class NewestFirst(BaseSortingStyle):
    """Newest first by year, then month; entries of the same date keep their .bib order.

    An entry without a month may date from any time of its year, so it comes first within it
    (as in :meth:`sphinx_cv.dates.CvDate.latest`).
    """

    def sorting_key(self, entry: Entry) -> tuple[int, int]:
        year = entry.fields.get("year", "")
        month = _plain(entry.fields.get("month", ""))
        month_number = _MONTH_NUMBERS.get(month, int(month) if month.isdigit() else 13)
        return (-int(year) if year.isdigit() else 0, -month_number)


def register_styles(app: Sphinx, config: Config) -> None:
    """Register the ``cv`` style for the configured owner (``cv_name`` and ``cv_name_variants``)."""
    owner = _keys([config.cv_name, *config.cv_name_variants])
    style = type("CvOwnerStyle", (CvStyle,), {"owner_keys": owner, "__module__": __name__})
    register_plugin("pybtex.style.formatting", STYLE_NAME, style, force=True)
    register_plugin("pybtex.style.sorting", SORTING_NAME, NewestFirst, force=True)
