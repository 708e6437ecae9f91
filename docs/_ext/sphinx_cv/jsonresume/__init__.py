"""The CV as JSON Resume: the ``jsonresume`` builder and the mapping of records to the schema."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..config import set_in_conf_py
from .builder import JsonResumeBuilder

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def _keep_quotes(app: Sphinx, config: Config) -> None:
    """Data keeps its quotes as written: no typographic quotes in JSON (as Sphinx does for text and man pages)."""
    if not set_in_conf_py(config, "smartquotes_excludes"):
        excludes = dict(config.smartquotes_excludes)
        config.smartquotes_excludes = {**excludes, "builders": [*excludes.get("builders", []), JsonResumeBuilder.name]}


def setup_jsonresume(app: Sphinx) -> None:
    """Register the builder."""
    app.add_builder(JsonResumeBuilder)
    app.connect("config-inited", _keep_quotes)
