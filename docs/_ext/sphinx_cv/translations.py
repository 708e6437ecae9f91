"""The extension's own words, and its dates, in the CV's language: a gettext catalog per language in ``locales/``.

``_`` translates lazily into Sphinx's ``language`` (``sphinx.locale.get_translation``); the
catalogs are registered with ``app.add_message_catalog``. ``tools/compile_catalogs.py`` writes
each ``.mo`` from its ``.po``; ``tests/test_translations.py`` checks that every shipped language has
every message, with the same placeholders, and that each ``.mo`` is up to date.
"""

from __future__ import annotations

import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from babel.dates import format_skeleton
from sphinx.locale import get_translation

from .dates import ENGLISH, SEASONS, DateWords

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from .dates import CvDate

CATALOG = "sphinx_cv"
LOCALES = Path(__file__).with_name("locales")

_ = get_translation(CATALOG)


def setup_translations(app: Sphinx) -> None:
    """Register the catalogs, so that ``_`` speaks the CV's language."""
    app.add_message_catalog(CATALOG, str(LOCALES))


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

    def month(self, word: str) -> int | None:
        return self._months.get(word) or super().month(word)

    def season(self, word: str) -> str | None:
        return self._seasons.get(word) or super().season(word)

    def is_present(self, text: str) -> bool:
        return text.replace("’", "'") == self.present.lower().replace("’", "'") or super().is_present(text)

    def names(self) -> list[str]:
        local = [name.capitalize() for name in self._months] + [word.capitalize() for word in self._seasons]
        return [*ENGLISH.names(), *local, self.present]

    def point(self, date: CvDate, *, with_year: bool = True) -> str:
        if date.season:
            season = self.seasons[date.season]
            return self.season_and_year % {"season": season, "year": date.year} if with_year else season
        if date.month is None:
            return str(date.year)
        skeleton = ("y" if with_year else "") + ("MMMd" if date.day else "MMM")
        return format_skeleton(skeleton, datetime.date(date.year, date.month, date.day or 1), locale=self.locale)


@cache
def date_words(language: str | None) -> DateWords:
    """How dates are written in ``language`` (Sphinx's ``language``): English for ``en`` or a language CLDR lacks."""
    if not language or language.split("_")[0] == "en":
        return ENGLISH
    try:
        return LocalDateWords(Locale.parse(language))
    except (ValueError, UnknownLocaleError):
        return ENGLISH
