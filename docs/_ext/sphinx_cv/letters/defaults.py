"""The letters are private: no build reads them but the one that writes them, unless one is public."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..settings import settings
from ..sphinx_defaults import Mode, SphinxDefault

if TYPE_CHECKING:
    from sphinx.config import Config


def _private_letters(config: Config) -> list[str]:
    cv = settings(config)
    if cv.letter_pages:
        return []
    return [f"{page}.md" for page in cv.private_pages]


def _public_letters(config: Config) -> list[str]:
    """A public statement is on the website, not in the EPUB, which is the CV."""
    return [f"{page}.xhtml" for page in settings(config).public_pages]


def _letters_warnings(config: Config) -> list[str]:
    """Statements are each their own PDF: two may list one entry (bibliography/references.py)."""
    return ["bibtex.duplicate_citation"] if settings(config).letter_pages else []


#: The letters' rows of Sphinx's settings.
LETTERS_DEFAULTS = (
    SphinxDefault("exclude_patterns", Mode.ADDED, _private_letters),
    SphinxDefault("suppress_warnings", Mode.ADDED, _letters_warnings),
    SphinxDefault("epub_exclude_files", Mode.ADDED, _public_letters),
)
