"""The Word CV: the ``docx`` builder, which writes the CV with python-docx in Word's own styles, set in the declared
design. python-docx is imported only when a document is made."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_docx(app: Sphinx) -> None:
    """Register the builder."""
    from .builder import DocxBuilder

    app.add_builder(DocxBuilder)
