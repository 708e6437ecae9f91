"""The project's commands: build the CV in each format, start or import a CV, test, lint.

Environments are kept between runs. Every install is held to ``constraints.txt``, the versions the tests last
passed with, and an environment is installed again only when ``pyproject.toml`` or its constraints changed (uv
installs where it is found, pip otherwise); on the newest Python the tests run with ``constraints-newest.txt``,
the newest releases. ``nox -s lock`` moves both to the newest versions. The CV is built by
``python -m sphinx_cv_tool.build``: the three formats in one process, each only when its sources changed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from pathlib import Path

import nox

nox.options.sessions = ["html", "pdf", "epub", "tests", "lint"]
nox.options.default_venv_backend = "uv|venv"
nox.options.reuse_venv = "yes"

ROOT = Path(__file__).parent
CONSTRAINTS = ROOT / "constraints.txt"
#: The newest releases that pyproject.toml allows (Sphinx 9.1 and on need Python 3.12), resolved on the newest
#: Python: the tests run with them there.
NEWEST = ROOT / "constraints-newest.txt"
#: What a CV project's environment holds: the extension and the website's themes.
CV = f"{ROOT}[site]"
DOCS = ROOT / "docs"
BUILD = DOCS / "_build"
APT_LINE = "sudo apt-get install --no-install-recommends " + (ROOT / ".ci" / "apt-packages").read_text().strip()
#: requires-python in pyproject.toml; Sphinx 9.1 and newer need 3.12.
PYTHONS = ["3.11", "3.12", "3.13"]


def find_python(version: str) -> str | None:
    """The interpreter of Python ``version``, installed by pyenv (activated or not) or on PATH; None if none is.

    pyenv's own installs come first: its shims on PATH exist for every version but run only the activated ones.
    """
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    installed = sorted(pyenv.glob(f"{version}.*/bin/python{version}"))
    path = str(installed[-1]) if installed else shutil.which(f"python{version}")
    return path if path and "/shims/" not in path else None


def interpreters() -> list[nox.param]:
    """Each supported Python found here: the oldest ones with ``constraints.txt`` (named by version: Sphinx 9.0),
    the newest with ``constraints-newest.txt`` (``3.13-newest``: Sphinx 9.2), so that both ends are tested and every
    Python once; when none is found, one ``none-found`` parameter makes the session fail."""
    found = []
    for version in PYTHONS:
        path = find_python(version)
        if path and version == PYTHONS[-1]:
            found.append(nox.param(path, NEWEST, id=f"{version}-newest"))
        elif path:
            found.append(nox.param(path, CONSTRAINTS, id=version))
    return found or [nox.param(None, CONSTRAINTS, id="none-found")]


def install(session: nox.Session, *requirements: str, constraints: Path = CONSTRAINTS) -> None:
    """Install ``requirements`` at the versions of ``constraints``, unless this environment has them from the same
    ``pyproject.toml`` and ``constraints`` already."""
    sources = [(ROOT / "pyproject.toml").read_bytes(), constraints.read_bytes(), *map(str.encode, requirements)]
    key = hashlib.sha256(b"\0".join(sources))
    stamp = Path(session.virtualenv.location) / ".sphinx-cv-installed"
    if stamp.is_file() and stamp.read_text() == key.hexdigest():
        return
    session.install("-c", str(constraints), *requirements)
    stamp.write_text(key.hexdigest())


def chosen_pdf_engine(arguments: list[str]) -> str:
    """The PDF's writer: ``--engine`` among the arguments, else conf.py's ``cv_pdf_engine``, as the build driver
    reads it (``typst`` needs no TeX, and the ``typst`` extra)."""
    if "--engine" in arguments[:-1]:
        return arguments[arguments.index("--engine") + 1]
    sys.path.insert(0, str(DOCS / "_ext"))
    from sphinx_cv_tool.build import pdf_engine

    return pdf_engine(DOCS, arguments)


def build_cv(session: nox.Session, formats: str, arguments: list[str] | None = None) -> None:
    """Build ``formats`` (of pdf, epub, html) into docs/_build, each only when its sources changed.

    Among the arguments after ``--``, ``--theme NAME`` picks the website's theme (furo, pydata) and
    ``--variant NAME`` builds a variant (short) into its own folders, ``--engine typst`` writes the accessible
    PDF; the others go to sphinx-build.
    ``arguments`` replace them.
    """
    arguments = session.posargs if arguments is None else arguments
    pdfs = "pdf" in formats or "letter" in formats
    typst = pdfs and chosen_pdf_engine(arguments) == "typst"
    if pdfs and not typst:
        missing = [tool for tool in ("latexmk", "xelatex") if shutil.which(tool) is None]
        if missing:
            session.error(f"{' and '.join(missing)} not found; install TeX Live: {APT_LINE}")
    word = "docx" in formats or "--docx" in arguments
    extras = ["site", *(["typst"] if typst else []), *(["docx"] if word else [])]
    install(session, "-e", f"{ROOT}[{','.join(extras)}]")
    session.run(
        "python",
        "-m",
        "sphinx_cv_tool.build",
        "--source",
        str(DOCS),
        "--input",
        str(ROOT / "refs.bib"),
        "--formats",
        formats,
        *arguments,
    )


def sphinx_build(session: nox.Session, builder: str, *options: str) -> Path:
    """Build ``docs/`` with any other Sphinx ``builder`` (-W) into docs/_build/<builder>."""
    install(session, "-e", CV)
    outdir = BUILD / builder
    session.run(
        "sphinx-build",
        "-W",
        "--keep-going",
        "-b",
        builder,
        "-d",
        str(BUILD / "doctrees" / builder),
        *options,
        *session.posargs,
        str(DOCS),
        str(outdir),
    )
    return outdir


@nox.session
def html(session: nox.Session) -> None:
    """Build the website into docs/_build/html."""
    build_cv(session, "html")


@nox.session
def pdf(session: nox.Session) -> None:
    """Build the PDF (LaTeX through latexmk; or tagged, PDF/UA-1, with -- --engine typst) into
    docs/_build/<your-name>-cv.pdf."""
    build_cv(session, "pdf")


@nox.session
def epub(session: nox.Session) -> None:
    """Build the EPUB into docs/_build/<your-name>-cv.epub."""
    build_cv(session, "epub")


@nox.session
def docx(session: nox.Session) -> None:
    """Build the CV as a Word document into docs/_build/<your-name>-cv.docx (for the portals that ask for one)."""
    build_cv(session, "docx")


@nox.session(name="all")
def all_formats(session: nox.Session) -> None:
    """Build the PDF, the EPUB, the Word CV, and the website that links to them."""
    build_cv(session, "pdf,epub,docx,html")


@nox.session
def letter(session: nox.Session) -> None:
    """Build cover letters and statements (docs/letters/NAME.md) as PDFs: nox -s letter -- NAME (default: all); as
    Word documents with -- --docx."""
    names = [arg for arg in session.posargs if arg != "--docx"]
    word = ["--docx"] if "--docx" in session.posargs else []
    build_cv(session, "letter", [*word, *(arg for name in names for arg in ("--letter", name))])


@nox.session
def translate(session: nox.Session) -> None:
    """Create or update the CV's translation into languages: nox -s translate -- de (docs/locales/de/*.po)."""
    if not session.posargs:
        session.error("give the languages: nox -s translate -- de (then nox -s all -- --language de)")
    install(session, "-e", f"{ROOT}[site,translate]")
    templates = BUILD / "gettext"
    session.run(
        "sphinx-build",
        "-W",
        "--keep-going",
        "-q",
        "-b",
        "gettext",
        "-d",
        str(BUILD / "doctrees" / "gettext"),
        str(DOCS),
        str(templates),
    )
    languages = [f"--language={language}" for language in session.posargs]
    session.run("sphinx-intl", "update", "--pot-dir", str(templates), "--locale-dir", str(DOCS / "locales"), *languages)
    session.log(
        f"Fill in the msgstr lines of docs/locales/{session.posargs[0]}/LC_MESSAGES/*.po, "
        f"then build: nox -s all -- --language {session.posargs[0]}"
    )


@nox.session(name="json")
def json_resume(session: nox.Session) -> None:
    """Write the CV as JSON Resume into docs/_build/jsonresume/resume.json."""
    outdir = sphinx_build(session, "jsonresume")
    session.log(f"JSON Resume: {outdir / 'resume.json'}")


@nox.session
def new(session: nox.Session) -> None:
    """Replace the example CV by a starter CV for you: nox -s new -- "Ada Lovelace"."""
    if not session.posargs:
        session.error('give your name: nox -s new -- "Ada Lovelace"')
    install(session, "-e", str(ROOT))
    session.run("python", "-m", "sphinx_cv_tool", "new", *session.posargs, "--root", str(ROOT))


@nox.session(name="import")
def import_cv(session: nox.Session) -> None:
    """Replace the example CV by yours from JSON Resume or RenderCV: nox -s import -- resume.json."""
    if not session.posargs:
        session.error("give the file to import: nox -s import -- resume.json (or cv.yaml from RenderCV)")
    install(session, "-e", f"{ROOT}[import]")
    session.run("python", "-m", "sphinx_cv_tool", "import", *session.posargs, "--root", str(ROOT))


@nox.session
@nox.parametrize(("python", "constraints"), interpreters())
def tests(session: nox.Session, constraints: Path) -> None:
    """Run the test suite on every supported Python present, the newest with the newest releases (it builds and
    checks real PDFs and EPUBs)."""
    if session.python is None:
        session.error(f"no supported Python found (one of {', '.join(PYTHONS)}): install one, e.g. with pyenv")
    install(session, "-e", f"{ROOT}[site,test]", constraints=constraints)
    # One worker per core, each taking whole test files (their module fixtures build a CV once); -n 0 for one.
    session.run("pytest", "-n", "auto", "--dist", "loadfile", *session.posargs)


@nox.session
def fuzz(session: nox.Session) -> None:
    """Import many hostile CV files and build a tenth of them in every format: nox -s fuzz -- 2000 (default 1000)."""
    install(session, "-e", f"{ROOT}[site,test]")
    examples = session.posargs[0] if session.posargs else "1000"
    session.run("pytest", "-n", "auto", "tests/test_hostile.py", env={"HYPOTHESIS_EXAMPLES": examples})


@nox.session
def bench(session: nox.Session) -> None:
    """Time and measure the builds; write benchmarks/RESULTS.md (not part of the tests)."""
    install(session, "-e", CV, "matplotlib", "playwright")  # playwright: nox -s serve timed in Chromium
    session.chdir(ROOT / "benchmarks")
    session.run("python", "run.py", *session.posargs)


@nox.session
def serve(session: nox.Session) -> None:
    """Live preview at http://127.0.0.1:8000 that rebuilds when a page, refs.bib or the extension changes; of the
    letters' and statements' PDFs with: nox -s serve -- --letters."""
    install(session, "-e", f"{ROOT}[site,serve]")
    session.run(
        "python",
        "-m",
        "sphinx_cv_tool.serve",
        "--watch",
        str(ROOT / "refs.bib"),
        *session.posargs,
        str(DOCS),
        str(BUILD / ("serve-letters" if "--letters" in session.posargs else "serve")),
    )


@nox.session
def check(session: nox.Session) -> None:
    """Read the CV strictly: every entry of refs.bib that is printed with something missing or wrong fails, at its
    line (cv_bib_strict), as does every other warning; writes nothing but a report."""
    sphinx_build(session, "dummy", "-D", "cv_bib_strict=1")
    session.log("no problem found in the pages or refs.bib")


@nox.session
def linkcheck(session: nox.Session) -> None:
    """Check every link of the CV with Sphinx's linkcheck builder (needs the internet)."""
    sphinx_build(session, "linkcheck")


@nox.session
def lint(session: nox.Session) -> None:
    """Check style with ruff, and the extension's types with mypy (settings in pyproject.toml)."""
    install(session, "ruff", "mypy", "types-PyYAML", "types-docutils", "-e", f"{ROOT}[import,serve,typst,docx]")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")


@nox.session(venv_backend="venv")
@nox.parametrize(
    ("python", "constraints"),
    [
        nox.param(find_python(PYTHONS[0]) or PYTHONS[0], CONSTRAINTS, id="oldest"),
        nox.param(find_python(PYTHONS[-1]) or PYTHONS[-1], NEWEST, id="newest"),
    ],
)
def lock(session: nox.Session, constraints: Path) -> None:
    """Move constraints.txt (on the oldest Python, so that they install on all) and constraints-newest.txt (on the
    newest) to the newest versions that pyproject.toml allows there; then run nox -s tests, and commit them."""
    session.install("-e", f"{ROOT}[site,import,serve,translate,test]", "ruff", "matplotlib")
    frozen = session.run("python", "-m", "pip", "freeze", "--exclude-editable", silent=True)
    header = (
        "# The versions the tests passed with, for every nox session and Read the Docs (pip's -c).\n"
        f"# Resolved on Python {PYTHONS[0]}, the oldest supported, so that they install on all; update: nox -s lock\n"
        if constraints == CONSTRAINTS
        else "# The newest versions the tests passed with, Sphinx's newest among them (nox -s 'tests(3.13-newest)').\n"
        f"# Resolved on Python {PYTHONS[-1]}, the newest supported; update: nox -s lock\n"
    )
    constraints.write_text(header + str(frozen))
    session.log(f"wrote {constraints.name}; run nox -s tests, then commit it")
