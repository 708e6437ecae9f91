"""The PDF reads like an academic CV: compiled with latexmk and read back with poppler and pypdf."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXTENSION, LATEXMK, build, compile_pdf, copy_cv, pdf_text, require_tool
from pypdf import PdfReader

SLUG = "joe-benton-cv"
EPOCH = "1767225600"  # 2026-01-01


def _build_cv_pdf(root: Path) -> Path:
    return compile_pdf(build(copy_cv(root), "latex"), f"{SLUG}.tex")


@pytest.fixture(scope="module")
def cv_pdf(tmp_path_factory) -> Path:
    return _build_cv_pdf(tmp_path_factory.mktemp("pdf"))


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
    assert "Page 1 of 3" in text and "Page 3 of 3" in text


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


def test_dates_right_of_title_on_its_baseline(cv_pdf) -> None:
    words = _words(cv_pdf)

    def date_beside(title: str, date: str) -> bool:
        for page, _, baseline, right, word in words:
            if word == title and any(
                other[4] == date and other[0] == page and abs(other[2] - baseline) < 0.5 and other[1] > right + 100
                for other in words
            ):
                return True
        return False

    for title, date in [
        ("D.Phil.", "2021"),
        ("Staff", "Fall"),
        ("Mentor", "Spring"),
        ("Olympiad", "2014"),
        ("Intensive", "2023"),
    ]:
        assert date_beside(title, date), (title, date)


def test_reading_order_keeps_each_entry_together(cv_pdf) -> None:
    text = " ".join(pdf_text(cv_pdf).split())
    order = [
        "Member of Technical Staff",
        "Anthropic",
        "Fall 2023 – Present",
        "Developed and implemented",
        "Technical Staff UK Frontier AI Taskforce",
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
    uris = {
        annot.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if "/URI" in annot.get_object().get("/A", {})
    }
    assert {"https://arxiv.org/abs/2210.01892", "https://doi.org/10.1093/jrsssb/qkae005"} <= uris
    require_tool("pdffonts")
    fonts = subprocess.run(["pdffonts", str(cv_pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(re.search(r"\byes\s+yes\s+yes\b", row) for row in rows), fonts


@pytest.mark.sphinx("latex", testroot="contact", freshenv=True)
def test_contact_line_and_letter_paper(app, warning) -> None:
    app.build()
    lines = warning.getvalue().splitlines()
    assert any(
        "unknown cv_contact key 'fax'; use one of email, website" in line and "[cv.config]" in line for line in lines
    )
    assert len(lines) == 1
    pdf = compile_pdf(app.outdir, "contact.tex")
    text = pdf_text(pdf).splitlines()
    assert text[0] == "Zoë Ó Súilleabháin"
    contact_line = " ".join(text[1:3])
    assert contact_line == (
        "zoe_o@example.org • example.org/~zoe • github.com/zoe-o • ORCID 0000-0002-1825-0097 • "
        "Google Scholar • Αθήνα & São Paulo"
    )
    reader = PdfReader(pdf)
    assert [round(float(value)) for value in reader.pages[0].mediabox[2:]] == [612, 792]  # US letter
    uris = [annot.get_object()["/A"]["/URI"] for annot in reader.pages[0].get("/Annots", [])]
    assert uris[:5] == [
        "mailto:zoe_o@example.org",
        "https://example.org/~zoe/",
        "https://github.com/zoe-o",
        "https://orcid.org/0000-0002-1825-0097",
        "https://scholar.google.com/citations?user=AbCdEfGhIjKl",
    ]


def test_reproducible_with_source_date_epoch(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    digests = {hashlib.sha256(_build_cv_pdf(tmp_path / name).read_bytes()).hexdigest() for name in "ab"}
    assert len(digests) == 1


def test_latexmk_needs_two_passes(tmp_path) -> None:
    """One pass to typeset, one for "Page N of M"; a second latexmk run has nothing to do."""
    require_tool("latexmk", "xelatex")
    outdir = build(copy_cv(tmp_path), "latex")
    command = [*LATEXMK, f"{SLUG}.tex"]
    passes = []
    for _ in range(2):
        result = subprocess.run(command, cwd=outdir, capture_output=True, text=True, check=True)
        passes.append((result.stdout + result.stderr).count("Running 'xelatex"))
    assert passes == [2, 0]


def test_short_variant_is_one_page(tmp_path, monkeypatch) -> None:
    """CV_VARIANT=short keeps the entries tagged "short" and the most recent publications, on one A4 page."""
    monkeypatch.setenv("CV_VARIANT", "short")
    pdf = compile_pdf(build(copy_cv(tmp_path), "latex"), f"{SLUG}-short.tex")
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


@pytest.mark.sphinx(
    "latex",
    testroot="contact",
    freshenv=True,
    confoverrides={
        "cv_last_updated": "2026-03-01",
        "latex_elements": {
            "preamble": r"\renewcommand\sphinxcvcontact{My own line}\renewcommand\sphinxcvupdated{in spring}",
            "sphinxsetup": "TitleColor={RGB}{200,0,0}",
        },
    },
)
def test_the_preamble_and_sphinxsetup_of_conf_py_win(app) -> None:
    """The user's preamble comes after the extension's macros, and their sphinxsetup keys after its own."""
    app.build()
    tex = (app.outdir / "contact.tex").read_text(encoding="utf-8")
    setup = re.search(r"\\sphinxsetup\{(.*)\}", tex)[1]
    assert setup.startswith("hmargin={2cm,2cm}") and setup.endswith("TitleColor={RGB}{200,0,0}")
    text = pdf_text(compile_pdf(app.outdir, "contact.tex"))
    assert text.splitlines()[1] == "My own line"
    assert "zoe_o@example.org" not in text
    assert "Updated in spring" in text


def test_contact_line_is_escaped_in_a_fresh_sphinx_build(tmp_path, rootdir) -> None:
    """As ``sphinx-build -b latex`` runs it: the contact line is written before the LaTeX builder starts."""
    srcdir = tmp_path / "contact"
    shutil.copytree(rootdir / "test-contact", srcdir)
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "latex", str(srcdir), str(srcdir / "_build")]
    subprocess.run(command, env={**os.environ, "PYTHONPATH": str(EXTENSION)}, capture_output=True, check=True)
    tex = (srcdir / "_build" / "contact.tex").read_text(encoding="utf-8")
    assert r"\href{mailto:zoe_o@example.org}{zoe\_o@example.org}" in tex
    assert r"Αθήνα \& São Paulo}" in tex
