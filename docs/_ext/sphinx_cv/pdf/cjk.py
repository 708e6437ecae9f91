"""A Chinese, Japanese or Korean CV's PDF: xeCJK with Debian's Noto CJK fonts (not Sphinx's platex and ``jreport``
for Japanese), and Korean set in words."""

from __future__ import annotations

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


def cjk_fonts(region: str) -> str:
    """The LaTeX that sets a CJK language in the Noto CJK fonts of its ``region``
    (:attr:`~sphinx_cv.translations.Script.cjk_region`); empty for other languages ("")."""
    if not region:
        return ""
    return CJK_FONTS % {"region": region} + (KOREAN_WORDS if region == "KR" else "")
