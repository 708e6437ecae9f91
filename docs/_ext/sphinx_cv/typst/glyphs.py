"""Characters that no font can show in the Typst PDF: a located warning before Typst runs, which ``-W`` makes an
error, and a replacement character in their place, so that the PDF is still made.

The PDF is set in the design's faces, then the CV's script's and DejaVu Sans
(:func:`.design.fallback_fonts`); Typst takes any other installed font for a character they
lack. A character that no installed font has would be a box of no glyph, which PDF/A forbids:
Typst would stop with an error that names no page (as it does at a private-use character, which the
standards forbid). So it is named once, at the first place that
uses it, and printed as U+FFFD (�), as the LaTeX PDF's check names it (:mod:`sphinx_cv.pdf.fontcheck`,
whose font lookups this shares).
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import unicodedata
from typing import TYPE_CHECKING

from sphinx.util import logging

from ..pdf.fontcheck import font_charset, invisible, set_texts
from ..settings import settings
from .builder import TypstBuilder
from .design import fallback_fonts

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)


@functools.cache
def installed_font_has(char: str) -> bool:
    """Whether a font that fontconfig finds (as Typst does) has a glyph for ``char``."""
    listing = subprocess.run(["fc-list", f":charset={ord(char):x}", "family"], capture_output=True, text=True)
    return bool(listing.stdout.strip())


def check_typst_glyphs(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Warn once per character that no installed font has, at the first place that uses it, and have the writer
    print it as U+FFFD (nothing is checked without fontconfig)."""
    if not isinstance(app.builder, TypstBuilder) or shutil.which("fc-list") is None:
        return
    cv = settings(app.config)
    design = cv.design
    fonts = [design.main_font, design.sans_font, design.mono_font, *fallback_fonts(cv.language, cv.script.cjk_region)]
    known = frozenset().union(*(charset for charset in map(font_charset, fonts) if charset is not None))
    unprintable = app.builder.unprintable  # once a build: each page is resolved again for the JSON Resume
    for text, _role in set_texts(doctree):
        for char in dict.fromkeys(str(text)):
            if char in unprintable or invisible(char):
                continue
            private = unicodedata.category(char) == "Co"  # PDF/A and PDF/UA forbid them: no one knows what they are
            if not private and (ord(char) in known or installed_font_has(char)):
                continue
            unprintable.add(char)
            logger.warning(
                "%s U+%04X: the PDF prints � in its place; write it otherwise%s",
                "the accessible PDF cannot hold the private-use character" if private else "no installed font has",
                ord(char),
                "" if private else ", or install a font that has it",
                location=text.parent,
                type="cv",
                subtype="font",
            )
