"""The date grammar of ``:dates:``: parse free-form CV dates into a structured range.

Pure Python, no Sphinx import. Accepted forms of one date::

    2023    Mar 2023    March 2023    1 Mar 2023    Fall 2023    2023-03    2023-03-01    Present

A range joins two dates with an en dash, an em dash, a hyphen or ``to``. The
start may leave out its year when the end has one (``Spring – Fall 2022``).

Dates that no grammar reads (``2023, 2024, 2026``, ``ESS 469/569``, as RenderCV allows) are
``:date-text:``: :func:`written_dates` keeps them as written, sorted by the first year they hold.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

__all__ = ["MONTHS", "CvDate", "DateError", "DateRange", "WrittenDates", "first_year", "parse_dates", "written_dates"]

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: Season name -> (first month, last month); winter runs December to February.
SEASONS = {"Spring": (3, 5), "Summer": (6, 8), "Fall": (9, 11), "Autumn": (9, 11), "Winter": (12, 14)}
PRESENT_WORDS = frozenset({"present", "now", "current", "ongoing", "today"})

_MONTH_LOOKUP = {name.lower(): i for i, name in enumerate(MONTHS, 1)}
_MONTH_LOOKUP.update({name[:3].lower(): i for i, name in enumerate(MONTHS, 1)})
_MONTH_LOOKUP["sept"] = 9
_SEASON_LOOKUP = {name.lower(): name for name in SEASONS}
_WORDS = sorted({*MONTHS, *(m[:3] for m in MONTHS), *SEASONS, "Present"})

_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?")
_YEAR = re.compile(r"\d{4}")
_FIRST_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_WORD_YEAR = re.compile(r"(?:(?P<day>\d{1,2})\.?\s+)?(?P<word>[^\W\d_]+)\.?(?:\s+(?P<year>\d{4}))?")
_SEPARATOR = re.compile(r"\s*(?:–|—|--|-|～|〜|\bto\b)\s*", re.IGNORECASE)

EXPECTED = (
    "write a year (2023), a month or season and a year (Mar 2023, Fall 2023), "
    "an ISO date (2023-03, 2023-03-01) or a range of two of them joined by "
    "' – ', ' — ', '-' or 'to' (2021 – 2023, Fall 2023 – Present)"
)


class DateWords:
    """How dates are written: English, as in the grammar (``Mar 2023``, ``Fall 2023``, ``Present``).

    A CV in another language uses a subclass whose words come from CLDR and the extension's
    catalogs (``sphinx_cv.translations.date_words``); it reads English too.
    """

    present = "Present"

    def month(self, word: str) -> int | None:
        """The month that ``word`` (lower case, without a final full stop) names, or None."""
        return _MONTH_LOOKUP.get(word)

    def season(self, word: str) -> str | None:
        """The season (in English, as ``SEASONS`` names it) that ``word`` names, or None."""
        return _SEASON_LOOKUP.get(word)

    def is_present(self, text: str) -> bool:
        """True when ``text`` (lower case) means that the range goes on."""
        return text in PRESENT_WORDS

    def names(self) -> list[str]:
        """The words a date may use, for suggestions."""
        return _WORDS

    def written(self, text: str) -> CvDate | None:
        """The date that ``text`` writes in one of the language's own CLDR patterns (``2019年10月``, ``marzo de
        2023``), or None."""
        return None

    def point(self, date: CvDate, *, with_year: bool = True) -> str:
        """``2023``, ``Fall 2023``, ``Mar 2023``, ``1 Mar 2023`` (without the year: ``Fall``, ``Mar``)."""
        if date.season:
            word = date.season
        elif date.month:
            word = MONTHS[date.month - 1][:3]
            if date.day:
                word = f"{date.day} {word}"
        else:
            return str(date.year)
        return f"{word} {date.year}" if with_year else word

    def interval(self, start: CvDate, end: CvDate) -> tuple[str, str, str] | None:
        """A range of two dates as the language writes it: (start, separator, end); None for the grammar's own
        way, an en dash between the two, the start without the year it shares with the end (``Mar – Jun 2023``)."""
        return None

    def separator(self, start: CvDate) -> str:
        """What joins a range that starts at ``start`` and goes on (``Present``) or holds a season."""
        return " – "


ENGLISH = DateWords()


class DateError(ValueError):
    """A ``:dates:`` value that cannot be read; the message says what to write instead."""


@dataclass(frozen=True, order=False)
class CvDate:
    """One point in time at the precision it was written: a year, a season, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None
    season: str | None = None

    @property
    def first_month(self) -> int:
        """The earliest month this date may mean (1-12, or 12 for a winter)."""
        if self.month:
            return self.month
        return SEASONS[self.season][0] if self.season else 1

    @property
    def last_month(self) -> int:
        """The latest month this date may mean, counted past 12 into the next year for a winter."""
        if self.month:
            return self.month
        return SEASONS[self.season][1] if self.season else 12

    def earliest(self) -> tuple[int, int, int]:
        """Sort key of the first day this date may mean."""
        return (self.year, self.first_month, self.day or 1)

    def latest(self) -> tuple[int, int, int]:
        """Sort key of the last day this date may mean."""
        return (self.year, self.last_month, self.day or 31)

    def iso(self) -> str:
        """The date as ISO 8601 at its own precision (a season is given as its year)."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def label(self, *, with_year: bool = True, words: DateWords = ENGLISH) -> str:
        """The normalised human form: ``2023``, ``Fall 2023``, ``Mar 2023``, ``1 Mar 2023`` (in English)."""
        return words.point(self, with_year=with_year)


@dataclass(frozen=True)
class DateRange:
    """A start and an optional end; ``ongoing`` means the end is ``Present``."""

    start: CvDate
    end: CvDate | None = None
    ongoing: bool = False

    @property
    def is_single(self) -> bool:
        """True when the range is one point in time (``Spring 2023``)."""
        return self.end is None and not self.ongoing

    def rendered(self, words: DateWords = ENGLISH) -> tuple[list[tuple[str, str | None]], str]:
        """The pieces as ``(text, iso)`` pairs (``iso`` is None for ``Present``), and what joins them: the
        language's (``～``, `` — ``), or a spaced en dash in English."""
        start = (self.start.label(words=words), self.start.iso())
        if self.is_single:
            return [start], words.separator(self.start)
        if self.ongoing:
            return [start, (words.present, None)], words.separator(self.start)
        assert self.end is not None
        interval = words.interval(self.start, self.end)
        if interval is not None:
            return [(interval[0], self.start.iso()), (interval[2], self.end.iso())], interval[1]
        same_year = self.start.year == self.end.year and (self.start.month or self.start.season)
        start = (self.start.label(with_year=not same_year, words=words), self.start.iso())
        return [start, (self.end.label(words=words), self.end.iso())], words.separator(self.start)

    def parts(self, words: DateWords = ENGLISH) -> list[tuple[str, str | None]]:
        """The rendered pieces as ``(text, iso)`` pairs; ``iso`` is None for ``Present``."""
        return self.rendered(words)[0]

    def separator(self, words: DateWords = ENGLISH) -> str:
        """What joins the two parts."""
        return self.rendered(words)[1]

    def label(self, words: DateWords = ENGLISH) -> str:
        """The normalised form: parts joined by the separator."""
        parts, separator = self.rendered(words)
        return separator.join(text for text, _ in parts)

    def sort_key(self) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
        """Chronological key: the first day of the start, then the last day of the end (``Present`` last)."""
        end = (9999, 99, 99) if self.ongoing else (self.end or self.start).latest()
        return (self.start.earliest(), end)


@dataclass(frozen=True)
class WrittenDates(DateRange):
    """Dates written as text (``"2023, 2024, 2026"``): shown as written, sorted by the first year they hold
    (``start``, year 0 when they hold none: the oldest)."""

    text: str = ""

    def rendered(self, words: DateWords = ENGLISH) -> tuple[list[tuple[str, str | None]], str]:
        return [(self.text, None)], " – "


def written_dates(text: str) -> WrittenDates:
    """Dates as written (``:date-text:``), sorted by the first year they hold; raise :class:`DateError` when empty."""
    text = " ".join(text.split())
    if not text:
        raise DateError("the date text is empty; write the dates as they should be shown (2023, 2024, 2026)")
    return WrittenDates(CvDate(first_year(text) or 0), text=text)


def first_year(text: str) -> int | None:
    """The first year that ``text`` holds (``2023, 2024``, ``{2013}``, ``2013--2014``, ``in press, 2024``), or None."""
    year = _FIRST_YEAR.search(text)
    return int(year[0]) if year else None


def parse_dates(text: str, words: DateWords = ENGLISH) -> DateRange:
    """Parse a ``:dates:`` value; raise :class:`DateError` explaining what is wrong."""
    text = " ".join(text.split())
    if not text:
        raise DateError(f"the date is empty; {EXPECTED}")
    single = _try_single(text, words)
    if single is not None:
        return single
    errors: list[DateError] = []
    # Try spaced separators before the bare hyphens that ISO dates also contain.
    for match in sorted(_SEPARATOR.finditer(text), key=lambda m: m.group() == "-"):
        left, right = text[: match.start()].strip(), text[match.end() :].strip()
        if not left or not right:
            continue
        try:
            return _make_range(left, right, words)
        except DateError as error:
            errors.append(error)
    if errors:
        raise errors[0]
    raise DateError(f"cannot read {text!r} as a date; {EXPECTED}")


def _try_single(text: str, words: DateWords) -> DateRange | None:
    """Return the range of a one-date text, or None when ``text`` holds a separator."""
    try:
        point = _parse_point(text, words, need_year=True)
    except DateError:
        if _SEPARATOR.search(text) and not _ISO.fullmatch(text):
            return None
        raise
    if point is None:
        raise DateError(f"{text.strip()!r} can only end a range (e.g. '2021 – Present'); {EXPECTED}")
    return DateRange(point)


def _make_range(left: str, right: str, words: DateWords) -> DateRange:
    end = _parse_point(right, words, need_year=True)
    start = _parse_point(left, words, need_year=False)
    if start is None:
        raise DateError(f"'Present' can only end a range, not start it (got {left + ' – ' + right!r})")
    if start.year == 0:  # the year was left out: borrow the end's
        if end is None:
            raise DateError(f"{left!r} needs a year when the range ends with 'Present'")
        start = CvDate(end.year, start.month, start.day, start.season)
    if end is None:
        return DateRange(start, ongoing=True)
    if end.latest() < start.earliest():
        raise DateError(f"the range ends ({end.label()}) before it starts ({start.label()}); write the start first")
    return DateRange(start) if end == start else DateRange(start, end)  # "2016 – 2016" is 2016


def _parse_point(text: str, names: DateWords, *, need_year: bool) -> CvDate | None:
    """Parse one date in the words of ``names``; None means ``Present``; year 0 means the year was left out."""
    if names.is_present(text.lower()):
        return None
    if _YEAR.fullmatch(text):
        return CvDate(_year(text, text))
    iso = _ISO.fullmatch(text)
    if iso:
        return _iso_date(text, iso)
    written = names.written(text)
    if written:
        if written.month is not None and not 1 <= written.month <= 12:
            raise DateError(f"month {written.month} in {text!r} is not between 1 and 12")
        if written.day is not None:
            _check_day(text, written.year, written.month or 1, written.day)
        return written
    words = _WORD_YEAR.fullmatch(text)
    if not words:
        raise DateError(f"cannot read {text!r} as a date; {EXPECTED}")
    word = words["word"].lower()
    month, season = names.month(word), names.season(word)
    if month is None and season is None:
        raise DateError(f"unknown month or season {words['word']!r} in {text!r}{_suggest(words['word'], names)}")
    year = _year(words["year"], text) if words["year"] else 0
    if year == 0 and need_year:
        raise DateError(f"{text!r} has no year; write e.g. '{words['word']} 2023'")
    if season is not None:
        if words["day"]:
            example = _SEASON_LOOKUP.get(word) or words["word"]
            raise DateError(f"a season has no day (got {text!r}); write e.g. '{example} 2023'")
        return CvDate(year, season=season)
    assert month is not None
    day = int(words["day"]) if words["day"] else None
    if day is not None:
        _check_day(text, year or 2000, month, day)
    return CvDate(year, month, day)


def _year(digits: str, text: str) -> int:
    """The year written as ``digits``; a leading zero is refused (and year 0 stands for a year left out)."""
    if digits.startswith("0"):
        raise DateError(f"{digits} in {text!r} is not a year; write e.g. 2023")
    return int(digits)


def _iso_date(text: str, iso: re.Match[str]) -> CvDate:
    year, month = _year(iso["year"], text), int(iso["month"])
    if not 1 <= month <= 12:
        raise DateError(f"month {iso['month']} in {text!r} is not between 01 and 12")
    day = int(iso["day"]) if iso["day"] else None
    if day is not None:
        _check_day(text, year, month, day)
    return CvDate(year, month, day)


def _check_day(text: str, year: int, month: int, day: int) -> None:
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    if not 1 <= day <= days:
        raise DateError(f"day {day} in {text!r} does not exist; {MONTHS[month - 1]} has {days} days")


def _suggest(word: str, names: DateWords) -> str:
    close = difflib.get_close_matches(word.capitalize(), names.names(), n=1, cutoff=0.6)
    if close:
        return f"; did you mean {close[0]!r}?"
    present = "'Present'" if names.present == "Present" else f"'Present' ({names.present!r} in this CV's language)"
    return f"; write a month (Jan … Dec, or in full), a season (Spring, Summer, Fall, Autumn, Winter) or {present}"
