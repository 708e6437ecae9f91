"""The CV's doctree as Typst markup: each node a call of Typst (or of ``sphinxcv.typ``), each text through
:mod:`.markup`.

The translator writes the body only; :mod:`.builder` puts the document's settings, the design and
``sphinxcv.typ`` before it. A node it does not know is warned about at its line, and its text kept.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TypeVar

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging

from .. import nodes as cv
from ..dates import WrittenDates
from ..links import is_link
from ..translations import area_joiner
from ..whole import NOTHING_TO_PRINT, located, span_language
from .markup import markup_text, string_literal
from .math import typst_math

if TYPE_CHECKING:
    from collections.abc import Callable, Set

    from sphinx.builders import Builder

logger = logging.getLogger(__name__)
_LABEL = re.compile(r"[^A-Za-z0-9_.:-]")  # what a Typst label may not hold
N = TypeVar("N", bound=nodes.Element)

#: The classes of the blocks of a letter: ``cv-letter-recipient``, ``cv-letter-date``, ...
LETTER_PART = "cv-letter-"
#: Nodes whose children are printed as they are, in their place.
TRANSPARENT = (
    nodes.compound,
    addnodes.start_of_file,
    nodes.abbreviation,
    cv.cv_timeline,
    nodes.line_block,
    addnodes.only,
)


def page_of(node: nodes.Node, root: str) -> str:
    """The page that ``node`` comes from in the assembled document (the root page's, outside any other)."""
    parent = node.parent
    while parent is not None and not isinstance(parent, addnodes.start_of_file):
        parent = parent.parent
    return parent["docname"] if parent is not None else root


def link_labels(document: nodes.document, root: str) -> dict[tuple[str, str], str]:
    """The Typst label of each section and entry, by (page, id) for each of its ids, and by (page, "") for a page's
    first section: what a link inside the CV (``%page#id``) goes to."""
    labels: dict[tuple[str, str], str] = {}
    for node in document.findall(nodes.Element):
        if not isinstance(node, (nodes.section, cv.cv_entry)) or not node["ids"]:
            continue
        page = page_of(node, root)
        label = "<" + _LABEL.sub("-", f"{page}:{node['ids'][0]}") + ">"
        labels.setdefault((page, ""), label)
        labels.update({(page, id_): label for id_ in node["ids"]})
    return labels


def content(markup: str) -> str:
    """A content block, or ``none`` for nothing."""
    markup = markup.strip()
    return f"[{markup}]" if markup else "none"


def in_language(node: nodes.Element, markup: str) -> str:
    """``markup`` in the language that a ``language-`` class of ``node`` names (docutils' convention, which its HTML
    writers give as ``lang``), so that a reader speaks it in that language; as it is without one."""
    language = span_language(node)
    if language is None:
        return markup
    region = f", region: {string_literal(language[1].lower())}" if language[1] else ""
    return f"#text(lang: {string_literal(language[0])}{region}){content(markup)}"


def first(node: nodes.Element, node_class: type[N]) -> N | None:
    """The first node of ``node_class`` in ``node`` (itself included), or None."""
    return next(iter(node.findall(node_class)), None)


def dates_markup(node: cv.cv_entry_dates) -> str:
    """The dates, each in a box (the column breaks a range only after its separator, never inside a date: ``Sep
    2019``), but dates written as text, which wrap as text."""
    if isinstance(node.get("dates"), WrittenDates) or "parts" not in node:
        return markup_text(node.astext())
    separator = markup_text(node.get("separator", " – "))
    return separator.join(f"#box[{markup_text(part)}]" for part, _iso in node["parts"])


class TypstTranslator(nodes.NodeVisitor):
    """Writes a doctree's body as Typst markup into :attr:`body`; ``masthead(name)`` writes the head of the first
    page, with the first section's title as the name."""

    def __init__(
        self,
        document: nodes.document,
        builder: Builder,
        masthead: Callable[[str], str] | None = None,
        letter_of: str = "",
        unprintable: Set[str] = frozenset(),
    ) -> None:
        super().__init__(document)
        self.builder = builder
        self.body: list[str] = []
        self.level = 0
        self.masthead = masthead
        #: A letter's or a statement's author, whose name heads it: its first title is a heading under the name.
        self.letter_of = letter_of
        #: The characters that no font has (:mod:`.glyphs`): U+FFFD in their place, which DejaVu Sans has.
        self.unprintable = unprintable
        self.footnotes = {id_: node for node in document.findall(nodes.footnote) for id_ in node["ids"]}
        self.root = document.get("docname", "")
        self.labels = link_labels(document, self.root)

    # What a node's children write, as a string.

    def capture(self, node: nodes.Node) -> str:
        saved, self.body = self.body, []
        for child in node.children:
            child.walkabout(self)
        text, self.body = "".join(self.body), saved
        return text

    def captured(self, node: nodes.Node | None) -> str:
        """A node's children as a content block (``none`` when there is no node or it writes nothing)."""
        return content(self.capture(node)) if node is not None else "none"

    # Nodes the translator does not know: a warning at their line, their text kept.

    def unknown_visit(self, node: nodes.Node) -> None:
        logger.warning(
            "the Typst PDF has no form for %s: its text is printed as it is",
            node.__class__.__name__,
            location=node,
            type="cv",
            subtype="typst",
        )
        if isinstance(node, nodes.Element):
            self.body.append(markup_text(node.astext()))
        raise nodes.SkipNode

    def unknown_departure(self, node: nodes.Node) -> None:
        pass

    def dispatch_visit(self, node: nodes.Node) -> None:
        if isinstance(node, NOTHING_TO_PRINT):
            raise nodes.SkipNode
        if isinstance(node, TRANSPARENT):
            return
        super().dispatch_visit(node)

    def dispatch_departure(self, node: nodes.Node) -> None:
        if isinstance(node, TRANSPARENT):
            return
        super().dispatch_departure(node)

    # Text and inline markup.

    def visit_Text(self, node: nodes.Text) -> None:
        text = node.astext()
        self.body.append(markup_text("".join("\ufffd" if char in self.unprintable else char for char in text)))

    def depart_Text(self, node: nodes.Text) -> None:
        pass

    def _call(self, function: str, node: nodes.Node) -> None:
        self.body.append(f"#{function}[{self.capture(node)}]")
        raise nodes.SkipNode

    def visit_emphasis(self, node: nodes.emphasis) -> None:
        self._call("emph", node)

    def visit_title_reference(self, node: nodes.title_reference) -> None:
        self._call("emph", node)

    def visit_strong(self, node: nodes.strong) -> None:
        self._call("strong", node)

    def visit_inline(self, node: nodes.inline) -> None:
        """A span: in its language when a class names one (``[diffusion models]{.language-en}``)."""
        self.body.append(in_language(node, self.capture(node)))
        raise nodes.SkipNode

    def visit_superscript(self, node: nodes.superscript) -> None:
        self._call("super", node)

    def visit_subscript(self, node: nodes.subscript) -> None:
        self._call("sub", node)

    def visit_raw(self, node: nodes.raw) -> None:
        """Raw Typst from a page (``{raw} typst``) as it is; raw HTML or LaTeX, which is for another output, not."""
        if "typst" in node.get("format", "").split():
            self.body.append(node.astext())
        raise nodes.SkipNode

    def visit_literal(self, node: nodes.literal) -> None:
        self.body.append(f"#raw({string_literal(node.astext())})")
        raise nodes.SkipNode

    def visit_reference(self, node: nodes.reference) -> None:
        """A link to the web, an e-mail address or a phone number, or to a page or an entry of the CV (``%page#id``,
        or an id of this page); any other as its text."""
        uri = node.get("refuri", "")
        if uri and is_link(uri):
            self.body.append(f"#link({string_literal(uri)}){content(self.capture(node))}")
            raise nodes.SkipNode
        page, _hash, id_ = uri[1:].partition("#") if uri.startswith("%") else (page_of(node, self.root), "", "")
        label = self.labels.get((page, node.get("refid") or id_))
        if label:
            self.body.append(f"#link({label}){content(self.capture(node))}")
            raise nodes.SkipNode

    def depart_reference(self, node: nodes.reference) -> None:
        pass

    def visit_footnote_reference(self, node: nodes.footnote_reference) -> None:
        footnote = self.footnotes.get(node.get("refid", ""))
        if footnote is not None:
            text = "".join(self.capture(child) if isinstance(child, nodes.paragraph) else "" for child in footnote)
            self.body.append(f"#footnote{content(text)}")
        raise nodes.SkipNode

    def visit_math(self, node: nodes.math) -> None:
        """Math, as its LaTeX source (Typst reads no LaTeX), which is its alternative text too."""
        latex = string_literal(node.astext())
        self.body.append(f"#math.equation(block: false, alt: {latex}, raw({latex}))")
        raise nodes.SkipNode

    def visit_cv_math(self, node: cv.cv_math) -> None:
        """A formula of a publication as Typst math, with its LaTeX as the alternative text."""
        formula = typst_math(node["mathml"])
        self.body.append(f"#math.equation(block: false, alt: {string_literal(node['latex'])}, ${formula}$)")
        raise nodes.SkipNode

    # Blocks.

    def visit_document(self, node: nodes.document) -> None:
        if self.letter_of and self.masthead:
            self.body.append(self.masthead(f"[{markup_text(self.letter_of)}]") + "\n")
            self.masthead = None
            self.level = 1  # the name is the first level: the statement's title the second

    def depart_document(self, node: nodes.document) -> None:
        pass

    def visit_section(self, node: nodes.section) -> None:
        self.level += 1

    def depart_section(self, node: nodes.section) -> None:
        self.level -= 1

    def visit_title(self, node: nodes.title) -> None:
        if isinstance(node.parent, nodes.section) and self.level == 1 and self.masthead:
            self.body.append(self.masthead(content(self.capture(node))) + "\n")
            self.masthead = None
        elif isinstance(node.parent, nodes.section):
            level, ids = min(self.level, 6), node.parent["ids"]
            label = f" {self.labels[page_of(node, self.root), ids[0]]}" if ids else ""
            self.body.append(f"\n#heading(level: {level}){content(self.capture(node))}{label}\n\n")
        else:
            self.body.append(f"#strong{content(self.capture(node))}\n\n")
        raise nodes.SkipNode

    def visit_container(self, node: nodes.container) -> None:
        """A block of a letter (``cv-letter-date``), set by ``sphinxcv.letter-part``; any other container as its
        content."""
        part = next((name for name in node["classes"] if name.startswith(LETTER_PART)), "")
        if part:
            name = string_literal(part.removeprefix(LETTER_PART))
            self.body.append(f"\n#sphinxcv.letter-part(design, {name}){content(self.capture(node))}\n\n")
            raise nodes.SkipNode

    def depart_container(self, node: nodes.container) -> None:
        pass

    def visit_rubric(self, node: nodes.rubric) -> None:
        self.body.append(f"#strong{content(self.capture(node))}\n\n")
        raise nodes.SkipNode

    def visit_paragraph(self, node: nodes.paragraph) -> None:
        self.body.append("\n")

    def depart_paragraph(self, node: nodes.paragraph) -> None:
        self.body.append("\n\n")

    def visit_line(self, node: nodes.line) -> None:
        pass

    def depart_line(self, node: nodes.line) -> None:
        self.body.append("#linebreak()\n")

    def _items(self, node: nodes.Element) -> str:
        items = [item for item in node.children if isinstance(item, nodes.list_item)]
        return ", ".join(content(in_language(item, self.capture(item))) for item in items)

    def visit_bullet_list(self, node: nodes.bullet_list) -> None:
        self.body.append(f"\n#list({self._items(node)})\n\n")
        raise nodes.SkipNode

    def visit_enumerated_list(self, node: nodes.enumerated_list) -> None:
        self.body.append(f"\n#enum(start: {int(node.get('start', 1))}, {self._items(node)})\n\n")
        raise nodes.SkipNode

    def visit_definition_list(self, node: nodes.definition_list) -> None:
        items = []
        for item in node.findall(nodes.definition_list_item):
            term = "".join(self.capture(child) for child in item.children if isinstance(child, nodes.term))
            definition = "".join(self.capture(child) for child in item.children if isinstance(child, nodes.definition))
            items.append(f"terms.item({content(term)}, {content(definition)})")
        self.body.append(f"\n#terms({', '.join(items)})\n\n")
        raise nodes.SkipNode

    def visit_block_quote(self, node: nodes.block_quote) -> None:
        self.body.append(f"\n#quote(block: true){content(self.capture(node))}\n\n")
        raise nodes.SkipNode

    def visit_literal_block(self, node: nodes.literal_block) -> None:
        self.body.append(f"\n#raw(block: true, {string_literal(node.astext())})\n\n")
        raise nodes.SkipNode

    def visit_transition(self, node: nodes.transition) -> None:
        self.body.append("\n#line(length: 100%, stroke: 0.4pt)\n\n")
        raise nodes.SkipNode

    def visit_table(self, node: nodes.table) -> None:
        group = next(node.findall(nodes.tgroup), None)
        if group is None:
            raise nodes.SkipNode
        columns = int(group.get("cols", 1))
        cells = []
        for part in group.children:
            if not isinstance(part, (nodes.thead, nodes.tbody)):
                continue
            row_cells = [
                self._cell(entry) for row in part.children for entry in row.children if isinstance(entry, nodes.entry)
            ]
            joined = ", ".join(row_cells)
            cells.append(f"table.header({joined})" if isinstance(part, nodes.thead) else joined)
        self.body.append(f"\n#table(columns: {columns}, stroke: 0.4pt, {', '.join(filter(None, cells))})\n\n")
        raise nodes.SkipNode

    def _cell(self, entry: nodes.entry) -> str:
        spans = {"colspan": entry.get("morecols", 0) + 1, "rowspan": entry.get("morerows", 0) + 1}
        options = "".join(f"{key}: {value}, " for key, value in spans.items() if value > 1)
        return f"table.cell({options}{content(self.capture(entry))})"

    def visit_image(self, node: nodes.image) -> None:
        uri = node.get("uri", "")
        path = self.builder.images.get(uri)
        alt = node.get("alt", "")
        if path is None:
            raise nodes.SkipNode
        if not alt:
            logger.warning(
                "an image without alternative text (%s): add :alt: to it; the PDF marks it as decoration",
                uri,
                location=located(node),
                type="cv",
                subtype="image",
            )
            self.body.append(f'#pdf.artifact(image("_images/{path}", width: 8em))')
        else:
            self.body.append(f'#image("_images/{path}", alt: {string_literal(alt)}, width: 8em)')
        raise nodes.SkipNode

    # The CV's own nodes.

    def visit_cv_entry(self, node: cv.cv_entry) -> None:
        dates = first(node, cv.cv_entry_dates)
        arguments = [
            f"[{self.capture(title)}]" if (title := first(node, cv.cv_entry_title)) else "[]",  # with its area
            self.captured(first(node, cv.cv_entry_org)),
            content(dates_markup(dates)) if dates is not None else "none",
            self.captured(first(node, cv.cv_entry_location)),
            self.captured(first(node, cv.cv_entry_body)),
        ]
        label = f" {self.labels[page_of(node, self.root), node['ids'][0]]}" if node["ids"] else ""
        self.body.append(f"\n#cv-entry({', '.join(arguments)}){label}\n\n")
        raise nodes.SkipNode

    def visit_cv_entry_area(self, node: cv.cv_entry_area) -> None:
        """A degree's field, after its title: ``Ph.D. in Statistics``, in the CV's language."""
        before, after = area_joiner()
        self.body.append(markup_text(before) + self.capture(node) + markup_text(after))
        raise nodes.SkipNode

    def visit_cv_line(self, node: cv.cv_line) -> None:
        label = first(node, cv.cv_line_label)
        numbered = "true" if node.get("numbered") else "false"
        arguments = [
            f"[{self.capture(label)}]" if label is not None else "[]",  # without its level: see below
            self.captured(first(node, cv.cv_line_level)),
            self.captured(first(node, cv.cv_line_details)),
        ]
        self.body.append(f"\n#cv-line({', '.join(arguments)}, numbered: {numbered})\n\n")
        raise nodes.SkipNode

    def visit_cv_line_level(self, node: cv.cv_line_level) -> None:
        """Set under the label, by ``cv-line``: not in the label's text."""
        raise nodes.SkipNode
