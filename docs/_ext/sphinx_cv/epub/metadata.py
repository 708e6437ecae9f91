"""EPUB metadata from ``cv_name`` (set where ``conf.py`` leaves it unset).

epubcheck rejects an EPUB whose identifier, description or contributor say
``unknown`` (Sphinx's defaults); a CV has a natural value for each. The identifier
is a UUID derived from the name, so it stays the same from one build to the next.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from ..translations import _

if TYPE_CHECKING:
    from ..settings import CvSettings


#: Left in the output folder by the last build: Sphinx's EPUB builder skips its .buildinfo, not the copy it keeps of
#: it when a setting changed, and would pack that (and warn, which fails -W).
NOT_IN_THE_EPUB = [".buildinfo.bak"]


def epub_metadata(cv: CvSettings) -> dict[str, str]:
    """The EPUB's file name and language, and its identifier, description and contributor from ``cv_name``."""
    # Sphinx writes the language as conf.py names it (zh_CN), where the EPUB needs a BCP 47 tag (zh-CN)
    values: dict[str, str] = {"epub_basename": cv.file_stem, "epub_language": cv.script.tag}
    if cv.name:
        identifier = f"uuid-{uuid.uuid5(uuid.NAMESPACE_URL, 'sphinx-cv:' + cv.name)}"
        values.update(
            {
                # Sphinx writes epub_uid as the OPF's unique-identifier and as the NCX's dtb:uid, which
                # epubcheck wants equal to the identifier itself: one value for both, an XML name without colons.
                "epub_identifier": identifier,
                "epub_uid": identifier,
                "epub_scheme": "uuid",
                "epub_description": str(_("Curriculum vitae of %(name)s")) % {"name": cv.name},
                "epub_contributor": cv.name,
            }
        )
    return values
