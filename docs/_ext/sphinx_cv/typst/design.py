"""The declared design (:mod:`sphinx_cv.pdf.designs`, ``cv_pdf_options`` over it) as the ``design`` dictionary that
``sphinxcv.typ`` sets the CV in: one declaration for both writers of the PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..pdf.rtl import RIGHT_TO_LEFT
from ..translations import for_language
from .markup import string_literal

if TYPE_CHECKING:
    from ..pdf.designs import Design

#: Typst's names of the paper sizes (``cv_paper``).
TYPST_PAPER = {"a4": "a4", "letter": "us-letter"}
#: The face for the characters the design's faces and the script's lack.
LAST_RESORT = "DejaVu Sans"


def fallback_fonts(language: str, cjk_region: str) -> tuple[str, ...]:
    """The faces for the characters that the design's faces lack, in the order they are tried: the CV's script's
    as the LaTeX PDF sets it (Noto CJK of its region, Amiri for the Arabic script), then DejaVu Sans."""
    cjk = (f"Noto Serif CJK {cjk_region}",) if cjk_region else ()
    _name, script_font = for_language(RIGHT_TO_LEFT, language) or ("", "")
    return (*cjk, *filter(None, [script_font]), LAST_RESORT)


def design_dictionary(design: Design, paper: str, fallback_fonts: tuple[str, ...] = (LAST_RESORT,)) -> str:
    """``#let design = (...)``: the design's values as Typst values (its lengths are Typst lengths already)."""
    fonts = ", ".join(map(string_literal, fallback_fonts))
    values = {
        "paper": string_literal(TYPST_PAPER[paper]),
        "font-size": design.font_size,
        "margins": design.margins,
        "dates": string_literal(design.dates),
        "accent": string_literal(f"#{design.accent}"),
        "main-font": string_literal(design.main_font),
        "sans-font": string_literal(design.sans_font),
        "mono-font": string_literal(design.mono_font),
        "fallback-fonts": f"({fonts},)",
        "date-width": design.date_width,
        "label-width": design.label_width,
        "name-size": design.name_size,
        "name-bold": "true" if design.name_bold else "false",
        "header": string_literal(design.header),
        "headings": string_literal(design.headings),
        "sans-titles": "true" if design.sans_titles else "false",
        "section-size": f"{design.section_size:g}em",
        "section-tracking": f"{design.section_tracking:g}em",
        "section-above": f"{design.section_above:.3g}em",
        "entry-skip": f"{design.entry_above:.3g}em",
    }
    return "#let design = (\n" + "".join(f"  {key}: {value},\n" for key, value in values.items()) + ")\n"
