"""The PDF reads like an academic CV: compiled with latexmk and read back with poppler and pypdf."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys

import pikepdf
import pytest
from conftest import (
    EPOCH,
    EXTENSION,
    build,
    build_pdf,
    compile_pdf,
    copy_cv,
    copy_root,
    latexmk,
    outputs,
    pdf_text,
    require_tool,
)
from pypdf import PdfReader
from sphinx_cv.pdf.designs import DESIGN_DATA, DESIGNS


@pytest.mark.sphinx("latex", testroot="contact", freshenv=True)
def test_contact_line_and_letter_paper(app, warning) -> None:
    app.build()
    lines = warning.getvalue().splitlines()
    assert any(
        "unknown cv_contact key 'fax'; use one of email, website" in line and "[cv.config]" in line for line in lines
    )
    assert len(lines) == 1
    pdf = compile_pdf(app, "contact.tex")
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


def test_a_pdf_a_2b_reproducible_with_source_date_epoch(tmp_path, monkeypatch) -> None:
    """Identified as PDF/A-2b, with its output intent and XMP metadata, and still the same bytes on every build."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    pdfs = [build_pdf(copy_cv(tmp_path / name)) for name in "ab"]
    assert len({hashlib.sha256(pdf.read_bytes()).hexdigest() for pdf in pdfs}) == 1
    with pikepdf.open(pdfs[0]) as pdf:
        metadata = pdf.open_metadata()
        assert (metadata["pdfaid:part"], metadata["pdfaid:conformance"]) == ("2", "B")
        assert metadata["dc:title"] == "Joe Benton" and metadata["dc:description"] == "Curriculum Vitae"
        [intent] = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1" and intent.DestOutputProfile.N == 3  # sRGB
        assert "/StructTreeRoot" not in pdf.Root  # untagged: XeTeX cannot tag (the Typst PDF is tagged)


def test_the_metadata_has_the_name_as_written(tmp_path, rootdir) -> None:
    """The PDF's Info and XMP title and author are the name's characters, LaTeX's special ones included."""
    name = "Zoë & O’Brien_{x} 100% $#~^\\ Łukasiewicz Ἀθηνᾶ"
    conf = f"cv_name = {name!r}\nlatex_engine = 'xelatex'\n"
    srcdir = copy_root(rootdir, "test-minimal", tmp_path, conf=conf)
    outdir = build(srcdir, "latex")
    with pikepdf.open(compile_pdf(outdir, outputs(outdir)[0])) as pdf:
        metadata = pdf.open_metadata()
        assert (str(pdf.docinfo.Title), str(pdf.docinfo.Author)) == (name, name)
        xmp = name.replace("\\", "")  # TeX Live 2022 writes the XMP without a backslash (see the README)
        assert (metadata["dc:title"], metadata["dc:creator"]) == (xmp, [xmp])


def test_latexmk_needs_two_passes_then_one_after_an_edit(tmp_path) -> None:
    """One pass to typeset, one for "Page N of M"; a second latexmk run has nothing to do; after an entry's
    title is edited, one pass (no label of the .aux changed)."""
    require_tool("latexmk", "xelatex")
    srcdir = copy_cv(tmp_path)
    outdir = build(srcdir, "latex")
    command = latexmk(outdir, outputs(outdir)[0])

    def passes() -> int:
        result = subprocess.run(command, cwd=outdir, capture_output=True, text=True, check=True)
        return (result.stdout + result.stderr).count("Running 'xelatex")

    assert [passes(), passes()] == [2, 0]
    page = next(path for path in sorted(srcdir.glob("*.md")) if "{cv-entry} " in path.read_text(encoding="utf-8"))
    page.write_text(page.read_text(encoding="utf-8").replace("{cv-entry} ", "{cv-entry} Edited ", 1), encoding="utf-8")
    build(srcdir, "latex")
    assert passes() == 1


@pytest.mark.sphinx("latex", testroot="collect", freshenv=True)
def test_only_the_entries_that_a_link_points_to_are_labelled(app) -> None:
    """The overview links its entries; a label that no link uses is not written (editing the title that names it
    would change the .aux, and so cost a LaTeX pass)."""
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    linked = re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", tex)
    labelled = re.findall(r"\\begin\{sphinxcventry\}\\label\{\\detokenize\{([^}]*)\}\}", tex)
    assert sorted(labelled) == sorted(linked) == ["extra:cv-Volunteer", "study:cv-PhD", "work:cv-Engineer"]
    assert tex.count("\\begin{sphinxcventry}\n") == 4  # three in the overview, one entry on its page


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
    text = pdf_text(compile_pdf(app, "contact.tex"))
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
    assert r"\href{mailto:zoe\_o@example.org}{zoe\_o@example.org}" in tex  # as Sphinx writes a link
    assert r"Αθήνα \& São Paulo}" in tex


OPTIONS = {"accent": "#8b0000", "font": "DejaVu Serif", "font_size": 12, "margins": "25mm", "dates": "left"}


@pytest.mark.parametrize("design", DESIGNS)
def test_a_design_and_its_options_reach_the_pdf(design, tmp_path, rootdir) -> None:
    """Each design with every option set compiles; the options are in the LaTeX, the font in the PDF."""
    srcdir = tmp_path / "lines"
    shutil.copytree(rootdir / "test-lines", srcdir)
    outdir = build(srcdir, "latex", confoverrides={"cv_pdf_design": design, "cv_pdf_options": OPTIONS})
    tex = (outdir / outputs(outdir)[0]).read_text(encoding="utf-8")
    assert r"\documentclass[a4paper,12pt," in tex and r"\setmainfont{DejaVu Serif}" in tex
    assert "hmargin={2.5cm,2.5cm}" in tex and "InnerLinkColor={HTML}{8B0000}" in tex
    assert (rf"\usepackage{{sphinxcv-{design}}}" in tex) == (design != "classic")
    assert tex.index(r"\definecolor{sphinxcvaccent}{HTML}{8B0000}") < tex.index(r"\sphinxcvdatesonleft")
    pdf = compile_pdf(outdir, outputs(outdir)[0])
    require_tool("pdffonts")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "DejaVuSerif" in fonts and "LinLibertine" not in fonts, fonts
    assert "Zoë Łukasiewicz-O'Brien" in pdf_text(pdf)
    website = build(srcdir, "html", confoverrides={"cv_pdf_options": OPTIONS})
    page = (website / "index.html").read_text(encoding="utf-8")
    accent = (website / "_static" / "sphinx_cv_accent.css").read_text(encoding="utf-8")
    assert 'href="_static/sphinx_cv_accent.css' in page  # the website's too
    assert "--color-brand-content: #8B0000;" in accent and "--pst-color-link: #8B0000;" in accent


@pytest.mark.parametrize("design", DESIGNS)
def test_each_design_sty_sets_what_its_design_declares(design) -> None:
    """A design is data that any writer reads; the LaTeX writer's .sty files set what it declares but the knobs
    (which the preamble sets from it): the columns, the name's size and weight, the header, the headings, their
    size, spacing and face, the space above an entry."""
    declared = DESIGN_DATA[design]
    folder = EXTENSION / "sphinx_cv" / "pdf"
    base = (folder / "sphinxcv.sty").read_text(encoding="utf-8")
    own = (folder / f"sphinxcv-{design}.sty").read_text(encoding="utf-8") if design != "classic" else ""

    def setting(pattern: str) -> str:
        """What the design's .sty sets, else sphinxcv.sty."""
        match = re.search(pattern, own) or re.search(pattern, base)
        assert match, pattern
        return match[1]

    title = setting(r"(?s)(\\(?:re)?newcommand\\sphinxcvmaketitle\{.*?\n  \\endgroup\})")
    section = setting(r"(\\titleformat\{\\section\}.*\n.*)")
    assert setting(r"\\setlength\\sphinxcvdatewidth\{([^}]+)\}") == declared.date_width
    assert setting(r"\\setlength\\sphinxcvlabelwidth\{([^}]+)\}") == declared.label_width
    assert re.search(r"\\fontsize\{(\d+)\}", title)[1] + "pt" == declared.name_size  # type: ignore[index]
    assert ("\\colorbox{sphinxcvaccent}" in title) == (declared.header == "band")
    assert ("\\titlerule" in section, "\\rule[" in section) == (declared.headings == "rule", declared.headings == "bar")
    assert ("\\renewcommand\\sphinxcvtitlefont{\\sffamily" in own) == declared.sans_titles
    assert ("\\sphinxcvdatesonleft" in own) == (declared.dates == "left")
    assert ("\\bfseries" in title) == declared.name_bold
    font = setting(r"\\(?:re)?newcommand\\sphinxcvsectionfont\{([^\n]*)\}\n")
    assert font.startswith("\\large") == (declared.section_size == 1.2)
    assert f"\\sphinxcvletterspace{{{round(declared.section_tracking * 100)}}}" in font
    skip = setting(r"\\setlength\\sphinxcventryskip\{([\d.]+)\\baselineskip\}")
    assert float(skip) == declared.entry_skip
