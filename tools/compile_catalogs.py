"""Write each message catalog's ``.mo`` from its ``.po`` (the extension ships both)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES = Path(__file__).resolve().parents[1] / "docs" / "_ext" / "sphinx_cv" / "locales"
#: The date in each .mo's header: not the time this ran, so that the files change only with the .po.
DATE = datetime(2026, 1, 1, tzinfo=UTC)


def compiled(po: Path) -> bytes:
    """The ``.mo`` of ``po``."""
    with po.open("rb") as source:
        catalog = read_po(source)
    catalog.creation_date = catalog.revision_date = DATE
    output = io.BytesIO()
    write_mo(output, catalog)
    return output.getvalue()


if __name__ == "__main__":
    for po in sorted(LOCALES.glob("*/LC_MESSAGES/*.po")):
        po.with_suffix(".mo").write_bytes(compiled(po))
        print(po.with_suffix(".mo").relative_to(LOCALES))
