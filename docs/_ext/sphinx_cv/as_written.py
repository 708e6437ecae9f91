"""The text of a page as its author typed it, for the CV's data (JSON Resume, JSON-LD).

Sphinx's smart quotes turn ``'``, ``"``, ``--`` and ``...`` into typographic characters when a
page is read, which is right for the pages but not for data: ``resume.json`` keeps the quotes as
written, whichever builder read the pages (the PDF's attached copy comes from an environment
that the website's build read). Smart quotes replace each text node by one new node, so
:class:`NoteTypedText` notes the page's text nodes just before they run and
:class:`NoteEducatedText` just after: what changed is kept per page by the ``cv`` domain
(educated text -> typed text), and :func:`written_text` reads a node with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxSmartQuotes, SphinxTransform

if TYPE_CHECKING:
    from collections.abc import Iterable

#: Where the page's typed text waits for the domain (``env.temp_data``, which lives as long as one page's reading).
TYPED, EDUCATED = "cv-typed-text", "cv-educated-text"


class NoteTypedText(SphinxTransform):
    """The page's text nodes, as typed."""

    default_priority = SphinxSmartQuotes.default_priority - 1

    def apply(self, **kwargs: Any) -> None:
        self.env.temp_data[TYPED] = [text.astext() for text in self.document.findall(nodes.Text)]


class NoteEducatedText(SphinxTransform):
    """Each text node that smart quotes changed: its new text -> its typed text."""

    default_priority = SphinxSmartQuotes.default_priority + 1

    def apply(self, **kwargs: Any) -> None:
        typed: list[str] = self.env.temp_data.pop(TYPED, None) or []
        educated = [text.astext() for text in self.document.findall(nodes.Text)]
        if len(typed) == len(educated):  # one for one, as smart quotes replace them
            self.env.temp_data[EDUCATED] = {new: old for new, old in zip(educated, typed, strict=True) if new != old}


def written_text(parts: Iterable[nodes.Node], typed: dict[str, str]) -> str:
    """The text of ``parts`` as typed (``typed``: a page's educated text -> its typed text), each with its white
    space collapsed, joined by spaces: :func:`sphinx_cv.nodes.plain_text` before smart quotes."""
    return " ".join(" ".join(as_typed(part, typed).split()) for part in parts)


def as_typed(node: nodes.Node, typed: dict[str, str]) -> str:
    """``node.astext()``, with each text node that smart quotes changed as it was typed."""
    if isinstance(node, nodes.Text):
        text = node.astext()
        return typed.get(text, text)
    if not typed or not isinstance(node, nodes.Element) or type(node).astext is not nodes.Element.astext:
        return node.astext()
    return node.child_text_separator.join(as_typed(child, typed) for child in node.children)
