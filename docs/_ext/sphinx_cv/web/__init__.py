"""The website: HTML visitors and CSS, the accent colour, head metadata (Open Graph, JSON-LD), contact, downloads."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .contact import CvContactDirective, fill_contact
from .direction import CvEpub3Builder, mark_direction
from .downloads import (
    CvDownloadsDirective,
    copy_downloads,
    fill_downloads,
    pages_with_new_downloads,
)
from .head import add_head_metadata, title_as_text
from .stylesheets import add_stylesheets

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: ``sphinx_cv.css``, for every HTML-based build (EPUB included): ``sphinx_defaults.py`` adds it to html_static_path.
STATIC_DIR = Path(__file__).with_name("static")


def setup_web(app: Sphinx) -> None:
    """Register the stylesheet, the head metadata, the text's direction, and the ``cv-contact`` and
    ``cv-downloads`` directives."""
    app.add_css_file("sphinx_cv.css")
    app.add_builder(CvEpub3Builder, override=True)
    app.add_directive("cv-downloads", CvDownloadsDirective)
    app.add_directive("cv-contact", CvContactDirective)
    app.connect("doctree-resolved", fill_downloads)
    app.connect("env-get-updated", pages_with_new_downloads)
    app.connect("doctree-resolved", fill_contact)
    app.connect("html-page-context", title_as_text)
    app.connect("html-page-context", add_head_metadata)
    app.connect("html-page-context", mark_direction)
    app.connect("builder-inited", add_stylesheets)
    app.connect("build-finished", copy_downloads)
