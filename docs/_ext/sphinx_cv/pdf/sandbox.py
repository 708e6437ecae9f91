"""LaTeX kept inside its build folder: lines added to the ``latexmkrc`` that Sphinx's LaTeX builder writes.

Whoever compiles the PDF runs latexmk with that file (``nox -s pdf``, the build driver, Read the
Docs' ``latexmk -r latexmkrc``), so TeX's file access is restricted to the build folder
(``openin_any``/``openout_any`` = ``p``) and shell escape is off everywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The lines added to Sphinx's latexmkrc.
RESTRICTIONS = Path(__file__).with_name("latexmkrc").read_text(encoding="utf-8")


def restrict_latexmk(app: Sphinx, exception: Exception | None) -> None:
    """Add :data:`RESTRICTIONS` to the LaTeX build's ``latexmkrc`` (once; Sphinx writes it anew each build)."""
    latexmkrc = Path(app.outdir) / "latexmkrc"
    if exception is not None or app.builder.format != "latex" or not latexmkrc.is_file():
        return
    text = latexmkrc.read_text(encoding="utf-8")
    if RESTRICTIONS not in text:
        latexmkrc.write_text(f"{text}\n{RESTRICTIONS}", encoding="utf-8")
