"""The ``cv-letter`` directive, a statement's title, and the file names and titles of the letters' PDFs."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..directives import CvDirective
from ..model import slugify
from ..settings import settings
from ..translations import _, long_date
from .pages import LETTERS_FOLDER

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

    from ..settings import CvSettings

#: The class of the letter's container, and of each of its blocks (``sphinxclass<name>`` in LaTeX).
LETTER_CLASS = "cv-letter"
#: The height of the image of a handwritten signature (``:signature:``).
SIGNATURE_HEIGHT = "1.5cm"
#: The class of a statement's title, under the name that heads its first page.
STATEMENT_TITLE_CLASS = "cv-statement-title"


def letter_file_stem(cv: CvSettings, docname: str) -> str:
    """The PDF's name without extension: ``ada-lovelace-letter-acme-university`` for a letter,
    ``ada-lovelace-research-statement`` for a statement."""
    kind = "" if docname in cv.statements else "letter-"
    return f"{slugify(cv.name) or 'cv'}-{kind}{docname.rpartition('/')[2]}"


def letter_title(cv: CvSettings, docname: str) -> str:
    """The title of a letter, "Cover letter"; "" for a statement, whose heading is its title (Sphinx takes it). The
    PDF's metadata say "Cover letter — Ada Lovelace" (``sphinxcv.sty``)."""
    return "" if docname in cv.statements else str(_("Cover letter"))


class CvLetterDirective(CvDirective):
    """A letter: recipient, date, subject, salutation, the body (the directive's content), closing, the signature's
    image (``:signature:``, a path from the letter's folder) and name."""

    has_content = True
    option_spec: ClassVar[OptionSpec] = {
        "to": directives.unchanged,
        "date": directives.unchanged,
        "subject": directives.unchanged,
        "salutation": directives.unchanged,
        "closing": directives.unchanged,
        "signature": directives.uri,
    }

    def run(self) -> list[Node]:
        self.messages: list[nodes.system_message] = []
        letter = nodes.container(classes=[LETTER_CLASS])
        self.set_source_info(letter)
        recipient = [line.strip() for line in self.options.get("to", "").splitlines() if line.strip()]
        if not recipient:
            self._warn(
                "a cv-letter needs :to:, the recipient's name and address, one line each (e.g. :to: Prof. Jane Doe)",
                "letter",
            )
        else:
            lines = nodes.line_block("", *(self._inline(nodes.line, line) for line in recipient))
            letter += self._block("recipient", lines)
        letter += self._block("date", nodes.paragraph("", self._date()))
        if self.options.get("subject", "").strip():
            letter += self._block("subject", self._inline(nodes.paragraph, self.options["subject"]))
        if self.options.get("salutation", "").strip():
            letter += self._block("salutation", self._inline(nodes.paragraph, self.options["salutation"]))
        body = nodes.container(classes=[f"{LETTER_CLASS}-body"])
        self.state.nested_parse(self.content, self.content_offset, body)
        letter += body
        closing = self.options.get("closing", "").strip() or str(_("Yours sincerely,"))
        letter += self._block("closing", self._inline(nodes.paragraph, closing))
        name = nodes.paragraph("", self.cv_settings.name)
        image = self._signature()
        if image is not None:  # in the room to sign
            letter += self._block("signed", nodes.container("", nodes.paragraph("", "", image), name))
        else:
            letter += self._block("signature", name)
        return [letter, *self.messages]

    def _block(self, name: str, node: nodes.Element) -> nodes.container:
        """``node`` in a container of the class ``cv-letter-<name>`` (which the LaTeX design styles)."""
        block = nodes.container("", node, classes=[f"{LETTER_CLASS}-{name}"])
        self.set_source_info(block)
        return block

    def _signature(self) -> nodes.image | None:
        """The image of the handwritten signature (``:signature:``, from the letter's folder), if it is there."""
        uri = self.options.get("signature", "")
        if not uri:
            return None
        if not Path(self.env.relfn2path(uri, self.env.docname)[1]).is_file():
            self._warn(
                f"the signature image {uri!r} is not there: give its path from the letter's folder, e.g. "
                ":signature: signature.png (the letter is signed by hand instead)",
                "letter",
            )
            return None
        return nodes.image(uri=uri, alt="", height=SIGNATURE_HEIGHT)

    def _date(self) -> str:
        """The ``:date:`` as written, else the sources' last change written out in the CV's language."""
        written: str = self.options.get("date", "").strip()
        if written:
            return written
        updated = self.cv_settings.last_updated
        day = datetime.date.fromisoformat(updated) if updated else datetime.date.today()
        return long_date(day, self.cv_settings.language)


class StatementTitleTransform(SphinxPostTransform):
    """A statement's heading is its title, which Sphinx's LaTeX writer keeps for the metadata and leaves out of the
    page: set it again under the name that heads the first page."""

    default_priority = 200
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        if self.env.docname not in settings(self.config).statements:
            return
        section = next(self.document.findall(nodes.section), None)
        if section is None or not isinstance(section[0], nodes.title):
            return
        title = nodes.paragraph("", "", *(child.deepcopy() for child in section[0].children))
        section.insert(1, nodes.container("", title, classes=[STATEMENT_TITLE_CLASS]))


def orphan_letters(app: Sphinx, doctree: nodes.document) -> None:
    """A letter is in no table of contents, and Sphinx need not say so."""
    if app.env.docname.startswith(f"{LETTERS_FOLDER}/"):
        app.env.metadata[app.env.docname]["orphan"] = True
