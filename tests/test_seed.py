"""The seed's CV, the example in ``docs/``: each of its facts in every format, and its own layout.

Checked only while ``docs/`` holds the seed's CV (see ``conftest.py``); ``test_cv.py`` checks
what holds for anybody's CV. Facts are looked for section by section: in the website, the EPUB
and the text output each section's facts must be on that section's page (not only in the home
page's overview); in the PDF, between that section's heading and the next.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import zipfile
from pathlib import Path

import jsonschema
import pytest
from conftest import JSON_RESUME_SCHEMA, build, build_pdf, compile_pdf, copy_cv, pdf_links, pdf_text, require_tool
from pypdf import PdfReader
from seed_facts import OPENING, missing_by_section, missing_from, split_at_headings
from sphinx_cv.pdf.designs import DESIGN_DATA, DESIGNS
from sphinx_cv_tool.sources.reading import strings

pytestmark = pytest.mark.seed
SLUG = "joe-benton-cv"


@pytest.fixture(scope="module")
def cv_source(tmp_path_factory) -> Path:
    return copy_cv(tmp_path_factory.mktemp("cv"))


def html_text(markup: str) -> str:
    """The visible text of an HTML page's main content."""
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def by_heading(pages: dict[str, str]) -> dict[str, str]:
    """Each page's text under its title in capitals (the seed's section headings); the home page's as the opening."""
    texts = {}
    for name, markup in pages.items():
        title = re.search(r"<h1>(.*?)</h1>", markup, flags=re.S)
        heading = (
            OPENING if name == "index" else html_text(title[1]).replace("¶", "").strip().upper() if title else name
        )
        texts[heading] = html_text(markup)
    return texts


def test_html_has_every_fact(cv_source) -> None:
    outdir = build(cv_source, "html")
    pages = {path.stem: path.read_text(encoding="utf-8") for path in outdir.glob("*.html")}
    assert missing_by_section(by_heading(pages)) == {}
    assert "<strong>Joe Benton</strong><sup>*</sup>, Yuyang Shi<sup>*</sup>" in pages["publications"]
    assert pages["publications"].count('<p class="cv-equal-contribution"><sup>*</sup> equal contribution</p>') == 1
    assert pages["publications"].count("<strong>Joe Benton</strong>") == 7
    assert 'href="https://arxiv.org/abs/2210.01892"' in pages["publications"]
    assert "$" not in html_text(pages["publications"])
    for page in ("education", "experience", "volunteering", "awards", "talks", "reviewing", "publications"):
        assert f'href="{page}.html"' in pages["index"], f"{page} missing from the navigation"


def test_pdf_has_every_fact(cv_source) -> None:
    outdir = build(cv_source, "latex")
    text = pdf_text(compile_pdf(outdir, f"{SLUG}.tex"))
    assert missing_by_section(split_at_headings(text)) == {}
    assert text.lstrip().startswith("Joe Benton")
    assert re.search(r"Joe Benton ?\* ?, Yuyang Shi ?\* ?, Arnaud Doucet", " ".join(text.split()))
    for furniture in ("Contents", "Chapter", "Index", "Release", "Overview"):
        assert furniture not in text


def test_epub_has_every_fact(cv_source) -> None:
    outdir = build(cv_source, "epub")
    epub = outdir / f"{SLUG}.epub"
    with zipfile.ZipFile(epub) as archive:
        pages = {
            Path(name).stem: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith(".xhtml") and name != "nav.xhtml"
        }
        nav = archive.read("nav.xhtml").decode("utf-8")
    assert missing_by_section(by_heading(pages)) == {}
    sections = re.findall(r'<a href="(\w+)\.xhtml">', nav)
    assert sections == [
        "index",
        "education",
        "experience",
        "volunteering",
        "awards",
        "talks",
        "reviewing",
        "publications",
    ]


def test_text_has_every_fact(cv_source) -> None:
    outdir = build(cv_source, "text")
    texts = {}
    for path in outdir.glob("*.txt"):
        text = path.read_text(encoding="utf-8").replace("*", "")
        texts[OPENING if path.stem == "index" else text.split("\n", 1)[0].strip().upper()] = text
    assert missing_by_section(texts) == {}


@pytest.fixture(scope="module", params=DESIGNS)
def design(request) -> str:
    """Each PDF design passes the same tests."""
    return request.param


@pytest.fixture(scope="module")
def cv_pdf(design, tmp_path_factory) -> Path:
    return build_pdf(copy_cv(tmp_path_factory.mktemp("pdf")), confoverrides={"cv_pdf_design": design})


def _words(pdf: Path) -> list[tuple[int, float, float, float, str]]:
    """(page, left, baseline, right, word) for every word, from ``pdftotext -bbox``."""
    require_tool("pdftotext")
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pattern = re.compile(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<')
    return [
        (page, float(left), float(baseline), float(right), word)
        for page, chunk in enumerate(html.split("<page ")[1:], 1)
        for left, right, baseline, word in pattern.findall(chunk)
    ]


def test_pages_and_opening(cv_pdf) -> None:
    reader = PdfReader(cv_pdf)
    assert len(reader.pages) <= 3
    assert [round(float(value)) for value in reader.pages[0].mediabox[2:]] == [595, 842]  # A4
    text = pdf_text(cv_pdf)
    assert text.splitlines()[0] == "Joe Benton"
    pages = len(reader.pages)
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text


def test_no_book_furniture(cv_pdf) -> None:
    text = pdf_text(cv_pdf)
    for furniture in ("Contents", "Chapter", "Index", "Release", "2026", "Overview"):
        assert furniture not in text
    headings = [line.strip("\f") for line in text.splitlines() if line.strip("\f").isupper() and len(line) > 4]
    assert headings == [
        "EDUCATION",
        "PROFESSIONAL EXPERIENCE",
        "VOLUNTEERING",
        "AWARDS",
        "INVITED TALKS",
        "REVIEWING",
        "PUBLICATIONS",
    ]
    names = "|".join([*headings, "Journal articles"])
    numbered = re.compile(rf"^\d+(\.\d+)*[ \t]+({names})$", flags=re.M | re.I)
    assert not numbered.search(text), "numbered section heading"
    assert all(page.extract_text().strip() for page in PdfReader(cv_pdf).pages)  # no blank page


def test_dates_beside_the_title_on_its_baseline(cv_pdf, design) -> None:
    """In a column of their own: on the right (classic, modern) or on the left (compact)."""
    words = _words(cv_pdf)
    on_left = DESIGN_DATA[design].dates == "left"

    def date_beside(title: str, date: str) -> bool:
        for page, left, baseline, right, word in words:
            if word == title and any(
                other[4] == date
                and other[0] == page
                and abs(other[2] - baseline) < 0.5
                and (other[3] < left - 20 if on_left else other[1] > right + 100)
                for other in words
            ):
                return True
        return False

    for title, date in [
        ("D.Phil.", "2021"),
        ("Member", "Fall") if on_left else ("Staff", "Fall"),
        ("Research", "Spring") if on_left else ("Mentor", "Spring"),
        ("International", "2014") if on_left else ("Olympiad", "2014"),
        ("University", "2023") if on_left else ("Intensive", "2023"),
    ]:
        assert date_beside(title, date), (title, date)


def test_reading_order_keeps_each_entry_together(cv_pdf, design) -> None:
    text = " ".join(pdf_text(cv_pdf).split())
    first, second = ["Member of Technical Staff", "Anthropic"], ["Technical Staff UK Frontier AI Taskforce"]
    if DESIGN_DATA[design].dates == "left":  # the dates column comes first
        order = [
            "Fall 2023 – Present",
            *first,
            "Developed and implemented",
            "Fall 2023",
            *second,
            "Part of the founding",
        ]
    else:
        order = [
            *first,
            "Fall 2023 – Present",
            "Developed and implemented",
            *second,
            "Fall 2023",
            "Part of the founding",
        ]
    position = 0
    for part in order:  # each found after the one before
        position = text.index(part, position) + len(part)
    assert not re.search("[\ufb00-\ufb06]", text), "ligature glyphs copied as ligatures"
    for word in ("efficient", "first", "Artificial", "Kamélia", "£460,000"):
        assert word in text


def test_owner_in_bold_in_publications(cv_pdf) -> None:
    fonts: dict[str, set[str]] = {}
    for page in PdfReader(cv_pdf).pages:
        page.extract_text(
            visitor_text=lambda text, cm, tm, font, size: fonts.setdefault(text.strip(), set()).add(
                str(font.get("/BaseFont", "")) if font else ""
            )
        )
    bold = {name for name, faces in fonts.items() if any(re.search(r"(OZ|OB|Bold)", face) for face in faces)}
    assert "Joe Benton" in bold
    assert not {"Arnaud Doucet", "Yuyang Shi"} & bold


def test_metadata_links_and_fonts(cv_pdf) -> None:
    reader = PdfReader(cv_pdf)
    assert reader.metadata.title == "Joe Benton"
    assert reader.metadata.author == "Joe Benton"
    assert reader.metadata.subject == "Curriculum Vitae"
    uris = set(pdf_links(cv_pdf)[0])
    assert {"https://arxiv.org/abs/2210.01892", "https://doi.org/10.1093/jrsssb/qkae005"} <= uris
    require_tool("pdffonts")
    fonts = subprocess.run(["pdffonts", str(cv_pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(re.search(r"\byes\s+yes\s+yes\b", row) for row in rows), fonts


@pytest.mark.parametrize("design", DESIGNS)
def test_short_variant_is_one_page(design, tmp_path, monkeypatch) -> None:
    """CV_VARIANT=short keeps the entries tagged "short" and the most recent publications, on one A4 page."""
    monkeypatch.setenv("CV_VARIANT", "short")
    outdir = build(copy_cv(tmp_path), "latex", confoverrides={"cv_pdf_design": design})
    pdf = compile_pdf(outdir, f"{SLUG}-short.tex")
    assert len(PdfReader(pdf).pages) == 1
    text = " ".join(pdf_text(pdf).split())
    for kept in (
        "Joe Benton",
        "Member of Technical Staff",
        "Anthropic",
        "D.Phil. in Statistics",
        "B.A. with M.Math. in Mathematics",
        "PUBLICATIONS",
        "From Denoising Diffusions",
        "Error Bounds for Flow Matching",
        "Nearly d-Linear",
    ):
        assert kept in text, kept
    for dropped in (
        "Redwood Research",
        "AWARDS",
        "VOLUNTEERING",
        "INVITED TALKS",
        "Polysemanticity",
        "equal contribution",
    ):
        assert dropped not in text, dropped


@pytest.fixture(scope="module")
def resume(tmp_path_factory) -> dict:
    outdir = build(copy_cv(tmp_path_factory.mktemp("json")), "jsonresume")
    return json.loads((outdir / "resume.json").read_text(encoding="utf-8"))


def test_resume_validates_and_holds_every_fact(resume) -> None:
    jsonschema.validate(resume, JSON_RESUME_SCHEMA, format_checker=jsonschema.FormatChecker())
    assert missing_from(" ".join(strings(resume))) == []


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
    profile = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1])
    person = profile["mainEntity"]
    assert profile["@type"] == "ProfilePage" and profile["inLanguage"] == "en"
    assert person["jobTitle"] == resume["basics"]["label"]
    assert [school["name"] for school in person["alumniOf"]] == [item["institution"] for item in resume["education"]]
    assert person["award"] == [f"{item['title']} ({item['summary']})" for item in resume["awards"]]
