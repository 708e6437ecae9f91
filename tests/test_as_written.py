"""The CV's data (JSON Resume, JSON-LD) keeps the quotes, dashes and ellipses as typed, whichever builder read the
pages; the pages themselves show them typographic (Sphinx's smart quotes)."""

from __future__ import annotations

import json
import re
from html import unescape
from io import StringIO

from conftest import copy_root
from sphinx.testing.util import SphinxTestApp

#: What test-typed-quotes types, where the JSON Resume keeps it.
TYPED = {
    "summary": 'Ada\'s "first" note -- on engines...',
    "title": 'Dean\'s List -- "Summa"',
    "awarder": "St. John's College",
    "highlight": 'Awards: Dean\'s Honor List --- "twice"...',
    "section": "Prizes 'n' \"Honours\"",
    "page": {"title": 'Reviewer\'s "Venues"', "text": "NeurIPS -- ICML's reviews, 2019--2021..."},
}


def typed_in(resume: dict) -> dict:
    (award,) = resume["awards"]
    (page,) = resume["sections"]
    return {
        "summary": resume["basics"]["summary"],
        "title": award["title"],
        "awarder": award["awarder"],
        "highlight": award["summary"],
        "section": resume["meta"]["sections"]["awards"],
        "page": page,
    }


def build_in(srcdir, builddir, builder: str) -> SphinxTestApp:
    """Build with ``builder`` into ``builddir``, whose environment builders share (as ``nox -s all`` does)."""
    app = SphinxTestApp(builder, srcdir=srcdir, builddir=builddir, warningiserror=True, status=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def test_the_data_keeps_what_was_typed_and_the_pages_are_typographic(tmp_path, rootdir) -> None:
    srcdir = copy_root(rootdir, "test-typed-quotes", tmp_path)
    html = build_in(srcdir, tmp_path / "shared", "html").outdir
    # the JSON from the environment the website read equals the JSON of a build of its own
    shared = build_in(srcdir, tmp_path / "shared", "jsonresume").outdir / "resume.json"
    alone = build_in(srcdir, tmp_path / "alone", "jsonresume").outdir / "resume.json"
    assert shared.read_bytes() == alone.read_bytes()
    assert typed_in(json.loads(alone.read_text(encoding="utf-8"))) == TYPED

    page = unescape((html / "awards.html").read_text(encoding="utf-8"))
    assert "Dean’s List – “Summa”</h2>" in page and "Dean’s Honor List — “twice”…" in page
    assert '<span class="cv-entry-ref">Dean’s List – “Summa”</span>' in page  # the typed title found the entry
    assert "Reviewer’s “Venues”" in unescape((html / "venues.html").read_text(encoding="utf-8"))
    home = (html / "index.html").read_text(encoding="utf-8")
    assert "Ada’s “first” note – on engines…" in unescape(home)
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', home, flags=re.S)
    person = json.loads(script.replace("<\\/", "</"))["mainEntity"]
    assert person["description"] == TYPED["summary"]
    assert person["award"] == [f"{TYPED['title']} ({TYPED['highlight']})"]
