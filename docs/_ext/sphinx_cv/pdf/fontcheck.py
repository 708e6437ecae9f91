"""Characters the PDF's fonts cannot show: a located warning before LaTeX runs, which ``-W`` makes an error.

xelatex does not stop at a character its font lacks: it sets nothing and notes it
in its log, where nobody looks. So before LaTeX runs, every character of the CV is
looked up in the fonts that ``fontpkg`` names (``\\setmainfont``, ``\\setmonofont``
for code, ``\\setCJKmainfont`` and ``\\arabicfont`` for another script), through fontconfig,
which reads the same character maps as xelatex.
Without fontconfig (``fc-match``), or with pdflatex, nothing is checked. When the font of
the CV's script (Noto CJK, Amiri) is missing altogether, the warning names the Debian packages
to install.

A symbol or punctuation mark of the text that the main font lacks and the fallback font has (``fontpkg``'s
``\\newfontfamily\\sphinxcvfallbackfont``: DejaVu Sans, for symbols such as ☆, ⁎ and ≃ in titles
from real ``.bib`` files) is set in the fallback font instead, and needs no warning.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import unicodedata
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

from ..nodes import cv_math
from ..settings import settings

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx

__all__ = ["check_glyphs", "font_charset", "font_families", "invisible", "set_texts"]

logger = logging.getLogger(__name__)

_FONT_COMMANDS = {
    "main": re.compile(r"\\setmainfont\s*(?:\[[^]]*\])?\s*\{([^}]+)\}"),
    "mono": re.compile(r"\\setmonofont\s*(?:\[[^]]*\])?\s*\{([^}]+)\}"),
    "fallback": re.compile(r"\\newfontfamily\\sphinxcvfallbackfont\s*(?:\[[^]]*\])?\s*\{([^}]+)\}"),
    "script": re.compile(
        r"\\(?:setCJKmainfont|newfontfamily\\(?:arabic|persian|urdu|hebrew)font)\s*(?:\[[^]]*\])?\s*\{([^}]+)\}"
    ),
}
#: Text that is never set in the text's fonts: raw LaTeX, comments, what the writers leave out, and the formulas of
#: publications (set in the math font).
_UNSET = (nodes.raw, nodes.comment, nodes.system_message, nodes.Invisible, cv_math)


def font_families(fontpkg: str) -> dict[str, str]:
    """The main and monospaced font families that ``fontpkg`` sets with fontspec, and another script's (xeCJK's,
    polyglossia's)."""
    return {role: match[1].strip() for role, pattern in _FONT_COMMANDS.items() if (match := pattern.search(fontpkg))}


@functools.cache
def font_charset(family: str) -> frozenset[int] | None:
    """The code points of the installed font ``family``, or None when fontconfig cannot tell (or lacks the font)."""
    if shutil.which("fc-match") is None:
        return None
    result = subprocess.run(
        ["fc-match", "--format=%{family}\n%{charset}", family], capture_output=True, text=True, check=False
    )
    found, _, charset = result.stdout.partition("\n")
    if result.returncode or family.casefold() not in {name.strip().casefold() for name in found.split(",")}:
        return None
    points: set[int] = set()
    for span in charset.split():
        first, _, last = span.partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(points)


def set_texts(node: nodes.Element, role: str = "main") -> Iterator[tuple[nodes.Text, str]]:
    """Each text of ``node`` that is set in a font, with the role of its font (``main``, or ``mono`` for code)."""
    for child in node.children:
        if isinstance(child, nodes.Text):
            yield child, role
        elif isinstance(child, nodes.Element) and not isinstance(child, _UNSET):
            yield from set_texts(child, "mono" if isinstance(child, (nodes.FixedTextElement, nodes.literal)) else role)


def _symbol(char: str) -> bool:
    """A symbol or a punctuation mark (☆, ⁎, ≃), which the fallback font may set: a letter of another script needs
    that script's font and shaping."""
    return unicodedata.category(char)[0] in "SP"


def invisible(char: str) -> bool:
    """A control character, or one that shows no glyph of its own (a variation selector such as the U+FE0F of
    "♥️", a zero-width joiner): no font needs it."""
    return ord(char) < 0x20 or unicodedata.category(char) == "Cf" or "VARIATION SELECTOR" in unicodedata.name(char, "")


def check_glyphs(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Set in the fallback font what the main font lacks and it has; warn once per character that no font of the
    PDF has, at the first place that uses it."""
    if app.builder.format != "latex" or settings(app.config).latex_engine not in {"xelatex", "lualatex"}:
        return
    families = font_families(app.config.latex_elements.get("fontpkg", ""))
    charsets = {role: font_charset(family) for role, family in families.items()}
    script = charsets.pop("script", None) or frozenset()  # xeCJK's font for CJK, polyglossia's for Arabic
    fallback = charsets.pop("fallback", None) or frozenset()
    known = {role: charset | script for role, charset in charsets.items() if charset is not None}
    reported: set[str] = set()
    for text, role in list(set_texts(doctree)):
        if role not in known:
            continue
        lacking = {char for char in str(text) if not invisible(char) and ord(char) not in known[role]}
        borrowed = {char for char in lacking if role == "main" and ord(char) in fallback and _symbol(char)}
        parent = text.parent
        if borrowed:
            _set_in_fallback(text, borrowed)
        for char in dict.fromkeys(str(text)):
            if char in lacking and char not in borrowed and char not in reported:
                reported.add(char)
                logger.warning(
                    "the PDF's font %s has no glyph for %s (U+%04X), which would be left blank; write it "
                    "otherwise, or set a font that has it in latex_elements['fontpkg']",
                    " or ".join(filter(None, [families[role], families.get("script") if script else None])),
                    char,
                    ord(char),
                    location=parent,
                    type="cv",
                    subtype="font",
                )


#: The Debian packages of the scripts' fonts, and of the LaTeX packages that set them.
SCRIPT_PACKAGES = {
    "Noto": "fonts-noto-cjk (and texlive-lang-cjk, texlive-lang-chinese for xeCJK)",
    "Amiri": "fonts-hosny-amiri (and texlive-lang-arabic for bidi)",
}


def check_script_font(app: Sphinx) -> None:
    """Say which Debian packages to install when the font of the CV's script (Noto CJK, Amiri) is missing: xelatex
    would stop at it."""
    if app.builder.format != "latex" or shutil.which("fc-match") is None:
        return
    family = font_families(app.config.latex_elements.get("fontpkg", "")).get("script")
    if family and font_charset(family) is None:
        packages = next((value for key, value in SCRIPT_PACKAGES.items() if family.startswith(key)), "")
        logger.warning(
            "the PDF's font %s is not installed; %s, or name another in latex_elements['fontpkg']",
            family,
            f"install Debian's {packages}" if packages else "install it",
            type="cv",
            subtype="font",
        )


def _set_in_fallback(text: nodes.Text, chars: set[str]) -> None:
    """Set each of ``chars`` in ``text`` in the fallback font: the text stays text (the writer escapes it), between
    two constant pieces of LaTeX."""
    pieces: list[nodes.Node] = []
    for run in re.split(f"([{re.escape(''.join(sorted(chars)))}]+)", str(text)):
        if run and run[0] in chars:
            pieces += [_LATEX_FALLBACK, nodes.Text(run), _LATEX_END]
        elif run:
            pieces.append(nodes.Text(run))
    text.parent.replace(text, [piece.deepcopy() for piece in pieces])


_LATEX_FALLBACK = nodes.raw("", r"{\sphinxcvfallbackfont{}", format="latex")
_LATEX_END = nodes.raw("", "}", format="latex")
