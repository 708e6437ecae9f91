"""The CV as JSON Resume: the ``jsonresume`` builder and the mapping of records to the schema."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..sphinx_defaults import Mode, SphinxDefault, add_sphinx_defaults
from .builder import JsonResumeBuilder

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from ..settings import CvSettings


def keep_quotes(cv: CvSettings, config: Config) -> dict[str, list[str]]:
    """Data keeps its quotes as written: no typographic quotes in JSON (as Sphinx does for text and man pages)."""
    excludes = dict(config.smartquotes_excludes)
    return {**excludes, "builders": [*excludes.get("builders", []), JsonResumeBuilder.name]}


def setup_jsonresume(app: Sphinx) -> None:
    """Register the builder."""
    add_sphinx_defaults(app, (SphinxDefault("smartquotes_excludes", Mode.UNSET, keep_quotes),))
    app.add_builder(JsonResumeBuilder)
