"""Shared fixtures: sphinx.testing roots under tests/roots, and the external tools the tests use."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures",)

TESTS = Path(__file__).parent
REPO = TESTS.parent
#: The folder that holds the ``sphinx_cv`` package.
EXTENSION = REPO / "docs" / "_ext"
sys.path.insert(0, str(EXTENSION))
#: Debian's epubcheck, run as ``java -jar``.
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")
#: As ``nox -s pdf`` runs it (noxfile.py): Sphinx's latexmkrc runs the engine of ``latex_engine``.
LATEXMK = ["latexmk", "-r", "latexmkrc", "-pdf", "-dvi-", "-ps-", "-interaction=nonstopmode", "-halt-on-error"]
sys.path.insert(0, str(TESTS))


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return TESTS / "roots"


def copy_cv(root: Path) -> Path:
    """A copy of the real CV (docs/ and refs.bib) under ``root``, so that builds leave the tree alone."""
    shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns("_build", "__pycache__"))
    shutil.copyfile(REPO / "refs.bib", root / "refs.bib")
    return root / "docs"


def build(srcdir: Path, builder: str, **options: object) -> Path:
    """Build ``srcdir`` with ``builder`` as the project's own build does (-W); return the output folder."""
    app = SphinxTestApp(
        builder,
        srcdir=srcdir,
        builddir=srcdir / "_build" / builder,
        freshenv=True,
        warningiserror=True,
        status=StringIO(),
        **options,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app.outdir


@pytest.fixture(scope="module")
def serve():
    """Serve folders on free localhost ports for the duration of a test: ``serve(folder) -> base URL``."""
    servers = []

    def start(folder: Path) -> str:
        handler = partial(QuietHandler, directory=str(folder))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    """A static file server that does not log every request to stderr."""

    def log_message(self, format: str, *args: object) -> None:
        pass


def in_ci() -> bool:
    """True in CI (``.ci/run`` sets ``CI``), where every tool is installed and no test may skip."""
    return bool(os.environ.get("CI"))


def require_tool(*names: str, hint: str = "install the Debian packages of .ci/apt-packages") -> None:
    """Skip when a tool is missing on a developer's machine; fail in CI, where .ci/run installs it."""
    missing = [name for name in names if shutil.which(name) is None]
    if missing:
        message = f"missing {', '.join(missing)}: {hint}"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI, a skipped test fails the run: every test must have run (the browser and PDF tests too)."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if in_ci() and skipped and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus: int) -> None:
    """Say in CI that every test ran, or which did not."""
    if not in_ci():
        return
    skipped = terminalreporter.stats.get("skipped", [])
    ran = len(terminalreporter.stats.get("passed", []))
    if skipped:
        terminalreporter.write_line(f"CI: {len(skipped)} test(s) skipped, which fails the run:", red=True)
        for report in skipped:
            terminalreporter.write_line(f"  {report.nodeid}: {report.longrepr[-1] if report.longrepr else ''}")
    else:
        terminalreporter.write_line(f"CI: all {ran} tests ran, none skipped", green=True)


def compile_pdf(outdir: Path, texname: str) -> Path:
    """Compile ``texname`` in a LaTeX build folder with latexmk and xelatex, as ``nox -s pdf`` does."""
    require_tool("latexmk", "xelatex")
    result = subprocess.run([*LATEXMK, texname], cwd=outdir, capture_output=True, text=True, check=False)
    pdf = outdir / Path(texname).with_suffix(".pdf")
    assert result.returncode == 0 and pdf.exists(), result.stdout[-3000:]
    return pdf


def pdf_text(pdf: Path, *, layout: bool = False) -> str:
    """The PDF's text as poppler's pdftotext gives it: in reading order, or laid out as on the page."""
    require_tool("pdftotext")
    command = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout
