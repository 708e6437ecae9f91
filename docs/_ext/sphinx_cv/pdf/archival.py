r"""The LaTeX PDF's PDF/A-2b identification: ``\DocumentMetadata`` before ``\documentclass``.

With it, LaTeX's PDF management (TeX Live 2022) writes the PDF/A identification, an sRGB output intent
and XMP metadata (title, author, language, subject) from hyperref's; xelatex sets the same pages. It is not
tagged: XeTeX cannot tag, and the Typst PDF (``cv_pdf_engine = "typst"``) is the accessible one. A
right-to-left PDF has none: with TeX Live 2022, bidi stops at hyperref's links under the PDF management.
Sphinx's template has no place before ``\documentclass``, so the translator writes it above the document.
"""

from __future__ import annotations

from sphinx.writers.latex import LaTeXTranslator

from ..settings import CvSettings, settings
from .rtl import right_to_left_pdf

#: What the LaTeX PDF is identified as: PDF/A-2, level b (its pages look the same everywhere).
DOCUMENT_METADATA = "\\DocumentMetadata{pdfstandard=A-2b}\n"


def identifies_pdf_a(cv: CvSettings) -> bool:
    """Whether the LaTeX PDF is identified as PDF/A-2b: made by xelatex, and left to right."""
    return cv.latex_engine == "xelatex" and not right_to_left_pdf(cv)


class CvLaTeXTranslator(LaTeXTranslator):
    """Sphinx's LaTeX translator, with the PDF/A identification above the document where the PDF can carry it."""

    def astext(self) -> str:
        metadata = DOCUMENT_METADATA if identifies_pdf_a(settings(self.config)) else ""
        return metadata + super().astext()
