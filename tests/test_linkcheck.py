"""``nox -s linkcheck`` runs Sphinx's linkcheck builder; here against a small site served on localhost."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def local_site(tmp_path, serve) -> str:
    """A site with one page, served on localhost."""
    (tmp_path / "ok.html").write_text("<html><body>ok</body></html>")
    return serve(tmp_path).removeprefix("http://")


def test_linkcheck_finds_the_broken_entry_link(make_app, sphinx_test_tempdir, rootdir, local_site) -> None:
    srcdir = sphinx_test_tempdir / "linkcheck"
    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text((rootdir / "test-linkcheck" / "conf.py").read_text())
    index = (rootdir / "test-linkcheck" / "index.md").read_text().replace("127.0.0.1:PORT", local_site)
    (srcdir / "index.md").write_text(index)
    app = make_app("linkcheck", srcdir=srcdir, freshenv=True)
    app.build()
    results = {
        row["uri"]: row["status"] for row in map(json.loads, (app.outdir / "output.json").read_text().splitlines())
    }
    assert results == {
        f"http://{local_site}/ok.html": "working",
        f"http://{local_site}/missing.html": "broken",
    }
