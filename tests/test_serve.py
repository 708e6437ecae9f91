"""``python -m sphinx_cv_tool.serve`` (``nox -s serve``): the served website follows each save, of a page and of the
project's own modules, which each rebuild imports afresh although the server imported them before; so do the
letters' PDFs (``--letters``)."""

from __future__ import annotations

import contextlib
import inspect
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import pdf_text

if TYPE_CHECKING:
    from collections.abc import Iterator


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _page(port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=10) as response:
        return response.read().decode()


def _wait_for(port: int, text: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page = _page(port)
        if text in page:
            return page
        time.sleep(0.2)
    raise AssertionError(f"{text!r} is not on the served page after {timeout} s:\n{page}")


@contextlib.contextmanager
def _serving(srcdir: Path, *options: str) -> Iterator[int]:
    """``python -m sphinx_cv_tool.serve`` on ``srcdir``, once it serves; its port."""
    port = _free_port()
    command = [sys.executable, "-m", "sphinx_cv_tool.serve", "--port", str(port), *options]
    server = subprocess.Popen(
        [*command, str(srcdir), str(srcdir / "_build")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        for line in server.stdout:  # type: ignore[union-attr]
            if "Serving on" in line:
                break
        else:
            raise AssertionError("the server stopped before serving")
        time.sleep(0.5)  # uvicorn listening
        yield port
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


@pytest.fixture
def served(tmp_path, rootdir):
    srcdir = tmp_path / "serve"
    shutil.copytree(rootdir / "test-serve", srcdir)
    with _serving(srcdir) as port:
        yield srcdir, port


def _edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_the_served_website_follows_each_save(served) -> None:
    srcdir, port = served
    page = _page(port)
    assert "Analyst" in page and "Signed by version 1." in page
    assert "/websocket-reload" in page  # the script that reloads the page in the browser

    _edit(srcdir / "index.md", "Analyst", "Mathematician")
    assert "Analyst" not in _wait_for(port, "Mathematician")

    # conf.py imported the module in the server; the rebuild sees it as saved, not as first imported
    _edit(srcdir / "_ext" / "signature.py", "version 1", "version 2")
    time.sleep(1)  # that rebuild reads no page: the extension is no input of Sphinx's
    _edit(srcdir / "index.md", "Mathematician", "Poet")
    assert "Signed by version 2." in _wait_for(port, "Poet")


def test_the_letters_preview_shows_each_pdf_and_follows_each_save(tmp_path, rootdir) -> None:
    srcdir = tmp_path / "letters"
    shutil.copytree(rootdir / "test-letter", srcdir)
    with _serving(srcdir, "--letters") as port:
        page = _page(port)
        assert "/websocket-reload" in page  # the browser reloads it after each build
        frames = re.findall(r'<iframe src="([^"?]+)\?\d+"', page)
        assert frames == [
            "ada-lovelace-letter-acme-university.pdf",
            "ada-lovelace-research-statement.pdf",
            "ada-lovelace-teaching-statement.pdf",
        ]
        _edit(srcdir / "letters" / "acme-university.md", "Dear Professor Doe,", "Dear Dr Doe,")
        deadline = time.monotonic() + 60
        pdf = srcdir / "_build" / frames[0]
        while "Dear Dr Doe," not in pdf_text(pdf) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert "Dear Dr Doe," in pdf_text(pdf)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/{frames[0]}", timeout=10) as response:
            assert response.read().startswith(b"%PDF")


def test_the_internals_of_sphinx_autobuild_that_serve_uses_are_as_it_assumes() -> None:
    """serve.py's seam: each of sphinx-autobuild's internals it uses, with the parameters it passes."""
    from sphinx_autobuild import filter, middleware, server, utils

    assert list(inspect.signature(server.RebuildServer).parameters) == ["paths", "ignore_filter", "change_callback"]
    assert hasattr(server.RebuildServer, "lifespan")
    assert "pool.submit(self.change_callback, changed_paths=" in inspect.getsource(server.RebuildServer.watch)
    assert "ProcessPoolExecutor()" in inspect.getsource(server.RebuildServer.watch)  # the default start method
    assert list(inspect.signature(filter.IgnoreFilter).parameters) == ["regular", "regex_based"]
    assert list(inspect.signature(middleware.JavascriptInjectorMiddleware).parameters) == ["app", "ws_url"]
    assert len(inspect.signature(utils.show_message).parameters) == 1
