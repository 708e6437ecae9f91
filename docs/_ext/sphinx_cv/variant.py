"""Variants of the CV from the same sources: ``cv_variant = "short"`` keeps the entries tagged ``short``.

With a variant set, a ``cv-entry`` without that tag is left out (see the
directive), only the ``cv_variant_publications`` most recent publications stay,
and the sections left empty are dropped. Without one, nothing changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import nodes as cv
from .bibliography.adapter import cited_entries
from .bibliography.lists import NOTE_CLASS, PRIORITY, is_star, publication_lists
from .bibliography.style import NewestFirst
from .settings import settings

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class VariantTransform(SphinxPostTransform):
    """Keep the most recent publications, then drop the sections the variant left empty."""

    default_priority = PRIORITY + 1  # after the publication lists are made, before their LaTeX anchors

    def run(self, **kwargs: Any) -> None:
        cv = settings(self.config)
        if not cv.variant:
            return
        self._keep_recent_publications(cv.variant_publications)
        for section in reversed(list(self.document.findall(nodes.section))):
            if _is_empty(section):
                section.parent.remove(section)

    def _keep_recent_publications(self, count: int) -> None:
        entries = cited_entries(self.env)
        lists = publication_lists(self.document)
        items = [
            item
            for publications in lists
            for item in publications.children
            if isinstance(item, nodes.Element) and item["ids"] and item["ids"][0] in entries
        ]
        newest = sorted(items, key=lambda item: NewestFirst().sorting_key(entries[item["ids"][0]]))[:count]
        for item in items:
            if item not in newest:
                item.parent.remove(item)
        for publications in lists:
            if not publications.children:
                publications.parent.remove(publications)
        if not any(is_star(node) for publications in lists for node in publications.findall(nodes.superscript)):
            for note in list(self.document.findall(nodes.paragraph)):
                if NOTE_CLASS in note["classes"]:  # no entry left that needs it
                    note.parent.remove(note)


def _is_empty(section: nodes.section) -> bool:
    """True when all a section holds, besides its title, is empty timelines, targets and comments."""
    for child in section.children[1:]:
        if isinstance(child, (nodes.target, nodes.comment)):
            continue
        if isinstance(child, (cv.cv_timeline, nodes.container)) and not child.children:
            continue
        return False
    return True


def setup_variant(app: Sphinx) -> None:
    """Register the transform (its settings are in :mod:`sphinx_cv.settings`)."""
    app.add_post_transform(VariantTransform)
