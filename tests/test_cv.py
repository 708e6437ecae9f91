"""The CV in ``docs/``, and the CVs that ``new`` and ``import`` write: checks that hold for anybody's CV.

Each CV is built in every format with -W. Everything its pages and ``refs.bib`` say (derived
from the build, not from a list) must be on each page of the website, the EPUB and the text
output, and in the PDF; the PDF must read as a CV; the EPUB must pass epubcheck; the files
must be named after the owner.
"""

from __future__ import annotations

import gettext
import html
import json
import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest
from conftest import (
    EPUBCHECK,
    JSON_RESUME_SCHEMA,
    build,
    build_app,
    compile_pdf,
    make_project,
    outputs,
    pdf_readings,
    pdf_text,
    require_tool,
)
from cv_facts import Facts, facts_of, missing, missing_words
from pypdf import PdfReader
from sphinx_cv.model import slugify
from sphinx_cv.translations import CATALOG, LOCALES

#: docs/ as it is, a starter CV, and two imported CVs with non-ASCII names and LaTeX-special characters.
PROJECTS = ["docs", "new", "jsonresume", "rendercv"]
FURNITURE = ("Contents", "Chapter", "Index", "Release", "Bibliography")


@dataclass
class Built:
    """A CV built in every format."""

    srcdir: Path
    facts: Facts
    html: dict[str, str]  #: page -> its text
    epub: dict[str, str]
    text: dict[str, str]
    pdf: Path
    epub_file: Path


def unmarked(text: str) -> str:
    """Text without the marks of the text output (*emphasis*, **strong**, "literal") and with straight quotes
    (Sphinx makes quotes typographic, but not in the text output)."""
    return re.sub(r"[*\"“”]", "", text).replace("’", "'").replace("‘", "'")


def page_text(markup: str) -> str:
    """The visible text of a page's main content (the theme's navigation left out)."""
    main = re.search(r'<article[^>]*role="main"[^>]*>(.*)</article>', markup, flags=re.S)
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", main[1] if main else markup, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


@pytest.fixture(scope="module", params=PROJECTS)
def cv(request, tmp_path_factory) -> Built:
    srcdir = make_project(request.param, tmp_path_factory.mktemp(request.param))
    app = build_app(srcdir, "html")
    pages = {path.stem: page_text(path.read_text(encoding="utf-8")) for path in app.outdir.glob("*.html")}
    epub_dir = build(srcdir, "epub")
    epub_file = epub_dir / outputs(epub_dir)[0]
    with zipfile.ZipFile(epub_file) as archive:
        epub = {
            Path(name).stem: page_text(archive.read(name).decode("utf-8"))
            for name in archive.namelist()
            if name.endswith(".xhtml") and name != "nav.xhtml"
        }
    text_dir = build(srcdir, "text")
    text = {path.stem: unmarked(path.read_text(encoding="utf-8")) for path in text_dir.glob("*.txt")}
    latex = build(srcdir, "latex")
    return Built(srcdir, facts_of(app), pages, epub, text, compile_pdf(latex, outputs(latex)[0]), epub_file)


@pytest.mark.parametrize("output", ["html", "epub", "text"])
def test_every_page_shows_what_its_source_says(cv, output) -> None:
    pages = getattr(cv, output)
    same = (lambda texts: [unmarked(text) for text in texts]) if output == "text" else list
    for page in cv.facts.order:
        assert missing(same(cv.facts.pages[page]), pages[page]) == [], page
    assert missing(same(cv.facts.publications), " ".join(pages.values())) == []
    assert missing(same(cv.facts.contact), pages[cv.facts.order[0]]) == []  # the home page's contact line


def _words(language: str) -> gettext.NullTranslations:
    """The extension's words in ``language`` (English without a catalog)."""
    return gettext.translation(CATALOG, LOCALES, languages=[(language or "en").replace("-", "_")], fallback=True)


def test_the_pdf_has_every_fact_and_reads_as_a_cv(cv) -> None:
    text = pdf_text(cv.pdf)
    assert missing([*cv.facts.everything(), *cv.facts.contact], text) == []
    lines = [line.strip("\f") for line in text.splitlines()]
    assert lines[0] == cv.facts.name, "the name opens the CV"
    pages = len(PdfReader(cv.pdf).pages)
    page = _words(cv.facts.language).gettext("Page %(page)s of %(pages)s")  # in the CV's language
    assert page % {"page": 1, "pages": pages} in text and page % {"page": pages, "pages": pages} in text
    for word in FURNITURE:
        assert not re.search(rf"^{word}\b", text, flags=re.M), word
    headings = [line for line in lines if line and line == line.upper() and any(char.isalpha() for char in line)]
    titles = [cv.facts.titles[page].upper() for page in cv.facts.order[1:]]
    assert [heading for heading in headings if heading in titles] == titles, "a heading per page, in order"
    reader = PdfReader(cv.pdf)
    assert reader.metadata.title == reader.metadata.author == cv.facts.name
    require_tool("pdffonts")
    fonts = subprocess.run(["pdffonts", str(cv.pdf)], capture_output=True, text=True, check=True).stdout
    assert all(re.search(r"\byes\s+yes\s+yes\b", row) for row in fonts.splitlines()[2:]), fonts


def test_every_pdf_reader_gets_every_fact_with_its_words_apart(cv) -> None:
    """XeTeX writes no spaces, and readers that guess them from the gaps joined words ("MemberofTechnicalStaff");
    the PDF has real ones. Each reader with its defaults finds every fact, word by word, in order (the dates
    column beside a title that wraps may come where the title's first line ends, a range that the column breaks after
    its separator beside two of the title's lines, a skill's label and details line by line), and the PDF says its
    language."""
    dates = cv.facts.dates  # each range as the lines the dates column may break it into
    facts = [line for text in [*cv.facts.everything(), *cv.facts.contact] for line in dates.get(text, [text])]
    aside = [*dates, *(line for lines in dates.values() for line in lines)]
    for reader, text in pdf_readings(cv.pdf).items():
        assert missing_words(facts, text, aside=aside, rows=cv.facts.rows) == [], reader
    assert PdfReader(cv.pdf).trailer["/Root"]["/Lang"] == cv.facts.language


def test_a_row_of_two_columns_is_read_only_with_each_column_in_order() -> None:
    row = (["Programming Languages", "Basic"], ["Python, C#, Rust"])
    texts = [*row[0], *row[1]]
    assert missing_words(texts, "Programming Python, C#, Languages Rust Basic", rows=[row]) == []  # line by line
    assert missing_words(texts, "Programming Languages Basic Python, C#, Rust", rows=[row]) == []  # column by column
    scrambled = "Languages Python, C#, Programming Rust Basic"
    assert missing_words(texts, scrambled, rows=[row]) == ["Programming Languages", "Python, C#, Rust"]


def test_epub_validates(cv) -> None:
    require_tool("java")
    result = subprocess.run(["java", "-jar", str(EPUBCHECK), str(cv.epub_file)], capture_output=True, text=True)
    assert result.returncode == 0 and "No errors or warnings detected" in result.stdout, result.stdout + result.stderr


def test_epub_metadata_names_the_owner(cv) -> None:
    with zipfile.ZipFile(cv.epub_file) as archive:
        opf = archive.read("content.opf").decode("utf-8")
        nav = archive.read("nav.xhtml").decode("utf-8")
        assert "genindex.xhtml" not in archive.namelist()
    name = html.escape(cv.facts.name)  # as Sphinx writes it in the OPF
    for element in (
        f"<dc:title>{name}</dc:title>",
        f"<dc:creator>{name}</dc:creator>",
        f"<dc:rights>{name}</dc:rights>",
        f"<dc:description>{_words(cv.facts.language).gettext('Curriculum vitae of %(name)s') % {'name': name}}"
        "</dc:description>",
    ):
        assert element in opf
    assert re.search(r'<dc:identifier id="uuid-[0-9a-f-]{36}">uuid-[0-9a-f-]{36}</dc:identifier>', opf)
    assert "unknown" not in opf
    assert re.findall(r'<a href="([\w-]+)\.xhtml">', nav) == cv.facts.order  # every page, in the CV's order


def test_json_resume_validates(cv) -> None:
    resume = json.loads((build(cv.srcdir, "jsonresume") / "resume.json").read_text(encoding="utf-8"))
    jsonschema.validate(resume, JSON_RESUME_SCHEMA, format_checker=jsonschema.FormatChecker())
    assert resume["basics"]["name"] == cv.facts.name


def test_outputs_are_named_after_the_owner(cv) -> None:
    stem = f"{slugify(cv.facts.name)}-cv"
    assert cv.pdf.name == f"{stem}.pdf" and cv.epub_file.name == f"{stem}.epub"
    assert re.fullmatch(r"[a-z0-9-]+", stem)
