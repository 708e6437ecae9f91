"""Checks of the project as a whole: pages that would not be read."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging
from sphinx.util.matching import Matcher

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
