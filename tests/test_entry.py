"""``cv-entry``: every option, in every builder."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import compile_pdf, pdf_text
from cv_facts import squeeze

SPECIAL_TITLE = r"Prize for 50% of R&D_costs #1 {braces} ~tilde^caret \backslash $dollar"


@pytest.mark.sphinx("html", testroot="entry", freshenv=True)
def test_html(app, warning) -> None:
    app.build()
    assert warning.getvalue() == ""
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    first = html[html.index('<article class="cv-entry cv-tag-academic cv-tag-short"') :]
    first = first[: first.index("</article>")]
    assert '<h2 class="cv-entry-title"><a class="reference external" href="https://www.stats.ox.ac.uk/">' in first
    assert "D.Phil. in <em>Statistics</em>" in first
    assert '<p class="cv-entry-org">Department of Statistics, <strong>University of Oxford</strong></p>' in first
    assert '<time datetime="2021">2021</time> – <time datetime="2023">2023</time>' in first
    assert '<p class="cv-entry-location">Oxford, UK</p>' in first
    assert '<div class="cv-entry-body"><p>Thesis title: <em>Generative Modelling' in first
    assert "<li><p>second point</p></li>" in first
    # Characters special to HTML and LaTeX come out as written, escaped.
    assert "Prize for 50% of R&amp;D_costs #1 {braces} ~tilde^caret \\backslash $dollar" in html
    assert "Société Générale — São Paulo &amp; Łódź" in html
    assert '<time datetime="2019-03">Mar 2019</time> – <span>Present</span>' in html
    # An undated entry has no meta column, and no body.
    undated = html[html.index("Undated entry") :]
    undated = undated[: undated.index("</article>")]
    assert "cv-entry-meta" not in undated and "cv-entry-body" not in undated
    assert '<link rel="stylesheet" type="text/css" href="_static/sphinx_cv.css' in html
    assert (app.outdir / "_static" / "sphinx_cv.css").exists()


@pytest.mark.sphinx("text", testroot="entry", freshenv=True)
def test_text(app, warning) -> None:
    app.build()
    assert warning.getvalue() == ""
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert (
        "D.Phil. in *Statistics* — Department of Statistics, **University of Oxford** (2021 – 2023, Oxford, UK)"
        in " ".join(text.split())
    )
    assert "   Thesis title:" in text
    assert "Undated entry\n" in text


@pytest.mark.sphinx("latex", testroot="entry", freshenv=True)
def test_latex_compiles(app, warning) -> None:
    app.build()
    assert warning.getvalue() == ""
    tex = (app.outdir / "entry.tex").read_text(encoding="utf-8")
    assert r"\usepackage{sphinxcv}" in tex
    assert r"\sphinxcvdates{\mbox{2021} – \mbox{2023}}" in tex  # a range breaks only at its dash
    assert r"\sphinxcvtitle{Prize for 50\% of R\&D\_costs \#1 \{braces\}" in tex
    assert (
        r"\sphinxcvtitle{\sphinxhref{https://www.stats.ox.ac.uk/}{D.Phil. in \sphinxstyleemphasis{Statistics}}}" in tex
    )
    assert r"\sphinxcvlocation{Oxford, UK}" in tex
    assert (app.outdir / "sphinxcv.sty").exists()
    text = " ".join(pdf_text(compile_pdf(app, "entry.tex")).split())
    assert SPECIAL_TITLE in text
    assert "Updated" not in text  # no date of the last change (no git, no SOURCE_DATE_EPOCH): none in the footer
    assert "Société Générale — São Paulo & Łódź" in text
    assert "Αθήνα, £ and €" in text
    # The dates sit on the title's line, to its right.
    assert re.search(r"D\.Phil\. in Statistics +2021 – 2023", pdf_text(app.outdir / "entry.pdf", layout=True))


@pytest.mark.sphinx("epub", testroot="entry", freshenv=True)
def test_epub(app, warning) -> None:
    app.build()
    assert warning.getvalue() == ""
    xhtml = (app.outdir / "index.xhtml").read_text(encoding="utf-8")
    assert '<time datetime="2021">2021</time>' in xhtml
    assert (app.outdir / "_static" / "sphinx_cv.css").exists()


@pytest.mark.parametrize(("builder", "output"), [("man", "entrytest.1"), ("texinfo", "entrytest.texi")])
def test_other_builders(make_app, sphinx_test_tempdir, rootdir, builder, output) -> None:
    srcdir = sphinx_test_tempdir / f"entry-{builder}"
    shutil.copytree(rootdir / "test-entry", srcdir, dirs_exist_ok=True)
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    app.build()
    text = (app.outdir / output).read_text(encoding="utf-8")
    assert "Department of Statistics" in text
    assert "Thesis title" in text


@pytest.mark.sphinx("html", testroot="date-text", freshenv=True)
def test_dates_written_as_text_are_shown_as_written_and_sorted_by_their_first_year(app) -> None:
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    titles = re.findall(r'<h2 class="cv-entry-title">([^<]*)', html)
    assert titles == ["Lecturer", "Both given", "Reviewer", "Teaching assistant"]  # 2021, 2020, 2019, no year
    assert '<p class="cv-entry-dates"><span>2019, 2023, 2026</span></p>' in html
    assert "<span>ESS 469/569 &amp; #1 {x} ~ ^ \\ $</span>" in html
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    assert re.fullmatch(
        r".*index\.md:\d+: WARNING: give :dates: or :date-text:, not both; :dates: is shown \[cv\.date\]\n", warnings
    )


@pytest.mark.sphinx("latex", testroot="date-text", freshenv=True)
def test_dates_written_as_text_are_text_in_the_pdf(app) -> None:
    app.build()
    tex = next(app.outdir.glob("*.tex"))
    assert r"\sphinxcvdates{2019, 2023, 2026}" in tex.read_text(encoding="utf-8")
    assert squeeze("ESS 469/569 & #1 {x} ~ ^ \\ $") in squeeze(pdf_text(compile_pdf(app, tex.name)))  # it may wrap
