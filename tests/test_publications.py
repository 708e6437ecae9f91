"""Publications from refs.bib: bold owner, equal contribution, order, kinds, math, links, errors."""

from __future__ import annotations

import os
import pickle
import re
import shutil

import pytest
from conftest import compile_pdf, pdf_text
from pybtex.database import parse_string
from pybtex.richtext import Tag, Text
from pybtex.style import FormattedEntry
from sphinx_cv.bibliography.cache import FormatCache, StoredEntry


def _items(html: str) -> list[str]:
    return re.findall(r"<li id=\"[^\"]+\"><p>(.*?)</p></li>", html, flags=re.S)


@pytest.mark.sphinx("html", testroot="bib", freshenv=True)
def test_html_list(app, warning) -> None:
    app.build()
    assert warning.getvalue() == ""
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    items = _items(html)
    assert items[0].startswith('Nearly <math xmlns="http://www.w3.org/1998/Math/MathML"><mi>d</mi></math>-Linear')
    assert [re.sub(r"<[^>]+>", "", item).split(".")[0] for item in items] == [
        "Nearly d-Linear Bounds for Markov &amp; Co",  # math as MathML, escapes decoded
        "A Conference Paper With CamelCase Title",  # capitalisation kept
        "Workshop Paper",
        "Generative Modelling: Theory and Applications",  # newest first within a kind
        "São Paulo Preprint",
        "A Book",
        "A Report",
    ]
    journal, conference, workshop, _, preprint, *_ = items
    assert "50% of <math" in journal and "<mi>α</mi>" in journal and "$" not in html_text(html)
    # The owner in bold, however refs.bib spells the name; a namesake is not.
    assert "<strong>Joe Benton</strong><sup>*</sup>, Kamélia Daudel<sup>*</sup>, Jan Łukasiewicz." in journal
    assert "<strong>J.\xa0Benton</strong>, Jane Benton." in conference
    assert "Ann Smith, <strong>J.\xa0Benton</strong>." in workshop
    assert "<strong>Joseph Benton-Smith</strong>, Zoë Müller." in preprint  # cv_name_variants
    assert html.count("<strong>") == 7
    # Venue details, every entry with its year, identifiers as links, no [labels].
    assert "<em>Journal of Things</em>, 24(243):1–83, February 2024." in journal
    assert '<a class="reference external" href="https://doi.org/10.1000/xyz.123">doi:10.1000/xyz.123</a>' in journal
    assert '<a class="reference external" href="https://arxiv.org/abs/2301.00001">arXiv:2301.00001</a>' in conference
    assert 'href="https://example.org/paper?a=1&amp;b=2"' in workshop
    assert '<em>arXiv preprint, <a class="reference external" href="https://arxiv.org/abs/2210.01892">' in preprint
    assert all(re.search(r"\b20\d\d\b", item) for item in items)
    assert "[journal2024]" not in html and 'class="label"' not in html
    # One note explains the star; no heading of the bibliography's own.
    assert html.count('<p class="cv-equal-contribution"><sup>*</sup> equal contribution</p>') == 1
    assert "References" not in html_text(html) and "Bibliography" not in html_text(html)


def html_text(html: str) -> str:
    body = html[html.index('<div class="body"') : html.index('<div class="sphinxsidebar"')]
    return re.sub(r"<[^>]+>", "", body)


@pytest.mark.sphinx("html", testroot="bib", freshenv=True)
def test_cite_from_another_page_links_to_the_list(app) -> None:
    app.build()
    talks = (app.outdir / "talks.html").read_text(encoding="utf-8")
    target = re.search(
        r'A talk on <span class="bibtex-citation" id="[^"]+">Benton <em>et al.</em> \(<a '
        r'class="reference internal" href="index.html#([^"]+)"',
        talks,
    )
    assert target, talks
    index = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert f'<li id="{target[1]}"><p>Nearly <math' in index


@pytest.mark.sphinx("epub", testroot="bib", freshenv=True)
def test_epub_list_and_cite(app, warning) -> None:
    app.build()
    assert warning.getvalue() == ""
    index = (app.outdir / "index.xhtml").read_text(encoding="utf-8")
    assert "<strong>Joe Benton</strong><sup>*</sup>" in index
    talks = (app.outdir / "talks.xhtml").read_text(encoding="utf-8")
    assert 'href="index.xhtml#' in talks


@pytest.mark.sphinx("latex", testroot="bib", freshenv=True)
def test_latex_keeps_the_list_in_place(app, warning) -> None:
    app.build()
    assert warning.getvalue() == ""
    tex = (app.outdir / "bib.tex").read_text(encoding="utf-8")
    assert "thebibliography" not in tex and r"\sphinxcite" not in tex
    lists = tex[tex.index(r"\section{Journal articles}") : tex.index(r"\section{After the publications}")]
    assert lists.count(r"\begin{itemize}") == 4
    assert r"\sphinxstylestrong{Joe Benton}$^{\text{*}}$, Kamélia Daudel$^{\text{*}}$" in lists
    assert r"\sphinxhref{https://doi.org/10.1000/xyz.123}{doi:10.1000/xyz.123}" in lists
    assert r"\ensuremath{d}\sphinxhyphen{}Linear" in lists  # math as math
    talks = tex[tex.index(r"A talk on") :]
    target = re.search(r"\\hyperlink\{(cite\.index:[^}]+)\}", talks)
    assert target and rf"\hypertarget{{{target[1]}}}{{}}Nearly" in lists  # the citation links to the list
    text = " ".join(pdf_text(compile_pdf(app, "bib.tex")).split())
    positions = [
        text.index(title)
        for title in (
            "Nearly d-Linear",
            "A Conference Paper",
            "Workshop Paper",
            "Generative Modelling",
            "São Paulo",
            "A Book",
            "A Report",
            "AFTER THE PUBLICATIONS",
        )
    ]
    assert positions == sorted(positions)
    assert re.search(r"Joe Benton ?\* ?, Kamélia Daudel ?\* ?, Jan Łukasiewicz", text)  # superscript stars
    assert "References" not in text and "Bibliography" not in text
    assert "∗ equal contribution" in text or "* equal contribution" in text


@pytest.mark.parametrize("strict", [False, True])
def test_bad_bib_input_is_reported_at_its_line_and_the_rest_renders(make_app, sphinx_test_tempdir, rootdir, strict):
    """An entry that cannot be printed is a warning; one printed with what it has is a note, unless strict."""
    srcdir = sphinx_test_tempdir / f"bib-errors-{strict}"
    shutil.rmtree(srcdir, ignore_errors=True)
    shutil.copytree(rootdir / "test-bib-errors", srcdir)
    app = make_app("html", srcdir=srcdir, freshenv=True, confoverrides={"cv_bib_strict": strict})
    app.build()
    bib = app.srcdir / "refs.bib"
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()).splitlines()
    status = re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue()).splitlines()
    left_out = [
        f"{bib}:5: WARNING: malformed entry in the bibliography (syntax error in line 7: '}}' expected); "
        "check its braces, quotes and commas (the entry is left out or incomplete) [cv.bib]",
        f"{bib}:8: WARNING: repeated bibliography entry: good; give each entry its own key "
        "(the first one is kept, this one is left out) [cv.bib]",
    ]
    printed = [
        f"{bib}:2: bibliography entry 'notitle' has no title; add title = {{...}} (the entry is listed without it)",
        f"{bib}:3: bibliography entry 'noyear' has no year; add year = {{...}} (the entry is listed without it)",
    ]
    for line in left_out:
        assert line in warnings
    for line in printed:
        warning = line.replace(": bibliography", ": WARNING: bibliography") + " [cv.bib]"
        assert (warning in warnings) is strict
        assert (line in status) is not strict
    assert any(line.startswith("3 notes on the bibliography") for line in status) is not strict
    assert any(
        'index.md:3: WARNING: could not find bibtex key "nosuchkey" [bibtex.key_not_found]' in line for line in warnings
    )
    assert "Traceback" not in app.warning.getvalue()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    for title in ("Good Paper", "No Year", "After the broken one"):
        assert title in html
    assert "Duplicate" not in html


def test_bib_errors_are_repeated_until_the_file_is_fixed(make_app, sphinx_test_tempdir, rootdir) -> None:
    """sphinxcontrib-bibtex parses refs.bib only when it changes; its errors must not vanish with the next build."""
    srcdir = sphinx_test_tempdir / "bib-errors-twice"
    shutil.rmtree(srcdir, ignore_errors=True)
    shutil.copytree(rootdir / "test-bib-errors", srcdir)
    malformed = "refs.bib:5: WARNING: malformed entry in the bibliography"
    for fresh in (True, False):
        app = make_app("html", srcdir=srcdir, freshenv=fresh)
        app.build()
        assert malformed in app.warning.getvalue(), f"not repeated (fresh environment: {fresh})"
    bib = srcdir / "refs.bib"
    fixed_entry = "{Balanced {brace}}, author={X}, journal={J}"
    bib.write_text(bib.read_text().replace("{Unbalanced {brace}, author={X}", fixed_entry))
    os.utime(bib, (bib.stat().st_atime, bib.stat().st_mtime + 10))
    fixed = make_app("html", srcdir=srcdir)
    fixed.build()
    assert "malformed entry" not in fixed.warning.getvalue()
    assert "Balanced brace" in (fixed.outdir / "index.html").read_text(encoding="utf-8")


def test_a_latin_1_bib_file_warns_at_its_lines_too(make_app, sphinx_test_tempdir, rootdir) -> None:
    srcdir = sphinx_test_tempdir / "bib-latin-1"
    shutil.rmtree(srcdir, ignore_errors=True)
    shutil.copytree(rootdir / "test-bib-errors", srcdir)
    entries = "@article{m, author={M\u00fcller, Jos\u00e9}, title={Caf\u00e9}, journal={J}}\n@article{n, title={N}}\n"
    (srcdir / "refs.bib").write_bytes(entries.encode("latin-1"))
    app = make_app(
        "html", srcdir=srcdir, freshenv=True, confoverrides={"bibtex_encoding": "latin-1", "cv_bib_strict": True}
    )
    app.build()
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    assert f"{srcdir / 'refs.bib'}:1: WARNING: bibliography entry 'm' has no year" in warnings
    assert f"{srcdir / 'refs.bib'}:2: WARNING: bibliography entry 'n' has no year or author" in warnings
    assert "Müller" in (app.outdir / "index.html").read_text(encoding="utf-8")


def test_formatted_publications_are_cached_between_builds(make_app, sphinx_test_tempdir, rootdir) -> None:
    """An incremental build reuses the last build's formatted entries, and an edited entry is formatted anew."""
    srcdir = sphinx_test_tempdir / "bib-cache"
    shutil.rmtree(srcdir, ignore_errors=True)
    shutil.copytree(rootdir / "test-bib", srcdir)
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    cache = app.doctreedir / "sphinx_cv_publications.pickle"
    assert cache.exists()
    bib = srcdir / "refs.bib"
    bib.write_text(bib.read_text().replace("A Conference Paper With CamelCase Title", "An Edited Title"))
    os.utime(bib, (bib.stat().st_atime, bib.stat().st_mtime + 10))
    again = make_app("html", srcdir=srcdir)
    again.build()
    html = (again.outdir / "index.html").read_text(encoding="utf-8")
    assert "An Edited Title. <strong>J.\xa0Benton</strong>, Jane Benton." in html
    assert "CamelCase" not in html
    assert "<strong>Joe Benton</strong><sup>*</sup>, Kamélia Daudel<sup>*</sup>" in html


BIB = "@article{a, title = {First}, author = {Benton, Joe}, journal = {J}, year = {2024}}"


def _formatted(title: str) -> FormattedEntry:
    return FormattedEntry("a", Text(Tag("strong", title), "."), "a")


def _unexpected() -> FormattedEntry:
    raise AssertionError("formatted again although the last build's text was kept")


def test_format_cache_reuses_what_the_last_build_formatted(tmp_path) -> None:
    entry = parse_string(BIB, "bibtex").entries["a"]
    first = FormatCache(salt=(1, "Joe Benton"))
    assert first.get("a", entry, lambda: _formatted("First")).text.render_as("text") == "First."
    first.save(tmp_path / "cache.pickle")

    again = FormatCache(salt=(1, "Joe Benton"))
    again.load(tmp_path / "cache.pickle")
    assert again.get("a", entry, _unexpected).text.render_as("text") == "First."

    edited = parse_string(BIB.replace("First", "Edited"), "bibtex").entries["a"]
    assert again.get("a", edited, lambda: _formatted("Edited")).text.render_as("text") == "Edited."

    other_owner = FormatCache(salt=(1, "Jane Benton"))
    other_owner.load(tmp_path / "cache.pickle")
    assert other_owner.get("a", entry, lambda: _formatted("Bold")).text.render_as("text") == "Bold."

    (tmp_path / "cache.pickle").write_bytes(b"not a pickle")
    broken = FormatCache(salt=(1, "Joe Benton"))
    broken.load(tmp_path / "cache.pickle")
    assert broken.previous == {}


def test_stored_entry_keeps_its_text_pickled_until_used() -> None:
    stored = pickle.loads(pickle.dumps(StoredEntry.of(_formatted("Lazy"))))
    assert (stored.key, stored.label, stored._text) == ("a", "a", None)
    assert stored.text.render_as("html") == "<strong>Lazy</strong>."


def test_month_numbers_for_sorting_and_json() -> None:
    from sphinx_cv.bibliography.bibdates import month_number

    written = ["February", "feb", "Sept.", "{Mar}", "2", "12", "13", "", "spring"]
    assert [month_number(month) for month in written] == [2, 2, 9, 3, 2, 12, None, None, None]
