"""The accessible PDF: the ``typst`` builder, which writes the CV as Typst and compiles it into a tagged PDF
(PDF/UA-1 and PDF/A-3a) in the declared design. The ``typst`` package is imported only when a PDF is made."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_typst(app: Sphinx) -> None:
    """Register the builder, and the check of the characters its fonts lack."""
    from .builder import TypstBuilder
    from .glyphs import check_typst_glyphs

    app.add_builder(TypstBuilder)
    app.connect("doctree-resolved", check_typst_glyphs)
