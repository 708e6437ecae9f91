"""The CV as JSON Resume: the ``jsonresume`` builder and the mapping of records to the schema."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .builder import JsonResumeBuilder

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_jsonresume(app: Sphinx) -> None:
    """Register the builder."""
    app.add_builder(JsonResumeBuilder)
