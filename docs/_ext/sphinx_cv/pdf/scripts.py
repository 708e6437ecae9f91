"""The PDF in the CV's script: Chinese, Japanese and Korean through xeCJK and Debian's Noto CJK fonts (not
Sphinx's platex and ``jreport`` for Japanese); Arabic, Hebrew, Persian and Urdu right to left through
polyglossia and bidi (``sphinxcvrtl.sty``), with Latin text in ``\\sphinxcvlatin``; no PDF in another right-to-left
language, said before LaTeX runs.

Other alphabetic languages need nothing here: Sphinx loads polyglossia (babel for French) with the
language's rules, and Linux Libertine has Latin, Greek, Cyrillic and Hebrew.
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from .. import nodes as cv
from .fontcheck import font_charset, font_families

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)
T = TypeVar("T")

#: The Noto CJK family (``fonts-noto-cjk``) that writes each CJK language as its readers expect.
CJK_REGIONS = {"ja": "JP", "ko": "KR", "zh": "SC", "zh_CN": "SC", "zh_SG": "SC", "zh_TW": "TC", "zh_HK": "HK"}

CJK_FONTS = r"""
\usepackage{xeCJK}
\setCJKmainfont{Noto Serif CJK %(region)s}
\setCJKsansfont{Noto Sans CJK %(region)s}
\setCJKmonofont{Noto Sans Mono CJK %(region)s}
"""
#: Korean is written in words with spaces between them: xeCJK keeps those spaces (which it would drop between
#: Hangul), adds none between Hangul and Latin letters or digits ("1차", "(WRDS)를"; its CJKecglue), and breaks
#: lines only at spaces, never between the syllables of a word (its CJKglue).
KOREAN_WORDS = "\\xeCJKsetup{CJKspace=true, CJKecglue={}, CJKglue={}}\n"


def _for_language(table: dict[str, T], language: str | None) -> T | None:
    """``table``'s value for ``language`` (``zh_TW``), else for its base language (``ar`` for ``ar_EG``)."""
    language = language or ""
    return table.get(language) or table.get(language.partition("_")[0])


def cjk_fonts(language: str | None) -> str:
    """The LaTeX that sets a CJK language in its Noto CJK fonts; empty for other languages."""
    region = _for_language(CJK_REGIONS, language)
    if region is None:
        return ""
    return CJK_FONTS % {"region": region} + (KOREAN_WORDS if region == "KR" else "")


RTL_STYLE = Path(__file__).with_name("sphinxcvrtl.sty")
#: The right-to-left languages the PDF sets: polyglossia's name, and the font of their script where Linux
#: Libertine has none (Amiri, from Debian's fonts-hosny-amiri, for the Arabic script).
RIGHT_TO_LEFT = {"ar": ("arabic", "Amiri"), "fa": ("persian", "Amiri"), "ur": ("urdu", "Amiri"), "he": ("hebrew", "")}
#: The Debian packages of the scripts' fonts, and of the LaTeX packages that set them.
SCRIPT_PACKAGES = {
    "Noto": "fonts-noto-cjk (and texlive-lang-cjk, texlive-lang-chinese for xeCJK)",
    "Amiri": "fonts-hosny-amiri (and texlive-lang-arabic for bidi)",
}
SCRIPT_FONT = "\\newfontfamily\\%(name)sfont{%(font)s}[Script=Arabic]\n"


def right_to_left_pdf(config: Config) -> tuple[str, str] | None:
    """polyglossia's name and the script's font of a right-to-left CV whose PDF is set; None for other CVs."""
    if config.latex_engine != "xelatex":
        return None
    return _for_language(RIGHT_TO_LEFT, config.language)


def right_to_left_elements(config: Config, fontpkg: str) -> dict[str, str]:
    """A right-to-left PDF's ``latex_elements``: its script's font after ``fontpkg``, and no polyglossia (Sphinx's
    would come too early for bidi: ``sphinxcvrtl.sty`` loads it after hyperref)."""
    name, font = right_to_left_pdf(config) or ("", "")
    if not name:
        return {}
    return {"polyglossia": "", **({"fontpkg": fontpkg + SCRIPT_FONT % {"name": name, "font": font}} if font else {})}


def load_right_to_left(app: Sphinx, config: Config) -> None:
    """Have a right-to-left CV's PDF load ``sphinxcvrtl.sty`` after hyperref (bidi must come last)."""
    name, _font = right_to_left_pdf(config) or ("", "")
    if name:
        app.add_latex_package("sphinxcvrtl", options=name, after_hyperref=True)


def left_to_right_runs(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into runs, each with whether it is left-to-right: from a Latin (strong left-to-right) letter to
    the last Latin letter or digit before the next right-to-left letter."""
    runs: list[tuple[str, bool]] = []
    start, end, inside = 0, 0, False  # the run being read; end: after its last letter or digit
    for index, char in enumerate(text):
        direction = unicodedata.bidirectional(char)
        if direction == "L" and not inside:
            runs.append((text[start:index], False))
            start, end, inside = index, index + 1, True
        elif inside and direction in {"L", "EN"}:
            end = index + 1
        elif inside and direction in {"R", "AL"}:
            runs.append((text[start:end], True))
            start, inside = end, False
    runs.append((text[start:end], True) if inside else (text[start:], False))
    if inside:
        runs.append((text[end:], False))
    return [(run, ltr) for run, ltr in runs if run]


def is_latin(text: str) -> bool:
    """True when ``text`` has no right-to-left letter (an e-mail address, a phone number, "University of Oxford")."""
    return not any(unicodedata.bidirectional(char) in {"R", "AL"} for char in text)


class LatinLeftToRight(SphinxPostTransform):
    """In a right-to-left PDF, set each run of Latin text in ``\\sphinxcvlatin{...}``, left to right in English
    (else "diffusion models" would read "models diffusion")."""

    default_priority = 900
    formats = ("latex",)

    def run(self, **kwargs: object) -> None:
        if right_to_left_pdf(self.config) is None:
            return
        for text in list(self.document.findall(nodes.Text)):
            if isinstance(text.parent, (nodes.raw, nodes.FixedTextElement, nodes.literal, cv.cv_entry_dates)):
                continue  # the dates' visitor sets them itself
            runs = left_to_right_runs(str(text))
            if not any(ltr for _run, ltr in runs):
                continue
            parts: list[nodes.Node] = []
            for run, ltr in runs:
                latin = [
                    nodes.raw("", "\\sphinxcvlatin{", format="latex"),
                    nodes.Text(run),
                    nodes.raw("", "}", format="latex"),
                ]
                parts += latin if ltr else [nodes.Text(run)]
            parent = text.parent
            index = parent.index(text)
            parent[index : index + 1] = parts


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
