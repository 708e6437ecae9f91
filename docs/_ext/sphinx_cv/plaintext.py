"""Plain renderings for the text, man and texinfo builders: a header line, then the body.

The header reads ``Title in Area — Organisation (dates, location)``; a one-line entry
``Label (level): details``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from . import nodes as cv
from .translations import area_joiner

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.writers.text import TextTranslator

    #: A visit or depart function: the translator, and a node of the class that its table's key names.
    Visitor = Callable[[Any, Any], None]

#: Text placed before and after each header part (a degree's field's: ``translations.area_joiner``).
SEPARATORS: dict[type[nodes.Element], tuple[str, str]] = {
    cv.cv_entry_org: (" — ", ""),
    cv.cv_entry_meta: (" (", ")"),
    cv.cv_line_level: (" (", ")"),
    cv.cv_line_details: (": ", ""),
}


def _separated(add: Callable[[Any, str], None], node_class: type) -> tuple[Visitor, Visitor]:
    def separators() -> tuple[str, str]:  # a degree's field is joined in the language of the CV being written
        return area_joiner() if node_class is cv.cv_entry_area else SEPARATORS.get(node_class, ("", ""))

    def visit(self: nodes.NodeVisitor, node: nodes.Element) -> None:
        if isinstance(node, cv.cv_entry_location) and node.parent.index(node) > 0:
            add(self, ", ")
        if isinstance(node, cv.cv_line_details) and node.parent["numbered"]:
            add(self, " ")  # "2. Second talk", not "2.: Second talk"
            return
        add(self, separators()[0])

    def depart(self: nodes.NodeVisitor, node: nodes.Element) -> None:
        add(self, separators()[1])

    return visit, depart


def _text_add(self: TextTranslator, text: str) -> None:
    self.add_text(text)


def _body_add(self: nodes.NodeVisitor, text: str) -> None:
    self.body.append(text)  # type: ignore[attr-defined]  # man's and texinfo's translators have a body


def _text_block(indent: int) -> tuple[Visitor, Visitor]:
    def visit(self: TextTranslator, node: nodes.Element) -> None:
        self.new_state(indent)

    def depart(self: TextTranslator, node: nodes.Element) -> None:
        self.end_state()

    return visit, depart


def _pass(self: nodes.NodeVisitor, node: nodes.Element) -> None:
    """No markup of its own."""


def _build(
    add: Callable[[Any, str], None], header: tuple[Visitor, Visitor], body: tuple[Visitor, Visitor]
) -> dict[type[nodes.Element], tuple[Visitor, Visitor]]:
    visitors: dict[type[nodes.Element], tuple[Visitor, Visitor]] = {
        node_class: _separated(add, node_class)
        for node_class in (*SEPARATORS, cv.cv_entry_area, cv.cv_entry_location, cv.cv_entry_dates)
    }
    visitors.update(
        {
            cv.cv_timeline: (_pass, _pass),
            cv.cv_entry: (_pass, _pass),
            cv.cv_entry_header: header,
            cv.cv_entry_heading: (_pass, _pass),
            cv.cv_entry_title: (_pass, _pass),
            cv.cv_entry_body: body,
            cv.cv_line: header,
            cv.cv_line_label: (_pass, _pass),
            cv.cv_math: (_pass, _pass),
        }
    )
    return visitors


TEXT_VISITORS = _build(_text_add, header=_text_block(0), body=_text_block(3))
BODY_VISITORS = _build(
    _body_add,
    header=(lambda self, node: self.visit_paragraph(node), lambda self, node: self.depart_paragraph(node)),
    body=(_pass, _pass),
)
