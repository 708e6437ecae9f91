"""The project as a whole: pages that would not be read, and the list of the files a build wrote.

The PDF's and the EPUB's names follow from ``cv_name`` (``settings(config).file_stem``):
so that ``nox`` and the tests need no copy of them, the LaTeX and EPUB builds list the files
they wrote in ``cv-outputs.json`` in their output folder.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging
from sphinx.util.matching import Matcher

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


#: In the output folder of a LaTeX or EPUB build: ``{"builder": ..., "documents": [file names], "engine": ...,
#: "downloads": [the website's download files, from the output folder]}``.
OUTPUTS_FILE = "cv-outputs.json"


def list_outputs(app: Sphinx, exception: Exception | None) -> None:
    """Write the names of the ``.tex`` files (to compile into PDFs) or of the EPUB that this build made.

    With them go the files that the website links (``cv_download_files``), so that who compiles a PDF
    knows whether to put it next to the website's pages.
    """
    if exception is not None:
        return
    if app.builder.format == "latex":
        documents = [document[1] for document in app.config.latex_documents]
    elif app.builder.name == "epub":
        documents = [f"{app.config.epub_basename}.epub"]
    else:
        return
    downloads = [os.path.relpath(Path(app.srcdir, name), app.outdir) for name in settings(app.config).download_files]
    manifest = {
        "builder": app.builder.name,
        "documents": documents,
        "engine": app.config.latex_engine,
        "downloads": downloads,
    }
    Path(app.outdir, OUTPUTS_FILE).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
