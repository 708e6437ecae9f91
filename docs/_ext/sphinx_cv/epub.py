"""EPUB metadata from ``cv_name`` (the values ``sphinx_defaults.py`` sets where ``conf.py`` leaves them unset), the
MathML that pages hold declared, and reproducible EPUB files.

epubcheck rejects an EPUB whose identifier, description or contributor say
``unknown`` (Sphinx's defaults); a CV has a natural value for each. The identifier
is a UUID derived from the name, so it stays the same from one build to the next.
"""

from __future__ import annotations

import html
import re
import uuid
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from .lastupdated import source_date_epoch
from .settings import settings
from .translations import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


#: Left in the output folder by the last build: Sphinx's EPUB builder skips its .buildinfo, not the copy it keeps of
#: it when a setting changed, and would pack that (and warn, which fails -W).
NOT_IN_THE_EPUB = [".buildinfo.bak"]


def epub_metadata(config: Config) -> dict[str, str]:
    """The EPUB's file name and language, and its identifier, description and contributor from ``cv_name``."""
    cv = settings(config)
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


#: A page's item in content.opf, as Sphinx's EPUB 3 template writes it.
_PAGE_ITEM = re.compile(r'<item id="[^"]+" href="(?P<href>[^"]+)" media-type="application/xhtml\+xml" />')


def declare_mathml(outdir: Path) -> None:
    """Give each page of content.opf that holds MathML (a publication's formula) the ``mathml`` property, which
    EPUB 3 requires and Sphinx's template does not write."""
    opf = outdir / "content.opf"

    def declared(item: re.Match[str]) -> str:
        page = outdir / unquote(html.unescape(item["href"]))
        if page.is_file() and "<math " in page.read_text(encoding="utf-8"):
            return item[0].replace(" />", ' properties="mathml" />')
        return item[0]

    opf.write_text(_PAGE_ITEM.sub(declared, opf.read_text(encoding="utf-8")), encoding="utf-8")


def fix_epub_timestamps(app: Sphinx, exception: Exception | None) -> None:
    """With ``SOURCE_DATE_EPOCH`` set, give every file in the EPUB that date, so that builds are byte-identical.

    Sphinx zips the EPUB with each file's modification time, which is the build's.
    """
    epoch = source_date_epoch()
    if exception is not None or app.builder.name != "epub" or epoch is None:
        return
    stamp = datetime.fromtimestamp(max(epoch, 315532800), tz=UTC).timetuple()[:6]  # zip dates start in 1980
    path = Path(app.outdir, f"{app.config.epub_basename}.epub")
    with zipfile.ZipFile(path) as original:
        files = [(info, original.read(info)) for info in original.infolist()]
    with zipfile.ZipFile(path, "w") as rewritten:
        for info, data in files:
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type, fixed.external_attr = info.compress_type, info.external_attr
            rewritten.writestr(fixed, data)


def setup_epub(app: Sphinx) -> None:
    """Date the EPUB's files from ``SOURCE_DATE_EPOCH``."""
    app.connect("build-finished", fix_epub_timestamps)
