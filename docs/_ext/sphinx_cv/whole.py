"""What the builders that write the CV as one document (the Typst PDF, the Word CV) share: every page put together
in one doctree, as the LaTeX builder puts them (the page, its toctrees inlined), and the nodes of which they print
nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.builders import Builder
from sphinx.util.console import darkgreen
from sphinx.util.nodes import inline_all_toctrees

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
