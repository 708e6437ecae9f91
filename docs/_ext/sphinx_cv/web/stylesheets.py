"""The website's style sheets that depend on the CV: its accent colour, and for a right-to-left CV the mirrored page.

They are written into a web build's ``_static`` folder when the builder starts, and linked from every page
(not into the EPUB, where style sheets may not set ``direction``, and whose colours are the reader's).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..settings import settings
from .accent import accent_css
from .head import WEB_BUILDERS

if TYPE_CHECKING:
    from sphinx.application import Sphinx

ACCENT_CSS = "sphinx_cv_accent.css"
MIRRORED_CSS = "sphinx_cv_rtl.css"
#: The theme's navigation mirrored too, for a right-to-left CV.
MIRRORED_PAGE = ":root { direction: rtl; }\n"


def _write(folder: Path, name: str, css: str) -> None:
    """Write ``css`` to ``folder/name`` unless it holds it already (its time then tells what changed)."""
    target = folder / name
    if not target.is_file() or target.read_text(encoding="utf-8") != css:
        folder.mkdir(parents=True, exist_ok=True)
        target.write_text(css, encoding="utf-8")


def add_stylesheets(app: Sphinx) -> None:
    """Write the accent's style sheet (and, right to left, the mirrored page's) and link them from every web page."""
    if app.builder.name not in WEB_BUILDERS:
        return
    static = Path(app.outdir, "_static")
    cv = settings(app.config)
    _write(static, ACCENT_CSS, accent_css(cv.design.accent))
    app.add_css_file(ACCENT_CSS)
    if cv.script.right_to_left:
        _write(static, MIRRORED_CSS, MIRRORED_PAGE)
        app.add_css_file(MIRRORED_CSS)
