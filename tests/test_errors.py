"""Bad input: a located, typed warning that says what to write, and everything else still renders."""

from __future__ import annotations

import re

import pytest

EXPECTED_WARNINGS = [
    (
        3,
        "invalid :dates: 'Sprnig 2023': unknown month or season 'Sprnig' in 'Sprnig 2023'; did you mean 'Spring'?",
        "cv.date",
    ),
    (
        7,
        "invalid :dates: '2023 – 2021': the range ends (2021) before it starts (2023); write the start first",
        "cv.date",
    ),
    (11, "'Present' can only end a range, not start it", "cv.date"),
    (15, "cv-entry needs a title: write it after the directive name", "cv.title"),
    (
        21,
        "Unknown option key: 'organisation' "
        "(allowed: ['area', 'date-text', 'dates', 'kind', 'location', 'org', 'tags', 'url'])",
        "myst.directive_option",
    ),
    (28, "cv-entry cannot be nested in another cv-entry; close the outer entry first", "cv.nesting"),
    (33, "unknown :sort: value 'alphabetical'; use one of newest-first, oldest-first, source", "cv.sort"),
    (41, "cv-timeline is empty: put cv-entry directives in its body, or add :collect:", "cv.empty"),
    (44, "cv-timeline :collect: takes no body", "cv.collect"),
    (
        52,
        "no entry of this cv-timeline has one of the tags nosuchtag; check the spelling of :tags:",
        "cv.tags",
    ),
    (
        61,
        "only http, https, mailto and tel links are allowed (got 'javascript:alert(1)', which is a javascript: "
        "address; a CV links only http, https, mailto and tel addresses)",
        "myst.directive_option",
    ),
    (
        65,
        "unknown :kind: 'job'; use one of work, education, volunteer, awards, certificates, skills, languages, "
        "interests, references, projects, talks, other",
        "cv.kind",
    ),
]
STILL_RENDERED = [
    "Misspelt season",
    "Backwards",
    "Present first",
    "Nameless Org",
    "Unknown option",
    "Outer",
    "Inner",
    "Bad sort",
    "Collect with body",
    "Bad url",
    "Bad kind",
]


def _warnings(warning) -> list[str]:
    return [line for line in re.sub(r"\x1b\[[0-9;]*m", "", warning.getvalue()).splitlines() if line]


@pytest.mark.sphinx("html", testroot="errors", freshenv=True)
def test_each_error_is_located_typed_and_explained(app, warning) -> None:
    app.build()
    lines = _warnings(warning)
    assert len(lines) == len(EXPECTED_WARNINGS), "\n".join(lines)
    for line, (lineno, message, kind) in zip(lines, EXPECTED_WARNINGS, strict=True):
        assert line.startswith(f"{app.srcdir / 'index.md'}:{lineno}: WARNING: "), line
        assert message in line
        assert line.endswith(f"[{kind}]")
    assert "Traceback" not in warning.getvalue()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    for title in STILL_RENDERED:
        assert title in html
    assert "Typo Org" not in html and "javascript:" not in html
    assert "Filtered out" not in html


@pytest.mark.sphinx("latex", testroot="errors", freshenv=True, confoverrides={"suppress_warnings": ["cv.date"]})
def test_warnings_can_be_suppressed_by_subtype(app, warning) -> None:
    app.build()
    lines = _warnings(warning)
    assert not any("[cv.date]" in line for line in lines)
    assert any("[cv.title]" in line for line in lines)
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    for title in STILL_RENDERED:
        assert title in tex
