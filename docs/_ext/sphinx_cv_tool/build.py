"""Build the CV in every format in one process: ``python -m sphinx_cv_tool.build [--formats pdf,epub,html]``.

What ``nox -s all`` (and ``pdf``, ``epub``, ``html``) run. One Python process builds the
LaTeX, the EPUB and the website in turn, from one Sphinx environment (the pages are read
once, and Sphinx and its extensions are imported once); latexmk compiles the PDF while the
EPUB and the website are built (or, with ``cv_pdf_engine = "typst"``, the ``typst`` builder has
compiled it already) (the website links the PDF, which
``sphinx_cv.web.downloads.expect_downloads`` tells it is coming, and gets its copy when
latexmk is done); the PDF and the EPUB are copied to the build folder only when they changed.
Which files a build writes, the extension says (``sphinx_cv.files.outputs``).

A format whose inputs did not change since its last build is not built again: the files
of the source folder and the extra inputs (``refs.bib``), the settings (arguments, the
``CV_*`` and ``SOURCE_DATE_EPOCH`` environment), the versions of Python, Sphinx and its
extensions, and the date of the sources' last commit. Every build runs with ``-W``.

Nothing here imports Sphinx until something has to be built.
"""

from __future__ import annotations

import argparse
import ast
import functools
import gc
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx
    from sphinx_cv.api import Outputs

__all__ = ["latexmk_command", "main"]

FORMATS = ("pdf", "epub", "html")
#: The Word CV: built when asked for (``--formats docx``), as the portals that want one ask for it.
DOCX = "docx"
#: The cover letters of the letters folder, each its own PDF (never built unless asked for: they are private).
LETTER = "letter"
BUILDERS = {"pdf": "latex", "epub": "epub", "html": "html", DOCX: "docx", LETTER: "latex"}
#: The output folder of a format, where it is not its builder's name.
OUTDIRS = {LETTER: "letters"}
#: The environment that conf.py reads (theme, variant) or that changes the output (the date).
ENVIRONMENT = ("CV_THEME", "CV_VARIANT", "SOURCE_DATE_EPOCH")
#: Distributions whose version changes the output.
DISTRIBUTIONS = (
    "sphinx",
    "myst-parser",
    "sphinxcontrib-bibtex",
    "pybtex",
    "docutils",
    "furo",
    "pydata-sphinx-theme",
    "sphinx-cv",
)
#: latexmk's option for each LaTeX engine: the passes write no PDF until the last, where the engine allows it.
LATEXMK_MODES = {
    "xelatex": "-pdfxe",
    "lualatex": "-pdflua",
    "pdflatex": "-pdf",
    "platex": "-pdfdvi",
    "uplatex": "-pdfdvi",
}


class Build:
    """One run: the source folder, where the results go, and what the last run left."""

    def __init__(
        self,
        source: Path,
        out: Path,
        inputs: list[Path],
        sphinx_args: list[str],
        language: str = "",
        word_letters: bool = False,
    ) -> None:
        self.source, self.out, self.inputs, self.sphinx_args = source, out, inputs, sphinx_args
        pdf_builder = "typst" if pdf_engine(source, sphinx_args) == "typst" else "latex"
        self.builders = {**BUILDERS, "pdf": pdf_builder, LETTER: "docx" if word_letters else pdf_builder}
        self.suffix = "".join(f"-{part}" for part in (os.environ.get("CV_VARIANT", ""), language) if part)
        self.doctrees = out / f"doctrees{self.suffix}"  # shared by the three builders: pages are read once
        self.letter_doctrees = out / f"doctrees-letters{self.suffix}"  # a letters build reads the letters too
        self.state_path = out / f".cv-build-state{self.suffix}.json"  # each format's digest and files
        try:
            self.state: dict[str, Any] = json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.state = {}

    def outdir(self, fmt: str) -> Path:
        return self.out / f"{OUTDIRS.get(fmt, self.builders[fmt])}{self.suffix}"

    @functools.cached_property
    def sources(self) -> bytes:
        """What every format depends on: the files, the settings, the versions, the sources' last commit."""
        from importlib.metadata import PackageNotFoundError, version

        lines = [_signature(path) for path in sorted(self.source.rglob("*")) if self._is_input(path)]
        lines += [_signature(path) for path in self.inputs]
        lines += [sys.executable, *self.sphinx_args, *(os.environ.get(name, "") for name in ENVIRONMENT)]
        for name in DISTRIBUTIONS:
            try:
                lines.append(f"{name}={version(name)}")
            except PackageNotFoundError:
                lines.append(f"{name}=")
        lines.append(_last_commit(self.source, self.inputs))
        return "\n".join(lines).encode()

    def digest(self, fmt: str) -> str:
        """What a build of ``fmt`` depends on; for the website, the PDF and the EPUB it links too."""
        linked = [*self.state.get("pdf-files", []), *self.state.get("epub-files", [])] if fmt == "html" else []
        extra = "\n".join([fmt, *(_signature(self.out / name) for name in linked)]).encode()
        return hashlib.blake2b(self.sources + extra, digest_size=16).hexdigest()

    def _is_input(self, path: Path) -> bool:
        parts = path.relative_to(self.source).parts
        if path.suffix == ".mo":  # compiled by Sphinx from a translation's .po, during the build
            return False
        return not ({"_build", "__pycache__"} & set(parts)) and not any(part.startswith(".") for part in parts)

    def up_to_date(self, fmt: str, digest: str) -> bool:
        results = self.state.get(f"{fmt}-files", [])
        return self.state.get(fmt) == digest and bool(results) and all((self.out / name).exists() for name in results)

    def sphinx(self, fmt: str, pending: Sequence[Path] = ()) -> Outputs:
        """Build ``fmt`` with Sphinx (``-W``), as sphinx-build would with the arguments given; return what it wrote.

        A website links the ``pending`` files, which are still being built.
        """
        from sphinx.errors import SphinxError
        from sphinx.util.docutils import docutils_namespace, patch_docutils
        from sphinx_cv.api import expect_downloads, outputs

        doctrees, letters = (self.letter_doctrees, ["-D", "cv_letters=1"]) if fmt == LETTER else (self.doctrees, [])
        argv = ["-W", "--keep-going", "-b", self.builders[fmt], "-d", str(doctrees), *letters, *self.sphinx_args]
        try:
            with patch_docutils(str(self.source)), docutils_namespace():
                app, args = _application([*argv, str(self.source), str(self.outdir(fmt))])
                expect_downloads(app, pending)
                app.build(args.force_all, args.filenames)
        except SphinxError as error:
            raise SystemExit(f"the {fmt} build failed: {error}") from None
        if app.statuscode:
            raise SystemExit(f"the {fmt} build failed: see the messages above")
        return outputs(app)

    def record(self, fmt: str, digest: str, files: list[str]) -> None:
        """Remember that ``fmt`` was built from ``digest`` into ``files`` (paths in the build folder)."""
        self.state[fmt], self.state[f"{fmt}-files"] = digest, files

    def save(self) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        self.state_path.write_text(json.dumps(self.state, indent=1) + "\n", encoding="utf-8")


def _application(argv: list[str]) -> tuple[Sphinx, argparse.Namespace]:
    """The Sphinx application that ``sphinx-build argv`` would run, and the arguments, read with sphinx-build's own
    parser (its options ``-D``, ``-A``, ``-n``, ``-t``, ``-j``, ``-E``, ``-a``, ``-q``, ``-Q``, ``-v``, ``-W``,
    ``--color``, and its folders)."""
    from sphinx.application import Sphinx
    from sphinx.cmd.build import get_parser
    from sphinx.util.console import disable_colour, terminal_supports_colour

    args = get_parser().parse_args(argv)
    if args.color == "no" or (args.color == "auto" and not terminal_supports_colour()):
        disable_colour()
    overrides: dict[str, Any] = dict(value.partition("=")[::2] for value in args.define)
    overrides |= {f"html_context.{key}": value for key, _, value in (item.partition("=") for item in args.htmldefine)}
    if args.nitpicky:
        overrides["nitpicky"] = True
    app = Sphinx(
        srcdir=args.sourcedir,
        confdir=None if args.noconfig else args.confdir or args.sourcedir,
        outdir=args.outputdir,
        doctreedir=args.doctreedir,
        buildername=args.builder,
        confoverrides=overrides,
        status=None if args.quiet or args.really_quiet else sys.stdout,
        warning=None if args.really_quiet else sys.stderr,
        freshenv=args.freshenv,
        warningiserror=args.warningiserror,
        tags=args.tags,
        verbosity=args.verbosity,
        parallel=args.jobs,
    )
    return app, args


def pdf_engine(source: Path, sphinx_args: list[str]) -> str:
    """The PDF's writer: ``-D cv_pdf_engine=...`` (``--engine``), else conf.py's ``cv_pdf_engine`` where it is
    written as a string, else ``latex``."""
    defined = [arg.partition("=")[2] for arg in sphinx_args if arg.startswith("cv_pdf_engine=")]
    if defined:
        return defined[-1].strip().lower()
    from sphinx_cv.api import assignment

    try:
        statement = assignment((source / "conf.py").read_text(encoding="utf-8"), "cv_pdf_engine")
        written = statement.value if isinstance(statement, (ast.Assign, ast.AnnAssign)) else None
        value = ast.literal_eval(written) if written is not None else None
    except (OSError, SyntaxError, ValueError):
        value = None
    return value.strip().lower() if isinstance(value, str) else "latex"


def _signature(path: Path) -> str:
    """``path`` with its size and time of change (or "missing")."""
    try:
        stat = path.stat()
    except OSError:
        return f"{path} missing"
    return f"{path} {stat.st_size} {stat.st_mtime_ns}" if path.is_file() else str(path)


def _last_commit(source: Path, inputs: list[Path]) -> str:
    """The date of the last commit of the sources (the CV's "last updated"), or "" outside git."""
    command = ["git", "log", "-1", "--format=%cI", "--", ".", *map(str, inputs)]
    try:
        return subprocess.run(command, cwd=source, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return ""


def _copy_if_changed(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` unless it holds the same bytes already (its date then stays)."""
    if not target.exists() or target.read_bytes() != source.read_bytes():
        shutil.copyfile(source, target)


def latexmk_command(tex: str, engine: str) -> list[str]:
    """latexmk on ``tex`` with Sphinx's ``latexmkrc``, in ``engine``'s mode: no PDF is written until the last pass."""
    mode = LATEXMK_MODES.get(engine, "-pdf")
    return ["latexmk", "-r", "latexmkrc", mode, "-interaction=nonstopmode", "-halt-on-error", "-file-line-error", tex]


def _latexmk(build: Build, fmt: str, tex: str, engine: str) -> tuple[subprocess.Popen[bytes], Path]:
    """Start latexmk on ``tex`` in the LaTeX folder of ``fmt``; return it and its PDF."""
    outdir = build.outdir(fmt)
    command = latexmk_command(tex, engine)
    process = subprocess.Popen(command, cwd=outdir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return process, outdir / Path(tex).with_suffix(".pdf").name


def _finish(process: subprocess.Popen[bytes], pdf: Path, out: Path) -> str:
    log = process.communicate()[0].decode(errors="replace")
    if process.returncode:
        raise SystemExit(f"latexmk failed for {pdf.with_suffix('.tex').name}:\n{log[-3000:]}")
    _copy_if_changed(pdf, out / pdf.name)
    return pdf.name


def run_letters(build: Build, names: list[str]) -> list[Path]:
    """Build the letters and statements named (every one when none is), unless they are up to date; return their
    PDFs."""
    from sphinx_cv.api import LETTERS_FOLDER

    folder = build.source / LETTERS_FOLDER
    available = sorted(path.stem for path in folder.glob("*.md"))
    if not available:
        raise SystemExit(f"no letter to build: write one as {folder / 'NAME.md'} (see the README's letters)")
    unknown = sorted(set(names) - set(available))
    if unknown:
        raise SystemExit(f"no letter {unknown[0]!r} in {folder}; there are: {', '.join(available)}")
    digest = build.digest(f"{LETTER}:{build.builders[LETTER]}:{','.join(names)}")
    if not build.up_to_date(LETTER, digest):
        written = build.sphinx(LETTER)
        chosen = [
            tex
            for tex, page in zip(written.documents, written.pages, strict=True)
            if not names or page.rpartition("/")[2] in names
        ]
        if written.engine in {"typst", "docx"}:  # compiled already, or a Word document
            for name in chosen:
                _copy_if_changed(build.outdir(LETTER) / name, build.out / name)
            build.record(LETTER, digest, chosen)
        else:
            compiling = [_latexmk(build, LETTER, tex, written.engine) for tex in chosen]
            build.record(LETTER, digest, [_finish(process, pdf, build.out) for process, pdf in compiling])
        build.save()
    return [build.out / name for name in build.state.get(f"{LETTER}-files", [])]


def run(build: Build, formats: list[str]) -> list[Path]:
    """Build each of ``formats`` that is not up to date; return the results."""
    digests = {fmt: build.digest(fmt) for fmt in ("pdf", "epub", DOCX) if fmt in formats}
    compiling: list[tuple[subprocess.Popen[bytes], Path]] = []
    linked: list[Path] = []  # the PDFs being compiled that the website links
    for fmt, digest in digests.items():
        if build.up_to_date(fmt, digest):
            continue
        written = build.sphinx(fmt)
        if fmt == "pdf" and written.engine != "typst":  # compiled while the EPUB and the website are built
            compiling = [_latexmk(build, fmt, tex, written.engine) for tex in written.documents]
            results = [build.out / pdf.name for _, pdf in compiling]
            linked = [pdf for pdf in results if pdf.resolve() in written.downloads]
            continue
        for name in written.documents:
            _copy_if_changed(build.outdir(fmt) / name, build.out / name)
        build.record(fmt, digest, list(written.documents))
    if "html" in formats and compiling:  # the website links the PDFs by their names only
        build.sphinx("html", pending=linked)
    if compiling:
        build.record("pdf", digests["pdf"], [_finish(process, pdf, build.out) for process, pdf in compiling])
    if "html" in formats and compiling:
        for pdf in linked:
            _copy_if_changed(pdf, build.outdir("html") / pdf.name)
        build.record("html", build.digest("html"), [f"html{build.suffix}/index.html"])
    elif "html" in formats:
        digest = build.digest("html")
        if not build.up_to_date("html", digest):
            build.sphinx("html")
            build.record("html", digest, [f"html{build.suffix}/index.html"])
    build.save()
    return [build.out / name for fmt in formats for name in build.state.get(f"{fmt}-files", [])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sphinx_cv_tool.build", description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=Path("docs"), help="the folder of conf.py (default: docs)")
    parser.add_argument("--out", type=Path, help="where results go (default: SOURCE/_build)")
    parser.add_argument(
        "--formats", default=",".join(FORMATS), help="of pdf, epub, html, docx (default: the first three)"
    )
    parser.add_argument("--input", type=Path, action="append", default=[], help="another input, e.g. refs.bib")
    parser.add_argument("--theme", help="the website's theme: furo or pydata (CV_THEME)")
    parser.add_argument("--variant", help="a variant of the CV, e.g. short (CV_VARIANT)")
    parser.add_argument("--language", help="build the CV's translation into this language, e.g. de (docs/locales)")
    parser.add_argument("--engine", choices=["latex", "typst"], help="the PDF's writer (cv_pdf_engine)")
    parser.add_argument(
        "--letter", action="append", default=[], help="with --formats letter: the letter to build (default: every one)"
    )
    parser.add_argument("--docx", action="store_true", help="with --formats letter: as Word documents, not PDFs")
    args, sphinx_args = parser.parse_known_args(argv)
    formats = [fmt.strip() for fmt in args.formats.split(",") if fmt.strip()]
    unknown = sorted(set(formats) - {*FORMATS, DOCX, LETTER})
    if unknown:
        parser.error(f"unknown format {unknown[0]!r}; use pdf, epub, html, docx or letter")
    if args.variant:  # for any conf.py; the CV_VARIANT of docs/conf.py too
        sphinx_args += ["-D", f"cv_variant={args.variant}"]
    if args.engine:
        sphinx_args += ["-D", f"cv_pdf_engine={args.engine}"]
    if args.language:  # as Read the Docs builds a translation project
        sphinx_args += ["-D", f"language={args.language}"]
    settings = {
        variable: value for variable, value in (("CV_THEME", args.theme), ("CV_VARIANT", args.variant)) if value
    }
    previous = {variable: os.environ.get(variable) for variable in settings}
    os.environ.update(settings)  # what conf.py reads
    try:
        source = args.source.resolve()
        out = (args.out or source / "_build").resolve()
        inputs = [path.resolve() for path in args.input]
        build = Build(source, out, inputs, sphinx_args, args.language or "", word_letters=args.docx)
        results = run(build, [fmt for fmt in formats if fmt != LETTER])
        if LETTER in formats:
            results += run_letters(build, args.letter)
        for result in results:
            print(f"{result.suffix.lstrip('.').upper() if result.suffix != '.html' else 'website'}: {result}")
    finally:
        for variable, value in previous.items():
            if value is None:
                os.environ.pop(variable, None)
            else:
                os.environ[variable] = value
    return 0


if __name__ == "__main__":
    # A short process that makes many objects and keeps most: the youngest are collected every 20,000 allocations
    # instead of 700 (0.04 s before latexmk can start, 0.1 s in all, 1 MiB more), and at exit the interpreter's last
    # collections, which would walk every object that Sphinx made (0.2 s), are spared by freezing them all: the
    # builds have closed their files, and the process ends here.
    gc.set_threshold(20_000)
    status = main()
    gc.freeze()
    sys.exit(status)
