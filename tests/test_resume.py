"""JSON Resume export, reproducible builds and the "last updated" date."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import EPOCH, build, build_pdf, copy_cv, pdf_text


def _digests(outdir: Path) -> dict[str, str]:
    return {
        path.relative_to(outdir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and ".doctrees" not in path.parts
    }


@pytest.mark.parametrize("builder", ["html", "epub", "jsonresume"])
def test_reproducible_builds(tmp_path, monkeypatch, builder) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    first, second = (_digests(build(copy_cv(tmp_path / name), builder)) for name in ("a", "b/deeper"))
    assert first == second


def test_last_updated_is_the_source_date_not_the_build_time(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    srcdir = copy_cv(tmp_path / "epoch")
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('language = "en"\n')  # the words below are English, whatever CV docs/ holds
    page = (build(srcdir, "html") / "index.html").read_text(encoding="utf-8")
    assert "Last updated on 1 Jan 2026" in " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "Updated 1 Jan 2026" in pdf_text(build_pdf(srcdir))

    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    srcdir = copy_cv(tmp_path / "git")
    env = {
        "GIT_AUTHOR_DATE": "2020-05-17T12:00:00",
        "GIT_COMMITTER_DATE": "2020-05-17T12:00:00",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "PATH": "/usr/bin:/bin",
    }
    for command in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-q", "-m", "CV"]):
        subprocess.run(command, cwd=srcdir.parent, env=env, check=True)
    data = json.loads((build(srcdir, "jsonresume") / "resume.json").read_text(encoding="utf-8"))
    assert data["meta"]["lastModified"] == "2020-05-17"
