"""Shared fixtures: sphinx.testing roots under tests/roots, copies of the CV, and the external tools the tests use.

The extension's own tests build the small projects of ``tests/roots``. The tests of the CV in
``docs/`` hold for anybody's CV; the seed's own facts (``tests/test_seed.py``, marked ``seed``)
are checked only while ``docs/`` holds the seed's CV, the example this project ships.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
import sphinx.locale
from hypothesis import settings
from pypdf import PdfReader
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures",)

TESTS = Path(__file__).parent
REPO = TESTS.parent
#: The folder that holds the ``sphinx_cv`` package.
EXTENSION = REPO / "docs" / "_ext"
sys.path.insert(0, str(EXTENSION))
#: CVs written with JSON Resume and RenderCV (see its README).
IMPORTS = TESTS / "data" / "imports"
#: JSON Resume's schema (npm @jsonresume/schema 1.3.1), as the importer ships it.
JSON_RESUME_SCHEMA = json.loads((EXTENSION / "sphinx_cv_tool" / "sources" / "jsonresume-schema.json").read_text())
#: Debian's epubcheck, run as ``java -jar``.
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")

from sphinx_cv.confpy import assignment  # noqa: E402
from sphinx_cv.files import Outputs  # noqa: E402  (docs/_ext is on the path now)
from sphinx_cv.files import outputs as outputs_of  # noqa: E402
from sphinx_cv_tool.build import latexmk_command  # noqa: E402

# No property test is timed: how long one example takes depends on what else the machine runs (nox -s bench times).
settings.register_profile("sphinx-cv", deadline=None)
settings.load_profile("sphinx-cv")


#: A SOURCE_DATE_EPOCH for reproducible builds: 2026-01-01.
EPOCH = "1767225600"
#: The marks that pdftotext puts around right-to-left and left-to-right runs.
BIDI_MARKS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return TESTS / "roots"


@pytest.fixture
def forget_catalogs() -> Iterator[None]:
    """Sphinx keeps the catalogs of a language it loaded for the process; SphinxTestApp forgets them when it
    cleans up, a build through ``sphinx_cv_tool.build.main`` does not: forget them, so that the next test's language
    is not its fallback."""
    yield
    sphinx.locale.translators.clear()


def conf_value(conf: Path, name: str) -> object:
    """A value that ``conf`` (a conf.py) sets, read without running it (as the tool reads it)."""
    statement = assignment(conf.read_text(encoding="utf-8"), name)
    return ast.literal_eval(statement.value) if isinstance(statement, (ast.Assign, ast.AnnAssign)) else None


#: The seed's CV is in docs/ (not yet replaced by ``nox -s new`` or ``nox -s import``).
SEED_IN_DOCS = (
    conf_value(REPO / "docs" / "conf.py", "cv_name")
    == ((TESTS / "data" / "seed-cv.txt").read_text(encoding="utf-8").strip().splitlines()[0])
)


#: The Python on which the corpus is built in every format (``corpus`` tests; the other Pythons build its HTML).
CORPUS_PYTHON = (3, 11)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the seed's own facts when docs/ holds another CV (they are not that CV's facts), and the corpus's
    PDFs and EPUBs on all Pythons but one."""
    left_out = set() if SEED_IN_DOCS else {"seed"}
    if sys.version_info[:2] != CORPUS_PYTHON:
        left_out.add("corpus")
    deselected = [item for item in items if any(item.get_closest_marker(marker) for marker in left_out)]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if item not in deselected]


def copy_cv(root: Path) -> Path:
    """A copy of the real CV (docs/ and refs.bib) under ``root``, so that builds leave the tree alone."""
    shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns("_build", "__pycache__"))
    shutil.copyfile(REPO / "refs.bib", root / "refs.bib")
    return root / "docs"


def copy_root(rootdir: Path, name: str, target: Path, conf: str = "") -> Path:
    """A copy of the test root ``name`` under ``target``, with ``conf`` added at the end of its conf.py."""
    srcdir = target / name
    shutil.copytree(rootdir / name, srcdir)
    if conf:
        with (srcdir / "conf.py").open("a", encoding="utf-8") as file:
            file.write(conf)
    return srcdir


#: The CVs that every PDF and Word writer is held to: the example, a starter, an import (make_project's kinds), and
#: the German, Japanese and Hebrew test roots.
ACCEPTANCE = ["docs", "new", "jsonresume", "test-german", "test-japanese", "test-hebrew"]


def make_project(kind: str, root: Path) -> Path:
    """A copy of the project under ``root`` with the CV of ``kind`` in its docs/: the CV of ``docs/`` as it is, a
    starter CV (``new``), or an import (``jsonresume``, ``rendercv``) of a file with a non-ASCII name and
    LaTeX-special characters; return its docs/."""
    from sphinx_cv_tool.sources.jsonresume import read_json_resume
    from sphinx_cv_tool.sources.project import write_project
    from sphinx_cv_tool.sources.rendercv import read_rendercv
    from sphinx_cv_tool.sources.starter import starter

    srcdir = copy_cv(root)
    if kind == "new":
        write_project(root, starter("Ada Lovelace"), force=True)
    elif kind == "jsonresume":
        path = IMPORTS / "jsonresume-every-field.json"
        write_project(root, read_json_resume(path, path.read_text(encoding="utf-8")), force=True)
    elif kind == "rendercv":
        path = IMPORTS / "rendercv-every-entry-type.yaml"
        write_project(root, read_rendercv(path, path.read_text(encoding="utf-8")), force=True)
    return srcdir


#: What each build of :func:`build_app` wrote, as the extension says (its output folder -> ``outputs(app)``).
WRITTEN: dict[Path, Outputs] = {}


def build(srcdir: Path, builder: str, **options: object) -> Path:
    """Build ``srcdir`` with ``builder`` as the project's own build does (-W); return the output folder."""
    return build_app(srcdir, builder, **options).outdir


def build_app(srcdir: Path, builder: str, **options: object) -> SphinxTestApp:
    """Build ``srcdir`` with ``builder`` (-W); return the application, whose environment holds what it read."""
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
    # Sphinx 8.1 and newer finish a -W build and set its status, as sphinx-build does, instead of raising
    assert app.statuscode == 0, f"the {builder} build of {srcdir.name} warned:\n{app.warning.getvalue()}"
    WRITTEN[Path(app.outdir)] = outputs_of(app)
    return app


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


def _written(built: Path | SphinxTestApp) -> Outputs:
    """What a build wrote: ``built`` is its application, or the output folder of a :func:`build`."""
    return WRITTEN[Path(built)] if isinstance(built, Path) else outputs_of(built)


def latexmk(built: Path | SphinxTestApp, texname: str) -> list[str]:
    """The latexmk command of ``nox -s pdf`` (the build driver's) for ``texname``, in the engine of its build."""
    return latexmk_command(texname, _written(built).engine)


def compile_pdf(built: Path | SphinxTestApp, texname: str) -> Path:
    """Compile ``texname`` in a LaTeX build folder as ``nox -s pdf`` does (``built``: the build's application or
    the output folder of a :func:`build`)."""
    require_tool("latexmk", "xelatex")
    outdir = Path(built if isinstance(built, Path) else built.outdir)
    result = subprocess.run(latexmk(built, texname), cwd=outdir, capture_output=True, text=True, check=False)
    pdf = outdir / Path(texname).with_suffix(".pdf")
    assert result.returncode == 0 and pdf.exists(), result.stdout[-3000:]
    return pdf


def outputs(built: Path | SphinxTestApp) -> list[str]:
    """The files a LaTeX or EPUB build wrote, as the extension says (``sphinx_cv.files.outputs``)."""
    return list(_written(built).documents)


def build_pdf(srcdir: Path, **options: object) -> Path:
    """Build ``srcdir``'s LaTeX (-W) and compile its PDF, as ``nox -s pdf`` does."""
    outdir = build(srcdir, "latex", **options)
    return compile_pdf(outdir, outputs(outdir)[0])


def pdf_readings(pdf: Path) -> dict[str, str]:
    """The PDF's text as each common reader gives it with its defaults: poppler's pdftotext, pypdf, pdfminer.six,
    pdfplumber and PyMuPDF (what recruiting systems, indexers and language-model pipelines use)."""
    import pdfminer.high_level
    import pdfplumber
    import pymupdf

    with pdfplumber.open(pdf) as document:
        plumber = "\n".join(page.extract_text() for page in document.pages)
    with pymupdf.open(pdf) as document:
        mupdf = "".join(page.get_text() for page in document)
    return {
        "pdftotext": pdf_text(pdf),
        "pypdf": "\n".join(page.extract_text() for page in PdfReader(pdf).pages),
        "pdfminer.six": pdfminer.high_level.extract_text(pdf),
        "pdfplumber": plumber,
        "PyMuPDF": mupdf,
    }


def pdf_links(pdf: Path) -> tuple[list[str], list[str]]:
    """The addresses that ``pdf``'s links go to, and the named destinations of its links inside it, as a reader
    follows them."""
    uris, destinations = [], []
    for page in PdfReader(pdf).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A", {})
            if "/URI" in action:
                uris.append(str(action["/URI"]))
            elif "/D" in action:
                destinations.append(str(action["/D"]))
    return uris, destinations


def pdf_text(pdf: Path, *, layout: bool = False) -> str:
    """The PDF's text as poppler's pdftotext gives it: in reading order, or laid out as on the page."""
    require_tool("pdftotext")
    command = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout
