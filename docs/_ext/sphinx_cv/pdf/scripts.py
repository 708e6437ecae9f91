"""The PDF in the CV's script: Chinese, Japanese and Korean through xeCJK and Debian's Noto CJK fonts (not
Sphinx's platex and ``jreport`` for Japanese); no PDF in a right-to-left language, said before LaTeX runs.

Alphabetic languages need nothing here: Sphinx loads polyglossia (babel for French) with the
language's hyphenation, and Linux Libertine has Latin, Greek and Cyrillic.
"""

from __future__ import annotations

import logging
import shutil
from typing import TYPE_CHECKING

from sphinx.util import logging as sphinx_logging

from ..translations import right_to_left
from .fontcheck import font_charset, font_families

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = sphinx_logging.getLogger(__name__)

#: The Noto CJK family (``fonts-noto-cjk``) that writes each CJK language as its readers expect.
CJK_REGIONS = {"ja": "JP", "ko": "KR", "zh": "SC", "zh_CN": "SC", "zh_SG": "SC", "zh_TW": "TC", "zh_HK": "HK"}

CJK_FONTS = r"""
\usepackage{xeCJK}
\setCJKmainfont{Noto Serif CJK %(region)s}
\setCJKsansfont{Noto Sans CJK %(region)s}
\setCJKmonofont{Noto Sans Mono CJK %(region)s}
"""
#: Korean puts spaces between words, which xeCJK would otherwise drop between Hangul.
KOREAN_SPACES = "\\xeCJKsetup{CJKspace=true}\n"


def cjk_fonts(language: str | None) -> str:
    """The LaTeX that sets a CJK language in its Noto CJK fonts; empty for other languages."""
    region = CJK_REGIONS.get(language or "") or CJK_REGIONS.get((language or "").partition("_")[0])
    if region is None:
        return ""
    return CJK_FONTS % {"region": region} + (KOREAN_SPACES if region == "KR" else "")


class BabelWarningFilter(logging.Filter):
    """Drops the LaTeX builder's "no Babel option known for language 'ko'": the PDF sets Korean (as Chinese and
    Japanese) with xeCJK, not babel, so the warning is wrong, and ``-W`` would make it fail the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        language = record.args[0] if isinstance(record.args, tuple) and len(record.args) == 1 else None
        return not (language in CJK_REGIONS and "Babel" in str(record.msg))


def quiet_babel_warning() -> None:
    """Install :class:`BabelWarningFilter` on the loggers of Sphinx's LaTeX builder and writer, once per process."""
    for name in ("sphinx.sphinx.builders.latex", "sphinx.sphinx.writers.latex"):
        latex_logger = logging.getLogger(name)
        if not any(isinstance(installed, BabelWarningFilter) for installed in latex_logger.filters):
            latex_logger.addFilter(BabelWarningFilter())


def refuse_right_to_left_pdf(app: Sphinx) -> None:
    """Write no PDF in a right-to-left language, and say so (and what works instead) before LaTeX runs."""
    if app.builder.format == "latex" and right_to_left(app.config.language):
        logger.error(
            "sphinx_cv cannot make a right-to-left PDF yet (language = %r), so none is written; the website and "
            "the EPUB are right-to-left: build them with nox -s html epub",
            app.config.language,
            type="cv",
            subtype="language",
        )
        app.config.latex_documents = []


def check_cjk_font(app: Sphinx) -> None:
    """Say which Debian package to install when the CJK font that the PDF names is missing (xelatex would stop)."""
    if app.builder.format != "latex" or shutil.which("fc-match") is None:
        return
    family = font_families(app.config.latex_elements.get("fontpkg", "")).get("cjk")
    if family and font_charset(family) is None:
        logger.warning(
            "the PDF's font %s is not installed; install Debian's fonts-noto-cjk (and texlive-lang-cjk, "
            "texlive-lang-chinese for xeCJK), or name another in latex_elements['fontpkg']",
            family,
            type="cv",
            subtype="font",
        )
