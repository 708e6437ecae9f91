"""HTML (and EPUB) rendering: semantic elements styled by ``static/sphinx_cv.css``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from .. import nodes as cv
from ..translations import area_joiner

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.writers.html5 import HTML5Translator

    #: A visit or depart function: the translator, and a node of the class that its table's key names.
    Visitor = Callable[[Any, Any], None]


def _element(tag: str, css_class: str) -> tuple[Visitor, Visitor]:
    """Visitors that wrap a node's children in ``<tag class="css_class">``."""

    def visit(self: HTML5Translator, node: nodes.Element) -> None:
        self.body.append(self.starttag(node, tag, "", CLASS=css_class))

    def depart(self: HTML5Translator, node: nodes.Element) -> None:
        self.body.append(f"</{tag}>\n")

    return visit, depart


def visit_cv_timeline(self: HTML5Translator, node: cv.cv_timeline) -> None:
    self.body.append(self.starttag(node, "ol", CLASS="cv-timeline", **{"data-sort": node["sort"]}))


def depart_cv_timeline(self: HTML5Translator, node: cv.cv_timeline) -> None:
    self.body.append("</ol>\n")


def visit_cv_entry(self: HTML5Translator, node: cv.cv_entry) -> None:
    if isinstance(node.parent, cv.cv_timeline):
        self.body.append('<li class="cv-timeline-item">')
    classes = ["cv-entry", *(f"cv-tag-{tag.replace(' ', '-')}" for tag in node["tags"])]
    self.body.append(self.starttag(node, "article", CLASS=" ".join(classes)))


def depart_cv_entry(self: HTML5Translator, node: cv.cv_entry) -> None:
    self.body.append("</article>\n")
    if isinstance(node.parent, cv.cv_timeline):
        self.body.append("</li>\n")


def visit_cv_entry_title(self: HTML5Translator, node: cv.cv_entry_title) -> None:
    level = min(self.section_level + 1, 6)
    self.body.append(self.starttag(node, f"h{level}", "", CLASS="cv-entry-title"))


def depart_cv_entry_title(self: HTML5Translator, node: cv.cv_entry_title) -> None:
    self.body.append(f"</h{min(self.section_level + 1, 6)}>\n")


def visit_cv_entry_area(self: HTML5Translator, node: cv.cv_entry_area) -> None:
    self.body.append(self.starttag(node, "span", self.encode(area_joiner()[0]), CLASS="cv-entry-area"))


def depart_cv_entry_area(self: HTML5Translator, node: cv.cv_entry_area) -> None:
    self.body.append(self.encode(area_joiner()[1]) + "</span>")


def visit_cv_line(self: HTML5Translator, node: cv.cv_line) -> None:
    self.body.append(self.starttag(node, "dl", CLASS="cv-line cv-line-numbered" if node["numbered"] else "cv-line"))


def depart_cv_line(self: HTML5Translator, node: cv.cv_line) -> None:
    """Close the list; a line without details still has its (empty) ``<dd>``, which HTML requires after a ``<dt>``."""
    if not any(isinstance(child, cv.cv_line_details) for child in node.children):
        self.body.append('<dd class="cv-line-details"></dd>')
    self.body.append("</dl>")


def visit_cv_line_level(self: HTML5Translator, node: cv.cv_line_level) -> None:
    self.body.append(self.starttag(node, "span", " ", CLASS="cv-line-level"))


def _close(tag: str) -> Visitor:
    def depart(self: HTML5Translator, node: nodes.Element) -> None:
        self.body.append(f"</{tag}>")

    return depart


def visit_cv_entry_dates(self: HTML5Translator, node: cv.cv_entry_dates) -> None:
    """``<time datetime>`` for each end of the range; ``Present`` is plain text."""
    parts = []
    for text, iso in node["parts"]:  # in the CV's language (the directive's)
        label = self.encode(text)
        parts.append(f'<time datetime="{iso}">{label}</time>' if iso else f"<span>{label}</span>")
    self.body.append(self.starttag(node, "p", "", CLASS="cv-entry-dates"))
    self.body.append(self.encode(node.get("separator", " – ")).join(parts) + "</p>\n")
    raise nodes.SkipNode


def visit_cv_math(self: HTML5Translator, node: cv.cv_math) -> None:
    """The formula as MathML, on the website and in the EPUB (whose content.opf declares it: ``epub.py``)."""
    self.body.append(node["mathml"])
    raise nodes.SkipNode


VISITORS: dict[type[nodes.Element], tuple[Visitor, Visitor | None]] = {
    cv.cv_timeline: (visit_cv_timeline, depart_cv_timeline),
    cv.cv_entry: (visit_cv_entry, depart_cv_entry),
    cv.cv_entry_header: _element("header", "cv-entry-header"),
    cv.cv_entry_heading: _element("div", "cv-entry-heading"),
    cv.cv_entry_title: (visit_cv_entry_title, depart_cv_entry_title),
    cv.cv_entry_org: _element("p", "cv-entry-org"),
    cv.cv_entry_meta: _element("div", "cv-entry-meta"),
    cv.cv_entry_dates: (visit_cv_entry_dates, None),
    cv.cv_entry_location: _element("p", "cv-entry-location"),
    cv.cv_entry_body: _element("div", "cv-entry-body"),
    cv.cv_entry_area: (visit_cv_entry_area, depart_cv_entry_area),
    cv.cv_line: (visit_cv_line, depart_cv_line),
    cv.cv_line_label: _element("dt", "cv-line-label"),
    cv.cv_line_level: (visit_cv_line_level, _close("span")),
    cv.cv_line_details: _element("dd", "cv-line-details"),
    cv.cv_math: (visit_cv_math, None),
}
