"""Identifiers longer than a line (a DOI, an address, an eprint) break inside the PDF's margin: no overfull box."""

from __future__ import annotations

import re

import pytest
from conftest import compile_pdf, pdf_text

#: How far past the margin a line may go, in points, before it shows.
TOLERANCE = 1.0


@pytest.mark.sphinx("latex", testroot="bib-long", freshenv=True)
def test_long_identifiers_stay_inside_the_margin(app) -> None:
    app.build()
    tex = next(app.outdir.glob("*.tex"))
    pdf = compile_pdf(app, tex.name)
    log = pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    overfull = [float(width) for width in re.findall(r"Overfull \\hbox \(([\d.]+)pt too wide\)", log)]
    assert [width for width in overfull if width > TOLERANCE] == []
    # The identifiers whole, whatever line they break at (pdftotext joins a line that ends with a hyphen).
    text = "".join(pdf_text(pdf).replace("-", "").split())
    assert "doi:10.1016/j.jcp.2024.113024.supplementarymaterialanddatasetswitharatherlongsuffix.v2.final" in text
    assert "https://academic.oup.com/mnras/articleabstract/527/3/4567/7412345/supplementary_material" in text
    assert (
        "doi:10.5281/zenodo.ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ0123" in text
    )
    assert "redirectedFrom=fulltext&token=AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGhIjKlMnOp" in text
    assert "HAL:hal0123456789thisidentifierofanarchiveislongerthananylineofacvcanhold" in text
