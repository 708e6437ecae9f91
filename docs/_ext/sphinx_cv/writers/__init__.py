"""Per-builder rendering of the CV nodes: one module per output format."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import html, latex, plain

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_writers(app: Sphinx) -> None:
    """Register every CV node with visitors for html, latex, text, man and texinfo.

    EPUB uses the html visitors (no ``epub=`` on purpose: see Sphinx's lookup by format).
    """
    for node_class in html.VISITORS:
        app.add_node(
            node_class,
            html=html.VISITORS[node_class],
            latex=latex.VISITORS[node_class],
            text=plain.TEXT_VISITORS[node_class],
            man=plain.BODY_VISITORS[node_class],
            texinfo=plain.BODY_VISITORS[node_class],
        )
