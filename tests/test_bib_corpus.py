"""Real researchers' ``.bib`` files (``tests/data/bib/real``, provenance in its README) as a CV's publications: each
builds, lists every entry, prints no LaTeX, links DOIs and arXiv ids well, and warns only at a line of refs.bib."""

from __future__ import annotations

import html
import re
import shutil

import pytest
from conftest import TESTS
from sphinx_cv_tool.sources.starter import starter

CORPUS = TESTS / "data" / "bib" / "real"
#: Each file's owner as ``cv_name``, and the other spellings the file uses.
OWNERS = {
    "calero-valdez-scholar.bib": ("André Calero Valdez", ["Valdez, André Calero", "Calero-Valdez, André"]),
    "casas-inspire-cosmo.bib": ("Santiago Casas", []),
    "ehrlinger-cv-primary.bib": ("John Ehrlinger", []),
    "groth-bibdesk-publications-en.bib": ("Stefan Groth", []),
    "hu-jilin-dblp.bib": ("Jilin Hu", []),
    "rashid-alfolio-papers.bib": ("Naim U. Rashid", []),
    "seo-biblatex-journal.bib": ("JooYoung Seo", []),
    "seo-biblatex-proceedings.bib": ("JooYoung Seo", []),
    "sunyer-zotero.bib": ("Raimon Sunyer", []),
    "usai-inspire-cms.bib": ("Emanuele Usai", []),
    "weaver-ads.bib": ("John R. Weaver", []),
    "palazzo-zotero-bbt.bib": ("Pedro P. Palazzo", []),
    "perezluque-zotero-bbl.bib": ("Antonio J. Pérez-Luque", []),
    "deleeuw-bibdesk.bib": ("Jan De Leeuw", []),
    "lealtaixe-bibdesk.bib": ("Laura Leal-Taixé", []),
    "pereirasanchez-inspire.bib": ("Laura Pereira Sanchez", []),
    "handel-pubmed-jabref.bib": ("Andreas Handel", []),
}
#: How many entries of each file name its owner among their authors or editors (INSPIRE's and ADS's lists stop
#: after a few authors, "and others"): each is bold in the CV.
OWN_ENTRIES = {
    "calero-valdez-scholar.bib": 104,  # 22 of them "Calero Valdez, André", his surname of two words
    "casas-inspire-cosmo.bib": 25,
    "ehrlinger-cv-primary.bib": 20,
    "groth-bibdesk-publications-en.bib": 91,
    "hu-jilin-dblp.bib": 19,
    "rashid-alfolio-papers.bib": 52,
    "seo-biblatex-journal.bib": 11,
    "seo-biblatex-proceedings.bib": 32,
    "sunyer-zotero.bib": 23,
    "usai-inspire-cms.bib": 0,
    "weaver-ads.bib": 19,
    "palazzo-zotero-bbt.bib": 57,
    "perezluque-zotero-bbl.bib": 41,  # and 3 that print him not: editor of the book (2), "Luque, Antonio J. Pérez"
    "deleeuw-bibdesk.bib": 779,
    "lealtaixe-bibdesk.bib": 36,
    "pereirasanchez-inspire.bib": 5,
    "handel-pubmed-jabref.bib": 50,
}
#: What the files themselves get wrong, each said at its line: (file, what it says, how many). Only an entry left
#: out is a warning; the others are notes in the summary at the end of the build.
EXPECTED_PROBLEMS = {
    "calero-valdez-scholar.bib": [
        ("repeated bibliography entry: valdez2018studying", 1),
        ("has no year", 5),
        ("'valdez2016hci' has no booktitle", 1),
    ],
    "groth-bibdesk-publications-en.bib": [("has no year", 5), ("field twice; only the first is read", 6)],
    # DBLP lists the IJCAI paper and its CoRR preprint, of one title and year
    "hu-jilin-dblp.bib": [("is 'DBLP:conf/ijcai/YangGHT021' again (the same title and year)", 1)],
    # two papers given one DOI (the second's is the first's)
    "seo-biblatex-proceedings.bib": [("'kamathPlayingVR2024' is 'seoMAIDRAI2024' again (the same DOI)", 1)],
    # each talk twice, in Portuguese and in English, of one title; a chapter without its book
    "palazzo-zotero-bbt.bib": [("has no booktitle", 1), ("again (the same title and year)", 4)],
    "perezluque-zotero-bbl.bib": [("again (the same DOI)", 3)],
    # a talk and the report of one title and year
    "deleeuw-bibdesk.bib": [("again (the same title and year)", 36)],
    "lealtaixe-bibdesk.bib": [("'and and' in a list of names", 2)],
    "pereirasanchez-inspire.bib": [("has no school", 1)],  # a thesis of CERN's document server
}


def test_the_corpus_is_as_its_readme_lists_it() -> None:
    readme = (CORPUS.parent / "README.md").read_text(encoding="utf-8")
    assert sorted(path.name for path in CORPUS.glob("*.bib")) == sorted(OWNERS)
    assert all(f"`{name}`" in readme for name in OWNERS)


def entry_keys(path) -> set[str]:
    """The keys of the file's entries (a repeated one once), as written (not after a ``%``: a comment, as biber
    reads it)."""
    entries = re.findall(r"^\s*@\s*(\w+)\s*\{\s*([^,\s]+)\s*,", path.read_text(encoding="utf-8"), flags=re.M)
    return {key for kind, key in entries if kind.lower() not in {"string", "preamble", "comment"}}


def corpus_app(make_app, rootdir, tmp_path, name: str, builder: str):
    """The test project with ``name`` as its refs.bib, the publications page of ``nox -s new``, and its owner."""
    srcdir = tmp_path / name.removesuffix(".bib")
    shutil.copytree(rootdir / "test-bib-corpus", srcdir)
    shutil.copyfile(CORPUS / name, srcdir / "refs.bib")
    (srcdir / "index.md").write_text(starter(OWNERS[name][0]).pages()["publications.md"], encoding="utf-8")
    owner, variants = OWNERS[name]
    return make_app(
        builder, srcdir=srcdir, freshenv=True, confoverrides={"cv_name": owner, "cv_name_variants": variants}
    )


@pytest.mark.parametrize("name", sorted(OWNERS))
def test_a_real_bib_file_builds_as_a_cv(name, make_app, rootdir, tmp_path) -> None:
    app = corpus_app(make_app, rootdir, tmp_path, name, "html")
    srcdir = app.srcdir
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r'<div class="citation"|<li[^>]*>\s*<p>', page)
    assert len(listed) == len(entry_keys(CORPUS / name))
    items = re.findall(r"<li[^>]*>\s*<p>(.*?)</p>", page, flags=re.S)
    assert sum("<strong>" in item for item in items) == OWN_ENTRIES[name]  # the owner in bold
    text = html.unescape(re.sub(r"<[^>]+>", " ", page.split('<section id="publications">')[-1]))
    assert not re.search(r"<h2>[^<]*</h2>\s*</section>", page)  # no empty group
    assert re.findall(r"\\[A-Za-z]+|\$", text) == []  # no LaTeX command, no math's dollars
    assert (
        re.findall(r"missing (?:author|title|journal|booktitle|year|publisher|school|institution) in", text) == []
    )  # sphinxcontrib-bibtex's, which the CV never shows
    for doi in re.findall(r'href="(https?://(?:dx\.)?doi\.org/[^"]*)"', page):
        assert re.match(r"https://doi\.org/10\.\d{4,}(/|%2F)", doi), doi
    for arxiv in re.findall(r'href="(https?://arxiv\.org/[^"]*)"', page):
        assert re.fullmatch(r"https?://arxiv\.org/abs/(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})(v\d+)?", arxiv), arxiv
    assert "arXiv:http" not in text and "doi.org/http" not in page
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()).splitlines()
    at_a_line = rf"{re.escape(str(srcdir / 'refs.bib'))}:\d+: "
    assert [line for line in warnings if not re.match(at_a_line + "WARNING: ", line)] == []
    assert all(line.endswith("[cv.bib]") and "is left out" in line for line in warnings)
    notes = [
        line for line in re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue()).splitlines() if re.match(at_a_line, line)
    ]
    for said, count in EXPECTED_PROBLEMS.get(name, []):
        assert sum(said in line for line in warnings + notes) == count, (said, warnings, notes)
    assert len(warnings + notes) == sum(count for _said, count in EXPECTED_PROBLEMS.get(name, []))
