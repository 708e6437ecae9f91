"""Each entry says what its fields say (``tests/roots/test-bib-truths``): a thesis's ``type`` wins over its entry
type, a report's type and a book's place are printed, an issue without a volume is kept, an ISO date in ``year`` is
a year and a month, a collaboration is named once; ``and and``, a name without a surname and the same paper twice
are noted at their lines, and every entry is still listed."""

from __future__ import annotations

import html
import json
import re

import pytest
from conftest import copy_root


def _items(app) -> dict[str, str]:
    """Each listed entry's title -> its text, in the page's order."""
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    items = [html.unescape(re.sub(r"<[^>]+>", "", item)) for item in re.findall(r"<li id=[^>]*><p>(.*?)</p>", page)]
    return {item.split(". ")[0]: item for item in items}


def _status(app) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", app.status.getvalue())


@pytest.mark.sphinx("html", testroot="bib-truths", freshenv=True)
def test_each_entry_is_printed_as_its_fields_say(app) -> None:
    app.build()
    items = _items(app)
    assert len(items) == 15
    # a thesis's type wins over its entry type, and is never promoted to a PhD
    assert items["Casas de Brasília"].endswith(
        "Dissertação de Mestrado em Arquitetura, Universidade de Brasília, 2009."
    )
    assert "Master's thesis, Universidade do Porto" in items["Keyed Master"]  # @phdthesis, type = {mathesis}
    assert "PhD thesis, Universidade de Lisboa, March 2014" in items["Keyed Doctorate"]  # @thesis, type = {phdthesis}
    assert "Master's thesis, Universidade do Minho" in items["Plain Masters"]
    assert items["Untyped Thesis"] == "Untyped Thesis. Ana Silva. Universidade de Coimbra, 2005."
    assert "PhD" not in " ".join(text for title, text in items.items() if title != "Keyed Doctorate")
    # a report's type and number, its place; a book's place; a misc's type
    assert items["A Research Report"].endswith("Inria, Rennes, Research Report RR-8000, 2012.")
    assert items["A Book"].endswith("Editora Perspectiva, São Paulo, 2010.")
    assert items["A Package"].endswith("Computer software, CRAN, 2011.")
    # an issue without a volume
    assert items["Issue Only"].endswith("Revista, (7):1–9, 2013.")
    # an ISO date in year: the year, and the month for sorting (after June 2013 among the newest)
    assert items["Zotero Dated"].endswith("Ecosphere, December 2013.")
    titles = list(items)
    assert titles.index("Zotero Dated") < titles.index("Plain Year") < titles.index("A Research Report")
    # a collaboration that is the author is named once
    assert items["Team Paper"] == "Team Paper. ATLAS Collaboration. Phys. Lett. B, 2015."
    # "and and" leaves no author called "and J. Gall"; the same DOI twice keeps both entries
    assert "Ana Silva, J.\xa0Gall." in items["Doubled And"]
    assert "Twice" in items and "Twice, Again" in items


@pytest.mark.sphinx("html", testroot="bib-truths", freshenv=True)
def test_mistakes_of_the_name_lists_and_repeated_papers_are_noted_at_their_lines(app) -> None:
    app.build()
    bib = app.srcdir / "refs.bib"
    lines = bib.read_text(encoding="utf-8").splitlines()
    doubled = next(number for number, line in enumerate(lines, 1) if "and and" in line)
    second = next(number for number, line in enumerate(lines, 1) if line.startswith("@article{second"))
    status = _status(app)
    assert f"{bib}:{doubled}: 'and and' in a list of names: BibTeX reads it as one 'and'" in status
    assert f"{bib}:{second}: bibliography entry 'second' is 'first' again (the same DOI); both are listed" in status
    assert "2 notes on the bibliography" in status
    assert app.warning.getvalue() == ""


def test_a_name_without_a_surname_and_the_same_title_and_year_warn_when_strict(make_app, rootdir, tmp_path) -> None:
    srcdir = copy_root(rootdir, "test-bib-truths", tmp_path)
    bib = srcdir / "refs.bib"
    bib.write_text(
        bib.read_text(encoding="utf-8")
        + "\n@article{empty, author={Silva, Ana and , B.}, title={Plain Year}, journal={J}, year={2013}}\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=srcdir, freshenv=True, confoverrides={"cv_bib_strict": True})
    app.build()
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    assert "bibliography entry 'empty' has a name without a surname in its author list ('B.')" in warnings
    assert "bibliography entry 'empty' is 'plainyear' again (the same title and year)" in warnings
    assert warnings.count("[cv.bib]") == 4


@pytest.mark.sphinx("html", testroot="bib-truths", freshenv=True, confoverrides={"language": "de"})
def test_a_thesis_kind_is_said_in_the_cv_language(app) -> None:
    app.build()
    items = _items(app)
    assert "Masterarbeit, Universidade do Porto" in items["Keyed Master"]
    assert "Dissertation, Universidade de Lisboa, März 2014" in items["Keyed Doctorate"]
    assert "Dissertação de Mestrado em Arquitetura" in items["Casas de Brasília"]  # the file's own words


def test_a_year_that_is_no_date_stays_out_of_json_resumes_dates(make_app, rootdir, tmp_path) -> None:
    """``year = {upcoming}`` is printed as written, but JSON Resume's releaseDate is ISO: it is left out there."""
    import jsonschema
    from conftest import JSON_RESUME_SCHEMA

    srcdir = copy_root(rootdir, "test-bib-truths", tmp_path)
    with (srcdir / "refs.bib").open("a", encoding="utf-8") as bib:
        bib.write("\n@misc{later, author={Silva, Ana}, title={Upcoming Talk}, year={upcoming}}\n")
    app = make_app("jsonresume", srcdir=srcdir, freshenv=True)
    app.build()
    resume = json.loads((app.outdir / "resume.json").read_text(encoding="utf-8"))
    jsonschema.validate(resume, JSON_RESUME_SCHEMA)
    later = next(item for item in resume["publications"] if item["name"] == "Upcoming Talk")
    assert "releaseDate" not in later and "upcoming" in later["citation"]
    iso = next(item for item in resume["publications"] if item["name"] == "Zotero Dated")
    assert iso["releaseDate"] == "2013-12"
