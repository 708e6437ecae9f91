"""Cover letters and statements: each page of the letters folder is its own PDF in the CV's design, and private."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import BIDI_MARKS, EPOCH, EPUBCHECK, copy_root, pdf_links, pdf_readings, pdf_text, require_tool
from pypdf import PdfReader
from sphinx_cv.pdf.designs import DESIGNS
from sphinx_cv_tool.build import main

pytestmark = pytest.mark.usefixtures("forget_catalogs")

NAME = "ada-lovelace-letter-acme-university"
STATEMENT = "ada-lovelace-research-statement"
#: The date the letter is written on (the sources' last change) in each language.
DATES = {"en": "November 30, 2026", "de": "30. November 2026"}
#: The title of the PDF in each language.
TITLES = {"en": "Cover letter — Ada Lovelace", "de": "Anschreiben — Ada Lovelace"}
#: The footer's page number in each language.
PAGES = {"en": "Page 1 of 1", "de": "Seite 1 von 1"}
#: The statement's blocks, in reading order; its reference list, cited by author and year, by author and year.
STATEMENT_ORDER = [
    "Ada Lovelace",  # the name and the contact line head it
    "ada@example.org",
    "Research statement",  # its heading, its title
    "Past work",
    "My notes on the engine",
    "This work began when I was an Analyst.",  # {cv:entry}: the entry's title
    "Future work",
    "References",
    "Babbage, Charles (1864). Passages from the Life of a Philosopher.",
    "Lovelace, Ada, Charles Babbage, Mary Somerville (1842). Computing the Bernoulli Numbers & Other Sequences.",
    "Lovelace, Ada, Luigi Menabrea (1843). Sketch of the Analytical Engine.",
]


def in_order(text: str, parts: list[str]) -> bool:
    """Whether ``parts`` are in ``text`` in this order (in any case: a design may set headings in capitals)."""
    positions, start = [], 0
    for words in parts:
        start = text.casefold().index(words.casefold(), start)
        positions.append(start)
    return positions == sorted(positions)


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
    assert in_order(text, reading_order(language))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, flags=re.M)
    assert re.search(rf"^Title:\s+{TITLES[language]}$", info, flags=re.M)
    assert PdfReader(pdf).trailer["/Root"]["/Lang"] == language
    assert TITLES[language] not in text  # the name heads the page; the title is the PDF's metadata
    assert "Updated" not in text and "Aktualisiert" not in text  # a letter is dated at its head
    assert PAGES[language] in text
    pdfs = sorted(path.name for path in (source / "_build").glob("*.pdf"))
    assert pdfs == [pdf.name, f"{STATEMENT}.pdf", "ada-lovelace-teaching-statement.pdf"]  # no CV
    _check_statement(source / "_build", language)


def _check_statement(build: Path, language: str) -> None:
    """The research statement: headed by the name, titled by its heading, citing refs.bib and the CV."""
    pdf = build / f"{STATEMENT}.pdf"
    text = " ".join(pdf_text(pdf).split())
    assert in_order(text, STATEMENT_ORDER)
    assert "Connexion" not in text  # in refs.bib, not cited: not in the statement's references
    assert PAGES[language] in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+Research statement — Ada Lovelace$", info, flags=re.M)
    assert re.search(r"^Pages:\s+1$", info, flags=re.M)
    reader = PdfReader(pdf)
    assert reader.trailer["/Root"]["/Lang"] == language
    uris, destinations = pdf_links(pdf)
    assert "https://example.org/ada/cv/index.html#cv-Analyst" in uris  # the CV entry, on the website
    cited = [name for name in destinations if name.startswith("cite.letters/research-statement:")]
    assert len(set(cited)) == 3  # each citation links its entry in the list
    assert set(cited) <= set(reader.named_destinations)
    tex = (build / "letters" / f"{STATEMENT}.tex").read_text(encoding="utf-8")
    references = tex[tex.index("References") :]
    assert references.count(r"\sphinxstylestrong{Lovelace, Ada}") == 2  # the owner in bold


def test_letters_are_not_on_the_website_nor_in_the_epub_unless_public(built) -> None:
    site = built / "html"
    assert (site / "index.html").exists()
    # the public statement only, its citation and its CV entry linked to the CV's page, its list of what it cites
    assert [path.name for path in (site / "letters").iterdir()] == ["teaching-statement.html"]
    teaching = (site / "letters" / "teaching-statement.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./index\.html#id\d+" title="On the Connexion[^"]*">Somerville, 1834</a>', teaching)
    assert 'href="../index.html#cv-Analyst"' in teaching
    assert re.search(r'<ul class="cv-publications[^"]*"[^>]*>\s*<li[^>]*><p>Somerville, Mary \(1834\)\. On', teaching)
    assert "Teaching statement" in (site / "searchindex.js").read_text(encoding="utf-8")
    index = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(
        r'<a class="reference internal" href="#cv-Analyst"><span class="[^"]*">the notes</span></a>', index
    )
    for words in ("Acme", "Past work"):  # the letter, the statement
        assert [path.name for path in site.rglob("*.html") if words in path.read_text(encoding="utf-8")] == []
        assert words not in (site / "searchindex.js").read_text(encoding="utf-8")
    epub = built / "ada-lovelace-cv.epub"
    with zipfile.ZipFile(epub) as archive:
        texts = [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]
    assert [text for text in texts if "Acme" in text or "Past work" in text or "Teaching statement" in text] == []
    require_tool("java")
    result = subprocess.run(["java", "-jar", str(EPUBCHECK), str(epub)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def test_letters_and_statements_are_reproducible_and_read_by_every_extractor(tmp_path, rootdir, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    digests = []
    for name in "ab":
        source = tmp_path / name / "docs"
        shutil.copytree(rootdir / "test-letter", source)
        assert main(["--source", str(source), "--formats", "letter"]) == 0
        pdfs = sorted((source / "_build").glob("*.pdf"))
        digests.append([hashlib.sha256(pdf.read_bytes()).hexdigest() for pdf in pdfs])
    assert digests[0] == digests[1] and len(digests[0]) == 3
    for reader, text in pdf_readings(source / "_build" / f"{STATEMENT}.pdf").items():
        assert "My notes on the engine" in " ".join(text.split()), reader  # real spaces between the words


def test_a_signature_image_is_set_above_the_name(tmp_path, rootdir) -> None:
    from PIL import Image, ImageDraw

    source = tmp_path / "docs"
    shutil.copytree(rootdir / "test-letter", source)
    image = Image.new("RGB", (300, 100), "white")
    ImageDraw.Draw(image).line([(10, 80), (90, 20), (170, 70), (290, 30)], fill="navy", width=6)
    image.save(source / "letters" / "signature.png")
    page = source / "letters" / "acme-university.md"
    page.write_text(page.read_text(encoding="utf-8").replace("closing:", "signature: signature.png\nclosing:"))
    assert main(["--source", str(source), "--formats", "letter", "--letter", "acme-university"]) == 0
    pdf = source / "_build" / f"{NAME}.pdf"
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1 and len(reader.pages[0].images) == 1
    text = " ".join(pdf_text(pdf).split())
    assert in_order(text, ["Yours sincerely,", "Ada Lovelace"])


@pytest.mark.sphinx("latex", testroot="letter", freshenv=True, confoverrides={"cv_letters": True})
def test_a_missing_signature_image_warns_and_the_letter_is_kept(app) -> None:
    page = app.srcdir / "letters" / "acme-university.md"
    page.write_text(page.read_text(encoding="utf-8").replace("closing:", "signature: nosuch.png\nclosing:"))
    app.build()
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    assert f"{page}:1: WARNING: the signature image 'nosuch.png' is not there" in warnings
    assert warnings.rstrip().endswith("[cv.letter]")
    assert "Dear Professor Doe," in (app.outdir / f"{NAME}.tex").read_text(encoding="utf-8")


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


@pytest.mark.sphinx("latex", testroot="letter", freshenv=True, confoverrides={"cv_letters": True})
def test_an_unknown_citation_or_cv_entry_in_a_statement_warns_at_its_line(app) -> None:
    page = app.srcdir / "letters" / "research-statement.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("`babbage1864passages`", "`babage1864passages`").replace("`Analyst`", "`Analist`")
    page.write_text(text, encoding="utf-8")
    app.build()
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    # MyST gives a role the line of its paragraph
    assert f'{page}:5: WARNING: could not find bibtex key "babage1864passages"' in warnings
    assert f"{page}:5: WARNING: no CV entry 'Analist': give an entry's title" in warnings
    tex = (app.outdir / f"{STATEMENT}.tex").read_text(encoding="utf-8")
    assert "Future work" in tex and "Sketch of the Analytical Engine" in tex  # the rest is kept


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
    assert in_order(text, HEBREW_ORDER)
    assert PdfReader(pdf).trailer["/Root"]["/Lang"] == "he"
    assert len(PdfReader(pdf).pages) == 1
    layout = pdf_text(pdf, layout=True).translate(BIDI_MARKS).splitlines()
    recipient = next(line for line in layout if "אוניברסיטת תל אביב" in line)
    date = next(line for line in layout if "בנובמבר" in line)
    assert len(recipient) - len(recipient.lstrip()) > len(date) - len(date.lstrip())  # recipient right, date left
    statement = source / "_build" / "nvh-khhn-research.pdf"
    text = " ".join(pdf_text(statement).translate(BIDI_MARKS).split())
    for words in ("בייסיאניים", "הייתי"):  # words of the paragraph, whose runs come in the order drawn
        assert in_order(text, ["הצהרת מחקר", words, "מקורות"])
    assert in_order(text, HEBREW_STATEMENT_ORDER)
    assert "Cohen, Noa (2023). Sampling from Large Graphs. Proceedings of the Statistics Conference." in text
    assert "מתוך" in text  # "Page 1 of 1"
    uris, destinations = pdf_links(statement)
    assert "https://example.org/noa/index.html#cv-0" in uris  # Sphinx's id of a title without Latin letters
    assert len({name for name in destinations if name.startswith("cite.letters/research:")}) == 3


def test_latin_words_in_a_right_to_left_pdf_keep_their_order(tmp_path, rootdir) -> None:
    """A Latin name heads a Hebrew letter as it is written, and a Latin heading titles a statement."""
    source = tmp_path / "docs"
    shutil.copytree(rootdir / "test-letter-hebrew", source)
    (source / "letters" / "english.md").write_text("# Research statement\n\nמחקר.\n", encoding="utf-8")
    arguments = ["--letter", "tel-aviv", "--letter", "english", "-D", "cv_name=Noa Cohen"]
    assert main(["--source", str(source), "--formats", "letter", *arguments]) == 0
    letter = source / "_build" / "noa-cohen-letter-tel-aviv.pdf"
    assert pdf_text(letter).translate(BIDI_MARKS).splitlines()[0] == "Noa Cohen"  # not "Cohen Noa"
    assert PdfReader(letter).metadata.author == "Noa Cohen"
    statement = source / "_build" / "noa-cohen-english.pdf"
    assert PdfReader(statement).metadata.title == "Research statement — Noa Cohen"
    assert pdf_text(statement).translate(BIDI_MARKS).splitlines()[3] == "Research statement"


#: The Hebrew statement's blocks, in reading order; its references in English, left to right.
HEBREW_STATEMENT_ORDER = [
    "נועה כהן",
    "הצהרת מחקר",
    "מקורות",
    "Sampling from Large Graphs",
    "Bayesian Models of Rainfall",
    "Statistical Inference",
]


def test_numeric_citations_keep_the_cvs_list(make_app, rootdir, tmp_path) -> None:
    """Cited by number, a statement's references are listed as the CV lists them: title first, newest first."""
    srcdir = copy_root(rootdir, "test-letter", tmp_path, 'bibtex_reference_style = "label"\n')
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    teaching = (app.outdir / "letters" / "teaching-statement.html").read_text(encoding="utf-8")
    assert re.search(r"<li[^>]*><p>On the Connexion of the Physical Sciences\. Mary Somerville\. 1834\.", teaching)
