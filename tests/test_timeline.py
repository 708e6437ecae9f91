"""``cv-timeline``: sorting, tag filters, and the rendering of a timeline."""

from __future__ import annotations

import re

import pytest


def _sections(html: str) -> dict[str, list[str]]:
    """Section id -> entry titles in the order rendered."""
    chunks = re.split(r'<section id="([a-z]+)">', html)[1:]
    return {
        name: re.findall(r'<h3 class="cv-entry-title">(.*?)</h3>', body)
        for name, body in zip(chunks[::2], chunks[1::2], strict=True)
    }


@pytest.mark.sphinx("html", testroot="timeline", freshenv=True)
def test_sort_orders_and_tags(app, warning) -> None:
    app.build()
    assert warning.getvalue() == ""
    sections = _sections((app.outdir / "index.html").read_text(encoding="utf-8"))
    assert sections["default"] == ["Current", "Recent", "Middle", "Oldest", "Undated"]
    assert sections["oldest"] == ["Oldest", "Middle", "Recent", "Current", "Undated"]
    assert sections["source"] == ["Middle", "Current", "Oldest", "Recent", "Undated"]
    assert sections["tagged"] == ["Recent", "Middle", "Oldest"]


@pytest.mark.sphinx("html", testroot="timeline", freshenv=True)
def test_timeline_markup(app) -> None:
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert html.count('<ol class="cv-timeline" data-sort="newest-first">') == 2
    assert '<ol class="cv-timeline" data-sort="oldest-first">' in html
    assert html.count('<li class="cv-timeline-item"><article class="cv-entry') == 18


@pytest.mark.sphinx("latex", testroot="timeline", freshenv=True)
def test_latex_order(app, warning) -> None:
    app.build()
    assert warning.getvalue() == ""
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    default = tex[tex.index(r"\begin{sphinxcvtimeline}") : tex.index(r"\end{sphinxcvtimeline}")]
    assert re.findall(r"\\sphinxcvtitle\{(\w+)\}", default) == [
        "Current",
        "Recent",
        "Middle",
        "Oldest",
        "Undated",
    ]
