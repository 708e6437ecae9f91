"""The date of the last change to the CV's sources: ``SOURCE_DATE_EPOCH`` if set, else git; never the build time."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .dates import ENGLISH, CvDate, DateWords

if TYPE_CHECKING:
    from sphinx.config import Config

__all__ = ["display_date", "last_updated", "source_date_epoch"]


def last_updated(given: str, config: Config, srcdir: Path | None) -> str:
    """``cv_last_updated`` as ``given``, or found (from the sources in ``srcdir``): an ISO date (``2026-01-01``), or
    "" when nothing tells."""
    if given or srcdir is None:
        return given
    bibfiles = getattr(config, "bibtex_bibfiles", None) or []  # when sphinxcontrib-bibtex is loaded
    return _source_date(srcdir, [Path(srcdir, name) for name in bibfiles])


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` as seconds, or None when it is not set (reproducible-builds.org)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(epoch) if epoch.isdigit() else None


def _source_date(srcdir: Path, extra: list[Path]) -> str:
    epoch = source_date_epoch()
    if epoch is not None:
        return datetime.fromtimestamp(epoch, tz=UTC).date().isoformat()
    command = ["git", "log", "-1", "--format=%cs", "--", ".", *map(str, extra)]
    try:
        result = subprocess.run(command, cwd=srcdir, capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


def display_date(iso: str, words: DateWords = ENGLISH) -> str:
    """``2026-01-01`` as ``1 Jan 2026``, or as another language's ``words`` write it (``1. Jan. 2026``)."""
    date = datetime.strptime(iso, "%Y-%m-%d")
    return words.point(CvDate(date.year, date.month, date.day))
