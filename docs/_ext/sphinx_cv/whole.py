"""What the builders that write the CV as one document (the Typst PDF, the Word CV) share: every page put together
in one doctree, as the LaTeX builder puts them (the page, its toctrees inlined), the document's keywords, and for
their writers, the nodes of which they print nothing, a span's language and where a node is."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.builders import Builder
from sphinx.util.console import darkgreen
from sphinx.util.nodes import inline_all_toctrees

from .domain import cv_domain, reading_order
from .model import keywords

if TYPE_CHECKING:
    from collections.abc import Set

#: Nodes with nothing to print (a target's id, a comment, a toctree of inlined pages, a footnote printed where it
#: is referred to).
NOTHING_TO_PRINT: tuple[type[nodes.Node], ...] = (
    nodes.comment,
    nodes.target,
    nodes.substitution_definition,
    nodes.system_message,
    nodes.label,
    addnodes.index,
    addnodes.toctree,
    nodes.meta,
    nodes.footnote,
    nodes.citation,
)
#: docutils' class of a span or an item in another language (``language-de``, ``language-en-GB``), which its HTML
#: writers give as ``lang``.
_LANGUAGE_CLASS = re.compile(r"language-(?P<language>[a-z]{2,3})(?:[-_](?P<region>[a-z]{2}))?", re.IGNORECASE)


def span_language(node: nodes.Node) -> tuple[str, str] | None:
    """The language and region (``("en", "GB")``; the region "" when there is none) that a ``language-`` class of
    ``node`` names; None for none."""
    classes: list[str] = node.get("classes", []) if isinstance(node, nodes.Element) else []
    match = next(filter(None, map(_LANGUAGE_CLASS.fullmatch, classes)), None)
    return (match["language"].lower(), (match["region"] or "").upper()) if match else None


def located(node: nodes.Node) -> nodes.Node:
    """``node``, or the nearest of its ancestors that knows its line (MyST gives a Markdown image line 0)."""
    while not node.line and node.parent is not None:
        node = node.parent
    return node


class WholeCvBuilder(Builder):
    """A builder of one document made of every page: all of them are written whenever one changed."""

    def get_outdated_docs(self) -> str:
        return "all documents"  # one document of every page

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return f"%{docname}"

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    def finish(self) -> None:
        pass

    def assembled(self, docname: str) -> nodes.document:
        """``docname`` with the pages of its toctrees in their places, its references resolved and its images
        known to :attr:`images`."""
        tree = inline_all_toctrees(self, set(), docname, self.env.get_doctree(docname), darkgreen, [docname])
        tree["docname"] = docname
        self.env.resolve_references(tree, docname, self)
        self.post_process_images(tree)
        return tree

    def keywords(self, docname: str) -> list[str]:
        """What the CV whose root is ``docname`` is about, for its document's keywords (:func:`.model.keywords`)."""
        return keywords(cv_domain(self.env).records(reading_order(self.env, docname)))
