"""Doctree nodes of a CV (an entry with its fields, a timeline, the collected-timeline placeholder), and their text.

Nodes hold plain, picklable attributes. :func:`setup_nodes` registers each with its
visitors: html (:mod:`sphinx_cv.web.html`, which EPUB uses too), latex
(:mod:`sphinx_cv.pdf.latex`), and text, man and texinfo (:mod:`sphinx_cv.plaintext`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.application import Sphinx


class cv_entry(nodes.General, nodes.Element):
    """One CV entry. Attributes: ``dates`` (:class:`~sphinx_cv.dates.DateRange` or None), ``tags``, ``url``."""


class cv_entry_header(nodes.General, nodes.Element):
    """The line above an entry's body: the heading group and the meta group."""


class cv_entry_heading(nodes.General, nodes.Element):
    """Title and organisation, on the left."""


class cv_entry_meta(nodes.General, nodes.Element):
    """Dates and location, on the right."""


class cv_entry_title(nodes.Part, nodes.TextElement):
    """The entry's title (inline markup)."""


class cv_entry_org(nodes.Part, nodes.TextElement):
    """The organisation (inline markup)."""


class cv_entry_location(nodes.Part, nodes.TextElement):
    """The place (inline markup)."""


class cv_entry_dates(nodes.Part, nodes.TextElement):
    """The dates in normalised form; attribute ``dates`` holds the parsed range."""


class cv_entry_body(nodes.General, nodes.Element):
    """The entry's body: ordinary block content."""


class cv_timeline(nodes.General, nodes.Element):
    """A timeline of entries, already sorted and filtered."""


class cv_timeline_collected(nodes.General, nodes.Element):
    """Placeholder for ``cv-timeline :collect:``; filled with the CV's entries after reading."""


class cv_downloads(nodes.General, nodes.Element):
    """Placeholder for ``cv-downloads``: links to the PDF and the EPUB on the website, nothing elsewhere."""


def plain_text(parts: Iterable[nodes.Node]) -> str:
    """The text of ``parts``, each with its white space collapsed, joined by spaces."""
    return " ".join(" ".join(part.astext().split()) for part in parts)


def setup_nodes(app: Sphinx) -> None:
    """Register every node with its visitors; the placeholders, filled before writing, with none.

    EPUB uses the html visitors (no ``epub=`` on purpose: see Sphinx's lookup by format).
    """
    from . import plaintext
    from .pdf import latex
    from .web import html

    for node_class in html.VISITORS:
        app.add_node(
            node_class,
            html=html.VISITORS[node_class],
            latex=latex.VISITORS[node_class],
            text=plaintext.TEXT_VISITORS[node_class],
            man=plaintext.BODY_VISITORS[node_class],
            texinfo=plaintext.BODY_VISITORS[node_class],
        )
    app.add_node(cv_timeline_collected)
    app.add_node(cv_downloads)
