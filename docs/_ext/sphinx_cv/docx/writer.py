"""The CV's doctree as a Word document: each block a paragraph in one of Word's own styles (the name and the
sections in Heading styles, the lists in List styles), each text a run, each link a real hyperlink.

Made for the parsers of application systems as much as for people: one column, no text boxes and no table
for layout; an entry is a paragraph of its title and its dates (at a right tab stop, after the title in the
reading order), then one of its organisation and place, then its body. A node the translator does not know
is warned about at its line, and its text kept.
"""

from __future__ import annotations

import re
import unicodedata
from functools import partial
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Pt
from sphinx import addnodes
from sphinx.util import logging

from .. import nodes as cv
from ..links import is_link
from ..translations import area_joiner
from ..whole import NOTHING_TO_PRINT, located, span_language
from .ooxml import describe_picture, paragraph_element, put

if TYPE_CHECKING:
    from collections.abc import Callable

    from docx.document import Document
    from docx.text.paragraph import Paragraph
    from docx.text.parfmt import ParagraphFormat
    from sphinx.builders import Builder

logger = logging.getLogger(__name__)

#: Nodes with nothing to print.
SKIPPED = (*NOTHING_TO_PRINT, nodes.raw)
#: Nodes whose children are written as they are, in their place.
TRANSPARENT = (
    nodes.compound,
    addnodes.start_of_file,
    nodes.abbreviation,
    cv.cv_timeline,
    addnodes.only,
    nodes.list_item,
    nodes.definition_list,
    nodes.definition_list_item,
    nodes.definition,
    nodes.block_quote,
)
#: The run properties that inline markup switches on.
INLINE = {
    nodes.emphasis: "italic",
    nodes.title_reference: "italic",
    nodes.strong: "bold",
    nodes.superscript: "superscript",
    nodes.subscript: "subscript",
}
#: The style of an entry's first line (its title and dates): Word's own, which the design sets.
ENTRY_STYLE = "CV Entry"
#: The characters XML 1.0 cannot hold (C0 controls but tab, line feed and carriage return; unpaired surrogates;
#: U+FFFE and U+FFFF), which python-docx refuses: left out of a run.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: The classes of the parts of a letter: ``cv-letter-recipient``, ``cv-letter-date``, ...
LETTER_PART = "cv-letter-"
#: How the paragraphs of a part of a letter are set: the date at the end of the line, room to sign.
LETTER_PARTS: dict[str, Callable[[ParagraphFormat], None]] = {
    "date": lambda paragraph: setattr(paragraph, "alignment", WD_ALIGN_PARAGRAPH.RIGHT),
    "subject": lambda paragraph: setattr(paragraph, "space_before", Pt(12)),
    "signature": lambda paragraph: setattr(paragraph, "space_before", Pt(36)),
}
#: The separator of the contact line's items.
CONTACT_SEPARATOR = " • "


def xml_text(text: str) -> str:
    """``text`` without the characters that XML cannot hold."""
    return _NOT_XML.sub("", text)


def right_to_left(text: str) -> bool:
    """Whether ``text`` has a right-to-left letter (Hebrew, Arabic): Word sets such a run as complex script."""
    return any(unicodedata.bidirectional(char) in {"R", "AL"} for char in text)


def language_of(node: nodes.Node) -> str:
    """The language that a ``language-`` class of ``node`` names, as Word writes it (``en-GB``); "" for none."""
    return "-".join(filter(None, span_language(node) or ()))


class DocxTranslator(nodes.NodeVisitor):
    """Writes a doctree into ``word``; ``masthead(translator)`` writes the contact line under the name."""

    def __init__(
        self,
        document: nodes.document,
        builder: Builder,
        word: Document,
        masthead: Callable[[DocxTranslator], None] | None = None,
        tab_stop: Length | None = None,
        letter_of: str = "",
    ) -> None:
        super().__init__(document)
        self.builder = builder
        self.word = word
        self.masthead = masthead
        #: Where the dates of an entry stand: the right edge of the text.
        self.tab_stop = tab_stop
        #: A letter's or a statement's author, whose name heads it: its first title is a heading under the name.
        self.letter_of = letter_of
        #: The part of a letter being written (``date``, ``subject``: :data:`LETTER_PARTS`), or "".
        self.letter_part = ""
        self.level = 0
        self.paragraph: Paragraph | None = None
        self.link: Any = None  # the w:hyperlink element that runs go into, if any
        self.format: dict[str, bool] = {}
        self.languages: list[str] = []
        self.lists: list[str] = []  # the styles of the lists the translator is in, the innermost last
        self.footnotes = {id_: node for node in document.findall(nodes.footnote) for id_ in node["ids"]}

    # Paragraphs and runs.

    def new_paragraph(self, style: str | None = None) -> Paragraph:
        """Start a paragraph in ``style`` (the list's style inside a list): the runs to come go into it."""
        if style is None and self.lists:
            style = self.lists[-1]
        self.paragraph = self.word.add_paragraph(style=style)
        self.link = None
        set_as = LETTER_PARTS.get(self.letter_part)
        if set_as is not None:
            set_as(self.paragraph.paragraph_format)
        return self.paragraph

    def end_paragraph(self) -> None:
        self.paragraph, self.link = None, None

    def add_text(self, text: str) -> None:
        """A run of ``text`` in the current formatting, in the current paragraph (a new one if there is none) or
        link."""
        text = xml_text(text)
        if not text:
            return
        paragraph = self.paragraph or self.new_paragraph()
        run = paragraph.add_run(text)
        for name, on in self.format.items():
            if on:
                setattr(run.font, name, True) if name in {"superscript", "subscript"} else setattr(run, name, True)
        properties = run.element.get_or_add_rPr()
        if self.languages:
            put(properties, "w:lang", val=self.languages[-1])
        if right_to_left(text):  # a complex script run: its bold and italic are their own properties
            for name, tag in (("bold", "w:bCs"), ("italic", "w:iCs")):
                if self.format.get(name):
                    put(properties, tag)
            put(properties, "w:rtl")
        if self.link is not None:
            run.style = "Hyperlink"
            self.link.append(run.element)

    def add_link(self, url: str, write: Callable[[], None]) -> None:
        """A hyperlink to ``url`` whose runs ``write`` adds."""
        paragraph = self.paragraph or self.new_paragraph()
        relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), relation)
        paragraph_element(paragraph).append(link)
        saved, self.link = self.link, link
        write()
        self.link = saved

    def children(self, node: nodes.Node) -> None:
        for child in node.children:
            child.walkabout(self)

    def formatted(self, name: str, write: Callable[[], None], on: bool = True) -> None:
        """What ``write`` adds, in ``name`` (``bold``, ``italic``) when ``on``."""
        saved = self.format.get(name, False)
        self.format[name] = saved or on
        write()
        self.format[name] = saved

    # Nodes the translator does not know: a warning at their line, their text kept.

    def unknown_visit(self, node: nodes.Node) -> None:
        logger.warning(
            "the Word CV has no form for %s: its text is written as it is",
            node.__class__.__name__,
            location=node,
            type="cv",
            subtype="docx",
        )
        self.add_text(node.astext())
        raise nodes.SkipNode

    def unknown_departure(self, node: nodes.Node) -> None:
        pass

    def dispatch_visit(self, node: nodes.Node) -> None:
        if isinstance(node, SKIPPED):
            raise nodes.SkipNode
        if isinstance(node, TRANSPARENT):
            return
        inline = next((name for kind, name in INLINE.items() if isinstance(node, kind)), None)
        if inline:
            self.formatted(inline, lambda: self.children(node))
            raise nodes.SkipNode
        super().dispatch_visit(node)

    def dispatch_departure(self, node: nodes.Node) -> None:
        if isinstance(node, TRANSPARENT):
            return
        super().dispatch_departure(node)

    # Text and inline markup.

    def visit_Text(self, node: nodes.Text) -> None:
        self.add_text(node.astext().replace("\n", " "))

    def depart_Text(self, node: nodes.Text) -> None:
        pass

    def visit_inline(self, node: nodes.inline) -> None:
        """A span: in its language when a class names one."""
        language = language_of(node)
        self.languages += [language] if language else []
        self.children(node)
        self.languages = self.languages[:-1] if language else self.languages
        raise nodes.SkipNode

    def visit_literal(self, node: nodes.literal) -> None:
        self.add_text(node.astext())
        raise nodes.SkipNode

    def visit_reference(self, node: nodes.reference) -> None:
        """A link to the web, an e-mail address or a phone number; a link inside the CV as its text."""
        uri = node.get("refuri", "")
        if uri and is_link(uri):
            self.add_link(uri, lambda: self.children(node))
            raise nodes.SkipNode

    def depart_reference(self, node: nodes.reference) -> None:
        pass

    def visit_footnote_reference(self, node: nodes.footnote_reference) -> None:
        """A footnote's text, in brackets where it is referred to (Word's footnotes are not read by every parser)."""
        footnote = self.footnotes.get(node.get("refid", ""))
        if footnote is not None:
            self.add_text(" (")
            for child in footnote.children:
                if isinstance(child, nodes.paragraph):
                    self.children(child)
            self.add_text(")")
        raise nodes.SkipNode

    def visit_math(self, node: nodes.math) -> None:
        self.add_text(node.astext())
        raise nodes.SkipNode

    def visit_cv_math(self, node: cv.cv_math) -> None:
        """A formula of a publication, as its text reads."""
        self.add_text(node.astext())
        raise nodes.SkipNode

    # Blocks.

    def visit_document(self, node: nodes.document) -> None:
        """A letter or a statement: headed by its author's name and contact line."""
        if self.letter_of and self.masthead:
            self.new_paragraph("Heading 1")
            self.add_text(self.letter_of)
            self.end_paragraph()
            self.masthead(self)
            self.masthead = None
            self.level = 1  # the name is the first level: the statement's title the second

    def depart_document(self, node: nodes.document) -> None:
        pass

    def visit_section(self, node: nodes.section) -> None:
        self.level += 1

    def depart_section(self, node: nodes.section) -> None:
        self.level -= 1

    def visit_title(self, node: nodes.title) -> None:
        """The first title is the name, in Heading 1, with the contact line under it; a page's title is a section
        of the CV (a section inside the name's), in Heading 2; below it, Heading 3 and on."""
        if not isinstance(node.parent, nodes.section):
            self.visit_rubric(node)
        first = self.masthead is not None
        self.new_paragraph(f"Heading {1 if first else min(max(self.level, 2), 9)}")
        self.children(node)
        self.end_paragraph()
        if self.masthead is not None:
            self.masthead(self)
            self.masthead = None
        raise nodes.SkipNode

    def visit_rubric(self, node: nodes.Element) -> None:
        """A heading that is not a section's (a rubric, a term, a topic's title): a paragraph in bold."""
        self.new_paragraph()
        self.formatted("bold", lambda: self.children(node))
        self.end_paragraph()
        raise nodes.SkipNode

    def visit_paragraph(self, node: nodes.paragraph) -> None:
        """A paragraph; in a list, its item's first in the list's style, the others in List Continue."""
        item = node.parent if isinstance(node.parent, nodes.list_item) else None
        self.new_paragraph("List Continue" if item is not None and item.index(node) else None)
        language = language_of(item) if item is not None else ""
        self.languages += [language] if language else []
        self.children(node)
        self.languages = self.languages[:-1] if language else self.languages
        self.end_paragraph()
        raise nodes.SkipNode

    def visit_line_block(self, node: nodes.line_block) -> None:
        """Lines (an address): one paragraph, a line break after each line but the last."""
        paragraph = self.new_paragraph()
        lines = list(node.findall(nodes.line))
        for index, line in enumerate(lines):
            self.children(line)
            if index < len(lines) - 1:
                paragraph.add_run().add_break()
        self.end_paragraph()
        raise nodes.SkipNode

    def visit_container(self, node: nodes.container) -> None:
        """A part of a letter (``cv-letter-date``), whose paragraphs :data:`LETTER_PARTS` sets; any other container
        as its content."""
        part = next((name for name in node["classes"] if name.startswith(LETTER_PART)), "")
        saved = self.letter_part
        self.letter_part = part.removeprefix(LETTER_PART) or saved
        self.formatted("bold", lambda: self.children(node), on=self.letter_part == "subject")  # the subject in bold
        self.letter_part = saved
        raise nodes.SkipNode

    def _list(self, node: nodes.Element, kind: str) -> None:
        depth = min(len(self.lists) + 1, 3)  # Word's list styles go three deep
        self.lists.append(f"{kind} {depth}" if depth > 1 else kind)
        self.children(node)
        self.lists.pop()
        raise nodes.SkipNode

    def visit_bullet_list(self, node: nodes.bullet_list) -> None:
        self._list(node, "List Bullet")

    def visit_enumerated_list(self, node: nodes.enumerated_list) -> None:
        self._list(node, "List Number")

    def visit_term(self, node: nodes.term) -> None:
        self.visit_rubric(node)

    def visit_literal_block(self, node: nodes.literal_block) -> None:
        self.new_paragraph()
        self.add_text(node.astext())
        self.end_paragraph()
        raise nodes.SkipNode

    def visit_transition(self, node: nodes.transition) -> None:
        raise nodes.SkipNode

    def visit_table(self, node: nodes.table) -> None:
        """A table of the page's content (not of layout): a row of Word's table for each of its rows."""
        rows = list(node.findall(nodes.row))
        columns = max((len(row.children) for row in rows), default=0)
        if not columns:
            raise nodes.SkipNode
        table = self.word.add_table(rows=len(rows), cols=columns)
        table.style = "Table Grid"
        for row, cells in zip(rows, table.rows, strict=True):
            for entry, cell in zip(row.children, cells.cells, strict=False):
                self.paragraph = cell.paragraphs[0]
                for child in entry.children:
                    if isinstance(child, nodes.paragraph):
                        self.children(child)
                    else:
                        child.walkabout(self)
        self.end_paragraph()
        raise nodes.SkipNode

    def visit_image(self, node: nodes.image) -> None:
        """An image, with its alternative text; without one, a warning at its line."""
        path = self.builder.images.get(node.get("uri", ""))
        if path is None:
            raise nodes.SkipNode
        alt = node.get("alt", "")
        if not alt and self.letter_part != "signed":  # a signature is followed by the name it shows
            logger.warning(
                "an image without alternative text (%s): add :alt: to it",
                node.get("uri", ""),
                location=located(node),
                type="cv",
                subtype="image",
            )
        run = (self.paragraph or self.new_paragraph()).add_run()
        shape = run.add_picture(f"{self.builder.srcdir}/{node['uri']}", width=Pt(96))
        describe_picture(shape, alt)
        raise nodes.SkipNode

    # The CV's own nodes.

    def visit_cv_entry(self, node: cv.cv_entry) -> None:
        """The title (with a degree's field) and the dates at a right tab stop; the organisation and the place;
        the body."""
        title = next(iter(node.findall(cv.cv_entry_title)), None)
        dates = next(iter(node.findall(cv.cv_entry_dates)), None)
        paragraph = self.new_paragraph(ENTRY_STYLE)
        if self.tab_stop is not None:
            paragraph.paragraph_format.tab_stops.add_tab_stop(self.tab_stop, WD_TAB_ALIGNMENT.RIGHT)
        if title is not None:
            self.formatted("bold", lambda: self.children(title))
        if dates is not None:
            self.add_text("\t")
            self.children(dates)
        self.end_paragraph()
        where = [found for kind in (cv.cv_entry_org, cv.cv_entry_location) for found in node.findall(kind)]
        if where:
            self.new_paragraph()
            for index, part in enumerate(where):
                self.add_text(", " if index else "")
                self.formatted("italic", partial(self.children, part))
            self.end_paragraph()
        for body in node.findall(cv.cv_entry_body):
            self.children(body)
        raise nodes.SkipNode

    def visit_cv_entry_area(self, node: cv.cv_entry_area) -> None:
        """A degree's field, after its title: ``Ph.D. in Statistics``, in the CV's language."""
        before, after = area_joiner()
        self.add_text(before)
        self.children(node)
        self.add_text(after)
        raise nodes.SkipNode

    def visit_cv_line(self, node: cv.cv_line) -> None:
        """The label, a tab, the details; a level after the label."""
        self.new_paragraph()
        for label in node.findall(cv.cv_line_label):
            self.formatted("bold", partial(self.children, label))
        for level in node.findall(cv.cv_line_level):
            self.add_text(" (")
            self.children(level)
            self.add_text(")")
        self.add_text("\t")
        for details in node.findall(cv.cv_line_details):
            self.children(details)
        self.end_paragraph()
        raise nodes.SkipNode

    def visit_cv_line_level(self, node: cv.cv_line_level) -> None:
        """Written after the label, by ``visit_cv_line``: not in the label's text."""
        raise nodes.SkipNode
