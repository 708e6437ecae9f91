"""The dates of ``.bib`` entries: BibLaTeX's ``date`` (ISO 8601) and the ``month`` field, as numbers."""

from __future__ import annotations

import re

from ..dates import MONTHS
from .names import plain_letters

__all__ = ["date_parts", "month_number"]

_MONTH_NUMBERS = {name[:3].lower(): number for number, name in enumerate(MONTHS, 1)}


#: A BibLaTeX (ISO 8601 / EDTF) date: ``2021``, ``2021-05``, ``2021-05-17``, with ``~`` or ``?`` for an approximate
#: or uncertain one, and ``/`` before the end of a range.
_DATE = re.compile(
    r"^\s*(?P<year>-?\d{4})(?:-(?P<month>\d\d)(?:-(?P<day>\d\d)(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?)?)?[~?%]*\s*(?:/.*)?$"
)


def date_parts(date: str) -> tuple[str, str, str] | None:
    """A BibLaTeX ``date`` as (year, month, day) of its start, "" for a part it leaves out; None when it is not one."""
    match = _DATE.match(date)
    if match is None:
        return None
    return match["year"], (match["month"] or "").lstrip("0"), (match["day"] or "").lstrip("0")


def month_number(month: str) -> int | None:
    """The number of a bib ``month``: written as a number, a name, or its first letters (``feb``, ``Sept.``)."""
    plain = plain_letters(month)
    number = int(plain) if plain.isdigit() else _MONTH_NUMBERS.get(plain[:3])
    return number if number in range(1, 13) else None
