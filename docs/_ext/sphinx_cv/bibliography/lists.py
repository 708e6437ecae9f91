"""Publication lists: sphinxcontrib-bibtex's citations set as a plain list, in place, in every format.

sphinxcontrib-bibtex renders a ``bibliography`` as ``citation`` nodes: labelled
(``[BDD24]``) and, in LaTeX, moved by Sphinx into one bibliography at the end
of the document. Its ``:list:`` forms stay in place but cannot be cited. This
post-transform keeps the citation form (so ``{cite}`` links work) and turns each
bibliography into a bullet list without labels, before the LaTeX builder would
move it; the list items keep the citations' ids, so the links still land.
When an entry marks equal contribution (``*``), one note explains it. An entry in another
language than the CV's (BibLaTeX's ``langid``) says so to the website and the EPUB (``lang``), so that
screen readers speak it and browsers hyphenate it in its language.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..settings import settings
from .adapter import LATEX_BIBLIOGRAPHY_PRIORITY, cited_entries, latex_citation_anchor
from .normalise import entry_language
from .references import REFERENCES_CLASS

#: After sphinxcontrib-bibtex (5) and the references resolver (10); before the LaTeX builder's
#: BibliographyTransform, which would move citations to the end of the document.
PRIORITY = LATEX_BIBLIOGRAPHY_PRIORITY - 50
LIST_CLASS = "cv-publications"
#: A word of a link's text longer than this may break in LaTeX: after its punctuation, and every
#: :data:`BREAK_EVERY` characters of a longer stretch without it.
UNBROKEN = 24
BREAK_EVERY = 12
NOTE_CLASS = "cv-equal-contribution"


class PublicationListTransform(SphinxPostTransform):
    """Turn each bibliography of citations into a ``cv-publications`` bullet list; a statement's plain list on the
    website (``references.py``) is one too."""

    default_priority = PRIORITY

    def run(self, **kwargs: Any) -> None:
        last_starred: nodes.Element | None = None
        entries = cited_entries(self.env)
        cv = settings(self.config)
        cv_language = cv.language.partition("_")[0]
        for container in list(self.document.findall(nodes.container)):
            citations = [child for child in container.children if isinstance(child, nodes.citation)]
            if not citations or len(citations) != len(container.children):
                continue
            container.children = []
            items = [_as_list_item(citation) for citation in citations]
            for item in items:
                language = next((entry_language(entries[id_]) for id_ in item["ids"] if id_ in entries), None)
                if language and language != cv_language:
                    item["classes"].append(f"language-{language}")  # docutils' HTML writers: lang="..."
            container += nodes.bullet_list("", *items, classes=[LIST_CLASS])
            if any(is_star(node) for node in container.findall(nodes.superscript)):
                last_starred = container
        for references in self.document.findall(nodes.container):
            if REFERENCES_CLASS in references["classes"]:
                for plain in references.findall(nodes.bullet_list):
                    if LIST_CLASS not in plain["classes"]:
                        plain["classes"].append(LIST_CLASS)
        note = cv.equal_contribution_note
        if last_starred is not None and note:
            paragraph = nodes.paragraph("", "", nodes.superscript("*", "*"), nodes.Text(" " + note))
            paragraph["classes"].append(NOTE_CLASS)
            last_starred.parent.insert(last_starred.parent.index(last_starred) + 1, paragraph)


def _as_list_item(citation: nodes.citation) -> nodes.list_item:
    """The citation's text, without its label, as a list item that keeps the citation's ids."""
    item = nodes.list_item("", *[child for child in citation.children if not isinstance(child, nodes.label)])
    item["ids"] = list(citation["ids"])
    item["docname"] = citation.get("docname", "")
    item.source, item.line = citation.source, citation.line
    return item


class PublicationAnchorsTransform(SphinxPostTransform):
    """LaTeX writes no label for a list item's ids: put them on a target at the item's start, with
    the anchors that sphinxcontrib-bibtex's ``{cite}`` links point to in LaTeX."""

    default_priority = PRIORITY + 2  # after sphinx_cv.variant may have dropped some
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for publications in publication_lists(self.document):
            for item in publications.findall(nodes.list_item):
                if not item["ids"] or not item.children or not isinstance(item[0], nodes.paragraph):
                    continue
                anchors = "".join(
                    rf"\hypertarget{{{latex_citation_anchor(item['docname'], id_)}}}{{}}" for id_ in item["ids"]
                )
                item[0].insert(0, nodes.raw("", anchors, format="latex"))
                item[0].insert(0, nodes.target("", "", ids=item["ids"]))
                item["ids"] = []


class BreakableLinksTransform(SphinxPostTransform):
    """LaTeX breaks no line inside a word: let a link's text longer than :data:`UNBROKEN` characters (a DOI, an
    eprint, an address) break after any character, as ``xurl`` lets ``\\url``, so it stays inside the margin."""

    default_priority = PRIORITY + 1
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for publications in publication_lists(self.document):
            for reference in list(publications.findall(nodes.reference)):
                for text in list(reference.findall(nodes.Text)):
                    if any(len(word) > UNBROKEN for word in text.split()):
                        text.parent.replace(text, breakable(str(text)))


def breakable(text: str) -> list[nodes.Node]:
    """``text`` as text nodes with a break allowed in its long words (a LaTeX ``\\allowbreak``: no character of
    ``text`` is ever raw LaTeX): after each ``/ . _ ? & = :``, and every :data:`BREAK_EVERY` characters of a
    stretch without them."""
    pieces: list[nodes.Node] = []
    for word in re.split(r"(\s+)", text):
        if len(word) <= UNBROKEN:
            pieces.append(nodes.Text(word))
            continue
        # Not after a hyphen: Sphinx writes it as \sphinxhyphen, where a line may break already.
        for part in re.findall(r"[^/._?&=:]*[/._?&=:]*", word):
            chunks = [part[start : start + BREAK_EVERY] for start in range(0, len(part), BREAK_EVERY)]
            for chunk in chunks:
                pieces += [nodes.Text(chunk), nodes.raw("", r"\allowbreak{}", format="latex")]
    return [piece for piece in pieces if piece.astext()]


def publication_lists(document: nodes.Node) -> list[nodes.bullet_list]:
    """The lists that :class:`PublicationListTransform` made."""
    return [node for node in document.findall(nodes.bullet_list) if LIST_CLASS in node["classes"]]


def is_star(node: nodes.Node) -> bool:
    return node.astext() == "*"
