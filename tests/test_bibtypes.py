"""Every entry type researchers' ``.bib`` files use is set, none crashes the build and none is lost; BibLaTeX is read
as BibLaTeX; identifiers, months, ``and others`` and collaborations come out as academics write them."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pybtex.database import Entry, Person, parse_file
from sphinx_cv.bibliography.bibdates import date_parts
from sphinx_cv.bibliography.latex import field_text, parsed_text, unknown_macros
from sphinx_cv.bibliography.names import name_key, person, same_person
from sphinx_cv.bibliography.normalise import doi_of, entry_language, normalise_entry
from sphinx_cv.bibliography.style import owner_style, register_shared_styles

FIELDS = ["date", "year", "month", "journaltitle", "journal", "location", "institution", "school", "doi", "eprint"]
FIELDS += ["archivePrefix", "eprinttype", "arxiv", "url", "primaryClass"]


@pytest.mark.parametrize(
    ("date", "parts"),
    [
        ("2021", ("2021", "", "")),
        ("2021-05", ("2021", "5", "")),
        ("2021-05-17", ("2021", "5", "17")),
        ("2020/2021", ("2020", "", "")),
        ("2021-05-17/2021-05-20", ("2021", "5", "17")),
        ("2021-05/", ("2021", "5", "")),
        ("2021~", ("2021", "", "")),
        ("2021-05?", ("2021", "5", "")),
        ("May 2021", None),
        ("", None),
    ],
)
def test_a_biblatex_date_gives_its_start(date, parts) -> None:
    assert date_parts(date) == parts


@pytest.mark.parametrize(
    "written",
    [
        "10.1000/x.1",
        "https://doi.org/10.1000/x.1",
        "http://dx.doi.org/10.1000/x.1",
        "doi:10.1000/x.1",
        " DOI: 10.1000/x.1 ",
    ],
)
def test_a_doi_in_any_spelling_is_the_doi(written) -> None:
    assert doi_of(written) == "10.1000/x.1"


def test_biblatex_fields_give_the_bibtex_ones_and_the_files_own_win() -> None:
    fields = {"title": "T", "date": "2019-09", "institution": "Cambridge", "journaltitle": "J", "location": "Oxford"}
    entry = Entry("thesis", fields={**fields, "archivePrefix": "arXiv", "arxiv": "2401.00001"})
    normalise_entry(entry)
    found = [entry.fields[name] for name in ("year", "month", "school", "journal", "address", "eprinttype", "eprint")]
    assert found == ["2019", "9", "Cambridge", "J", "Oxford", "arXiv", "2401.00001"]
    given_ = Entry("article", fields={"year": "2020", "date": "2019-01", "journal": "Own", "journaltitle": "Other"})
    normalise_entry(given_)
    assert (given_.fields["year"], given_.fields["journal"], given_.fields.get("month")) == ("2020", "Own", None)


@pytest.mark.parametrize(
    ("entry_type", "fields", "read_as"),
    [
        ("article", {"eprint": "2401.00001", "archivePrefix": "arXiv"}, "preprint"),  # INSPIRE, before a journal
        ("article", {"eprint": "2401.00001"}, "preprint"),
        ("article", {"eprint": "2401.00001", "journal": "Phys. Rev. D"}, "article"),
        ("article", {"eprint": "2410.06257", "journal": "arXiv e-prints"}, "preprint"),  # ADS
        ("article", {"journal": "arXiv preprint arXiv:2301.00001"}, "preprint"),  # Google Scholar: the id too
        ("article", {"journal": "CoRR", "volume": "abs/1802.07980", "eprint": "1802.07980"}, "preprint"),  # DBLP
        ("article", {"eprint": "12345", "eprinttype": "pubmed"}, "article"),  # a PubMed id: published
        ("article", {"eprint": "https://example.org/p"}, "article"),
        ("inproceedings", {"eprint": "2401.00001"}, "inproceedings"),
    ],
)
def test_an_arxiv_article_without_a_journal_is_a_preprint(entry_type, fields, read_as) -> None:
    entry = Entry(entry_type, fields={"title": "T", **fields})
    normalise_entry(entry)
    assert entry.type == read_as
    from_journal = "2301.00001" if "arXiv:" in fields.get("journal", "") else None
    assert entry.fields.get("eprint") == fields.get("eprint", from_journal)


@given(st.dictionaries(st.sampled_from(FIELDS), st.text(max_size=30)), st.sampled_from(["article", "thesis", "misc"]))
def test_normalising_twice_changes_nothing(fields, entry_type) -> None:
    entry = Entry(entry_type, fields=fields)
    normalise_entry(entry)
    once = (entry.type, dict(entry.fields))
    normalise_entry(entry)
    assert (entry.type, dict(entry.fields)) == once


def _text(markup: str) -> str:
    """The page's text, as it reads: no space where a tag ended before a comma or a full stop."""
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())
    return re.sub(r" ([,.)])", r"\1", text)


@pytest.mark.sphinx("html", testroot="bibtypes", freshenv=True, confoverrides={"cv_bib_strict": True})
def test_every_entry_type_is_set_and_none_is_lost(app, rootdir) -> None:
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    text = _text(page)
    bib = rootdir / "test-bibtypes" / "refs.bib"
    titles = [entry.fields["title"] for entry in parse_file(bib).entries.values()]
    assert len(titles) == 25 and [title for title in titles if "mymacro" not in title and title not in text] == []
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()).splitlines()
    line = next(number for number, text in enumerate(bib.read_text().splitlines(), 1) if text.startswith("@award"))
    assert len(warnings) == 3, warnings
    assert "'article' has pdf = {article.pdf}, a file of an al-folio site, not an address" in warnings[0]
    macro = next(
        number for number, text in enumerate(bib.read_text().splitlines(), 1) if text.startswith("@article{macro")
    )
    assert warnings[2].startswith(
        f"{app.srcdir / 'refs.bib'}:{macro}: WARNING: bibliography entry 'macro' uses \\mymacro"
    )
    assert "A Title With Words" in text and "Journal of Tests" in text
    assert warnings[1].startswith(f"{app.srcdir / 'refs.bib'}:{line}: WARNING: bibliography entry 'award' is a @award")
    assert "it is set as @misc" in warnings[1] and warnings[1].endswith("[cv.bib]")
    assert "missing" not in text
    # and others, collaboration
    assert "Joe Benton, A. Smith, et al. Journal of Tests" in text
    assert "et al. (CMS Collaboration)" in text
    # identifiers
    assert 'href="https://doi.org/10.1000/abc.1"' in page and "doi.org/https" not in page
    assert 'href="https://doi.org/10.1000/abc.2"' in page and "doi:doi:" not in text
    assert 'href="https://arxiv.org/abs/2401.00001"' in page and 'href="https://arxiv.org/abs/2402.00002"' in page
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/12345678"' in page
    assert 'href="https://academic.oup.com/paper"' in page and "arXiv:https" not in text
    # months, whatever their spelling; BibLaTeX dates
    assert "June 2024" in text and "August 2023" in text and "August 2010" in text
    assert "September 2019" in text and "March 2018" in text and "May 2021" in text
    assert "Journal of Dates, May 2021, in press." in text and "University of Cambridge" in text
    assert "PhD thesis, University of Cambridge" in text and "Master's thesis, University of Oxford" in text
    # al-folio's links: the page that is the DOI's once, code and slides, not a file of the al-folio site
    article = next(item for item in re.findall(r"<li[^>]*>(.*?)</li>", page, flags=re.S) if "An Article" in item)
    assert article.count("10.1000/abc.1") == 2  # the DOI's link and its text, not the html field again
    assert '<a class="reference external" href="https://github.com/example/code">Code</a>' in article
    assert '<a class="reference external" href="https://example.org/slides.pdf">Slides</a>' in article
    assert "article.pdf" not in article and "PDF" not in article
    # a publication without authors: its editors
    assert "Proceedings Edited. Joe Benton (ed.). Test Press, 2017." in text


@pytest.mark.sphinx("html", testroot="bibtypes", freshenv=True, confoverrides={"language": "de"})
def test_months_and_et_al_are_in_the_cvs_language(app) -> None:
    app.build()
    text = _text((app.outdir / "index.html").read_text(encoding="utf-8"))
    assert "Juni 2024" in text and "August 2023" in text and "et al. (CMS-Kollaboration)" in text
    assert "Dissertation, University of Cambridge" in text and "Masterarbeit, University of Oxford" in text
    assert "Joe Benton (Hrsg.). Test Press" in text and "Folien" in text
    assert "Journal of Dates, Mai 2021, im Druck." in text  # pubstate
    assert "https://example.org/page (abgerufen am 2. Mai 2025)." in text  # urldate
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<li id="[^"]+" lang="fr"><p>A Web Page\.', page)  # langid
    assert page.count(' lang="') == 2  # the page's and the entry's


@pytest.mark.parametrize(
    ("latex", "text", "html"),
    [
        # accents in every spelling, symbols, spaces, ligatures
        (r"G{\"o}del, \"{o}, {\a'e}, \'\i, {\c c}, {\ss}, \o, \L", "Gödel, ö, é, í, ç, ß, ø, Ł", None),
        (r"A \& B, 50\%, a\,b, 1--2, 3---4", "A & B, 50%, a b, 1–2, 3—4", None),
        # font commands
        (
            r"\textit{Gaia} and {\it in vivo} and \emph{x}",
            "Gaia and in vivo and x",
            "<em>Gaia</em> and <em>in vivo</em>",
        ),
        (r"\textbf{B}, \textsc{Ab}, 4\textsuperscript{th}", "B, Ab, 4th", "<strong>B</strong>, Ab, 4<sup>th</sup>"),
        (r"{\emph{In vivo}} and {\textbf{B}}", "In vivo and B", "<em>In vivo</em> and <strong>B</strong>"),
        (r"\enquote{quoted} \url{https://example.org}", "“quoted” https://example.org", None),
        # ADS's journal macros
        (r"\apj, \apjl, \mnras, \aap, \nat", "ApJ, ApJL, MNRAS, A&A, Nature", None),
        (r"for \raisebox{-0.5ex}\textasciitilde700 galaxies", "for ~700 galaxies", None),
        # math, in single and double braces (INSPIRE)
        (r"{{$\sqrt{s}$ = 13 TeV}}", "√s = 13 TeV", "√<em>s</em> = 13 TeV"),
        (r"H$_{2}$CO and N$_2$H$^+$", "H2CO and N2H+", "H<sub>2</sub>CO and N<sub>2</sub>H<sup>+</sup>"),
        (r"$\beta^*$ and $\Lambda$CDM", "β* and ΛCDM", "β<sup>*</sup> and ΛCDM"),
        (r"{\ensuremath{\sqrt{}}}(s) = 13 TeV", "√(s) = 13 TeV", None),
        (r"K\textasteriskcentered 0 and H {\textrightarrow} b", "K⁎0 and H → b", None),
    ],
)
def test_latex_in_a_field_is_the_text_it_stands_for(latex, text, html) -> None:
    shown, unknown = field_text(latex)
    assert str(shown) == text and unknown == frozenset()
    assert html is None or html in shown.render_as("html")
    assert "\\" not in str(shown) and "$" not in str(shown)


def test_an_unknown_macro_keeps_its_argument_and_is_named() -> None:
    shown, unknown = field_text(r"\myname{Surname} and \student{Doe}, \foo")
    assert str(shown) == "Surname and Doe, " and unknown == {"myname", "student", "foo"}


LATEX_PIECES = [r"\\", "\\", "{", "}", "$", "^", "_", "~", "%", " ", "a", "é", "@", "#", "&", "'", '"', "[", "]"]
LATEX_PIECES += [r"\myname", r"\textbf", r"\it", r"\apj", r"\sqrt", r"\ensuremath", r"\raisebox", r"\'", r"\\\"", r"\a"]
LATEX_PIECES += [r"\begin", r"\verb", r"\ss", r"\o", r"\enquote", r"\url", r"\unknown", r"\&", r"\,", r"\ ", r"\à"]


@given(st.lists(st.sampled_from(LATEX_PIECES), max_size=12).map("".join))
def test_the_unknown_macros_are_found_without_parsing_too(latex) -> None:
    assert unknown_macros(latex) == field_text(latex)[1]


def _read_alike(latex: str) -> None:
    (shown, unknown), (parsed, parsed_unknown) = field_text(latex), parsed_text(latex)
    assert (str(shown), shown.render_as("html"), unknown) == (str(parsed), parsed.render_as("html"), parsed_unknown)


@pytest.mark.parametrize("char", [chr(code) for code in range(32, 127) if not chr(code).isalnum()])
def test_a_field_read_without_parsing_is_what_parsing_gives(char) -> None:
    """Most fields are plain text, which field_text does not parse: every ASCII character, alone and followed by any
    other (``--``, ``''``, ``!```), gives what parsing gives."""
    for other in (chr(code) for code in range(32, 127) if not chr(code).isalnum() or chr(code) == "a"):
        _read_alike(f"a{char}{other}b {char}")


@given(st.text())
def test_any_field_read_without_parsing_is_what_parsing_gives(latex) -> None:
    _read_alike(latex)


@pytest.mark.parametrize(
    ("written", "same"),
    [
        ("Rashid, NU", True),
        ("Rashid, N. U.", True),
        ("Rashid, Naim U", True),
        ("Rashid, AB", False),
        ("Rashid, Nancy", False),
    ],
)
def test_initials_written_together_are_initials(written, same) -> None:
    assert same_person(name_key(person("Naim U. Rashid")), name_key(person(written))) is same


def _authors(count: int, owner_at: int | None, *, others: bool = False) -> str:
    register_shared_styles()
    style = owner_style(["Joe Benton"], "en", max_authors=5)()
    names = [f"Author{chr(65 + index)}, Ann" for index in range(count)]
    if owner_at is not None:
        names[owner_at] = "Benton, Joe"
    persons = [Person(name) for name in names] + ([Person("others")] if others else [])
    entry = Entry("misc", fields={"title": "T", "year": "2024"}, persons={"author": persons})
    text = style.format_entry("x", entry).text.render_as("text")
    return text.removeprefix("T. ").removesuffix(" 2024.").replace("\xa0", " ")


def test_a_long_author_list_is_shortened_around_the_owner() -> None:
    assert _authors(5, 4) == "Ann AuthorA, Ann AuthorB, Ann AuthorC, Ann AuthorD, Joe Benton."  # up to the limit
    assert _authors(5, None, others=True) == "Ann AuthorA, Ann AuthorB, Ann AuthorC, Ann AuthorD, Ann AuthorE, et al."
    assert _authors(40, 17) == "Ann AuthorA, Ann AuthorB, Ann AuthorC, …, Joe Benton, et al."
    assert _authors(40, 39) == "Ann AuthorA, Ann AuthorB, Ann AuthorC, …, Joe Benton."  # the last author
    assert _authors(40, 1) == "Ann AuthorA, Joe Benton, Ann AuthorC, et al."
    assert _authors(40, None) == "Ann AuthorA, Ann AuthorB, Ann AuthorC, et al."
    assert _authors(6, 5, others=True) == "Ann AuthorA, Ann AuthorB, Ann AuthorC, …, Joe Benton, et al."


def test_an_ads_preprint_names_its_arxiv_id_once() -> None:
    register_shared_styles()
    style = owner_style(["Joe Benton"], "en")()
    fields = {"title": "T", "year": "2024", "journal": "arXiv e-prints", "pages": "arXiv:2410.06257"}
    fields |= {"eprint": "2410.06257", "archivePrefix": "arXiv", "doi": "10.48550/arXiv.2410.06257"}
    entry = Entry("article", fields=fields, persons={"author": [Person("Benton, Joe")]})
    normalise_entry(entry)
    text = style.format_entry("x", entry).text.render_as("text")
    assert text == "T. Joe Benton. arXiv:2410.06257, 2024."


def test_a_dblp_preprint_names_its_arxiv_id_once() -> None:
    register_shared_styles()
    fields = {"title": "T", "year": "2018", "journal": "CoRR", "volume": "abs/1802.07980", "eprinttype": "arXiv"}
    fields |= {"eprint": "1802.07980", "url": "http://arxiv.org/abs/1802.07980"}
    entry = Entry("article", fields=fields, persons={"author": [Person("Benton, Joe")]})
    normalise_entry(entry)
    text = owner_style(["Joe Benton"], "en")().format_entry("x", entry).text.render_as("text")
    assert text == "T. Joe Benton. arXiv:1802.07980, 2018."


@pytest.mark.parametrize(
    ("pubstate", "shown"), [("inpress", "in press"), ("submitted", "submitted"), ("Accepted", "Accepted")]
)
def test_a_publication_not_yet_out_says_so(pubstate, shown) -> None:
    register_shared_styles()
    style = owner_style(["Joe Benton"], "en")()
    entry = Entry("article", fields={"title": "T", "journal": "Nature", "pubstate": pubstate})
    entry.persons["author"] = [Person("Benton, Joe")]
    assert style.format_entry("x", entry).text.render_as("text") == f"T. Joe Benton. Nature, {shown}."


@pytest.mark.parametrize(
    ("entry_type", "fields", "field_name", "shown"),
    [
        ("incollection", {"maintitle": "Handbook of Statistics", "booktitle": "Bayesian Methods"}, "booktitle",
         "Handbook of Statistics. Bayesian Methods"),
        ("inbook", {"maintitle": "Collected Works?"}, "booktitle", "Collected Works?"),
        ("book", {"maintitle": "Lectures", "title": "Volume Two"}, "title", "Lectures. Volume Two"),
    ],
)  # fmt: skip
def test_a_maintitle_goes_before_the_title_of_its_part(entry_type, fields, field_name, shown) -> None:
    entry = Entry(entry_type, fields={"title": "T", **fields})
    normalise_entry(entry)
    normalise_entry(entry)
    assert entry.fields[field_name] == shown


@pytest.mark.parametrize(
    ("language", "urldate", "shown"),
    [
        ("en", "2024-05-02", " (accessed May 2, 2024)"),
        ("en", "2024-05", ""),  # no day: nothing
        ("en", "2024-02-30", ""),
        ("en", "yesterday", ""),
    ],
)
def test_the_day_an_address_was_visited_follows_it(language, urldate, shown) -> None:
    register_shared_styles()
    style = owner_style(["Joe Benton"], language)()
    entry = Entry("online", fields={"title": "T", "year": "2024", "url": "https://example.org/x", "urldate": urldate})
    entry.persons["author"] = [Person("Benton, Joe")]
    assert style.format_entry("x", entry).text.render_as("text").endswith(f"https://example.org/x{shown}.")


@pytest.mark.parametrize(
    ("fields", "language"),
    [
        ({"langid": "ngerman"}, "de"),
        ({"langid": "brazil"}, "pt"),
        ({"langid": "en-GB"}, "en"),
        ({"language": "French"}, "fr"),
        ({"language": "eng"}, "en"),
        ({"langid": "klingon"}, None),
        ({}, None),
    ],
)
def test_the_language_of_an_entry_is_read_from_its_langid(fields, language) -> None:
    assert entry_language(Entry("article", fields=fields)) == language


def test_the_last_cv_style_registered_is_the_one_found_and_the_shared_ones_are_found() -> None:
    """Registered through pybtex's and sphinxcontrib-bibtex's public register_plugin (force: the last one wins)."""
    from pybtex.plugin import find_plugin
    from sphinx_cv.bibliography.style import AuthorYearReferences, NewestFirst, register_style
    from sphinxcontrib.bibtex.plugin import find_plugin as find_bibtex_plugin

    first, second = owner_style(["Ada Lovelace"]), owner_style(["Charles Babbage"])
    register_style(first)
    register_style(second)
    assert find_plugin("pybtex.style.formatting", "cv") is second
    register_shared_styles()
    assert find_plugin("pybtex.style.sorting", "cv_newest_first") is NewestFirst
    assert find_bibtex_plugin("sphinxcontrib.bibtex.style.referencing", "cv") is AuthorYearReferences
