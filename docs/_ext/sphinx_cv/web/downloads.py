"""``cv-downloads``: on the website, links to the CV as PDF, EPUB and Word document; in the others, nothing.

Locally the files come from ``cv_download_files`` (paths from the source folder,
where conf.py is; ``nox -s all`` builds them before the website, or while it is built: see
:func:`expect_downloads`) and are copied next to the pages. On Read the Docs, which builds
the PDF and the EPUB itself, the links go to its download addresses instead.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar
from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx.util import logging
from sphinx.util.console import bold
from sphinx.util.docutils import SphinxDirective

from .. import nodes as cv
from ..domain import cv_domain
from ..settings import settings
from ..translations import _
from .head import WEB_BUILDERS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from docutils.nodes import Node
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

    from ..settings import CvSettings


logger = logging.getLogger(__name__)

LABELS = {".pdf": "PDF", ".epub": "EPUB", ".docx": "Word"}


class CvDownloadsDirective(SphinxDirective):
    """Where the download links go (usually under the summary on the home page)."""

    option_spec: ClassVar[OptionSpec] = {}

    def run(self) -> list[Node]:
        placeholder = cv.cv_downloads()
        self.set_source_info(placeholder)
        return [placeholder]


def _on_read_the_docs() -> bool:
    return os.environ.get("READTHEDOCS") == "True"


_BEING_BUILT: WeakKeyDictionary[Sphinx, frozenset[Path]] = WeakKeyDictionary()


def expect_downloads(app: Sphinx, paths: Iterable[Path]) -> None:
    """Have ``app``'s website link these download files, which are still being built while it is (a PDF that
    latexmk compiles); who builds them copies them next to the pages. Call it before ``app.build()``.

    In :mod:`sphinx_cv.api` (``python -m sphinx_cv_tool.build`` uses it).
    """
    _BEING_BUILT[app] = frozenset(path.resolve() for path in paths)


def _present(app: Sphinx, name: str) -> bool:
    """A download file exists here, or is being built beside the website (:func:`expect_downloads`)."""
    path = Path(app.srcdir, name)
    return path.is_file() or path.resolve() in _BEING_BUILT.get(app, frozenset())


def _available(app: Sphinx, cv_settings: CvSettings) -> list[tuple[str, str]]:
    """(label, address) of each download: Read the Docs' own, or the files that exist (or will) here."""
    if _on_read_the_docs():
        language = os.environ.get("READTHEDOCS_LANGUAGE", cv_settings.language)
        version = os.environ.get("READTHEDOCS_VERSION", "latest")
        return [
            (label, f"/_/downloads/{language}/{version}/{fmt}/") for fmt, label in (("pdf", "PDF"), ("epub", "EPUB"))
        ]
    files = [Path(app.srcdir, name) for name in cv_settings.download_files if _present(app, name)]
    return [(LABELS.get(path.suffix.lower(), path.suffix.lstrip(".").upper()), path.name) for path in files]


def _say_what_is_missing(app: Sphinx, names: tuple[str, ...]) -> None:
    """Say in the log why a download link is missing, and how to get it (a website built alone has none)."""
    for name in names:
        path = Path(app.srcdir, name)
        if not _present(app, name):
            label = LABELS.get(path.suffix.lower(), path.suffix.lstrip(".").upper())
            logger.info(
                bold("cv-downloads: ") + "no link to the %s: %s is not built; `nox -s all` builds the PDF, the EPUB "
                "and the Word CV before the website (or run `nox -s pdf`, `nox -s epub` or `nox -s docx` first)",
                label,
                path.relative_to(app.srcdir) if path.is_relative_to(app.srcdir) else path,
            )


def fill_downloads(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace each ``cv-downloads`` placeholder by its links on the website; drop it elsewhere."""
    cv_settings = settings(app.config)
    for placeholder in list(doctree.findall(cv.cv_downloads)):
        links = _available(app, cv_settings) if app.builder.name in WEB_BUILDERS else []
        if app.builder.name in WEB_BUILDERS and not _on_read_the_docs():
            _say_what_is_missing(app, cv_settings.download_files)
        if not links:
            placeholder.parent.remove(placeholder)
            continue
        paragraph = nodes.paragraph("", "", nodes.Text(f"{_('Download this CV:')} "), classes=["cv-downloads"])
        for index, (label, address) in enumerate(links):
            if index:
                paragraph += nodes.Text(" · ")
            paragraph += nodes.reference(label, label, refuri=address)
        placeholder.replace_self(paragraph)


def pages_with_new_downloads(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The pages whose download links change: a PDF or an EPUB appeared or went since the last build.

    A link names its file and nothing else of it, so a rebuilt PDF changes no page (its copy
    next to the pages is refreshed at the end of every build). Not a dependency of the page:
    a dependency on a file that does not exist yet makes the page outdated on every build.
    """
    domain = cv_domain(env)
    files = {name: _present(app, name) for name in settings(app.config).download_files}
    return sorted(domain.downloaders) if domain.changed_since(app.builder.name, "downloads", files) else []


def copy_downloads(app: Sphinx, exception: Exception | None) -> None:
    """Put the download files next to the website's pages (those pending are put there by who builds them)."""
    if exception is not None or app.builder.name not in WEB_BUILDERS or _on_read_the_docs():
        return
    for name in settings(app.config).download_files:
        path = Path(app.srcdir, name)
        if path.is_file():
            shutil.copyfile(path, Path(app.outdir, path.name))
