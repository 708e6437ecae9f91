"""The ``typst`` builder: the CV as one Typst document, compiled by the ``typst`` package into a tagged PDF that
conforms to PDF/UA-1 and PDF/A-3a, with the ``.bib`` files it lists attached.

The pages are put together as the LaTeX builder puts them (the root page, its toctrees inlined), the
translator (:mod:`.writer`) writes their body, and the document's settings, the design
(:mod:`.design`) and ``sphinxcv.typ`` come before it. Typst checks the standards as it compiles: what
breaks them is an error of the build, not a PDF that fails later.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from sphinx.errors import SphinxError
from sphinx.util import logging

from ..bibliography.adapter import bib_files
from ..jsonresume.builder import PageTexts, resume_json
from ..lastupdated import display_date
from ..letters.directive import letter_file_stem, letter_title
from ..settings import settings
from ..translations import _, date_words, message_parts
from ..whole import WholeCvBuilder
from .design import design_dictionary, fallback_fonts
from .markup import markup_text, string_literal
from .writer import TypstTranslator

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.builders import Builder
    from typst import PDFStandard

    from ..settings import CvSettings

logger = logging.getLogger(__name__)

SUPPORT = Path(__file__).with_name("sphinxcv.typ")
#: The standards the PDF is compiled to: PDF/A-3 allows the attachments, level a asks for tags as PDF/UA does.
PDF_STANDARDS: list[PDFStandard] = ["ua-1", "a-3a"]
#: The words of the footer: "Page 1 of 2", "Updated 5 December 2026".
PAGE_OF = "Page %(page)s of %(pages)s"


class TypstBuilder(WholeCvBuilder):
    """Writes ``<file stem>.typ`` and compiles it into ``<file stem>.pdf``."""

    name = "typst"
    format = "typst"
    epilog = "The accessible PDF (PDF/UA-1, PDF/A-3a) is in %(outdir)s."
    default_translator_class = TypstTranslator
    supported_image_types: ClassVar[list[str]] = ["image/svg+xml", "image/png", "image/jpeg", "image/gif"]
    supported_remote_images = False

    def init(self) -> None:
        if importlib.util.find_spec("typst") is None:
            raise SphinxError("the typst builder needs the Typst compiler: pip install 'sphinx-cv[typst]'")
        #: The characters that no installed font has, said once and printed as U+FFFD (:mod:`.glyphs`).
        self.unprintable: set[str] = set()

    def write_documents(self, docnames: Set[str]) -> None:
        """The CV, or with ``cv_letters`` each letter and statement, as its own PDF."""
        cv = settings(self.config)
        if not cv.letter_pages:
            self.write_pdf(cv, self.config.root_doc, cv.file_stem, cv.title, letter_of="")
        for page in cv.letter_pages:
            title = letter_title(cv, page) or self.env.titles[page].astext()  # a statement's heading is its title
            self.write_pdf(cv, page, letter_file_stem(cv, page), f"{title} — {cv.name}", letter_of=cv.name)

    def write_pdf(self, cv: CvSettings, docname: str, stem: str, title: str, letter_of: str) -> None:
        """``docname`` with the pages of its toctrees, as ``<stem>.pdf``; a letter or a statement (``letter_of``:
        its author) is headed by the author's name, has no attachments and no date in its footer."""
        tree = self.assembled(docname)
        translator = TypstTranslator(
            tree, self, masthead=partial(masthead, cv), letter_of=letter_of, unprintable=self.unprintable
        )
        tree.walkabout(translator)
        fonts = fallback_fonts(cv.language, cv.script.cjk_region)
        words = [] if letter_of else self.keywords(docname)
        source = document_settings(cv, title, words) + design_dictionary(cv.design, cv.paper, fonts)
        source += preamble(cv, dated=not letter_of) + ("" if letter_of else attachments(self))
        self.write_source_and_pdf(stem, source + "".join(translator.body))

    def write_source_and_pdf(self, stem: str, source: str) -> None:
        """Write ``<stem>.typ`` next to ``sphinxcv.typ`` and the images, and compile it; Typst's errors (a
        standard's rule broken, a font missing) are the build's."""
        import typst  # the compiler, in its wheel (about 30 MB): imported when a PDF is made

        outdir = Path(self.outdir)
        shutil.copyfile(SUPPORT, outdir / SUPPORT.name)
        for image, name in self.images.items():
            (outdir / "_images").mkdir(exist_ok=True)
            shutil.copyfile(Path(self.srcdir, image), outdir / "_images" / name)
        target = outdir / f"{stem}.typ"
        target.write_text(source, encoding="utf-8")
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        options: dict[str, Any] = {"timestamp": int(epoch)} if epoch and epoch.isdigit() else {}
        pdf, at = str(outdir / f"{stem}.pdf"), f"{target}:"  # a path for Sphinx, which takes a name for a page
        try:
            _pdf, warnings = typst.compile_with_warnings(
                str(target), output=pdf, root=str(outdir), pdf_standards=PDF_STANDARDS, **options
            )
        except typst.TypstError as error:
            hints = "".join(f"; {hint}" for hint in error.hints)
            logger.error(
                "Typst could not make the PDF: %s%s", error.message, hints, location=at, type="cv", subtype="typst"
            )
            return
        for warning in warnings:  # a font that is not installed
            logger.warning("Typst: %s", warning.message, location=at, type="cv", subtype="typst")


def document_settings(cv: CvSettings, title: str, words: list[str]) -> str:
    """The document's title, author, subject, keywords (``words``) and language (PDF/UA asks for the first and the
    last)."""
    language, _sep, region = cv.script.tag.partition("-")
    region_argument = f", region: {string_literal(region)}" if region else ""
    keywords = "".join(f"{string_literal(word)}, " for word in words)
    return (
        f"#set document(title: {string_literal(title)}, author: {string_literal(cv.name or cv.title)}, "
        f"description: {string_literal(str(_('Curriculum Vitae')))}, keywords: ({keywords}))\n"
        f"#set text(lang: {string_literal(language.lower())}{region_argument})\n"
    )


def preamble(cv: CvSettings, dated: bool) -> str:
    """``sphinxcv.typ``'s parts, set in the design; the page, with the footer in the CV's language (``dated``: with
    the date of the last change)."""
    footer = markup_text(cv.name)
    if cv.last_updated and dated:
        updated = display_date(cv.last_updated, date_words(cv.language))
        footer += " • " + markup_text(str(_("Updated %(date)s")) % {"date": updated})
    page_of = "".join(
        f"#{part}" if placeholder else markup_text(part) for part, placeholder in message_parts(str(_(PAGE_OF)))
    )
    return (
        '#import "sphinxcv.typ"\n'
        "#let cv-entry = sphinxcv.entry.with(design)\n"
        "#let cv-line = sphinxcv.cv-line.with(design)\n"
        f"#show: sphinxcv.cv-page.with(design, footer-left: [{footer}], page-of: (page, pages) => [{page_of}])\n"
    )


def masthead(cv: CvSettings, name: str) -> str:
    """The call that heads the first page: ``name`` (a content block) over the contact line."""
    items = [
        f"link({string_literal(item.url)})[{markup_text(item.label)}]" if item.url else f"[{markup_text(item.label)}]"
        for item in cv.contact
    ]
    contact = f"({' + [ • ] + '.join(items)})" if items else "none"
    return f"#sphinxcv.masthead(design, {name}, {contact})"


def attachments(builder: Builder) -> str:
    """The CV as JSON Resume (``resume.json``, as ``nox -s json`` writes it) and the ``.bib`` files as they are,
    written into ``_attachments`` beside the Typst file and attached to the PDF: a reader or a recruiter's parser
    takes the data out of the PDF itself."""
    pages = PageTexts()
    for docname in sorted(builder.env.found_docs):
        pages.read(docname, builder.env.get_and_resolve_doctree(docname, builder, tags=builder.tags), builder.env)
    folder = Path(builder.outdir, "_attachments")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    (folder / "resume.json").write_text(resume_json(builder, pages), encoding="utf-8")
    files = [("resume.json", "resume.json", "application/json", "data", "The CV as JSON Resume")]
    for index, path in enumerate(bib_files(builder.env)):
        (folder / str(index)).mkdir()
        shutil.copyfile(path, folder / str(index) / path.name)
        files.append((f"{index}/{path.name}", path.name, "application/x-bibtex", "source", "The publications, BibTeX"))
    return "".join(
        f"#pdf.attach({string_literal(name)}, read({string_literal('_attachments/' + source)}, encoding: none), "
        f"relationship: {string_literal(kind)}, mime-type: {string_literal(mime)}, "
        f"description: {string_literal(description)})\n"
        for source, name, mime, kind, description in files
    )
