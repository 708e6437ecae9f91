"""JSON Resume export, reproducible builds and the "last updated" date."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from pathlib import Path

import jsonschema
import pytest
from conftest import build, compile_pdf, copy_cv, pdf_text
from seed_facts import missing_from

SCHEMA = Path(__file__).parent / "data" / "jsonresume-schema-1.3.1.json"  # npm @jsonresume/schema 1.3.1
EPOCH = "1767225600"  # 2026-01-01


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return [str(value)]


@pytest.fixture(scope="module")
def resume(tmp_path_factory) -> dict:
    outdir = build(copy_cv(tmp_path_factory.mktemp("json")), "jsonresume")
    return json.loads((outdir / "resume.json").read_text(encoding="utf-8"))


def test_resume_validates_and_holds_every_fact(resume) -> None:
    jsonschema.validate(resume, json.loads(SCHEMA.read_text()), format_checker=jsonschema.FormatChecker())
    assert missing_from(" ".join(_strings(resume))) == []


def test_sections_map_to_json_resume_keys(resume) -> None:
    assert resume["basics"] == {
        "name": "Joe Benton",
        "label": "Member of Technical Staff",
        "summary": "Member of Technical Staff at Anthropic; D.Phil. in Statistics, University of Oxford.",
    }
    assert [item["name"] for item in resume["work"]] == [
        "Anthropic",
        "UK Frontier AI Taskforce",
        "Redwood Research",
        "Alignment Research Center",
        "Center for Human-Compatible Artificial Intelligence, UC Berkeley",
    ]
    anthropic, taskforce = resume["work"][:2]
    assert anthropic["startDate"] == "2023" and "endDate" not in anthropic  # open end left open
    assert anthropic["dates"] == "Fall 2023 – Present"
    assert taskforce["startDate"] == taskforce["endDate"] == "2023"
    assert [item["institution"] for item in resume["education"]] == [
        "Department of Statistics, University of Oxford",
        "Trinity College, University of Cambridge",
    ]
    assert resume["education"][0]["studyType"] == "D.Phil. in Statistics"
    assert len(resume["volunteer"]) == 3 and len(resume["awards"]) == 3 and len(resume["talks"]) == 2
    assert resume["awards"][0] == {
        "title": "International Mathematics Olympiad",
        "date": "2017",
        "dates": "2014 – 2017",
        "startDate": "2014",
        "endDate": "2017",
        "summary": "1 Gold – 7th out of 615, 3 Silver",
    }
    assert resume["meta"]["sections"] == {
        "work": "Professional Experience",
        "education": "Education",
        "volunteer": "Volunteering",
        "awards": "Awards",
        "talks": "Invited Talks",
        "publications": "Publications",
    }
    assert resume["sections"] == [
        {
            "title": "Reviewing",
            "text": "JMLR, TMLR, JRSS-B, ICML 2023 Workshop Frontiers4LCD, Cooperative AI Foundation",
        }
    ]


def test_publications_from_refs_bib(resume) -> None:
    publications = resume["publications"]
    assert [item["releaseDate"] for item in publications] == ["2024", "2024", "2024-02", "2023", "2023", "2022", "2022"]
    first, nearly, tmlr = publications[:3]
    assert first["publisher"] == "Journal of the Royal Statistical Society Series B: Statistical Methodology"
    assert first["url"] == "https://doi.org/10.1093/jrsssb/qkae005"
    assert nearly["name"] == "Nearly d-Linear Convergence Bounds for Diffusion Models via Stochastic Localization"
    assert nearly["url"] == "https://arxiv.org/abs/2308.03686"
    assert tmlr["name"] == "Error Bounds for Flow Matching Methods"
    alpha = next(item for item in publications if item["name"].startswith("Alpha-divergence"))
    assert alpha["authors"] == ["Kamélia Daudel", "Joe Benton", "Yuyang Shi", "Arnaud Doucet"]
    assert "Joe Benton*, Yuyang Shi*" in alpha["citation"] and "24(243):1–83" in alpha["citation"]


def test_json_ld_and_json_resume_agree(resume, tmp_path) -> None:
    page = (build(copy_cv(tmp_path), "html") / "index.html").read_text(encoding="utf-8")
    person = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1])
    assert person["jobTitle"] == resume["basics"]["label"]
    assert [school["name"] for school in person["alumniOf"]] == [item["institution"] for item in resume["education"]]
    assert person["award"] == [f"{item['title']} ({item['summary']})" for item in resume["awards"]]


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
    page = (build(srcdir, "html") / "education.html").read_text(encoding="utf-8")
    assert "Last updated on 1 Jan 2026" in " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "Updated 1 Jan 2026" in pdf_text(compile_pdf(build(srcdir, "latex"), "joe-benton-cv.tex"))

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
