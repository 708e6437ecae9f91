"""``cv-timeline :collect:``: the overview of the whole CV, right under -j and incremental builds."""

from __future__ import annotations

import os
import re
import shutil

import pytest
from sphinx_cv import nodes as cv


def _overview(html: str) -> list[str]:
    """Titles of the collected timeline, in order."""
    timeline = html[html.index("cv-timeline-collected") : html.index("</ol>")]
    return re.findall(r'<h2 class="cv-entry-title"><a class="reference internal" href="[^"]+">(.*?)</a></h2>', timeline)


def _main(html: str) -> str:
    return html[html.index('<div class="body"') : html.index('<div class="sphinxsidebar"')]


@pytest.mark.sphinx("html", testroot="collect", freshenv=True)
def test_collects_tagged_entries_of_every_page(app, warning) -> None:
    app.build()
    assert warning.getvalue() == ""
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert _overview(html) == ["Engineer", "PhD", "Volunteer"]
    assert 'href="work.html#cv-Engineer"' in html
    assert 'href="study.html#cv-PhD"' in html
    overview = html[html.index("cv-timeline-collected") : html.index("</ol>")]
    assert "Thesis on things" not in overview  # the overview shows headers, not bodies
    assert '<time datetime="2020">2020</time> – <span>Present</span>' in overview


@pytest.mark.sphinx("html", testroot="collect", freshenv=True)
def test_environment_keeps_records_not_pages(app) -> None:
    """The domain keeps plain records and bodiless headers, detached from their page's document."""
    app.build()
    recorded = [entry for entries in app.env.get_domain("cv").entries.values() for entry in entries]
    assert sorted(entry.record.title for entry in recorded) == ["Engineer", "Intern", "PhD", "Volunteer"]
    for entry in recorded:
        header = entry.header()
        assert all(node.document is None for node in header.findall())  # no page's doctree pickled along
        assert not list(header.findall(cv.cv_entry_body))
        assert header["ids"] == [] and entry.refid == f"cv-{entry.record.title}"


@pytest.mark.sphinx("latex", testroot="collect", freshenv=True)
def test_collected_in_latex(app, warning) -> None:
    app.build()
    assert warning.getvalue() == ""
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    overview = tex[: tex.index(r"\end{sphinxcvtimeline}")]
    assert re.findall(r"\\sphinxcvtitle\{.*?\{(\w+)\}\}", overview) == ["Engineer", "PhD", "Volunteer"]


def test_parallel_equals_serial(make_app, sphinx_test_tempdir, rootdir) -> None:
    pages = {}
    for parallel in (1, 2):
        srcdir = sphinx_test_tempdir / f"collect-j{parallel}"
        shutil.rmtree(srcdir, ignore_errors=True)
        shutil.copytree(rootdir / "test-collect", srcdir)
        app = make_app("html", srcdir=srcdir, freshenv=True, parallel=parallel)
        app.build()
        pages[parallel] = {
            path.name: _main(path.read_text(encoding="utf-8"))
            for path in app.outdir.glob("*.html")
            if path.name not in {"genindex.html", "search.html"}
        }
    assert pages[1] == pages[2]
    assert _overview(pages[2]["index.html"]) == ["Engineer", "PhD", "Volunteer"]


@pytest.mark.parametrize("parallel", [1, 2])
def test_incremental_rebuild_updates_overview(make_app, sphinx_test_tempdir, rootdir, parallel) -> None:
    srcdir = sphinx_test_tempdir / f"collect-incremental-{parallel}"
    shutil.rmtree(srcdir, ignore_errors=True)
    shutil.copytree(rootdir / "test-collect", srcdir)
    make_app("html", srcdir=srcdir, freshenv=True, parallel=parallel).build()

    study = srcdir / "study.md"
    study.write_text(study.read_text().replace("PhD", "DPhil").replace("2016 – 2020", "2021 – 2024"))
    extra = srcdir / "extra.md"
    extra.write_text(extra.read_text().replace(":tags: overview", ":tags: other"))
    for path in (study, extra):
        os.utime(path, (path.stat().st_atime, path.stat().st_mtime + 10))

    app = make_app("html", srcdir=srcdir, parallel=parallel)
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert _overview(html) == ["Engineer", "DPhil"]

    fresh = sphinx_test_tempdir / f"collect-fresh-{parallel}"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(srcdir, fresh, ignore=shutil.ignore_patterns("_build"))
    clean = make_app("html", srcdir=fresh, freshenv=True)
    clean.build()
    assert _main(html) == _main((clean.outdir / "index.html").read_text(encoding="utf-8"))
