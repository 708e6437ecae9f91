"""The ``docx`` builder: the CV as one Word document, ``<file stem>.docx``, for the application systems that ask
for one or read one better than a PDF.

The pages are put together as the PDF's builders put them (the root page, its toctrees inlined), the
translator (:mod:`.writer`) writes them into a document whose styles the design sets (:mod:`.styles`), and
the name and the contact line head it. With ``SOURCE_DATE_EPOCH`` the file is the same bytes on every build.
"""

from __future__ import annotations

import datetime
import importlib.util
import io
import os
import zipfile
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from sphinx.errors import SphinxError

from ..letters.directive import letter_file_stem, letter_title
from ..settings import settings
from ..translations import _
from ..whole import WholeCvBuilder

if TYPE_CHECKING:
    from collections.abc import Set

    from docx.document import Document

    from ..settings import CvSettings
    from .writer import DocxTranslator

#: The date of every file in the package: a Word document's files need none (ZIP's earliest).
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
#: The package's thumbnail in python-docx's template: a picture of another document.
THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


class DocxBuilder(WholeCvBuilder):
    """Writes ``<file stem>.docx``, or with ``cv_letters`` one for each letter and statement."""

    name = "docx"
    format = "docx"
    epilog = "The Word CV is in %(outdir)s."
    supported_image_types: ClassVar[list[str]] = ["image/png", "image/jpeg", "image/gif"]
    supported_remote_images = False

    def init(self) -> None:
        if importlib.util.find_spec("docx") is None:
            raise SphinxError("the docx builder needs python-docx: pip install 'sphinx-cv[docx]'")

    def write_documents(self, docnames: Set[str]) -> None:
        """The CV, or with ``cv_letters`` each letter and statement, as its own document."""
        cv = settings(self.config)
        if not cv.letter_pages:
            root = self.config.root_doc
            about = (cv.title, str(_("Curriculum Vitae")))
            self.write_docx(cv, root, cv.file_stem, about, self.keywords(root), letter_of="")
        for page in cv.letter_pages:
            title = letter_title(cv, page) or self.env.titles[page].astext()  # a statement's heading is its title
            stem = letter_file_stem(cv, page)
            self.write_docx(cv, page, stem, (f"{title} — {cv.name}", title), [], letter_of=cv.name)

    def write_docx(
        self, cv: CvSettings, docname: str, stem: str, about: tuple[str, str], words: list[str], letter_of: str
    ) -> None:
        """``docname`` with the pages of its toctrees, as ``<stem>.docx``, its title and subject ``about``; a letter
        or a statement (``letter_of``: its author) is headed by the author's name and contact line."""
        from .styles import text_width
        from .writer import CONTACT_SEPARATOR, DocxTranslator

        def masthead(translator: DocxTranslator) -> None:
            """The contact line under the name, in the body (parsers skip headers), its links real ones."""
            if not cv.contact:
                return
            translator.new_paragraph()
            for index, item in enumerate(cv.contact):
                translator.add_text(CONTACT_SEPARATOR if index else "")
                if item.url:
                    translator.add_link(item.url, partial(translator.add_text, item.label))
                else:
                    translator.add_text(item.label)
            translator.end_paragraph()

        tree = self.assembled(docname)
        word = new_document(cv, *about, words)
        tree.walkabout(DocxTranslator(tree, self, word, masthead, tab_stop=text_width(cv), letter_of=letter_of))
        Path(self.outdir, f"{stem}.docx").write_bytes(package_bytes(word))


def new_document(cv: CvSettings, title: str, subject: str, words: list[str]) -> Document:
    """An empty document in the CV's design and language, with its core properties: ``title``, author, ``subject``,
    keywords (``words``), language, and its dates from ``SOURCE_DATE_EPOCH`` where it is set."""
    import docx

    from .styles import apply_design
    from .writer import xml_text

    word = docx.Document()
    package = word.part.package
    for key, relation in list(package.rels.items()):
        if relation.reltype == THUMBNAIL:
            del package.rels[key]
    apply_design(word, cv)
    properties = word.core_properties
    properties.title = xml_text(title)
    properties.author = properties.last_modified_by = xml_text(cv.name or cv.title)
    properties.subject = xml_text(subject)
    properties.keywords = xml_text(", ".join(words))
    properties.language = cv.script.tag
    properties.comments = ""
    properties.revision = 1
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    now = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC) if epoch.isdigit() else None
    now = now or datetime.datetime.now(datetime.UTC)
    properties.created = properties.modified = now.replace(tzinfo=None, microsecond=0)
    return word


def package_bytes(word: Document) -> bytes:
    """The document's package, each of its files dated alike, so that the same document is the same bytes."""
    written = io.BytesIO()
    word.save(written)
    packed = io.BytesIO()
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return packed.getvalue()
