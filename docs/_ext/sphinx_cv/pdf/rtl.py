"""A right-to-left CV's PDF (Arabic, Hebrew, Persian, Urdu): polyglossia and bidi (``sphinxcvrtl.sty``), with each run
of Latin text in ``\\sphinxcvlatin``, left to right."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .. import nodes as cv
from ..settings import settings
from ..translations import for_language

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from ..settings import CvSettings

RTL_STYLE = Path(__file__).with_name("sphinxcvrtl.sty")
#: The right-to-left languages the PDF sets: polyglossia's name, and the font of their script where Linux
#: Libertine has none (Amiri, from Debian's fonts-hosny-amiri, for the Arabic script).
RIGHT_TO_LEFT = {"ar": ("arabic", "Amiri"), "fa": ("persian", "Amiri"), "ur": ("urdu", "Amiri"), "he": ("hebrew", "")}
SCRIPT_FONT = "\\newfontfamily\\%(name)sfont{%(font)s}[Script=Arabic]\n"


def right_to_left_pdf(cv: CvSettings) -> tuple[str, str] | None:
    """polyglossia's name and the script's font of a right-to-left CV whose PDF is set; None for other CVs."""
    if cv.latex_engine != "xelatex":
        return None
    return for_language(RIGHT_TO_LEFT, cv.language)


def right_to_left_elements(cv: CvSettings, fontpkg: str) -> dict[str, str]:
    """A right-to-left PDF's ``latex_elements``: its script's font after ``fontpkg``, and no polyglossia (Sphinx's
    would come too early for bidi: ``sphinxcvrtl.sty`` loads it after hyperref)."""
    name, font = right_to_left_pdf(cv) or ("", "")
    if not name:
        return {}
    return {"polyglossia": "", **({"fontpkg": fontpkg + SCRIPT_FONT % {"name": name, "font": font}} if font else {})}


def load_right_to_left(app: Sphinx, config: Config) -> None:
    """Have a right-to-left CV's PDF load ``sphinxcvrtl.sty`` after hyperref (bidi must come last)."""
    name, _font = right_to_left_pdf(settings(config)) or ("", "")
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
    (else "diffusion models" would read "models diffusion"); a paragraph all in Latin (a publication in English)
    as one run, so that its punctuation stays where it was written."""

    default_priority = 900
    formats = ("latex",)

    def run(self, **kwargs: object) -> None:
        if right_to_left_pdf(settings(self.config)) is None:
            return
        whole: set[nodes.Node] = set()  # the text of the paragraphs set as one run
        for paragraph in list(self.document.findall(nodes.paragraph)):
            text = paragraph.astext()
            if paragraph.children and is_latin(text) and any(unicodedata.bidirectional(char) == "L" for char in text):
                paragraph.insert(0, nodes.raw("", "\\sphinxcvlatin{", format="latex"))
                paragraph.append(nodes.raw("", "}", format="latex"))
                whole.update(paragraph.findall(nodes.Text))
        title = next(self.document.findall(nodes.title), None)  # the document's: Sphinx's LaTeX takes its text
        unset = set(title.findall(nodes.Text)) if title is not None else set()  # as the PDF's title, not its LaTeX
        for text in list(self.document.findall(nodes.Text)):
            if text in whole or text in unset:
                continue
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
