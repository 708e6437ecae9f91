"""The Word CV (the ``docx`` builder): every fact read by two independent readers (docx2python and mammoth) in
the order of the source, Word's Heading styles for the name and the sections, real hyperlinks to the website's
addresses, the document's properties and language, and the same bytes on every build.

Each CV of the acceptance (the example, a starter, an import, the German, Japanese and Hebrew CVs) is built
with -W; LibreOffice, where Debian's is installed, turns the example into a PDF whose text is read as the
PDFs' is.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import struct
import subprocess
import zlib
from io import StringIO
from pathlib import Path

import docx
import mammoth
import pytest
from conftest import ACCEPTANCE, EPOCH, build, build_app, copy_root, make_project, pdf_text, require_tool
from cv_facts import LAYOUTS, facts_of, missing_words, unread
from docutils import nodes
from docx.opc.constants import RELATIONSHIP_TYPE
from docx2python import docx2python
from hypothesis import given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp
from sphinx_cv.links import is_link
from sphinx_cv.pdf.designs import DESIGNS
from sphinx_cv.settings import settings as cv_settings
from sphinx_cv_tool.build import main


def the_docx(outdir: Path) -> Path:
    (document,) = outdir.glob("*.docx")
    return document


def readings(path: Path) -> dict[str, str]:
    """The document's text as docx2python and mammoth read it."""
    with docx2python(path) as read:
        text = read.text
    return {"docx2python": text, "mammoth": mammoth.extract_raw_text(path.open("rb")).value}


@pytest.fixture(scope="module", params=ACCEPTANCE)
def word_cv(request, tmp_path_factory, rootdir):
    """A CV of the acceptance built as a Word document, with its facts."""
    folder = tmp_path_factory.mktemp(f"docx-{request.param}")
    if request.param.startswith("test-"):
        srcdir = copy_root(rootdir, request.param, folder)
    else:
        srcdir = make_project(request.param, folder)
    app = build_app(srcdir, "docx")
    return request.param, facts_of(app), the_docx(Path(app.outdir)), app


@pytest.mark.usefixtures("forget_catalogs")
def test_both_readers_read_every_fact(word_cv) -> None:
    """Every fact, in the order of the source (a fact's words in a row); the Japanese one without spaces; the
    Hebrew one word by word, in logical or visual order."""
    cv, facts, path, _app = word_cv
    docx.Document(str(path))  # opens in python-docx
    texts = [*facts.everything(), *facts.contact]
    for reader, text in readings(path).items():
        assert unread(texts, text, LAYOUTS.get(cv, "")) == [], reader


def test_the_headings_are_the_name_and_the_sections(word_cv) -> None:
    """The name is the one Heading 1; the pages after the first are Heading 2, in the CV's order."""
    _cv, facts, path, _app = word_cv
    document = docx.Document(str(path))
    headings = [(paragraph.style.name, paragraph.text) for paragraph in document.paragraphs]
    name = facts.name.replace("'", "’")  # as the pages show it, its apostrophe typographic
    assert [text for style, text in headings if style == "Heading 1"] == [name]
    assert headings[0] == ("Heading 1", name)
    second = [text for style, text in headings if style == "Heading 2"]
    pages = [facts.titles[page] for page in facts.order[1:]]
    assert [title for title in second if title in pages] == pages
    assert not any(paragraph._p.xpath(".//w:txbxContent") for paragraph in document.paragraphs)  # no text boxes


def test_an_entry_s_dates_follow_its_title(word_cv) -> None:
    """In the reading order, each entry's dates come right after its title, in the same paragraph."""
    _cv, _facts, path, app = word_cv
    domain = app.env.get_domain("cv")
    paragraphs = [paragraph.text for paragraph in docx.Document(str(path)).paragraphs]
    for entries in domain.entries.values():
        for entry in entries:
            record = entry.record
            if record.form == "entry" and record.dates is not None:
                assert any(text.startswith(entry.title) and "\t" in text for text in paragraphs), entry.title


def test_the_links_are_the_website_s(word_cv) -> None:
    """Every hyperlink of the document goes where a link of the CV's pages goes, and every such link is one."""
    _cv, _facts, path, app = word_cv
    document = docx.Document(str(path))
    hyperlink = RELATIONSHIP_TYPE.HYPERLINK
    targets = {relation.target_ref for relation in document.part.rels.values() if relation.reltype == hyperlink}
    website = {item.url for item in cv_settings(app.config).contact if item.url}  # the contact line
    for docname in app.env.found_docs:
        tree = app.env.get_and_resolve_doctree(docname, app.builder, tags=app.tags)
        website |= {node["refuri"] for node in tree.findall(nodes.reference) if is_link(node.get("refuri", ""))}
    assert targets == website
    assert all(hyperlink.xpath("./w:r") for hyperlink in document.element.body.xpath(".//w:hyperlink"))


def test_the_document_says_what_it_is(word_cv) -> None:
    """Title, author, subject and language in its core properties; the language on its styles; right to left,
    and each Hebrew run a complex script run, for Hebrew; an East Asian face for Japanese, with a face Word has in
    its place."""
    cv, facts, path, _app = word_cv
    document = docx.Document(str(path))
    properties = document.core_properties
    assert (properties.title, properties.author, properties.language) == (facts.name, facts.name, facts.language)
    assert properties.subject
    normal = document.styles["Normal"].element
    assert normal.xpath("./w:rPr/w:lang/@w:val") == [facts.language]
    assert bool(normal.xpath("./w:pPr/w:bidi")) == (cv == "test-hebrew")
    runs = document.element.body.xpath(".//w:r")
    hebrew = [run for run in runs if re.search("[\u0590-\u05ff]", "".join(run.xpath(".//w:t/text()")))]
    assert all(run.xpath("./w:rPr/w:rtl") for run in hebrew)
    fonts = normal.xpath("./w:rPr/w:rFonts/@w:eastAsia")
    assert fonts == (["Noto Serif CJK JP"] if cv == "test-japanese" else [])
    table = next(part for part in document.part.package.iter_parts() if part.partname == "/word/fontTable.xml")
    assert b'w:name="Linux Libertine O"><w:altName w:val="Cambria"/>' in table.blob


@pytest.mark.usefixtures("forget_catalogs")
def test_reproducible_with_source_date_epoch(rootdir, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    digests = {
        hashlib.sha256(the_docx(build(copy_root(rootdir, "test-german", tmp_path / name), "docx")).read_bytes())
        for name in "ab"
    }
    assert len({digest.hexdigest() for digest in digests}) == 1


@settings(max_examples=200, deadline=None)
@given(text=st.text(min_size=1))
def test_text_is_written_as_it_is(text) -> None:
    """Whatever a text holds is its characters in the document: no markup, no field (but the characters XML
    cannot hold, which python-docx refuses)."""
    from docutils.utils import new_document
    from sphinx_cv.docx.writer import DocxTranslator, xml_text

    word = docx.Document()
    translator = DocxTranslator(new_document("test"), builder=None, word=word)  # type: ignore[arg-type]
    translator.add_text(text)
    paragraphs = word.paragraphs
    assert "".join(paragraph.text for paragraph in paragraphs) == xml_text(text).replace("\r", "\n")
    assert not word.element.body.xpath(".//w:fldSimple | .//w:instrText | .//w:hyperlink")


def _png() -> bytes:
    """A PNG of one white pixel."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


def test_an_image_without_alt_text_is_a_warning_at_its_line(rootdir, tmp_path) -> None:
    """A signature without alternative text: a warning at its line, and the image in the document all the same;
    with it, the text is the image's description."""
    srcdir = copy_root(rootdir, "test-minimal", tmp_path)
    (srcdir / "signature.png").write_bytes(_png())
    srcdir.joinpath("index.md").write_text("# Ada\n\n![](signature.png)\n\n![Ada's signature](signature.png)\n")
    app = SphinxTestApp("docx", srcdir=srcdir, builddir=srcdir / "_build", status=StringIO())
    app.build()
    app.cleanup()
    assert "index.md:3: WARNING: an image without alternative text (signature.png)" in app.warning.getvalue()
    document = docx.Document(str(the_docx(Path(app.outdir))))
    assert document.element.body.xpath(".//wp:docPr/@descr") == ["", "Ada's signature"]


def test_libreoffice_prints_it_with_every_fact(tmp_path) -> None:
    """Debian's LibreOffice turns the example into a PDF of every fact, on three pages as the LaTeX PDF."""
    require_tool("soffice", hint="apt-get install libreoffice-writer-nogui")
    srcdir = make_project("docs", tmp_path)
    app = build_app(srcdir, "docx")
    path = the_docx(Path(app.outdir))
    command = ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf"]
    subprocess.run([*command, "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=120)
    pdf = tmp_path / path.with_suffix(".pdf").name
    facts = facts_of(app)
    assert missing_words([*facts.everything(), *facts.contact], pdf_text(pdf), aside=facts.dates) == []
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+3$", info, flags=re.M)


@pytest.mark.usefixtures("forget_catalogs")
def test_letters_and_statements_are_word_documents_too(tmp_path, rootdir) -> None:
    """nox -s letter -- --docx: each letter and statement its own document, headed by the name, in the order of a
    letter, a statement's title and sections under it and its references a list; the Hebrew ones right to left."""
    source = tmp_path / "docs"
    shutil.copytree(rootdir / "test-letter", source)
    assert main(["--source", str(source), "--formats", "letter", "--docx"]) == 0
    documents = {path.stem: path for path in (source / "_build").glob("*.docx")}
    assert set(documents) == {
        "ada-lovelace-letter-acme-university",
        "ada-lovelace-research-statement",
        "ada-lovelace-teaching-statement",
    }
    order = ["Ada Lovelace", "ada@example.org", "Prof. Jane Doe", "Springfield", "Application for the position"]
    order += ["Dear Professor Doe,", "I am writing to apply", "probability.", "Yours sincerely,", "Ada Lovelace"]
    for reader, text in readings(documents["ada-lovelace-letter-acme-university"]).items():
        text = " ".join(text.split())
        positions = [text.find(part, text.find(order[index - 1]) if index else 0) for index, part in enumerate(order)]
        assert -1 not in positions and positions == sorted(positions), reader
    statement = docx.Document(str(documents["ada-lovelace-research-statement"]))
    headings = [(paragraph.style.name, paragraph.text) for paragraph in statement.paragraphs]
    assert [heading for heading in headings if heading[0].startswith("Heading")][:4] == [
        ("Heading 1", "Ada Lovelace"),
        ("Heading 2", "Research statement"),
        ("Heading 3", "Past work"),
        ("Heading 3", "Future work"),
    ]
    assert statement.core_properties.title == "Research statement — Ada Lovelace"
    assert any(style == "List Bullet" and text.startswith("Babbage, Charles (1864)") for style, text in headings)
    hebrew = tmp_path / "hebrew"
    shutil.copytree(rootdir / "test-letter-hebrew", hebrew)
    assert main(["--source", str(hebrew), "--formats", "letter", "--docx"]) == 0
    for path in (hebrew / "_build").glob("*.docx"):
        assert docx.Document(str(path)).styles["Normal"].element.xpath("./w:pPr/w:bidi"), path.name


@pytest.mark.parametrize("design", DESIGNS)
def test_the_design_sets_the_styles(rootdir, tmp_path, design) -> None:
    """The design's faces, type size, accent and page, with cv_pdf_options over them, on Word's styles."""
    options = {"accent": "#aa3300"}
    overrides = {"cv_pdf_design": design, "cv_pdf_options": options, "cv_paper": "letter"}
    app = build_app(copy_root(rootdir, "test-german", tmp_path), "docx", confoverrides=overrides)
    chosen = cv_settings(app.config).design
    document = docx.Document(str(the_docx(Path(app.outdir))))
    normal, section = document.styles["Normal"], document.styles["Heading 2"]
    assert normal.font.name == chosen.main_font and normal.font.size.pt == float(chosen.font_size.removesuffix("pt"))
    assert section.font.name == (chosen.sans_font if chosen.sans_titles else chosen.main_font)
    assert str(section.font.color.rgb) == "AA3300"
    assert (round(document.sections[0].page_width.inches, 2), round(document.sections[0].page_height.inches, 2)) == (
        8.5,
        11.0,
    )


def test_a_node_it_does_not_know_is_a_warning_at_its_line(rootdir, tmp_path) -> None:
    """A block the Word CV has no form for (an admonition) is warned about at its line, and its text kept."""
    srcdir = copy_root(rootdir, "test-minimal", tmp_path, conf='myst_enable_extensions = ["colon_fence"]\n')
    srcdir.joinpath("index.md").write_text("# Ada\n\nBefore.\n\n:::{note}\nKept & shown.\n:::\n\nAfter.\n")
    app = SphinxTestApp("docx", srcdir=srcdir, builddir=srcdir / "_build", status=StringIO())
    app.build()
    app.cleanup()
    assert "index.md:5: WARNING: the Word CV has no form for note" in app.warning.getvalue()
    text = readings(the_docx(Path(app.outdir)))["docx2python"]
    assert [text.find(part) for part in ("Before.", "Kept & shown.", "After.")] == sorted(
        text.find(part) for part in ("Before.", "Kept & shown.", "After.")
    )
    assert "Kept & shown." in text
