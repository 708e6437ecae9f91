"""Write a :class:`~.document.Document` into the project: the pages in ``docs/``, ``refs.bib``, and ``conf.py``.

Everything is prepared before anything is written, and nothing is written when
``docs/`` or ``refs.bib`` has changes that git has not recorded (unless forced):
the CV that was there can always be had back with ``git checkout``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_cv.api import LETTERS_FOLDER, assignment

if TYPE_CHECKING:
    from .document import Document

__all__ = ["ProjectError", "write_project"]

#: Folders of ``docs/`` that hold no pages of the CV (the letters are the owner's, never replaced).
KEPT = {"_build", "_ext", "_static", "_templates", LETTERS_FOLDER}


class ProjectError(Exception):
    """The project cannot be written; the message says why and what to do."""


def _uncommitted(root: Path) -> list[str]:
    """The paths under ``docs/`` and ``refs.bib`` that differ from git's last commit (untracked ones included)."""
    if shutil.which("git") is None:
        raise ProjectError(
            "git is not installed, so it cannot tell whether docs/ has unsaved work; "
            "install git, or run again with --force to overwrite docs/ and refs.bib"
        )
    command = ["git", "status", "--porcelain", "--untracked-files=all", "--", "docs", "refs.bib"]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    if result.returncode:
        raise ProjectError(
            f"{root} is not a git repository, so nothing can bring back the CV that is there; "
            "commit it first (git init; git add -A; git commit), or run again with --force"
        )
    return [line[3:] for line in result.stdout.splitlines() if line.strip()]


def _pages(docs: Path) -> list[Path]:
    """The CV's pages now in ``docs/`` (Markdown and reStructuredText), not those of ``_build``, ``_ext``, ..."""
    return [
        path
        for path in sorted(docs.rglob("*"))
        if path.suffix in {".md", ".rst"} and not ({*path.relative_to(docs).parts[:-1]} & KEPT)
    ]


def _python(value: object) -> str:
    """``value`` (text, or a list or dict of them) as Python, one item a line, as ruff would format it."""
    if isinstance(value, dict):
        return (
            "{\n" + "".join(f"    {_python(key)}: {_python(item)},\n" for key, item in value.items()) + "}"
            if value
            else "{}"
        )
    if isinstance(value, list):
        return "[" + ", ".join(_python(item) for item in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _set_value(source: str, name: str, value: object, after: str) -> str:
    """``source`` (a conf.py) with ``name = value``: the assignment replaced, or added after the one of ``after``."""
    text = f"{name} = {_python(value)}".splitlines()
    lines = source.splitlines()
    found, anchor = assignment(source, name), assignment(source, after)
    if found is not None:
        lines[found.lineno - 1 : found.end_lineno] = text
    elif anchor is not None:
        lines[anchor.end_lineno : anchor.end_lineno] = text
    else:
        lines += text
    return "\n".join(lines) + "\n"


def configured(source: str, document: Document) -> str:
    """``conf.py``'s text with the person's settings of ``document``; those it does not give are reset (the last
    CV's language or other spellings of its owner's name are not this one's)."""
    source = _set_value(source, "cv_name", document.name, after="cv_name")
    source = _set_value(source, "cv_contact", document.contact, after="cv_name")
    if document.name_variants or assignment(source, "cv_name_variants") is not None:
        source = _set_value(source, "cv_name_variants", document.name_variants, after="cv_name")
    return _set_value(source, "language", document.language or "en", after="cv_name")


def write_project(root: Path, document: Document, *, force: bool = False) -> list[Path]:
    """Replace the CV in ``root`` by ``document``; return the files written."""
    docs, conf = root / "docs", root / "docs" / "conf.py"
    if not conf.is_file():
        raise ProjectError(f"{conf} not found: run this in the folder of the project (where noxfile.py is)")
    changed = [] if force else _uncommitted(root)
    if changed:
        listed = ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")
        raise ProjectError(
            f"docs/ or refs.bib has changes that are not committed ({listed}); commit them first, "
            "or run again with --force to replace them"
        )
    files = {docs / name: text for name, text in document.pages().items()}
    files[root / "refs.bib"] = document.bibliography()
    files[conf] = configured(conf.read_text(encoding="utf-8"), document)
    for page in _pages(docs):
        if page not in files:
            page.unlink()
    for name, text in document.letters.items():  # an example; a letter of the owner's is never replaced
        letter = docs / LETTERS_FOLDER / name
        if not letter.exists():
            files[letter] = text
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return sorted(files)
