"""Right-to-left CVs (Arabic, Hebrew, Persian, Urdu): the page's text is marked right to left on the website and
in the EPUB, the website's whole page is mirrored, and the EPUB's pages turn from right to left; the EPUB builder
that does it also declares the pages' MathML (``epub.py``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.builders.epub3 import Epub3Builder

from ..epub import declare_mathml
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


class CvEpub3Builder(Epub3Builder):
    """Sphinx's EPUB 3 builder, whose spine says ``page-progression-direction="rtl"`` for a right-to-left CV (Sphinx
    derives the direction from ``epub_writing_mode``, which knows only horizontal and vertical), and whose
    content.opf declares the pages that hold MathML."""

    def build_content(self) -> None:
        super().build_content()
        declare_mathml(Path(self.outdir))

    def content_metadata(self) -> dict[str, Any]:
        metadata = super().content_metadata()
        if settings(self.config).script.right_to_left:
            metadata["page_progression_direction"] = "rtl"
        return metadata
