"""Sphinx's EPUB 3 builder for a CV: its pages turn from right to left in a right-to-left CV, the pages that hold
MathML are declared, and its files are dated from ``SOURCE_DATE_EPOCH`` (reproducible EPUB files).

content.opf is written from Sphinx's own template, not the theme's: ``content_metadata`` and ``build_content`` are
overridden, and what that assumes of Sphinx is tested in ``tests/test_builder_seams.py``."""

from __future__ import annotations

import html
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from sphinx.builders.epub3 import Epub3Builder

from ..lastupdated import source_date_epoch
from ..settings import settings

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class CvEpub3Builder(Epub3Builder):
    """Sphinx's EPUB 3 builder, whose spine says ``page-progression-direction="rtl"`` for a right-to-left CV (Sphinx
    derives the direction from ``epub_writing_mode``, which knows only horizontal and vertical), and whose
    content.opf declares the pages that hold MathML."""

    def build_content(self) -> None:
        super().build_content()
        declare_mathml(Path(self.outdir))

    def content_metadata(self) -> dict[str, Any]:
        metadata = super().content_metadata()
        if settings(self.config).script.right_to_left:
            metadata["page_progression_direction"] = "rtl"
        return metadata


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
