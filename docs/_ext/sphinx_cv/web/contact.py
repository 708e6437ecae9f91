"""``cv-contact``: the contact line (``cv_contact``) on the website, in the EPUB and the text output.

The PDF sets it under the name at the head of its first page (``pdf/defaults.py``),
so there the directive leaves nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from .. import nodes as cv
from ..settings import settings

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

SEPARATOR = " · "


class CvContactDirective(SphinxDirective):
    """Where the contact line goes (usually under the name on the home page)."""

    option_spec: ClassVar[OptionSpec] = {}

    def run(self) -> list[Node]:
        placeholder = cv.cv_contact()
        self.set_source_info(placeholder)
        return [placeholder]


def fill_contact(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace each ``cv-contact`` placeholder by the contact line (nothing in a PDF, which has it in its head, or
    without ``cv_contact``)."""
    items = settings(app.config).contact
    for placeholder in list(doctree.findall(cv.cv_contact)):
        if app.builder.format in {"latex", "typst"} or not items:
            placeholder.parent.remove(placeholder)
            continue
        paragraph = nodes.paragraph("", "", classes=["cv-contact"])
        for index, item in enumerate(items):
            if index:
                paragraph += nodes.Text(SEPARATOR)
            paragraph += (
                nodes.reference(item.label, item.label, refuri=item.url) if item.url else nodes.Text(item.label)
            )
        placeholder.replace_self(paragraph)
