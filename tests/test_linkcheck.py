"""``nox -s linkcheck`` runs Sphinx's linkcheck builder; here against a small site served on localhost."""

from __future__ import annotations

import json

import pytest
from conftest import copy_root


@pytest.fixture
def local_site(tmp_path, serve) -> str:
    """A site with one page, served on localhost."""
    (tmp_path / "ok.html").write_text("<html><body>ok</body></html>")
    return serve(tmp_path).removeprefix("http://")


def test_linkcheck_finds_the_broken_entry_link(make_app, sphinx_test_tempdir, rootdir, local_site) -> None:
    srcdir = copy_root(rootdir, "test-linkcheck", sphinx_test_tempdir / "linkcheck")
    index = srcdir / "index.md"
    index.write_text(index.read_text().replace("127.0.0.1:PORT", local_site))  # the port is known at run time
    app = make_app("linkcheck", srcdir=srcdir, freshenv=True)
    app.build()
    results = {
        row["uri"]: row["status"] for row in map(json.loads, (app.outdir / "output.json").read_text().splitlines())
    }
    assert results == {
        f"http://{local_site}/ok.html": "working",
        f"http://{local_site}/missing.html": "broken",
    }
