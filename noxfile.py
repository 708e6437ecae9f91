"""The project's commands: build the CV in each format, test, lint."""

from __future__ import annotations

import shutil
from pathlib import Path

import nox

nox.options.sessions = ["html", "pdf", "epub", "tests", "lint"]
nox.options.default_venv_backend = "venv"

ROOT = Path(__file__).parent
DOCS = ROOT / "docs"
BUILD = DOCS / "_build"
DOCTREES = BUILD / "doctrees"
SLUG = "joe-benton-cv"  # latex_documents / epub_basename in docs/conf.py
APT_LINE = "sudo apt-get install --no-install-recommends " + (ROOT / ".ci" / "apt-packages").read_text().strip()
LATEXMK = [
    "latexmk",
    "-r",
    "latexmkrc",
    "-pdfxe",
    "-interaction=nonstopmode",
    "-halt-on-error",
    "-file-line-error",
]


def sphinx_build(session: nox.Session, builder: str, *extra: str) -> Path:
    """Install the project, then build ``docs/`` with ``builder`` as the project's own build does (-W)."""
    session.install("-e", str(ROOT))
    outdir = BUILD / builder
    session.run("sphinx-build", "-W", "--keep-going", "-b", builder, "-d", str(DOCTREES / builder),
                *extra, *session.posargs, str(DOCS), str(outdir))  # fmt: skip
    return outdir


@nox.session
def html(session: nox.Session) -> None:
    """Build the website into docs/_build/html."""
    outdir = sphinx_build(session, "html")
    session.log(f"website: {outdir / 'index.html'}")


@nox.session
def pdf(session: nox.Session) -> None:
    """Build the PDF (LaTeX through latexmk and xelatex) into docs/_build/<name>-cv.pdf."""
    missing = [tool for tool in ("latexmk", "xelatex") if shutil.which(tool) is None]
    if missing:
        session.error(f"{' and '.join(missing)} not found; install TeX Live: {APT_LINE}")
    outdir = sphinx_build(session, "latex")
    with session.chdir(outdir):
        session.run(*LATEXMK, f"{SLUG}.tex", external=True, silent=True)
    target = BUILD / f"{SLUG}.pdf"
    shutil.copyfile(outdir / f"{SLUG}.pdf", target)
    session.log(f"PDF: {target}")


@nox.session
def epub(session: nox.Session) -> None:
    """Build the EPUB into docs/_build/<name>-cv.epub."""
    outdir = sphinx_build(session, "epub")
    target = BUILD / f"{SLUG}.epub"
    shutil.copyfile(outdir / f"{SLUG}.epub", target)
    session.log(f"EPUB: {target}")


@nox.session(name="all")
def all_formats(session: nox.Session) -> None:
    """Build the website, the PDF and the EPUB."""
    for build in (html, pdf, epub):
        build(session)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (builds real PDFs and EPUBs: needs the Debian packages in the README)."""
    session.install("-e", f"{ROOT}[test]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check style with ruff."""
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
