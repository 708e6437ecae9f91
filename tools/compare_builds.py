"""Build every format of the CV (and of each test root) at a git revision and in the working tree; compare.

A restructuring of the extension must not change what it writes. This script builds, with
``SOURCE_DATE_EPOCH`` set, the website (furo and pydata), the EPUB, the LaTeX and its PDF, the
text and JSON Resume outputs and the short variant's PDF of ``docs/``, and the html and latex
output of every test root, once from ``git archive REV`` and once from the working tree, each
with its own extension; then lists every file that differs. ``.buildinfo`` (a digest of the
configuration's names) and the doctrees are left out.

    python tools/compare_builds.py [REV]      # default: HEAD
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: How latexmk compiles both sides (``-pdfxe`` or ``-pdf``), so that only the sources differ.
LATEX_MODE = os.environ.get("LATEXMK_MODE", "-pdf")
EPOCH = "1767225600"  # 2026-01-01
IGNORED = {".buildinfo", ".doctrees", "doctrees", "_build_doctrees"}
#: (output folder, builder, environment) of each build of ``docs/``.
BUILDS = [
    ("html", "html", {"CV_THEME": "furo"}),
    ("pydata", "html", {"CV_THEME": "pydata"}),
    ("epub", "epub", {}),
    ("latex", "latex", {}),
    ("text", "text", {}),
    ("json", "jsonresume", {}),
    ("latex-short", "latex", {"CV_VARIANT": "short"}),
]
LATEX_AUX = {".aux", ".log", ".fls", ".fdb_latexmk", ".out", ".xdv", ".toc", ".idx", ".ilg", ".ind"}


def checkout(rev: str | None, into: Path) -> Path:
    """The sources at ``rev`` (None: the working tree, tracked and untracked files alike)."""
    if rev is None:
        shutil.copytree(REPO, into, ignore=shutil.ignore_patterns(".git", ".nox", "_build", "__pycache__"))
        return into
    archive = subprocess.run(["git", "archive", rev], cwd=REPO, capture_output=True, check=True).stdout
    into.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def sphinx(tree: Path, srcdir: Path, builder: str, outdir: Path, **env: str) -> None:
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-q",
        "-E",
        "-b",
        builder,
        "-d",
        str(outdir) + "_doctrees",
        str(srcdir),
        str(outdir),
    ]
    environ = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONPATH": str(tree / "docs" / "_ext"), **env}
    result = subprocess.run(command, env=environ, capture_output=True, text=True, check=False)
    if result.returncode:
        print(f"{builder} build of {srcdir} failed:\n{result.stderr[-2000:]}", file=sys.stderr)


def compile_pdfs(outdir: Path) -> None:
    for tex in outdir.glob("*.tex"):
        command = ["latexmk", "-r", "latexmkrc", LATEX_MODE, "-interaction=nonstopmode", "-halt-on-error", tex.name]
        result = subprocess.run(
            command,
            cwd=outdir,
            env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH},
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode:
            print(f"latexmk {tex} failed:\n{result.stdout[-2000:]}", file=sys.stderr)


def build_all(tree: Path, out: Path) -> None:
    docs = tree / "docs"
    for name, builder, env in BUILDS:
        sphinx(tree, docs, builder, out / "docs" / name, **env)
    for name in ("latex", "latex-short"):
        compile_pdfs(out / "docs" / name)
    for root in sorted((tree / "tests" / "roots").iterdir()):
        for builder in ("html", "latex"):
            sphinx(tree, root, builder, out / root.name / builder)


def digests(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and not IGNORED & {path.name, *path.relative_to(folder).parts}
        and not any(part.endswith("_doctrees") for part in path.relative_to(folder).parts)
        and path.suffix not in LATEX_AUX
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", nargs="?", default="HEAD")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        found = {}
        for label, rev in (("before", args.rev), ("after", None)):
            tree = checkout(rev, Path(tmp, label, "tree"))
            build_all(tree, Path(tmp, label, "out"))
            found[label] = digests(Path(tmp, label, "out"))
        before, after = found["before"], found["after"]
        changed = sorted(name for name in before.keys() & after.keys() if before[name] != after[name])
        for title, names in (
            ("only before", sorted(before.keys() - after.keys())),
            ("only after", sorted(after.keys() - before.keys())),
            ("different", changed),
        ):
            for name in names:
                print(f"{title}: {name}")
        print(f"{len(before)} files before, {len(after)} after, {len(changed)} different")
        return 1 if changed or before.keys() != after.keys() else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
