"""The extension's own words, and its dates, in the CV's language: a gettext catalog per language in ``locales/``.

``_`` translates lazily into Sphinx's ``language`` (``sphinx.locale.get_translation``); the
catalogs are registered with ``app.add_message_catalog``. ``tools/compile_catalogs.py`` writes
each ``.mo`` from its ``.po``; ``tests/test_translations.py`` checks that every shipped language has
every message, with the same placeholders, and that each ``.mo`` is up to date.
"""

from __future__ import annotations

import datetime
import gettext
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from sphinx.locale import get_translation

from .dates import ENGLISH, SEASONS, CvDate, DateWords
from .model import SECTION_TITLES, title_words

if TYPE_CHECKING:
    from sphinx.application import Sphinx

CATALOG = "sphinx_cv"
LOCALES = Path(__file__).with_name("locales")

_ = get_translation(CATALOG)


def setup_translations(app: Sphinx) -> None:
    """Register the catalogs, so that ``_`` speaks the CV's language."""
    app.add_message_catalog(CATALOG, str(LOCALES))


_PLACEHOLDER = re.compile(r"(%\(\w+\)s)")


def message_parts(message: str) -> list[tuple[str, bool]]:
    """A translated message cut into its text and its placeholders (their names): ``"Page %(page)s of
    %(pages)s"`` is ``("Page ", False), ("page", True), (" of ", False), ("pages", True), ("", False)``."""
    return [
        (part[2:-2], True) if index % 2 else (part, False) for index, part in enumerate(_PLACEHOLDER.split(message))
    ]


def area_joiner() -> tuple[str, str]:
    """What comes before and after a degree's field, in the CV's language: ``(" in ", "")``, ``("（", "）")``."""
    before, _placeholder, after = str(_(" in %(area)s")).partition("%(area)s")
    return before, after


def section_kinds() -> dict[str, str]:
    """Section titles in the CV's language (``berufserfahrung``) -> the kind of their entries, from the catalogs;
    empty in English, whose titles are ``model.DEFAULT_SECTION_KINDS``."""
    kinds: dict[str, str] = {}
    for kind, titles in SECTION_TITLES.items():
        translated = str(_(titles))
        if translated != titles:
            for title in translated.split(","):
                kinds.setdefault(title_words(title), kind)
    kinds.pop("", None)
    return kinds


class LocalDateWords(DateWords):
    """Dates in another language: months as CLDR writes them (Babel: ``Okt. 2019``, ``2019年10月``), seasons,
    their order with the year, and "Present" from the catalogs (CLDR has no seasons); read in that language
    too, besides English."""

    def __init__(self, locale: Locale) -> None:
        self.locale = locale
        self.present = str(_("Present"))
        self.seasons = {season: str(_(season)) for season in SEASONS}
        self.season_and_year = str(_("%(season)s %(year)s"))
        self._months = {  # every name CLDR has for a month: in full and short, in a date and alone
            name.lower().rstrip("."): number
            for context in ("format", "stand-alone")
            for width in ("wide", "abbreviated")
            for number, name in locale.months[context][width].items()
        }
        self._seasons = {word.lower(): season for season, word in self.seasons.items()}
        self._written = [
            _pattern_regex(str(locale.datetime_skeletons[skeleton]), self._months)
            for skeleton in ("yMMMMd", "yMMMd", "yMMMM", "yMMM", "y")
            if skeleton in locale.datetime_skeletons
        ]

    def month(self, word: str) -> int | None:
        return self._months.get(word) or super().month(word)

    def season(self, word: str) -> str | None:
        return self._seasons.get(word) or super().season(word)

    def is_present(self, text: str) -> bool:
        return text.replace("’", "'") == self.present.lower().replace("’", "'") or super().is_present(text)

    def names(self) -> list[str]:
        local = [name.capitalize() for name in self._months] + [word.capitalize() for word in self._seasons]
        return [*ENGLISH.names(), *local, self.present]

    def written(self, text: str) -> CvDate | None:
        for pattern in self._written:
            match = pattern.fullmatch(text)
            if match:
                fields = match.groupdict()
                month = fields.get("month")
                if month and not month.isdigit():
                    month = self._months[month.lower().rstrip(".")]
                day = fields.get("day")
                return CvDate(int(fields["year"]), int(month) if month else None, int(day) if day else None)
        return None

    def point(self, date: CvDate, *, with_year: bool = True) -> str:
        if date.season:
            season = self.seasons[date.season]
            return self.season_and_year % {"season": season, "year": date.year} if with_year else season
        if date.month is None:  # 2019, 2019年
            return format_skeleton("y", datetime.date(date.year, 1, 1), locale=self.locale)
        skeleton = ("y" if with_year else "") + ("MMMd" if date.day else "MMM")
        return format_skeleton(skeleton, datetime.date(date.year, date.month, date.day or 1), locale=self.locale)

    def interval(self, start: CvDate, end: CvDate) -> tuple[str, str, str] | None:
        """CLDR's interval format for two dates of one precision (``2025年3月1日～4月1日``, ``1. März – 1. Apr.
        2025``); None for a season (which CLDR does not have) or two precisions."""
        precision = {(date.month is None, date.day is None) for date in (start, end)}
        if start.season or end.season or len(precision) > 1:
            return None
        field = "y" if start.year != end.year else "M" if start.month != end.month else "d"
        halves = self._interval_format(start, field)
        if halves is None:
            return None
        first, separator, second = halves
        start_date, end_date = (datetime.date(date.year, date.month or 1, date.day or 1) for date in (start, end))
        start_text = format_date(start_date, first, locale=self.locale)
        return start_text, separator, format_date(end_date, second, locale=self.locale)

    def separator(self, start: CvDate) -> str:
        """The separator of CLDR's interval format of two years at the precision of ``start`` (``～``)."""
        halves = self._interval_format(start, "y")
        return halves[1] if halves is not None else super().separator(start)

    def _interval_format(self, start: CvDate, field: str) -> tuple[str, str, str] | None:
        """CLDR's interval pattern at the precision of ``start`` (a season's is its year's) for two dates that differ
        first in ``field`` (``y``, ``M``, ``d``): the first half's pattern, the separator, the second half's."""
        skeleton = "y" if start.month is None or start.season else "yMMMd" if start.day else "yMMM"
        patterns = self.locale.interval_formats.get(skeleton, {}).get(field)
        separator = _INTERVAL_SEPARATOR.search(str(patterns[0])) if patterns else None
        if patterns is None or separator is None:
            return None
        return str(patterns[0])[: separator.start()], separator[0], str(patterns[1])


#: What ends the first half of a CLDR interval pattern: the separator (``～``, `` – ``, ``—``).
_INTERVAL_SEPARATOR = re.compile(r"[\s\u2009\u202f]*[–—\-~～〜][\s\u2009\u202f]*$")
_PATTERN_PART = re.compile(r"'((?:[^']|'')*)'|([a-zA-Z])\2*|(\s+)|(.)")


def _pattern_regex(pattern: str, months: dict[str, int]) -> re.Pattern[str]:
    """A CLDR date pattern (``y年M月``, ``d 'de' MMM 'de' y``) as a regular expression that reads such dates:
    groups ``year``, ``month`` (digits or a name among ``months``) and ``day``; any spacing."""
    names = "|".join(re.escape(name) for name in sorted(months, key=len, reverse=True))
    fields = {"y": r"(?P<year>[1-9]\d{3})", "d": r"(?P<day>\d{1,2})"}
    regex = ""
    for match in _PATTERN_PART.finditer(pattern):
        quoted, letter, space, other = match.groups()
        if quoted is not None:
            regex += re.escape(quoted.replace("''", "'") or "'")
        elif letter in {"M", "L"}:
            regex += r"(?P<month>\d{1,2})" if len(match[0]) < 3 else rf"(?P<month>{names})\.?"
        elif letter:
            regex += fields.get(letter, r"\S+")
        elif space:
            regex += r"\s*"
        else:
            regex += re.escape(other) + r"\s*"
    return re.compile(regex, re.IGNORECASE)


def shipped_languages() -> frozenset[str]:
    """The languages the extension has words for: English, and one catalog each (``de``, ``zh_CN``, ...)."""
    return frozenset({"en", *(path.name for path in LOCALES.iterdir() if (path / "LC_MESSAGES").is_dir())})


def section_heading(kind: str, english: str, language: str) -> str:
    """The heading of a section of ``kind`` (``work``, ``publications``) in ``language``, outside a Sphinx build (an
    import writes it): the first of the titles its catalog gives the kind ("Berufserfahrung"); ``english`` in
    English or without a catalog."""
    translation = gettext.translation(CATALOG, LOCALES, languages=[language], fallback=True)
    if kind == "publications":
        return translation.gettext("Publications")
    titles = SECTION_TITLES.get(kind, "")
    translated = translation.gettext(titles) if titles else titles
    if translated == titles:
        return english
    first = translated.split(",")[0].strip()
    return first[:1].upper() + first[1:]


def language_tag(language: str | None) -> str:
    """Sphinx's ``language`` (``en``, ``pt_BR``) as the PDF's ``/Lang`` and the JSON-LD write it: a BCP 47 tag
    (``pt-BR``)."""
    return (language or "en").replace("_", "-")


T = TypeVar("T")


def for_language(table: dict[str, T], language: str | None) -> T | None:
    """``table``'s value for ``language`` (``zh_TW``), else for its base language (``ar`` for ``ar_EG``)."""
    language = language or ""
    return table.get(language) or table.get(language.partition("_")[0])


#: The Noto CJK family (``fonts-noto-cjk``) that writes each CJK language as its readers expect.
CJK_REGIONS = {"ja": "JP", "ko": "KR", "zh": "SC", "zh_CN": "SC", "zh_SG": "SC", "zh_TW": "TC", "zh_HK": "HK"}


@dataclass(frozen=True)
class Script:
    """What a CV's language asks of every output: read once, into the settings."""

    tag: str  #: the language as a BCP 47 tag (``pt-BR``): the PDF's ``/Lang``, the EPUB's, the JSON-LD's
    right_to_left: bool  #: CLDR writes it from right to left (Arabic, Hebrew, Persian, Urdu)
    cjk_region: str  #: the Noto CJK region of a Chinese, Japanese or Korean language (``JP``, ``SC``); "" for others


def script_of(language: str | None) -> Script:
    """What ``language`` (Sphinx's) asks of the outputs."""
    return Script(language_tag(language), right_to_left(language), for_language(CJK_REGIONS, language) or "")


@cache
def right_to_left(language: str | None) -> bool:
    """Whether CLDR writes ``language`` from right to left (Arabic, Hebrew, Persian, Urdu)."""
    try:
        return Locale.parse(language or "en").character_order == "right-to-left"
    except (UnknownLocaleError, ValueError):
        return False


@cache
def month_and_year(month: int, year: int, language: str | None) -> str:
    """A publication's date in ``language``, as CLDR writes a month and a year: ``February 2026``, ``Februar 2026``,
    ``febrero de 2026``, ``2026年2月``."""
    return format_skeleton("yMMMM", datetime.date(year, month, 1), locale=_locale(language))


@cache
def long_date(date: datetime.date, language: str | None) -> str:
    """A day in ``language``, as CLDR writes it in full: ``December 2, 2026``, ``2. Dezember 2026``."""
    return format_date(date, format="long", locale=_locale(language))


def _locale(language: str | None) -> Locale:
    """CLDR's locale of ``language`` (English when CLDR lacks it)."""
    try:
        return Locale.parse(language or "en")
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


@cache
def date_words(language: str | None) -> DateWords:
    """How dates are written in ``language`` (Sphinx's ``language``): English for ``en`` or a language CLDR lacks."""
    if not language or language.split("_")[0] == "en":
        return ENGLISH
    try:
        return LocalDateWords(Locale.parse(language))
    except (ValueError, UnknownLocaleError):
        return ENGLISH
