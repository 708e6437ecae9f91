"""Publication groups (``cv-publications``): chosen by type and keyword, each entry once, the rest in "Other",
empty groups gone from the page and its table of contents, and no entry of refs.bib left out in silence."""

from __future__ import annotations

import re

import pytest


def _groups(page: str) -> dict[str, list[str]]:
    """Each group's heading and the titles it lists, in the page's order."""
    groups = {}
    for section in re.split(r"<h2>", page)[1:]:
        heading = re.match(r"([^<]*)<a", section)[1]
        groups[heading] = re.findall(r'<li id="[^"]+"><p>([^.]*)\.', section)
    return groups


def _warnings(app) -> list[str]:
    return re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()).splitlines()


@pytest.mark.sphinx("html", testroot="bib-groups", freshenv=True)
def test_each_entry_is_listed_once_in_the_first_group_that_selects_it(app) -> None:
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert _groups(page) == {
        "Machine learning": ["Journal Two"],  # the keyword "Machine  Learning; Statistics" has
        "Journal articles": ["Journal One"],  # not Journal Two again
        "Workshop papers": ["Workshop One"],
        "Conference papers": ["Conference One"],  # the workshop paper went to the group above
        "Preprints": ["Not Yet in a Journal"],  # INSPIRE's @article with an arXiv id and no journal
        "Software": [],  # its own text stays, without a list
        "Other": ["Book One", "Thesis One"],  # what no group above took
        "After the publications": [],
    }
    assert "Packages that I maintain." in page and "The last section." in page
    # An empty group leaves no heading, neither on the page nor in its table of contents.
    assert "Patents" not in page and "Books" not in page
    toc = app.env.tocs["index"].astext()
    assert "Patents" not in toc and "Books" not in toc and "Other" in toc
    warnings = _warnings(app)
    assert len(warnings) == 1
    assert re.fullmatch(
        r".*index\.md:\d+: WARNING: cv-publications: no entry type 'bok' \(did you mean 'book'\?\) \[cv\.bib\]",
        warnings[0],
    )


@pytest.mark.sphinx("latex", testroot="bib-groups", freshenv=True)
def test_an_empty_group_leaves_no_heading_in_the_pdf(app) -> None:
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\section{Other}" in tex and "Patents" not in tex and r"\section{Books}" not in tex
    assert tex.count(r"\sphinxstylestrong{Joe Benton}") == 7


ONLY_ARTICLES = {"root_doc": "partial", "exclude_patterns": ["index.md"]}


@pytest.mark.sphinx("html", testroot="bib-groups", freshenv=True, confoverrides=ONLY_ARTICLES)
def test_entries_that_no_list_shows_are_named_at_their_line(app) -> None:
    app.build()
    warnings = _warnings(app)
    refs = app.srcdir / "refs.bib"
    expected = [
        (8, "2 bibliography entries of type @inproceedings ('conference1', 'workshop1') are", "inproceedings"),
        (14, "1 bibliography entry of type @book ('book1') is", "book"),
        (17, "1 bibliography entry of type @preprint ('inspire1') is", "preprint"),
        (21, "1 bibliography entry of type @phdthesis ('thesis1') is", "phdthesis"),
    ]
    assert warnings == [
        f"{refs}:{line}: WARNING: {entries} in no publication list: add {kind!r} to a group's :types:, or end the "
        "page with a group without :types: to list the rest [cv.bib]"
        for line, entries, kind in expected
    ]


@pytest.mark.sphinx("html", testroot="bib-unlisted", freshenv=True)
def test_a_page_whose_list_selects_nothing_keeps_its_title_and_names_the_entries(app) -> None:
    """A list that matched nothing of refs.bib (the keyword of an older starter page) still names what it leaves out."""
    app.build()
    assert _warnings(app) == [
        f"{app.srcdir / 'refs.bib'}:1: WARNING: 2 bibliography entries of type @article ('one', 'two') are in no "
        "publication list: add 'article' to a group's :types:, or end the page with a group without :types: to list "
        "the rest [cv.bib]"
    ]
    assert app.env.titles["publications"].astext() == "Publications"
    assert "Publications" in (app.outdir / "index.html").read_text(encoding="utf-8")  # in the table of contents
