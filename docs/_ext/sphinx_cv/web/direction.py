"""Right-to-left CVs (Arabic, Hebrew, Persian, Urdu): the page's text is marked right to left on the website and
in the EPUB, the website's whole page is mirrored, and the EPUB's pages turn from right to left."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.builders.epub3 import Epub3Builder

from ..translations import right_to_left
from .head import WEB_BUILDERS

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


#: On the website, the theme's navigation is mirrored too (EPUB style sheets may not set ``direction``).
MIRRORED_PAGE = "<style>:root { direction: rtl; }</style>\n"


def mark_direction(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """Wrap the page's body in ``dir="rtl"`` when the CV's language is written from right to left, and on the
    website mirror the whole page."""
    if not right_to_left(app.config.language):
        return
    if "body" in context:
        context["body"] = f'<div dir="rtl">\n{context["body"]}</div>\n'
    if app.builder.name in WEB_BUILDERS:
        context["metatags"] = context.get("metatags", "") + MIRRORED_PAGE


def turn_pages_right_to_left(app: Sphinx) -> None:
    """Have the EPUB's spine say ``page-progression-direction="rtl"`` (Sphinx derives it from ``epub_writing_mode``,
    which knows only horizontal and vertical)."""
    builder = app.builder
    if not isinstance(builder, Epub3Builder) or builder.name != "epub" or not right_to_left(app.config.language):
        return
    content_metadata = builder.content_metadata

    def right_to_left_metadata() -> dict[str, Any]:
        return {**content_metadata(), "page_progression_direction": "rtl"}

    builder.content_metadata = right_to_left_metadata  # type: ignore[method-assign]  # no public way in Sphinx 9
