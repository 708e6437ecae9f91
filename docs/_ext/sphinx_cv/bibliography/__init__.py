"""Publications from ``refs.bib`` through sphinxcontrib-bibtex: the ``cv`` style, lists in place, checks, cache."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cache import load_format_cache, save_format_cache
from .checks import report_captured, start_capture
from .lists import PublicationAnchorsTransform, PublicationListTransform
from .style import register_styles

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_bibliography(app: Sphinx) -> None:
    """Register the styles, the list transforms, the checks of ``refs.bib`` and the format cache."""
    app.add_post_transform(PublicationListTransform)
    app.add_post_transform(PublicationAnchorsTransform)
    app.connect("config-inited", register_styles)
    app.connect("builder-inited", start_capture, priority=400)  # sphinxcontrib-bibtex parses at 500
    app.connect("builder-inited", report_captured, priority=600)
    app.connect("builder-inited", load_format_cache)
    app.connect("build-finished", save_format_cache)
