"""``nox -s linkcheck`` runs Sphinx's linkcheck builder; here against a small site served on localhost."""

from __future__ import annotations

import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest


@pytest.fixture
def local_site(tmp_path):
    """A site with one page, served on a free localhost port for the duration of a test."""
    (tmp_path / "ok.html").write_text("<html><body>ok</body></html>")
    handler = partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


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
