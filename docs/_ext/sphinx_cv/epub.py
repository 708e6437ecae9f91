"""EPUB metadata from ``cv_name`` wherever ``conf.py`` leaves Sphinx's placeholder ``unknown``.

epubcheck rejects an EPUB whose identifier, description or contributor say
``unknown``; a CV has a natural value for each. The identifier is a UUID derived
from the name, so it stays the same from one build to the next.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

PLACEHOLDER = "unknown"  # Sphinx's default for these values


def apply_epub_defaults(app: Sphinx, config: Config) -> None:
    """Fill the EPUB's identifier, description, contributor and rights from ``cv_name``."""
    name = config.cv_name.strip()
    if not name:
        return
    identifier = f"uuid-{uuid.uuid5(uuid.NAMESPACE_URL, 'sphinx-cv:' + name)}"
    defaults = {
        # Sphinx writes epub_uid as the OPF's unique-identifier and as the NCX's dtb:uid, which
        # epubcheck wants equal to the identifier itself: one value for both, an XML name without colons.
        "epub_identifier": identifier,
        "epub_uid": identifier,
        "epub_scheme": "uuid",
        "epub_description": f"Curriculum vitae of {name}",
        "epub_contributor": name,
    }
    for key, value in defaults.items():
        if getattr(config, key, None) in {PLACEHOLDER, None}:
            setattr(config, key, value)
    if not config.epub_copyright:
        config.epub_copyright = name
