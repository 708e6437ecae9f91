"""The PDF: LaTeX defaults that make it a CV, the LaTeX visitors, ``sphinxcv.sty``, and the font check."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .defaults import apply_latex_defaults
from .fontcheck import check_glyphs

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_pdf(app: Sphinx) -> None:
    """Apply the LaTeX defaults (which ship ``sphinxcv.sty``) and check the fonts' glyphs."""
    app.add_latex_package("sphinxcv")
    app.connect("config-inited", apply_latex_defaults)
    app.connect("doctree-resolved", check_glyphs)
