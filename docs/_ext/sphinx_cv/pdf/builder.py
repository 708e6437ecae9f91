r"""Sphinx's LaTeX builder, told three things about the CV's language that it cannot know.

- A Chinese, Japanese or Korean CV is set with xeCJK (``cjk.py``), not babel: like Sphinx
  already does for Chinese, the builder takes English for babel's hyphenation around it, so
  that "no Babel option known for language 'ko'" is not said (with ``-W`` it failed the build).
- Brazilian Portuguese (``pt_BR``) is babel's ``brazil`` but polyglossia's ``brazilian``: with
  Sphinx's name, xelatex stops at ``\setmainlanguage{brazil}``.
- A right-to-left CV in a language the PDF cannot set gets no PDF, and an error that says
  which languages it can set, before LaTeX runs.

Sphinx has no public hook for these: the builder's ``init_babel`` and ``init_document_data`` are
overridden, and what that assumes of Sphinx is tested in ``tests/test_builder_seams.py``.
"""

from __future__ import annotations

from sphinx.builders.latex import LaTeXBuilder
from sphinx.builders.latex.util import ExtBabel
from sphinx.util import logging

from ..settings import settings
from ..translations import script_of
from .archival import CvLaTeXTranslator
from .rtl import RIGHT_TO_LEFT, right_to_left_pdf

logger = logging.getLogger(__name__)


#: Languages whose polyglossia name is not babel's, which Sphinx gives it.
POLYGLOSSIA_NAMES = {"brazil": "brazilian"}


class CvBabel(ExtBabel):
    """Sphinx's babel options, with English for a CJK language (whose text xeCJK sets), and polyglossia's own names."""

    def language_name(self, language_code: str) -> str:
        if script_of(language_code).cjk_region:
            return "english"
        name = super().language_name(language_code)
        return POLYGLOSSIA_NAMES.get(name, name) if self.use_polyglossia else name


class CvLaTeXBuilder(LaTeXBuilder):
    """The LaTeX builder for a CV in any of the languages its PDF sets, and none for one it cannot set; its PDF is
    identified as PDF/A-2b (``archival.py``)."""

    default_translator_class = CvLaTeXTranslator

    def init_babel(self) -> None:
        cv = settings(self.config)
        if cv.script.cjk_region or not self.context["babel"]:
            self.babel = CvBabel(cv.language, not self.context["babel"])
        else:
            super().init_babel()

    def init_document_data(self) -> None:
        cv = settings(self.config)
        if cv.script.right_to_left and not right_to_left_pdf(cv):
            logger.error(
                "sphinx_cv cannot make a right-to-left PDF in %r (it can in %s, with latex_engine = 'xelatex'), so "
                "none is written; the website and the EPUB are right-to-left: build them with nox -s html epub",
                cv.language,
                ", ".join(sorted(RIGHT_TO_LEFT)),
                type="cv",
                subtype="language",
            )
            return
        super().init_document_data()
