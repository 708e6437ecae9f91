"""Ordering and filtering of CV entries: pure logic shared by inline and collected timelines."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from .dates import DateRange

__all__ = ["SORT_ORDERS", "matches_tags", "parse_tags", "sort_by_dates"]

SORT_ORDERS = ("newest-first", "oldest-first", "source")

T = TypeVar("T")


def parse_tags(text: str | None) -> list[str]:
    """Split a comma-separated ``:tags:`` value into lower-case tags, dropping blanks and repeats."""
    tags: list[str] = []
    for tag in (text or "").split(","):
        tag = " ".join(tag.split()).lower()
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def matches_tags(entry_tags: Iterable[str], wanted: Iterable[str]) -> bool:
    """True when ``wanted`` is empty or shares a tag with ``entry_tags``."""
    wanted = set(wanted)
    return not wanted or bool(wanted.intersection(entry_tags))


def sort_by_dates(items: Iterable[T], dates_of: Callable[[T], DateRange | None], order: str) -> list[T]:
    """Sort ``items`` by their date range; undated items keep their order after the dated ones.

    ``newest-first`` puts ongoing entries first, then the latest start, then the latest end;
    ``oldest-first`` is chronological, by start then end; ``source`` keeps the order.
    """
    items = list(items)
    if order == "source":
        return items
    dated = [item for item in items if dates_of(item) is not None]
    undated = [item for item in items if dates_of(item) is None]
    if order == "newest-first":
        dated.sort(key=lambda item: (dates_of(item).ongoing, dates_of(item).sort_key()), reverse=True)  # type: ignore[union-attr]
    else:
        dated.sort(key=lambda item: dates_of(item).sort_key())  # type: ignore[union-attr]
    return dated + undated
