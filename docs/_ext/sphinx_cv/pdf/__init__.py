"""The PDF: LaTeX defaults that make it a CV, the LaTeX visitors, ``sphinxcv.sty``, and the font check."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.fileutil import copy_asset_file

from .defaults import apply_latex_defaults

if TYPE_CHECKING:
    from sphinx.application import Sphinx

LATEX_STYLE = Path(__file__).with_name("sphinxcv.sty")


def _copy_latex_style(app: Sphinx, exception: Exception | None) -> None:
    """Put ``sphinxcv.sty`` beside the ``.tex`` files so that latexmk finds it."""
    if exception is None and app.builder.format == "latex":
        copy_asset_file(LATEX_STYLE, app.builder.outdir, force=True)


def setup_pdf(app: Sphinx) -> None:
    """Apply the LaTeX defaults and ship ``sphinxcv.sty``."""
    app.add_latex_package("sphinxcv")
    app.connect("config-inited", apply_latex_defaults)
    app.connect("build-finished", _copy_latex_style)
