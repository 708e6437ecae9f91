"""The extension's own words in the CV's language: a gettext catalog per language in ``locales/``.

``_`` translates lazily into Sphinx's ``language`` (``sphinx.locale.get_translation``); the
catalogs are registered with ``app.add_message_catalog``. ``tools/compile_catalogs.py`` writes
each ``.mo`` from its ``.po``; ``tests/test_translations.py`` checks that every shipped language has
every message, with the same placeholders, and that each ``.mo`` is up to date.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation

if TYPE_CHECKING:
    from sphinx.application import Sphinx

CATALOG = "sphinx_cv"
LOCALES = Path(__file__).with_name("locales")

_ = get_translation(CATALOG)


def setup_translations(app: Sphinx) -> None:
    """Register the catalogs, so that ``_`` speaks the CV's language."""
    app.add_message_catalog(CATALOG, str(LOCALES))
