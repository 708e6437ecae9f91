"""Right-to-left CVs (Arabic, Hebrew, Persian, Urdu): the page's text is marked right to left on the website and
in the EPUB (whose pages turn from right to left: ``epub/builder.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..settings import settings

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


def mark_direction(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """Wrap the page's body in ``dir="rtl"`` when the CV's language is written from right to left."""
    if settings(app.config).script.right_to_left and "body" in context:
        context["body"] = f'<div dir="rtl">\n{context["body"]}</div>\n'
