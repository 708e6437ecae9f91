"""Smoke test of the benchmark: the generator and the runner still work at the smallest size."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from conftest import REPO, require_tool

sys.path.insert(0, str(REPO / "benchmarks"))

from generate import ENTRY_KEY, REAL_FILES, generate, real
from run import main, report
from workflow import _edit, _entry_page, report_workflow


def test_generator_writes_matching_projects(tmp_path) -> None:
    cv, baseline = generate(tmp_path, entries=60, publications=5)
    assert sorted(path.name for path in cv.iterdir()) == sorted(path.name for path in baseline.iterdir())
    assert (cv / "page001.md").read_text().count(":::{cv-entry}") == 10
    assert (cv / "refs.bib").read_text() == (baseline / "refs.bib").read_text()
    assert (
        generate(tmp_path / "again", entries=60, publications=5)[0].joinpath("page000.md").read_text()
        == (cv / "page000.md").read_text()
    )  # the same arguments give the same CV


def test_the_real_files_are_copied_with_keys_of_their_own(tmp_path) -> None:
    cv, baseline = real(tmp_path, copies=2)
    bib = (cv / "refs.bib").read_text(encoding="utf-8")
    assert bib == (baseline / "refs.bib").read_text(encoding="utf-8")
    corpus = REPO / "tests" / "data" / "bib" / "real"
    once = sum(len(ENTRY_KEY.findall((corpus / f"{name}.bib").read_text(encoding="utf-8"))) for name in REAL_FILES)
    keys = re.findall(r"^\s*@\s*\w+\s*[{(]\s*(copy\d-[^,\s]+)", bib, flags=re.M)
    assert len(keys) == len(set(keys)) == 2 * once > 1000
    assert "cv-publications" in (cv / "index.md").read_text() and ":all:" in (baseline / "index.md").read_text()


def test_runner_writes_results(tmp_path) -> None:
    require_tool("latexmk", "xelatex")
    results = tmp_path / "RESULTS.md"
    assert (
        main(
            [
                "--sizes",
                "4:2,8:4",
                "--repeats",
                "1",
                "--builders",
                "html,pdf",
                "--workdir",
                str(tmp_path),
                "--results",
                str(results),
                "--no-plot",
                "--workflow",
                "",
                "--real",
                "0",
            ]
        )
        == 0
    )
    text = results.read_text()
    assert "| 4 / 2 | html |" in text and "| 8 / 4 | pdf |" in text
    assert "| 4 | 8 | html |" in text  # growth when the entries double
    assert Path(results.with_suffix(".json")).exists()


def test_the_users_loop_is_edited_and_reported(tmp_path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(":::{cv-entry} Home\n:::\n")
    (docs / "work.md").write_text("# Work\n\n:::{cv-entry} Engineer\n:::\n")
    page = _entry_page(docs)
    assert page.name == "work.md"
    _edit(page, 0)
    assert ":::{cv-entry} Engineer (edited)" in page.read_text()
    _edit(page, 1)
    assert ":::{cv-entry} Engineer\n" in page.read_text()
    figures = {
        "nox": {"nothing": 1.2, "serve": None, "letter": 1.0, "typst-pdf": 0.6},
        "rendercv": (0.8, "RenderCV v2.8"),
    }
    lines = report_workflow(figures)
    assert "| nothing changed | 1.20 | 1.50 | ≤ 1.5 × |" in lines
    assert "| `nox -s letter` after editing a letter | 1.00 | 1.25 | ≤ 2.0 × |" in lines
    assert (
        "| `nox -s pdf -- --engine typst` (the accessible PDF) after deleting docs/_build | 0.60 | 0.75 | ≤ 1.0 × |"
        in lines
    )
    assert not any("serve" in line for line in lines[4:])  # not measured: no row


def test_the_real_files_section_is_reported() -> None:
    figures = {"cv": {"html": 2.0, "pdf": 4.0}, "baseline": {"html": 1.6, "pdf": 4.0}}
    result = {
        "entries": 0,
        "publications": 1659,
        "median": figures,
        "incremental": {name: {"clean": 2.0, "incremental": 1.0} for name in figures},
        "peak_mib": {"cv": 300, "baseline": 250},
        "pdf_passes": {},
    }
    text = report([], ["html", "pdf"], 1, None, None, (result, 3))
    assert "## Real refs.bib files: 1659 entries" in text and "| html | 2.00 | 1.60 | 1.25 |" in text
