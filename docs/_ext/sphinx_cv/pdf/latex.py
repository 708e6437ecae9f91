"""LaTeX rendering through the macros of ``sphinxcv.sty``."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

from docutils import nodes

from .. import nodes as cv
from ..dates import WrittenDates
from ..settings import settings
from .rtl import left_to_right_runs, right_to_left_pdf

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.writers.latex import LaTeXTranslator

    #: A visit or depart function: the translator, and a node of the class that its table's key names.
    Visitor = Callable[[Any, Any], None]


def _wrap(before: str, after: str) -> tuple[Visitor, Visitor]:
    """Visitors that put a node's LaTeX between ``before`` and ``after``."""

    def visit(self: LaTeXTranslator, node: nodes.Element) -> None:
        self.body.append(before)

    def depart(self: LaTeXTranslator, node: nodes.Element) -> None:
        self.body.append(after)

    return visit, depart


def _nothing(self: LaTeXTranslator, node: nodes.Element) -> None:
    """A grouping node that adds no LaTeX of its own."""


#: Per LaTeX document, the ids that its links point to.
_LINK_TARGETS: weakref.WeakKeyDictionary[nodes.document, frozenset[str]] = weakref.WeakKeyDictionary()


def link_targets(document: nodes.document) -> frozenset[str]:
    """The ids (without their page) that a link of the assembled LaTeX ``document`` points to."""
    if document not in _LINK_TARGETS:
        targets = set()
        for reference in document.findall(nodes.reference):
            uri = reference.get("refuri", "")
            targets.add(reference.get("refid") or uri.partition("#")[2])
        _LINK_TARGETS[document] = frozenset(targets - {""})
    return _LINK_TARGETS[document]


def visit_cv_entry(self: LaTeXTranslator, node: cv.cv_entry) -> None:
    """An entry, labelled only if a link points to it: a label nothing uses would change the .aux, and so cost
    another LaTeX pass, whenever its title (which names it) is edited."""
    targets = link_targets(self.document)
    labels = "".join(self.hypertarget(node_id, anchor=False) for node_id in node["ids"] if node_id in targets)
    self.body.append("\n\\begin{sphinxcventry}" + labels + "\n")


def visit_cv_entry_dates(self: LaTeXTranslator, node: cv.cv_entry_dates) -> None:
    """The dates, each in an ``\\mbox`` (the column breaks a range only after its separator, never inside a date:
    ``2024年2月28日``, ``Sep 2019``), but dates written as text, which wrap as text; in a right-to-left CV, their
    Latin words ("Present") in ``\\sphinxcvlatin``."""

    def encoded(text: str) -> str:
        runs = left_to_right_runs(text) if right_to_left_pdf(settings(self.config)) else [(text, False)]
        return "".join(rf"\sphinxcvlatin{{{self.encode(run)}}}" if ltr else self.encode(run) for run, ltr in runs)

    if isinstance(node.get("dates"), WrittenDates) or "parts" not in node:
        text = encoded(node.astext())
    else:
        text = encoded(node.get("separator", " – ")).join(rf"\mbox{{{encoded(part)}}}" for part, _iso in node["parts"])
    self.body.append(r"\sphinxcvdates{" + text + "}")
    raise nodes.SkipNode


def depart_cv_line(self: LaTeXTranslator, node: cv.cv_line) -> None:
    self.body.append("\\sphinxcvline[\\sphinxcvnumberwidth]\n" if node["numbered"] else "\\sphinxcvline\n")


def visit_cv_math(self: LaTeXTranslator, node: cv.cv_math) -> None:
    """The formula as LaTeX math (written again from what is known of it, never the .bib file's own LaTeX)."""
    self.body.append(rf"\ensuremath{{{node['latex']}}}")
    raise nodes.SkipNode


VISITORS: dict[type[nodes.Element], tuple[Visitor, Visitor | None]] = {
    cv.cv_timeline: _wrap("\n\\begin{sphinxcvtimeline}\n", "\n\\end{sphinxcvtimeline}\n"),
    cv.cv_entry: (visit_cv_entry, lambda self, node: self.body.append("\n\\end{sphinxcventry}\n")),
    cv.cv_entry_header: _wrap("", "\\sphinxcvheader\n"),
    cv.cv_entry_heading: (_nothing, _nothing),
    cv.cv_entry_title: _wrap(r"\sphinxcvtitle{", "}"),
    cv.cv_entry_org: _wrap(r"\sphinxcvorg{", "}"),
    cv.cv_entry_meta: (_nothing, _nothing),
    cv.cv_entry_dates: (visit_cv_entry_dates, None),
    cv.cv_entry_location: _wrap(r"\sphinxcvlocation{", "}"),
    cv.cv_entry_body: (_nothing, _nothing),
    cv.cv_entry_area: _wrap(r"\sphinxcvarea{", "}"),
    cv.cv_line: (_nothing, depart_cv_line),
    cv.cv_line_label: _wrap("\n\\sphinxcvlinelabel{", "}"),
    cv.cv_line_level: _wrap(r"\sphinxcvlevel{", "}"),
    cv.cv_line_details: _wrap(r"\sphinxcvlinedetails{", "}"),
    cv.cv_math: (visit_cv_math, None),
}
