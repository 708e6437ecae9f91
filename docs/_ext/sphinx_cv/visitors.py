"""Each node of :mod:`sphinx_cv.nodes` registered with its visitors for every format; the placeholders, filled
before writing, with none.

The writers' modules import the nodes, and this module imports both: the nodes know no writer.
EPUB uses the html visitors (no ``epub=`` on purpose: see Sphinx's lookup by format).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import nodes as cv
from . import plaintext
from .pdf import latex
from .web import html

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The nodes that are filled or removed before any writer sees them.
PLACEHOLDERS = (cv.cv_timeline_collected, cv.cv_downloads, cv.cv_contact)


def setup_visitors(app: Sphinx) -> None:
    """Register every node with its html, latex, text, man and texinfo visitors."""
    for node_class in html.VISITORS:
        app.add_node(
            node_class,
            html=html.VISITORS[node_class],
            latex=latex.VISITORS[node_class],
            text=plaintext.TEXT_VISITORS[node_class],
            man=plaintext.BODY_VISITORS[node_class],
            texinfo=plaintext.BODY_VISITORS[node_class],
        )
    for placeholder in PLACEHOLDERS:
        app.add_node(placeholder)
