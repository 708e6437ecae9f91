"""The letters are private: no build reads them but the one that writes them, unless one is public."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..sphinx_defaults import Mode, SphinxDefault

if TYPE_CHECKING:
    from sphinx.config import Config

    from ..settings import CvSettings


def _private_letters(cv: CvSettings, config: Config) -> list[str]:
    if cv.letter_pages:
        return []
    return [f"{page}.md" for page in cv.private_pages]


def _public_letters(cv: CvSettings, config: Config) -> list[str]:
    """A public statement is on the website, not in the EPUB, which is the CV."""
    return [f"{page}.xhtml" for page in cv.public_pages]


def _letters_warnings(cv: CvSettings, config: Config) -> list[str]:
    """Statements are each their own PDF: two may list one entry (bibliography/references.py)."""
    return ["bibtex.duplicate_citation"] if cv.letter_pages else []


#: The letters' rows of Sphinx's settings.
LETTERS_DEFAULTS = (
    SphinxDefault("exclude_patterns", Mode.ADDED, _private_letters),
    SphinxDefault("suppress_warnings", Mode.ADDED, _letters_warnings),
    SphinxDefault("epub_exclude_files", Mode.ADDED, _public_letters),
)
