"""The facts of the seed CV (``tests/data/seed-cv.txt``), section by section: fragments to look for in each output."""

from __future__ import annotations

import re
from pathlib import Path

SEED = Path(__file__).parent / "data" / "seed-cv.txt"
_SPLIT = re.compile(r"\s*\|\s*|\.\s+|,\s+|\s+\(|\)\s*|:\s+")
_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)")  # [text](#) -> text
#: The lines before the first heading: the name, which opens the home page and the PDF.
OPENING = ""


def sections() -> dict[str, list[str]]:
    """Each section's heading (in capitals; ``OPENING`` for the name) -> its phrases, Markdown markup removed."""
    found: dict[str, list[str]] = {OPENING: []}
    heading = OPENING
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if line.strip().isupper():
            heading = line.strip()
            found[heading] = []
        line = _MARKUP.sub(r"\1", line).replace("d -Linear", "d-Linear")
        for piece in _SPLIT.split(line):
            piece = piece.strip(" *.()")
            if len(piece) > 1 and piece not in found[heading]:
                found[heading].append(piece)
    return found


def squeeze(text: str) -> str:
    """Text without whitespace, case-folded: robust to line breaks and to headings set in capitals."""
    return re.sub(r"\s+", "", text).casefold()


def missing_by_section(texts: dict[str, str]) -> dict[str, list[str]]:
    """Each section's phrases that its own text lacks; ``texts`` maps each heading of :func:`sections` to a text.

    A section that has no text at all is reported with all its phrases.
    """
    missing = {}
    for heading, fragments in sections().items():
        haystack = squeeze(texts.get(heading, ""))
        lacking = [fragment for fragment in fragments if squeeze(fragment) not in haystack]
        if lacking:
            missing[heading] = lacking
    return missing


def split_at_headings(text: str) -> dict[str, str]:
    """A whole CV's text (the PDF's) cut at the seed's section headings, written in capitals on a line of their own."""
    headings = [heading for heading in sections() if heading != OPENING]
    pattern = re.compile(rf"^\s*({'|'.join(map(re.escape, headings))})\s*$", flags=re.M)
    parts = pattern.split(text)
    return {
        OPENING: parts[0],
        **{heading: f"{heading}\n{body}" for heading, body in zip(parts[1::2], parts[2::2], strict=True)},
    }


def missing_from(output: str) -> list[str]:
    """The seed's phrases that ``output`` (one text for the whole CV) lacks."""
    return [
        fragment
        for fragments in missing_by_section(dict.fromkeys(sections(), output)).values()
        for fragment in fragments
    ]
