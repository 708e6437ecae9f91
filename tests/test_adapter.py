"""What sphinx_cv assumes of sphinxcontrib-bibtex, pybtex and Sphinx (``bibliography/adapter.py``), one test each.

When a release of one of them breaks an assumption, the test named after it fails.
"""

from __future__ import annotations

import re
import shutil

import pybtex.errors
import pytest
import sphinxcontrib.bibtex.bibfile
from pybtex.database import parse_string
from pybtex.scanner import PybtexSyntaxError
from sphinx.builders.latex.transforms import BibliographyTransform
from sphinx_cv.bibliography import adapter


@pytest.mark.sphinx("html", testroot="bib", freshenv=True)
def test_bibdata_holds_each_file_with_its_keys_in_order(app) -> None:
    app.build()
    files = adapter.bib_files(app.env)
    bib = (app.srcdir / "refs.bib").resolve()
    assert list(files) == [bib]
    assert list(files[bib]) == re.findall(r"^@\w+\{(\w+),", bib.read_text(), flags=re.M)
    assert files[bib]["journal2024"].fields["journal"] == "Journal of Things"
    assert adapter.parsed_mtime(app.env, bib) == bib.lstat().st_mtime


@pytest.mark.sphinx("html", testroot="bib", freshenv=True)
def test_each_citation_has_an_id_and_its_entry(app) -> None:
    app.build()
    cited = adapter.cited_entries(app.env)
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert len(cited) == 7
    for citation_id, entry in cited.items():
        assert f'<li id="{citation_id}">' in html, entry.key


@pytest.mark.sphinx("html", testroot="entry", freshenv=True)
def test_without_sphinxcontrib_bibtex_there_is_nothing_to_read(app) -> None:
    app.build()
    assert not adapter.bibtex_loaded(app.env)
    assert adapter.bib_files(app.env) == {} and adapter.cited_entries(app.env) == {}


def test_pybtex_collects_parse_errors_when_asked() -> None:
    broken = "@article{a, title={Unbalanced}, year={2020}\n@article{b, title={Fine}, year={2021}}"
    adapter.start_capturing_parse_errors()
    try:
        data = parse_string(broken, "bibtex")
    finally:
        errors = adapter.stop_capturing_parse_errors()
    assert len(errors) == 1 and isinstance(errors[0], PybtexSyntaxError)
    assert "b" in data.entries
    assert pybtex.errors.captured_errors is None
    with pytest.raises(PybtexSyntaxError):  # strict again
        parse_string(broken, "bibtex")


@pytest.mark.sphinx("latex", testroot="bib", freshenv=True)
def test_latex_cite_links_point_to_the_anchor_format(app) -> None:
    app.build()
    tex = (app.outdir / "bib.tex").read_text(encoding="utf-8")
    links = re.findall(r"\\hyperlink\{([^}]+)\}", tex[tex.index("A talk on") :])
    cited = adapter.cited_entries(app.env)
    assert links and all(link in {adapter.latex_citation_anchor("index", id_) for id_ in cited} for link in links)


def test_latex_moves_citations_at_the_priority_the_lists_run_before() -> None:
    assert BibliographyTransform.default_priority == adapter.LATEX_BIBLIOGRAPHY_PRIORITY


def test_two_projects_in_one_process_keep_their_own_owner(make_app, sphinx_test_tempdir, rootdir) -> None:
    """The second project's ``cv`` style must not format the first one's publications (pybtex has one registry)."""
    apps = {}
    for owner in ("Joe Benton", "Jane Benton"):
        srcdir = sphinx_test_tempdir / f"bib-owner-{owner.split()[0]}"
        shutil.rmtree(srcdir, ignore_errors=True)
        shutil.copytree(rootdir / "test-bib", srcdir)
        apps[owner] = make_app("html", srcdir=srcdir, freshenv=True, confoverrides={"cv_name": owner})
    for owner, app in apps.items():  # both configured before either builds
        app.build()
        html = (app.outdir / "index.html").read_text(encoding="utf-8")
        assert f"<strong>{owner}</strong>" in html
        other = next(name for name in apps if name != owner)
        assert f"<strong>{other}</strong>" not in html


def test_sphinxcontrib_bibtex_parses_with_the_parser_of_its_bibfile_module(tmp_path) -> None:
    """``read_comment_lines`` replaces that parser: a line starting with % is a comment, inside an entry too."""
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "%@article{gone, title={Commented out}}\n"
        "@article{a,\n  author = {Smith, A.},\n  %collaboration = {ATLAS},\n  title = {Whole},\n  year = {2021}\n}\n"
        "@article{b, title = {100\\% sure}, year = {2020}}\n",
        encoding="utf-8",
    )
    adapter.read_comment_lines()
    data = sphinxcontrib.bibtex.bibfile.parse_bibdata([bib], "utf-8").data
    assert list(data.entries) == ["a", "b"]
    assert dict(data.entries["a"].fields) == {"title": "Whole", "year": "2021"}
    assert data.entries["b"].fields["title"] == "100\\% sure"
