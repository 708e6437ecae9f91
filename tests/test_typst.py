"""The accessible PDF (the ``typst`` builder): tagged PDF/UA-1 and PDF/A-3a, every fact read by every reader.

Each CV of ``test_cv.py`` (docs/, a starter, two imports) is built with -W; Typst itself refuses
a PDF that breaks either standard, ``pdfua`` checks the result again, and pikepdf reads its
structure tree, which must give the name as the document's heading, each page of the CV as a
heading under it in the CV's order, and the publications as list items.
"""

from __future__ import annotations

import shutil
import string
import subprocess
from io import StringIO
from pathlib import Path

import pikepdf
import pytest
import typst
from conftest import ACCEPTANCE, BIDI_MARKS, EPOCH, build, build_app, copy_root, make_project, pdf_readings, pdf_text
from cv_facts import LAYOUTS, facts_of, missing_words, unread
from hypothesis import given
from hypothesis import strategies as st
from pdfua import validate
from pylatexenc import latexwalker
from pypdf import PdfReader
from sphinx.testing.util import SphinxTestApp
from sphinx_cv.bibliography.adapter import bib_files
from sphinx_cv.bibliography.math import formula
from sphinx_cv.pdf.designs import DESIGNS
from sphinx_cv.typst.markup import markup_text, string_literal
from sphinx_cv.typst.math import typst_math
from sphinx_cv_tool.build import main
from test_languages import ROOTS
from test_robust import characters_project

PROJECTS = ["docs", "new", "jsonresume", "rendercv"]


def the_pdf(outdir: Path) -> Path:
    (pdf,) = outdir.glob("*.pdf")
    return pdf


def formulas(pdf: Path) -> list[str]:
    """The alternative text of each formula of the PDF's structure tree."""
    with pikepdf.open(pdf) as document:
        return [
            str(element.Alt)
            for element in _elements(document.Root.StructTreeRoot.K)
            if str(element.S) == "/Formula" and "/Alt" in element
        ]


def _elements(element: pikepdf.Object) -> list[pikepdf.Dictionary]:
    if isinstance(element, pikepdf.Array):
        return [found for child in element for found in _elements(child)]
    if isinstance(element, pikepdf.Dictionary) and "/S" in element:
        return [element, *(_elements(element.K) if "/K" in element else [])]
    return []


def structure(pdf: Path) -> list[tuple[str, int]]:
    """The PDF's structure elements in reading order: (type, depth), its role map applied."""
    with pikepdf.open(pdf) as document:
        tree = document.Root.StructTreeRoot
        roles = {str(key): str(value) for key, value in tree.get("/RoleMap", {}).items()}
        found: list[tuple[str, int]] = []

        def walk(element: pikepdf.Object, depth: int) -> None:
            if isinstance(element, pikepdf.Array):
                for child in element:
                    walk(child, depth)
            elif isinstance(element, pikepdf.Dictionary) and "/S" in element:
                kind = str(element.S)
                found.append((roles.get(kind, kind), depth))
                if "/K" in element:
                    walk(element.K, depth + 1)

        walk(tree.K, 0)
    return found


@pytest.fixture(scope="module", params=PROJECTS)
def typst_cv(request, tmp_path_factory):
    srcdir = make_project(request.param, tmp_path_factory.mktemp(f"typst-{request.param}"))
    app = build_app(srcdir, "typst")
    return facts_of(app), the_pdf(Path(app.outdir))


@pytest.fixture(scope="module")
def cv_in_order(typst_cv):
    """Each page's title and the titles of its entries, in the CV's order; and how many publications it lists."""
    facts, pdf = typst_cv
    srcdir = pdf.parents[3]
    app = build_app(srcdir, "jsonresume")
    domain = app.env.get_domain("cv")
    pages = [
        (facts.titles[page], [entry.record.title for entry in domain.entries.get(page, [])]) for page in facts.order
    ]
    return pages, sum(len(entries) for entries in bib_files(app.env).values())


def test_the_pdf_conforms_to_pdf_ua_and_pdf_a(typst_cv) -> None:
    _facts, pdf = typst_cv
    report = validate(str(pdf))
    assert not report.findings, report.findings
    with pikepdf.open(pdf) as document:
        meta = document.open_metadata()
        assert meta["pdfuaid:part"] == "1"
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("3", "A")
        assert document.Root.MarkInfo.Marked


def test_the_structure_tree_is_the_cv(typst_cv, cv_in_order) -> None:
    """The name is the one first-level heading, each page a second-level heading in the CV's order, each entry
    under its page's heading in the order of the page, every publication a list item; the document has the CV's
    language and title."""
    facts, pdf = typst_cv
    pages, publications = cv_in_order
    kinds = [kind for kind, _depth in structure(pdf)]
    assert kinds.count("/H1") == 1 and kinds.index("/H1") < kinds.index("/H2")
    assert kinds.count("/H2") == len(facts.order) - 1  # every page but the first, which the name heads
    assert kinds.count("/LI") >= publications
    text = " ".join(pdf_text(pdf).split())  # in the order of the content, which is the order of the tags
    position = 0
    for title, entries in pages[1:]:
        position = text.index(title.upper(), position)
        for entry in entries:
            position = text.index(" ".join(entry.split()), position)  # under its page, after the entry before
    with pikepdf.open(pdf) as document:
        assert str(document.Root.Lang) == facts.language
        assert document.Root.ViewerPreferences.DisplayDocTitle
        assert document.open_metadata()["dc:title"] == facts.name
    text = pdf_text(pdf)
    headings = [line.strip() for line in text.splitlines()]
    titles = [facts.titles[page].upper() for page in facts.order[1:]]
    assert [line for line in headings if line in titles] == titles


def test_every_pdf_reader_gets_every_fact(typst_cv) -> None:
    facts, pdf = typst_cv
    dates = facts.dates
    texts = [line for text in [*facts.everything(), *facts.contact] for line in dates.get(text, [text])]
    aside = [*dates, *(line for lines in dates.values() for line in lines)]
    for reader, text in pdf_readings(pdf).items():
        assert missing_words(texts, text, aside=aside, rows=facts.rows) == [], reader


def test_the_pdf_carries_its_data(typst_cv) -> None:
    """The JSON Resume (as the jsonresume builder writes it) and the .bib files, byte for byte, as associated
    files."""
    _facts, pdf = typst_cv
    srcdir = pdf.parents[3]
    with pikepdf.open(pdf) as document:
        attached = {name: spec.get_file().read_bytes() for name, spec in document.attachments.items()}
        relations = sorted(str(spec.AFRelationship) for spec in document.Root.AF)
    assert attached.pop("resume.json") == (build(srcdir, "jsonresume") / "resume.json").read_bytes()
    assert attached == {"refs.bib": (srcdir.parent / "refs.bib").read_bytes()}
    assert relations == ["/Data", "/Source"]


def assert_every_reader_gets_every_fact(app: SphinxTestApp, pdf: Path, root: str) -> None:
    """The five readers read every fact of the CV ``app`` built (as :func:`cv_facts.unread` reads them)."""
    facts = facts_of(app)
    texts = [line for text in [*facts.everything(), *facts.contact] for line in facts.dates.get(text, [text])]
    aside = [*facts.dates, *(line for lines in facts.dates.values() for line in lines)]
    for reader, read in pdf_readings(pdf).items():
        assert unread(texts, read, LAYOUTS.get(root, ""), aside=aside, rows=facts.rows) == [], reader


@pytest.mark.usefixtures("forget_catalogs")
@pytest.mark.parametrize("design", [design for design in DESIGNS if design != "classic"])
@pytest.mark.parametrize("cv", ACCEPTANCE)
def test_every_cv_conforms_in_every_design(rootdir, tmp_path, cv, design) -> None:
    """Each CV of the acceptance in the designs besides classic: PDF/UA-1, with the headings and lists of its
    classic PDF (which the tests above hold to the doctree), every fact read."""
    srcdir = copy_root(rootdir, cv, tmp_path) if cv.startswith("test-") else make_project(cv, tmp_path)
    outline = []
    for each in ("classic", design):
        app = build_app(srcdir, "typst", confoverrides={"cv_pdf_design": each})
        pdf = the_pdf(Path(app.outdir))
        outline.append([kind for kind, _depth in structure(pdf) if kind in {"/H1", "/H2", "/H3", "/L", "/LI"}])
    assert not validate(str(pdf)).findings
    assert outline[1] == outline[0] and outline[0].count("/H1") == 1
    assert_every_reader_gets_every_fact(app, pdf, cv)
    assert_every_reader_gets_every_fact(app, pdf, cv)


@pytest.mark.usefixtures("forget_catalogs")
@pytest.mark.parametrize("root", [*ROOTS, "test-arabic", "test-chinese", "test-korean"])
def test_every_script_conforms(rootdir, tmp_path, root) -> None:
    """German, CJK (Noto CJK) and right-to-left CVs (Amiri for the Arabic script): tagged, in their language, their
    dates whole (a CJK date in its own font, not a box of missing glyphs), every fact read by the five readers."""
    app = build_app(copy_root(rootdir, root, tmp_path), "typst")
    pdf = the_pdf(Path(app.outdir))
    assert not validate(str(pdf)).findings
    if root != "test-arabic":  # three readers double the shadda of Amiri's lam: "وتعلّم" is read "ملّلّ وتع"
        assert_every_reader_gets_every_fact(app, pdf, root)
    language, dates = ROOTS.get(root, ("", []))
    with pikepdf.open(pdf) as document:
        assert str(document.Root.Lang).startswith(language)
    text = pdf_text(pdf).translate(BIDI_MARKS)
    joined = "".join(text.split())  # Typst's space between CJK and Latin letters comes out as a space
    for date in dates:  # a right-to-left date's digits are read in their own order, its words whole
        assert all(word in text for word in date.split()) if root == "test-hebrew" else "".join(date.split()) in joined
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert ("NotoSerifCJK" in fonts) == (root in {"test-japanese", "test-chinese", "test-korean"})
    assert ("Amiri" in fonts) == (root == "test-arabic")


def _span_languages(pdf: Path) -> list[str]:
    """The languages of the PDF's marked spans (``/Lang`` of their marked content), in the order of the pages."""
    with pikepdf.open(pdf) as document:
        return [
            str(operands[1].Lang)
            for page in document.pages
            for operands, operator in pikepdf.parse_content_stream(page)
            if str(operator) == "BDC" and isinstance(operands[1], pikepdf.Dictionary) and "/Lang" in operands[1]
        ]


@pytest.mark.usefixtures("forget_catalogs")
def test_a_span_in_another_language_has_its_own(rootdir, tmp_path) -> None:
    """A span marked as in another language (docutils' language- class, as MyST's attributes write it) and a
    publication whose refs.bib entry names its language are spoken in their language: their own /Lang, as the
    website's lang."""
    srcdir = copy_root(rootdir, "test-hebrew", tmp_path, conf='myst_enable_extensions.append("attrs_inline")\n')
    page = srcdir / "index.md"
    text = page.read_text(encoding="utf-8").replace("(diffusion models)", "([diffusion models]{.language-en-GB})")
    page.write_text(text, encoding="utf-8")
    pdf = the_pdf(build(srcdir, "typst"))
    assert not validate(str(pdf)).findings
    assert set(_span_languages(pdf)) - {"he"} == {"en-GB"}  # Typst marks some of the CV's own language too
    assert '(<span lang="en-GB">diffusion models</span>)' in (build(srcdir, "html") / "index.html").read_text(
        encoding="utf-8"
    )
    languages = _span_languages(the_pdf(build(copy_root(rootdir, "test-bibtypes", tmp_path / "bib"), "typst")))
    assert set(languages) - {"en"} == {"fr"}  # the one entry with langid = {french}


@pytest.mark.usefixtures("forget_catalogs")
def test_the_keywords_are_what_the_cv_is_about(rootdir, tmp_path) -> None:
    """The current position and the field of the degree, in the XMP and the document information."""
    pdf = the_pdf(build(copy_root(rootdir, "test-japanese", tmp_path), "typst"))
    with pikepdf.open(pdf) as document:
        assert document.open_metadata()["pdf:Keywords"] == "博士研究員, 統計学"
        assert str(document.docinfo.Keywords) == "博士研究員, 統計学"


def test_an_image_without_alt_text_is_a_warning_at_its_line(rootdir, tmp_path) -> None:
    """A Markdown image without alternative text (MyST gives it line 0): the warning names its paragraph's line, and
    the PDF still conforms, the image marked as decoration."""
    srcdir = copy_root(rootdir, "test-minimal", tmp_path)
    (srcdir / "signature.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>')
    srcdir.joinpath("index.md").write_text("# Ada\n\n![](signature.svg)\n", encoding="utf-8")
    app = SphinxTestApp("typst", srcdir=srcdir, builddir=srcdir / "_build", status=StringIO())
    app.build()
    app.cleanup()
    assert "index.md:3: WARNING: an image without alternative text (signature.svg)" in app.warning.getvalue()
    assert not validate(str(the_pdf(Path(app.outdir)))).findings


def test_characters_come_out_as_written(rootdir, tmp_path) -> None:
    """The characters that are markup in Typst (or LaTeX) are text in the PDF, as title, organisation, place and
    text of an entry: & % $ # _ { } ~ ^ \\ < > quotes, names, Greek, dashes."""
    texts = [
        "50% & R&D_costs #1 {braces} ~tilde^caret \\backslash $dollar <tag> @label // not a comment -- two",
        "Zoë Ó Súilleabháin, Łukasiewicz, São Paulo, ß, Æsir = https://example.org *not bold* _not emph_",
        "Greek αβγ and Ω-notation, £460,000 and €5 – a dash — and more",
    ]
    pdf = the_pdf(build(characters_project(rootdir, tmp_path, texts), "typst"))
    shown = " ".join(pdf_text(pdf).split())
    for text in texts:
        assert shown.count(text) >= 3, text  # title, organisation, place and text: the title may wrap


def test_builds_are_reproducible(rootdir, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    first = the_pdf(build(copy_root(rootdir, "test-entry", tmp_path / "a"), "typst")).read_bytes()
    second = the_pdf(build(copy_root(rootdir, "test-entry", tmp_path / "b"), "typst")).read_bytes()
    assert first == second


#: Text as people write it: every ASCII character that prints, and letters of other scripts that the fonts have.
WRITTEN = st.text(alphabet=string.printable.strip() + " éüßøæçÅÖŁńž–—’“”αβγ", min_size=1, max_size=40)


@given(WRITTEN, st.sampled_from(["markup", "string"]))
def test_text_is_never_markup(tmp_path_factory, text, form) -> None:
    """Whatever the text, Typst prints exactly it, written as markup or as a string (no markup, no comment, no
    link, no dash or quote of its own)."""
    folder = tmp_path_factory.mktemp("markup")
    source = folder / "t.typ"
    written = markup_text(text) if form == "markup" else f"#{string_literal(text)}"
    source.write_text(
        f'#set page(width: 60cm, height: auto, margin: 1cm)\n#set text(font: "DejaVu Sans")\n{written}\n',
        encoding="utf-8",
    )
    pdf = folder / "t.pdf"
    typst.compile(str(source), output=str(pdf))
    shown = PdfReader(pdf).pages[0].extract_text()  # the glyphs in order (pdftotext joins a lone "0 0")
    assert " ".join(shown.split()) == " ".join(text.split())


def test_typst_refuses_what_breaks_the_standard(tmp_path) -> None:
    """The reason a typst build fails: an image without alternative text is an error of PDF/UA-1, which is why the
    writer marks such an image as decoration (and warns)."""
    image = tmp_path / "x.svg"
    image.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', encoding="utf-8")
    source = tmp_path / "t.typ"
    source.write_text('#set document(title: "t")\n#set text(lang: "en")\n#image("x.svg")\n', encoding="utf-8")
    with pytest.raises(typst.TypstError, match="alt"):
        typst.compile(str(source), output=str(tmp_path / "t.pdf"), pdf_standards=["ua-1", "a-3a"])


@pytest.mark.parametrize("design", DESIGNS)
def test_letters_and_statements_are_accessible_pdfs_too(tmp_path, rootdir, design, monkeypatch) -> None:
    """nox -s letter with cv_pdf_engine = "typst": each letter and statement its own tagged PDF, headed by the
    name, titled by what it is, in the order of a letter, a statement's references listed."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    source = tmp_path / "docs"
    shutil.copytree(rootdir / "test-letter", source)
    conf = source / "conf.py"
    conf.write_text(conf.read_text() + f'cv_pdf_engine = "typst"\ncv_pdf_design = "{design}"\n', encoding="utf-8")
    assert main(["--source", str(source), "--formats", "letter"]) == 0
    pdfs = {pdf.stem: pdf for pdf in (source / "_build").glob("*.pdf")}
    assert set(pdfs) == {
        "ada-lovelace-letter-acme-university",
        "ada-lovelace-research-statement",
        "ada-lovelace-teaching-statement",
    }
    for pdf in pdfs.values():
        assert not validate(str(pdf)).findings, pdf.name
        kinds = [kind for kind, _depth in structure(pdf)]
        assert kinds.count("/H1") == 1, pdf.name
    letter = " ".join(pdf_text(pdfs["ada-lovelace-letter-acme-university"]).split())
    order = ["Ada Lovelace", "Prof. Jane Doe", "Springfield", "Application for the position", "Dear Professor Doe,"]
    order += ["I am writing to apply", "Yours sincerely,", "Ada Lovelace"]
    positions = [letter.find(text, letter.find(order[index - 1]) if index else 0) for index, text in enumerate(order)]
    assert -1 not in positions and positions == sorted(positions), letter
    for reader, read in pdf_readings(pdfs["ada-lovelace-letter-acme-university"]).items():
        assert missing_words(order, read) == [], reader
    for reader, read in pdf_readings(pdfs["ada-lovelace-research-statement"]).items():
        assert missing_words(["Research statement", "Babbage, Charles (1864)."], read) == [], reader
    with pikepdf.open(pdfs["ada-lovelace-research-statement"]) as document:
        assert document.open_metadata()["dc:title"] == "Research statement — Ada Lovelace"
        assert not document.attachments
    statement = " ".join(pdf_text(pdfs["ada-lovelace-research-statement"]).split())
    assert "RESEARCH STATEMENT" in statement and "Babbage, Charles (1864). Passages from the Life" in statement


def test_a_link_to_an_entry_goes_to_it_in_the_pdf(rootdir, tmp_path) -> None:
    """{cv:entry}`the notes <Analyst>` on the home page links to the entry, on its page, and its words are the
    link's."""
    pdf = the_pdf(build(copy_root(rootdir, "test-letter", tmp_path), "typst"))
    with pikepdf.open(pdf) as document:
        pages = {page.objgen: number for number, page in enumerate(document.pages)}
        inside = [
            (pages[annotation.Dest[0].objgen], float(annotation.Dest[3]))
            for page in document.pages
            for annotation in page.get("/Annots", [])
            if "/Dest" in annotation
        ]
    assert len(inside) == 1
    page, top = inside[0]
    lines = pdf_text(pdf, layout=True).split("\f")[page].splitlines()
    assert any("Analyst" in line for line in lines), "the entry is on the page the link goes to"
    assert top > 0


def test_a_character_no_font_has_is_a_warning_at_its_line(rootdir, tmp_path) -> None:
    """A character that no installed font has (PDF/A forbids a missing glyph), or one of Unicode's private use
    (which both standards forbid), is named once, at its entry, and printed as U+FFFD: the PDF is still made,
    every other text in it."""
    srcdir = characters_project(rootdir, tmp_path, ["Runic \u16a0 here", "Zoë and \u16a0 again", "Private \ue000 use"])
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text().replace('suppress_warnings = ["cv.font"]', ""), encoding="utf-8")
    app = SphinxTestApp("typst", srcdir=srcdir, builddir=srcdir / "_build", freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    messages = [line for line in app.warning.getvalue().splitlines() if "WARNING" in line or "ERROR" in line]
    assert len(messages) == 2 and all("[cv.font]" in message for message in messages), messages
    assert f"{srcdir / 'index.md'}:3: WARNING: no installed font has U+16A0" in messages[0]
    assert "private-use character U+E000" in messages[1]
    text = " ".join(pdf_text(the_pdf(Path(app.outdir))).split())
    assert "Zoë and \ufffd again" in text


def test_raw_blocks_are_for_their_own_output(rootdir, tmp_path) -> None:
    """A page's raw HTML or LaTeX is not printed in the Typst PDF (nor warned about); its raw Typst is."""
    srcdir = copy_root(rootdir, "test-entry", tmp_path)
    index = srcdir / "index.md"
    raw = "\n```{raw} html\n<b>HTML ONLY</b>\n```\n\n```{raw} latex\n\\textbf{LATEX ONLY}\n```\n\n"
    raw += "```{raw} typst\n#strong[TYPST ONLY]\n```\n"
    index.write_text(index.read_text(encoding="utf-8") + raw, encoding="utf-8")
    text = pdf_text(the_pdf(build(srcdir, "typst")))
    assert "TYPST ONLY" in text and "HTML ONLY" not in text and "LATEX ONLY" not in text


def test_a_formula_of_refs_bib_is_typst_math(rootdir, tmp_path) -> None:
    """$\\sqrt{s}=13$ and H$_2$CO are set by Typst's math (a root, a subscript), tagged as formulas with their
    LaTeX as alternative text; their letters are read as letters (not as mathematical italics); the hostile
    formula is neither math nor LaTeX."""
    pdf = the_pdf(build(copy_root(rootdir, "test-bib-math", tmp_path), "typst"))
    assert not validate(str(pdf)).findings
    assert formulas(pdf) == ["\\sqrt{s}=13", "{}_{2}"]
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "NewCMMath" in fonts
    for reader, text in pdf_readings(pdf).items():
        words = " ".join(text.split())
        assert "Collisions at" in words and "13 TeV" in words and "CO in the ISM" in words, reader
        assert not any(0x1D400 <= ord(char) <= 0x1D7FF for char in text), reader  # no 𝑠 for s
        assert "\\input" not in text and "hostname" not in text, reader


#: What a formula of refs.bib may hold: letters, digits, operators, Greek letters, scripts, roots, fractions, accents.
FORMULA = st.lists(
    st.sampled_from(
        [
            *"ab xyz019+-=<>()[],.;:/|!'*",
            *(r"\alpha", r"\le ", r"\infty", r"\sqrt{s}", r"\frac{1}{n}", r"\bar{x}", r"\hat{\theta}"),
            *(r"\mathrm{fb}", r"\text{a \& b}", "_2", "^{-1}", "_{i}^{2}", r"\,", "->", "<=", "..."),
        ]
    ),
    min_size=1,
    max_size=12,
).map("".join)


@given(FORMULA)
def test_every_formula_is_typst_math_that_conforms(tmp_path_factory, latex) -> None:
    """Whatever the formula that refs.bib may hold, its Typst math compiles under PDF/UA-1 and PDF/A-3a, and none
    of its characters is read as Typst's syntax (a shorthand such as -> or <= of its own, a call, a comment)."""
    nodes = latexwalker.LatexWalker(f"${latex}$", tolerant_parsing=True).get_latex_nodes()[0]
    found = formula(list(nodes[0].nodelist)) if nodes and nodes[0].isNodeType(latexwalker.LatexMathNode) else None
    if found is None:
        return
    folder = tmp_path_factory.mktemp("math")
    (folder / "sphinxcv.typ").write_bytes((Path(typst_math.__code__.co_filename).parent / "sphinxcv.typ").read_bytes())
    source = folder / "t.typ"
    source.write_text(
        '#import "sphinxcv.typ"\n#let design = (main-font: "DejaVu Serif", fallback-fonts: ())\n'
        '#set document(title: "t")\n#set text(lang: "en", font: "DejaVu Serif")\n'
        f"#math.equation(block: false, alt: {string_literal(found.latex)}, ${typst_math(found.mathml)}$)\n",
        encoding="utf-8",
    )
    pdf = folder / "t.pdf"
    typst.compile(str(source), output=str(pdf), pdf_standards=["ua-1", "a-3a"])
    shown = PdfReader(pdf).pages[0].extract_text()
    assert not {"→", "≤", "…"} & (set(shown) - set(found.mathml)), (latex, shown)  # no shorthand of Typst's
