"""The website: HTML visitors and CSS, the accent colour, head metadata (Open Graph, JSON-LD), contact, downloads."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..sphinx_defaults import Mode, SphinxDefault, add_sphinx_defaults
from .contact import CvContactDirective, fill_contact
from .direction import mark_direction
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

#: ``sphinx_cv.css``, for every HTML-based build (EPUB included), in html_static_path.
STATIC_DIR = Path(__file__).with_name("static")


#: sphinx_cv.css; a new date of the sources rewrites the pages that show it (cv_last_updated's rebuild is html).
WEB_DEFAULTS = (
    SphinxDefault("html_static_path", Mode.ADDED, lambda cv, config: [str(STATIC_DIR)]),
    SphinxDefault("cv_last_updated", Mode.UNSET, lambda cv, config: cv.last_updated or None),
)


def setup_web(app: Sphinx) -> None:
    """Register the stylesheet, the head metadata, the text's direction, and the ``cv-contact`` and
    ``cv-downloads`` directives."""
    add_sphinx_defaults(app, WEB_DEFAULTS)
    app.add_css_file("sphinx_cv.css")
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
