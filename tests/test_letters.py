"""Cover letters: a page of the letters folder is its own PDF in the CV's design, and private to it."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import pytest
from conftest import BIDI_MARKS, EPUBCHECK, pdf_text, require_tool
from pypdf import PdfReader
from sphinx_cv.designs import DESIGNS
from sphinx_cv_tool.build import main

pytestmark = pytest.mark.usefixtures("forget_catalogs")

NAME = "ada-lovelace-letter-acme-university"
#: The date the letter is written on (the sources' last change) in each language.
DATES = {"en": "November 30, 2026", "de": "30. November 2026"}
#: The title of the PDF in each language.
TITLES = {"en": "Cover letter — Ada Lovelace", "de": "Anschreiben — Ada Lovelace"}


def reading_order(language: str) -> list[str]:
    """The letter's blocks, in the order a reader meets them."""
    return [
        "Ada Lovelace",  # the sender: the name that heads the CV
        "ada@example.org",
        "Prof. Jane Doe",  # the recipient
        "Acme University",
        DATES[language],  # the date: the sources' last change
        "Application for the position of Assistant Professor in Statistics",  # the subject
        "Dear Professor Doe,",
        "I am writing to apply",  # the body
        "engines & their notes",
        "probability.",
        "Yours sincerely,",
        "Ada Lovelace",  # the name under the closing
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory, rootdir):
    """The test-letter project, built as ``nox -s letter`` and ``nox -s all`` build it."""
    source = tmp_path_factory.mktemp("letter") / "docs"
    shutil.copytree(rootdir / "test-letter", source)
    assert main(["--source", str(source), "--formats", "letter"]) == 0
    assert main(["--source", str(source), "--formats", "html,epub"]) == 0
    return source / "_build"


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("design", DESIGNS)
def test_a_letter_reads_in_the_order_of_a_letter_on_one_page(tmp_path, rootdir, design, language) -> None:
    source = tmp_path / "docs"
    shutil.copytree(rootdir / "test-letter", source)
    arguments = ["-D", f"cv_pdf_design={design}", "-D", f"language={language}"]
    assert main(["--source", str(source), "--formats", "letter", *arguments]) == 0
    pdf = source / "_build" / f"{NAME}.pdf"
    text = " ".join(pdf_text(pdf).split())
    positions, start = [], 0
    for words in reading_order(language):
        start = text.index(words, start)
        positions.append(start)
    assert positions == sorted(positions)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, flags=re.M)
    assert re.search(rf"^Title:\s+{TITLES[language]}$", info, flags=re.M)
    assert PdfReader(pdf).trailer["/Root"]["/Lang"] == language
    assert TITLES[language] not in text  # the name heads the page; the title is the PDF's metadata
    assert "Updated" not in text and "Aktualisiert" not in text  # a letter is dated at its head
    assert [path.name for path in (source / "_build").glob("*.pdf")] == [pdf.name]  # no CV


def test_letters_are_not_on_the_website_nor_in_the_epub(built) -> None:
    site = built / "html"
    assert (site / "index.html").exists()
    assert not (site / "letters").exists()
    assert [path.name for path in site.rglob("*.html") if "Acme" in path.read_text(encoding="utf-8")] == []
    assert "Acme" not in (site / "searchindex.js").read_text(encoding="utf-8")
    epub = built / "ada-lovelace-cv.epub"
    with zipfile.ZipFile(epub) as archive:
        assert [name for name in archive.namelist() if "Acme" in archive.read(name).decode("utf-8", "replace")] == []
    require_tool("java")
    result = subprocess.run(["java", "-jar", str(EPUBCHECK), str(epub)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def test_an_unknown_letter_is_named_with_those_there_are(built, capsys) -> None:
    with pytest.raises(SystemExit, match=r"no letter 'acme' in .*letters; there are: acme-university"):
        main(["--source", str(built.parent), "--formats", "letter", "--letter", "acme"])


@pytest.mark.sphinx("latex", testroot="letter", freshenv=True, confoverrides={"cv_letters": True})
def test_a_letter_without_a_recipient_warns_at_its_line(app) -> None:
    page = app.srcdir / "letters" / "acme-university.md"
    page.write_text(re.sub(r"to: \|\n(  .*\n)+", "", page.read_text(encoding="utf-8")), encoding="utf-8")
    app.build()
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    assert f"{page}:1: WARNING: a cv-letter needs :to:, the recipient's name and address" in warnings
    assert warnings.rstrip().endswith("[cv.letter]")
    assert "Dear Professor Doe," in (app.outdir / f"{NAME}.tex").read_text(encoding="utf-8")


#: The Hebrew letter's blocks, in reading order.
HEBREW_ORDER = [
    "נועה כהן",
    "noa@example.org",
    "פרופ׳ דנה לוי",
    "אוניברסיטת תל אביב",
    "בנובמבר",
    "מועמדות למשרת מרצה בסטטיסטיקה",
    "פרופ׳ לוי היקרה,",
    "אני כותבת כדי להגיש",
    "קורסי ההסתברות",
    "בברכה,",
    "נועה כהן",
]


@pytest.mark.parametrize("design", DESIGNS)
def test_a_hebrew_letter_is_right_to_left(tmp_path, rootdir, design) -> None:
    source = tmp_path / "docs"
    shutil.copytree(rootdir / "test-letter-hebrew", source)
    assert main(["--source", str(source), "--formats", "letter", "-D", f"cv_pdf_design={design}"]) == 0
    pdf = source / "_build" / "nvh-khhn-letter-tel-aviv.pdf"
    text = " ".join(pdf_text(pdf).translate(BIDI_MARKS).split())
    positions, start = [], 0
    for words in HEBREW_ORDER:
        start = text.index(words, start)
        positions.append(start)
    assert positions == sorted(positions)
    assert PdfReader(pdf).trailer["/Root"]["/Lang"] == "he"
    assert len(PdfReader(pdf).pages) == 1
    layout = pdf_text(pdf, layout=True).translate(BIDI_MARKS).splitlines()
    recipient = next(line for line in layout if "אוניברסיטת תל אביב" in line)
    date = next(line for line in layout if "בנובמבר" in line)
    assert len(recipient) - len(recipient.lstrip()) > len(date) - len(date.lstrip())  # recipient right, date left
