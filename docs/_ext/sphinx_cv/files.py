"""The project as a whole: pages that would not be read, and the files a build writes.

The PDF's and the EPUB's names follow from ``cv_name`` (``settings(config).file_stem``):
:func:`outputs` tells who drives a build (``python -m sphinx_cv_tool.build``, the tests) which
files a LaTeX or EPUB build writes, so that they need no copy of the rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging
from sphinx.util.matching import Matcher

from .letters.directive import letter_file_stem
from .settings import settings

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


def warn_about_unread_pages(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Warn about ``.rst`` files that the project does not read because its pages are MyST Markdown."""
    if ".rst" in app.config.source_suffix:
        return
    excluded = Matcher([*app.config.exclude_patterns, "**/_build/**", "**/.*"])
    for path in sorted(Path(app.srcdir).rglob("*.rst")):
        relative = path.relative_to(app.srcdir).as_posix()
        if not excluded(relative):
            logger.warning(
                "this reStructuredText file is not read: the CV's pages are MyST Markdown; rename it "
                "to .md and write its directives as :::{cv-entry} … ::: (see the README)",
                location=f"{path}:1",
                type="cv",
                subtype="source",
            )


@dataclass(frozen=True)
class Outputs:
    """The files a LaTeX or EPUB build writes into its output folder, and what to do with them."""

    #: The ``.tex`` files to compile into PDFs, or the EPUB, the PDF that Typst wrote or the Word document (names in
    #: the output folder).
    documents: tuple[str, ...]
    #: The page each of :attr:`documents` is made from (its docname; ``letters/acme-university``).
    pages: tuple[str, ...]
    #: The LaTeX engine that compiles them (``latex_engine``), or ``typst``, which has compiled the PDF, or ``docx``.
    engine: str
    #: The files the website links (``cv_download_files``), as absolute paths: who compiles a PDF puts it
    #: there when it is one of them.
    downloads: tuple[Path, ...]


def outputs(app: Sphinx) -> Outputs:
    """What ``app``'s build writes: its ``.tex`` files (LaTeX), its EPUB, its PDF (Typst) or its Word document; no
    document for other builders.

    In :mod:`sphinx_cv.api` (``python -m sphinx_cv_tool.build`` uses it).
    """
    documents: list[str] = []
    pages: list[str] = []
    if app.builder.format == "latex":
        pages = [document[0] for document in app.config.latex_documents]
        documents = [document[1] for document in app.config.latex_documents]
    cv = settings(app.config)
    if app.builder.name == "epub":
        pages, documents = [app.config.root_doc], [f"{app.config.epub_basename}.epub"]
    elif app.builder.format == "docx":
        pages = list(cv.letter_pages) or [app.config.root_doc]
        documents = [f"{letter_file_stem(cv, page)}.docx" for page in cv.letter_pages] or [f"{cv.file_stem}.docx"]
    elif app.builder.format == "typst":
        pages = list(cv.letter_pages) or [app.config.root_doc]
        documents = [f"{letter_file_stem(cv, page)}.pdf" for page in cv.letter_pages] or [f"{cv.file_stem}.pdf"]
    downloads = tuple(Path(app.srcdir, name).resolve() for name in cv.download_files)
    engine = app.builder.format if app.builder.format in {"typst", "docx"} else cv.latex_engine
    return Outputs(tuple(documents), tuple(pages), engine, downloads)
