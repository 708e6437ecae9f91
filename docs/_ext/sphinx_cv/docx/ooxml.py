"""What python-docx has no API for: run and paragraph properties, each put in its place (WordprocessingML,
ECMA-376, orders the children of ``w:rPr`` and ``w:pPr``, and Word refuses a document that does not); a
paragraph's element, a picture's description, a part's bytes. The one module that names python-docx's
private attributes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

if TYPE_CHECKING:
    from docx.opc.part import Part
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.shape import InlineShape
    from docx.text.paragraph import Paragraph

#: The children of a run's properties (``w:rPr``), in the schema's order.
RUN_PROPERTIES = [
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
]
#: The children of a paragraph's properties (``w:pPr``), in the schema's order.
PARAGRAPH_PROPERTIES = [
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
]


def put(properties: BaseOxmlElement, tag: str, **attributes: str) -> None:
    """Set the child ``tag`` (``w:lang``) of a ``w:rPr`` or ``w:pPr`` to one with ``attributes`` (``val="he"``),
    in its place among the others."""
    order = RUN_PROPERTIES if properties.tag == qn("w:rPr") else PARAGRAPH_PROPERTIES
    for old in properties.findall(qn(tag)):
        properties.remove(old)
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    properties.insert_element_before(element, *order[order.index(tag) + 1 :])


def paragraph_element(paragraph: Paragraph) -> BaseOxmlElement:
    """The ``w:p`` of ``paragraph`` (to put a hyperlink into)."""
    return paragraph._p


def describe_picture(shape: InlineShape, description: str) -> None:
    """Give a picture its alternative text (``wp:docPr/@descr``), which python-docx leaves empty."""
    shape._inline.docPr.set("descr", description)


def replace_part(part: Part, blob: bytes) -> None:
    """Replace the bytes of a part that python-docx keeps as they are (the font table)."""
    part._blob = blob
