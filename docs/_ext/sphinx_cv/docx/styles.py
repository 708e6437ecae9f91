"""The declared design (:mod:`sphinx_cv.pdf.designs`, ``cv_pdf_options`` over it) as Word's styles: the page, the
faces, the type sizes and the accent; and the document's language, its direction, and its script's faces.

A face Word may lack (Linux Libertine, Noto CJK, Amiri) is declared in the font table with a face Word has as
its alternative, which Word takes in its place.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, Length, Mm, Pt, RGBColor

from ..pdf.rtl import RIGHT_TO_LEFT
from ..translations import for_language
from .ooxml import put, replace_part
from .writer import ENTRY_STYLE

if TYPE_CHECKING:
    from docx.document import Document
    from docx.styles.style import BaseStyle

    from ..settings import CvSettings

#: The paper sizes (``cv_paper``): width and height.
PAPER = {"a4": (Mm(210), Mm(297)), "letter": (Inches(8.5), Inches(11))}
#: The face Word takes for a face of the design or the script that it may not have.
WORD_FACES = {
    "Linux Libertine O": ("Cambria", "roman"),
    "Linux Biolinum O": ("Calibri", "swiss"),
    "DejaVu Sans Mono": ("Consolas", "modern"),
    "DejaVu Sans": ("Arial", "swiss"),
    "Amiri": ("Traditional Arabic", "roman"),
    "Noto Serif CJK JP": ("Yu Mincho", "roman"),
    "Noto Serif CJK SC": ("SimSun", "roman"),
    "Noto Serif CJK TC": ("PMingLiU", "roman"),
    "Noto Serif CJK KR": ("Batang", "roman"),
}
_LENGTH = re.compile(r"(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>cm|mm|in|pt)")
_UNITS = {"cm": Cm, "mm": Mm, "in": Inches, "pt": Pt}
#: The theme's faces, which would win over the faces the styles name.
_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def length(value: str) -> Length:
    """A length of the design (``2cm``, ``11pt``) as Word's."""
    match = _LENGTH.fullmatch(value.strip())
    if match is None:
        raise ValueError(f"not a length: {value!r}")
    return _UNITS[match["unit"]](float(match["number"]))


def script_faces(cv: CvSettings) -> dict[str, str]:
    """The faces of the CV's script, by the run property that names them: ``eastAsia`` for Chinese, Japanese and
    Korean (Noto CJK of the region), ``cs`` for a right-to-left script (Amiri for the Arabic script)."""
    faces = {"eastAsia": f"Noto Serif CJK {cv.script.cjk_region}"} if cv.script.cjk_region else {}
    _name, font = for_language(RIGHT_TO_LEFT, cv.language) or ("", "")
    if cv.script.right_to_left:
        faces["cs"] = font or cv.design.main_font
    return faces


def text_width(cv: CvSettings) -> Length:
    """The width of the text between the margins: where an entry's dates end."""
    return Length(PAPER[cv.paper][0] - 2 * length(cv.design.margins))


def apply_design(word: Document, cv: CvSettings) -> None:
    """Set the page, the styles and the language of ``word`` as the design and the CV's language ask."""
    design = cv.design
    section = word.sections[0]
    section.page_width, section.page_height = PAPER[cv.paper]
    margin = length(design.margins)
    section.left_margin = section.right_margin = margin
    section.top_margin, section.bottom_margin = Length(int(margin * 0.9)), Length(int(margin * 1.1))
    size = length(design.font_size)
    accent = RGBColor.from_string(design.accent.upper())
    titles = design.sans_font if design.sans_titles else design.main_font
    script = script_faces(cv)
    normal = word.styles["Normal"]
    _face(normal, design.main_font, script)
    _size(normal, size)
    normal.paragraph_format.space_after = Pt(size.pt * 0.35)
    normal.paragraph_format.line_spacing = 1.0
    _language(normal, cv)
    if cv.script.right_to_left:
        put(normal.element.get_or_add_pPr(), "w:bidi")
    sizes = {1: length(design.name_size), 2: Pt(size.pt * design.section_size)}
    for level in range(1, 10):
        heading = word.styles[f"Heading {level}"]
        _face(heading, titles, script)
        _size(heading, sizes.get(level, size))
        heading.font.color.rgb = accent
        heading.font.bold = level > 1 or design.name_bold
        heading.font.cs_bold = heading.font.bold
        heading.font.italic = False
        heading.font.all_caps = level == 2
        if level == 2:
            heading.paragraph_format.space_before = Pt(size.pt * design.section_above)
    entry = word.styles.add_style(ENTRY_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    entry.base_style = normal
    entry.paragraph_format.keep_with_next = True
    entry.paragraph_format.space_before = Pt(size.pt * design.entry_above)
    entry.paragraph_format.space_after = Pt(0)
    link = word.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = accent
    link.font.underline = True
    _declare_faces(word, [design.main_font, titles, *script.values()])


def _size(style: BaseStyle, size: Length) -> None:
    """``style``'s type size, of complex scripts' runs (Arabic, Hebrew) too."""
    style.font.size = size  # type: ignore[attr-defined]
    put(style.element.get_or_add_rPr(), "w:szCs", val=str(round(size.pt * 2)))  # in half points


def _face(style: BaseStyle, face: str, script: dict[str, str]) -> None:
    """``style`` in ``face``, and its script's faces; not the theme's."""
    style.font.name = face  # type: ignore[attr-defined]
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in _THEME_FONTS:
        fonts.attrib.pop(qn(attribute), None)
    for kind, name in script.items():
        fonts.set(qn(f"w:{kind}"), name)


def _language(style: BaseStyle, cv: CvSettings) -> None:
    """The CV's language on ``style``'s runs: as the language of its script's runs too."""
    tag = cv.script.tag
    scripts = {"eastAsia": tag} if cv.script.cjk_region else {"bidi": tag} if cv.script.right_to_left else {}
    put(style.element.get_or_add_rPr(), "w:lang", val=tag, **scripts)


def _declare_faces(word: Document, faces: list[str]) -> None:
    """Declare each of ``faces`` that Word may lack in the font table, with the face Word has in its place."""
    table = next(part for part in word.part.package.iter_parts() if part.partname == "/word/fontTable.xml")
    fonts = parse_xml(table.blob)
    for face in dict.fromkeys(faces):
        if face not in WORD_FACES:
            continue
        alternative, family = WORD_FACES[face]
        font = OxmlElement("w:font")
        font.set(qn("w:name"), face)
        for tag, value in (("w:altName", alternative), ("w:family", family)):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            font.append(element)
        fonts.append(font)
    replace_part(table, serialize_part_xml(fonts))
