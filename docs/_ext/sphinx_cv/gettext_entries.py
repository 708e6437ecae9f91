"""Entries translated with Sphinx's gettext workflow (``nox -s translate -- de``, ``locale_dirs``).

Titles, organisations, locations, labels, levels and bodies are messages of their own. Sphinx's
``Locale`` transform replaces a translated message's children, so what a title or a label holds
besides its own words (a degree's area, a skill's level, the title's link) is taken out just
before it runs and put back just after. Dates are not messages: they are written in the CV's
language already.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from docutils import nodes
from sphinx.transforms import SphinxTransform

from . import nodes as cv

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The nodes whose message is only their first words, and what they hold besides.
HOLDERS = (cv.cv_entry_title, cv.cv_line_label)
HELD = (cv.cv_entry_area, cv.cv_line_level)
#: Sphinx's ``Locale`` transform, which translates the messages.
LOCALE_PRIORITY = 20


class TakeOutForTranslation(SphinxTransform):
    """Move a title's area or a label's level beside it, and unwrap the title's link (kept as ``cv_link``)."""

    default_priority = LOCALE_PRIORITY - 1

    def apply(self, **kwargs: object) -> None:
        for holder in [node for node in self.document.findall(nodes.Element) if isinstance(node, HOLDERS)]:
            for held in [child for child in holder.children if isinstance(child, HELD)]:
                holder.remove(held)
                held["cv_held"] = True
                holder.parent.insert(holder.parent.index(holder) + 1, held)
            if len(holder.children) == 1 and isinstance(holder[0], nodes.reference) and holder[0].get("refuri"):
                link = holder[0]
                holder["cv_link"] = link["refuri"]
                holder[:] = link.children


class PutBackAfterTranslation(SphinxTransform):
    """Undo :class:`TakeOutForTranslation` once the messages are translated."""

    default_priority = LOCALE_PRIORITY + 1

    def apply(self, **kwargs: object) -> None:
        for holder in [node for node in self.document.findall(nodes.Element) if isinstance(node, HOLDERS)]:
            if "cv_link" in holder:
                holder[:] = [nodes.reference("", "", *holder.children, refuri=holder.attributes.pop("cv_link"))]
        for held in [node for node in self.document.findall(nodes.Element) if isinstance(node, HELD)]:
            if not held.get("cv_held"):
                continue
            del held["cv_held"]
            parent = held.parent
            taken_from = cast("nodes.Element", parent[parent.index(held) - 1])  # put right after it, above
            parent.remove(held)
            taken_from += held


def setup_gettext_entries(app: Sphinx) -> None:
    """Register the two transforms around Sphinx's ``Locale``."""
    app.add_transform(TakeOutForTranslation)
    app.add_transform(PutBackAfterTranslation)
