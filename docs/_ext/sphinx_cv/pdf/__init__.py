"""The PDF: LaTeX defaults that make it a CV, the LaTeX visitors, ``sphinxcv.sty``, the CV's script, and the
font check."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .builder import CvLaTeXBuilder
from .defaults import apply_latex_defaults
from .fontcheck import check_glyphs
from .sandbox import restrict_latexmk
from .scripts import LatinLeftToRight, check_script_font

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_pdf(app: Sphinx) -> None:
    """Apply the LaTeX defaults (which ship ``sphinxcv.sty``), set the language's script, check the fonts' glyphs,
    keep TeX inside the build folder."""
    app.add_builder(CvLaTeXBuilder, override=True)
    app.add_latex_package("sphinxcv")
    app.connect("config-inited", apply_latex_defaults)
    app.connect("builder-inited", check_script_font)
    app.connect("doctree-resolved", check_glyphs)
    app.connect("build-finished", restrict_latexmk)
    app.add_post_transform(LatinLeftToRight)
