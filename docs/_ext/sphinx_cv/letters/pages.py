"""The pages of the letters folder as the settings see them, before any page is read: which are letters, which
statements, which public. Pure Python (the tool finds the folder here too)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from myst_parser.config.main import TopmatterReadError, read_topmatter

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["LETTERS_FOLDER", "LetterPage", "letter_pages"]

#: The folder of the cover letters and statements, in the source folder (``sphinx_cv.letters``).
LETTERS_FOLDER = "letters"
#: The start of a ``cv-letter`` directive in MyST: a page of the letters folder with one is a letter, any other a
#: statement (told apart when the settings are read, before any page is: the two name their PDFs differently).
_LETTER_DIRECTIVE = re.compile(r"^[ \t]*(?:`{3,}|~{3,}|:{3,})[ \t]*\{cv-letter\}", re.MULTILINE)


@dataclass(frozen=True)
class LetterPage:
    """A page of the letters folder, as the settings see it before any page is read."""

    docname: str  #: ``letters/acme-university``
    is_letter: bool  #: it has a ``cv-letter`` directive (else it is a statement)
    public: bool  #: its front matter says ``public: true``: the website shows it too


def letter_pages(srcdir: Path) -> list[LetterPage]:
    """The pages of the letters folder, sorted."""
    pages = []
    for path in sorted((srcdir / LETTERS_FOLDER).glob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        public = _front_matter(text).get("public") is True
        pages.append(LetterPage(f"{LETTERS_FOLDER}/{path.stem}", bool(_LETTER_DIRECTIVE.search(text)), public))
    return pages


def _front_matter(text: str) -> dict[str, Any]:
    """The YAML front matter of a MyST page, read as MyST reads it, or {}."""
    try:
        return read_topmatter(text) or {}
    except TopmatterReadError:
        return {}  # MyST reports it when it reads the page
