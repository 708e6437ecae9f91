"""The PDF: LaTeX defaults that make it a CV, its designs, the LaTeX visitors, ``sphinxcv.sty``, the CV's script, and
the font check.

Its parts are imported by :func:`setup_pdf`, so that the settings can check a design (``designs.py``) without
loading the LaTeX builder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_pdf(app: Sphinx) -> None:
    """The LaTeX settings of a CV, the LaTeX builder that knows the CV's language, ``sphinxcv.sty``, the language's
    script, the fonts' glyphs checked, TeX kept inside the build folder."""
    from ..sphinx_defaults import add_sphinx_defaults
    from .builder import CvLaTeXBuilder
    from .defaults import PDF_DEFAULTS
    from .fontcheck import check_glyphs, check_script_font
    from .rtl import LatinLeftToRight, load_right_to_left
    from .sandbox import restrict_latexmk

    add_sphinx_defaults(app, PDF_DEFAULTS)
    app.add_builder(CvLaTeXBuilder, override=True)
    app.add_latex_package("sphinxcv")
    app.connect("config-inited", load_right_to_left)
    app.connect("builder-inited", check_script_font)
    app.connect("doctree-resolved", check_glyphs)
    app.connect("build-finished", restrict_latexmk)
    app.add_post_transform(LatinLeftToRight)
