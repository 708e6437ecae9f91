"""The project's commands: build the CV in each format, test, lint."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import nox

nox.options.sessions = ["html", "pdf", "epub", "tests", "lint"]
nox.options.default_venv_backend = "venv"

ROOT = Path(__file__).parent
DOCS = ROOT / "docs"
BUILD = DOCS / "_build"
DOCTREES = BUILD / "doctrees"
#: Where a LaTeX or EPUB build lists the files it wrote (sphinx_cv/project.py): their names follow cv_name.
OUTPUTS_FILE = "cv-outputs.json"
APT_LINE = "sudo apt-get install --no-install-recommends " + (ROOT / ".ci" / "apt-packages").read_text().strip()
#: requires-python in pyproject.toml; Sphinx 9.1 and newer need 3.12.
PYTHONS = ["3.11", "3.12", "3.13"]


def interpreters() -> list[nox.param]:
    """Each supported Python found here, installed by pyenv (activated or not) or on PATH; named by version.

    pyenv's own installs come first: its shims on PATH exist for every version but run only the
    activated ones. When none is found, one ``none-found`` parameter makes the session fail.
    """
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    found = []
    for version in PYTHONS:
        installed = sorted(pyenv.glob(f"{version}.*/bin/python{version}"))
        on_path = shutil.which(f"python{version}")
        path = str(installed[-1]) if installed else on_path
        if path and "/shims/" not in path:
            found.append(nox.param(path, id=version))
    return found or [nox.param(None, id="none-found")]


#: As Sphinx's own LaTeX Makefile (and Read the Docs) run it: Sphinx's latexmkrc runs the engine of ``latex_engine``.
LATEXMK = [
    "latexmk",
    "-r",
    "latexmkrc",
    "-pdf",
    "-dvi-",
    "-ps-",
    "-interaction=nonstopmode",
    "-halt-on-error",
    "-file-line-error",
]


def sphinx_build(session: nox.Session, builder: str) -> Path:
    """Install the project, then build ``docs/`` with ``builder`` as the project's own build does (-W).

    Among the arguments after ``--``, ``--theme NAME`` picks the website's theme (furo, pydata) and
    ``--variant NAME`` builds a variant (short) into its own folders; the others go to sphinx-build.
    """
    session.install("-e", str(ROOT))
    args, env = list(session.posargs), {}
    for option, variable in (("--theme", "CV_THEME"), ("--variant", "CV_VARIANT")):
        if option in args[:-1]:
            at = args.index(option)
            env[variable] = args[at + 1]
            del args[at : at + 2]
    suffix = f"-{env['CV_VARIANT']}" if "CV_VARIANT" in env else ""
    outdir = BUILD / f"{builder}{suffix}"
    session.run(
        "sphinx-build",
        "-W",
        "--keep-going",
        "-b",
        builder,
        "-d",
        str(DOCTREES / f"{builder}{suffix}"),
        *args,
        str(DOCS),
        str(outdir),
        env=env,
    )
    return outdir


def documents(outdir: Path) -> list[str]:
    """The files that the build in ``outdir`` wrote: its .tex files (one per PDF), or its EPUB."""
    return json.loads((outdir / OUTPUTS_FILE).read_text(encoding="utf-8"))["documents"]


@nox.session
def html(session: nox.Session) -> None:
    """Build the website into docs/_build/html."""
    outdir = sphinx_build(session, "html")
    session.log(f"website: {outdir / 'index.html'}")


@nox.session
def pdf(session: nox.Session) -> None:
    """Build the PDF (LaTeX through latexmk) into docs/_build/<your-name>-cv.pdf."""
    missing = [tool for tool in ("latexmk", "xelatex") if shutil.which(tool) is None]
    if missing:
        session.error(f"{' and '.join(missing)} not found; install TeX Live: {APT_LINE}")
    outdir = sphinx_build(session, "latex")
    for tex in documents(outdir):
        with session.chdir(outdir):
            session.run(*LATEXMK, tex, external=True, silent=True)
        target = BUILD / Path(tex).with_suffix(".pdf").name
        shutil.copyfile(outdir / target.name, target)
        session.log(f"PDF: {target}")


@nox.session
def epub(session: nox.Session) -> None:
    """Build the EPUB into docs/_build/<your-name>-cv.epub."""
    outdir = sphinx_build(session, "epub")
    for name in documents(outdir):
        target = BUILD / name
        shutil.copyfile(outdir / name, target)
        session.log(f"EPUB: {target}")


@nox.session(name="json")
def json_resume(session: nox.Session) -> None:
    """Write the CV as JSON Resume into docs/_build/jsonresume/resume.json."""
    outdir = sphinx_build(session, "jsonresume")
    session.log(f"JSON Resume: {outdir / 'resume.json'}")


@nox.session(name="all")
def all_formats(session: nox.Session) -> None:
    """Build the PDF, the EPUB, then the website that links to both."""
    for build in (pdf, epub, html):
        build(session)


@nox.session
def new(session: nox.Session) -> None:
    """Replace the example CV by a starter CV for you: nox -s new -- "Ada Lovelace"."""
    if not session.posargs:
        session.error('give your name: nox -s new -- "Ada Lovelace"')
    session.install("-e", str(ROOT))
    session.run("python", "-m", "sphinx_cv", "new", *session.posargs, "--root", str(ROOT))


@nox.session(name="import")
def import_cv(session: nox.Session) -> None:
    """Replace the example CV by yours from JSON Resume or RenderCV: nox -s import -- resume.json."""
    if not session.posargs:
        session.error("give the file to import: nox -s import -- resume.json (or cv.yaml from RenderCV)")
    session.install("-e", f"{ROOT}[import]")
    session.run("python", "-m", "sphinx_cv", "import", *session.posargs, "--root", str(ROOT))


@nox.session
@nox.parametrize("python", interpreters())
def tests(session: nox.Session) -> None:
    """Run the test suite on every supported Python present (it builds and checks real PDFs and EPUBs)."""
    if session.python is None:
        session.error(f"no supported Python found (one of {', '.join(PYTHONS)}): install one, e.g. with pyenv")
    session.install("-e", f"{ROOT}[test]")
    # One worker per core, each taking whole test files (their module fixtures build a CV once); -n 0 for one.
    session.run("pytest", "-n", "auto", "--dist", "loadfile", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Time and measure the builds against plain Sphinx; write benchmarks/RESULTS.md (not part of the tests)."""
    session.install("-e", str(ROOT), "matplotlib")
    session.chdir(ROOT / "benchmarks")
    session.run("python", "run.py", *session.posargs)


@nox.session
def serve(session: nox.Session) -> None:
    """Live preview at http://127.0.0.1:8000 that rebuilds when a page, refs.bib or the extension changes."""
    session.install("-e", str(ROOT), "sphinx-autobuild")
    session.run(
        "sphinx-autobuild",
        "--port",
        "8000",
        "--watch",
        str(ROOT / "refs.bib"),
        "--watch",
        str(DOCS / "_ext"),
        "--ignore",
        str(BUILD),
        *session.posargs,
        str(DOCS),
        str(BUILD / "serve"),
    )


@nox.session
def linkcheck(session: nox.Session) -> None:
    """Check every link of the CV with Sphinx's linkcheck builder (needs the internet)."""
    sphinx_build(session, "linkcheck")


@nox.session
def lint(session: nox.Session) -> None:
    """Check style with ruff."""
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
