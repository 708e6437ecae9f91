"""The EPUB: its metadata from ``cv_name``, and the EPUB 3 builder of a CV (right to left, MathML, reproducible)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..sphinx_defaults import Mode, SphinxDefault, add_sphinx_defaults
from .builder import CvEpub3Builder, fix_epub_timestamps
from .metadata import NOT_IN_THE_EPUB, epub_metadata

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The EPUB's settings that :func:`.metadata.epub_metadata` gives.
EPUB_METADATA: tuple[str, ...] = ("epub_basename", "epub_language", "epub_identifier", "epub_uid", "epub_scheme")
EPUB_METADATA += ("epub_description", "epub_contributor")


def _metadata(key: str) -> SphinxDefault:
    return SphinxDefault(key, Mode.UNSET, lambda cv, config: epub_metadata(cv).get(key))


#: The EPUB's file name, language and metadata.
EPUB_DEFAULTS = (
    SphinxDefault("epub_exclude_files", Mode.ADDED, lambda cv, config: NOT_IN_THE_EPUB),
    *map(_metadata, EPUB_METADATA),
)


def setup_epub(app: Sphinx) -> None:
    """The EPUB's metadata, its builder, and its files dated from ``SOURCE_DATE_EPOCH``."""
    add_sphinx_defaults(app, EPUB_DEFAULTS)
    app.add_builder(CvEpub3Builder, override=True)
    app.connect("build-finished", fix_epub_timestamps)
