"""The facts of the seed CV (``tests/data/seed-cv.txt``), as fragments to look for in each output."""

from __future__ import annotations

import re
from pathlib import Path

SEED = Path(__file__).parent / "data" / "seed-cv.txt"
_SPLIT = re.compile(r"\s*\|\s*|\.\s+|,\s+|\s+\(|\)\s*|:\s+")
_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)")  # [text](#) -> text


def fragments() -> list[str]:
    """Every phrase of the seed: lines cut at separators, Markdown markup removed."""
    found: list[str] = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        line = _MARKUP.sub(r"\1", line).replace("d -Linear", "d-Linear")
        for piece in _SPLIT.split(line):
            piece = piece.strip(" *.()")
            if len(piece) > 1 and piece not in found:
                found.append(piece)
    return found


def squeeze(text: str) -> str:
    """Text without whitespace, case-folded: robust to line breaks and to headings set in capitals."""
    return re.sub(r"\s+", "", text).casefold()


def missing_from(output: str) -> list[str]:
    """The seed's fragments that ``output`` lacks."""
    haystack = squeeze(output)
    return [fragment for fragment in fragments() if squeeze(fragment) not in haystack]
