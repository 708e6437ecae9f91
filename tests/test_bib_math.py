"""Math in refs.bib as math: LaTeX math in the PDF and MathML on the website, written again from what is known of
it (never the file's own LaTeX), its text everywhere else."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest
from conftest import EPUBCHECK, require_tool
from hypothesis import given
from hypothesis import strategies as st
from pylatexenc import latexwalker
from sphinx_cv.bibliography.latex import field_text
from sphinx_cv.bibliography.math import ACCENTS, SYMBOLS, Formula, formula

#: Every macro name that a formula's LaTeX may hold.
KNOWN = {*SYMBOLS, *ACCENTS, "sqrt", "frac", "mathrm", "text", ",", "&", "%", "$", "#", "_", "{", "}"}
KNOWN |= {"textasciitilde", "textasciicircum", "textbackslash"}
#: A formula's ``\text{...}``, which the PDF sets in the text font.
_TEXT = re.compile(r"\\text\{(?:\\[A-Za-z]+\{\}|\\.|[^{}\\])*\}")


def _formula(latex: str) -> Formula | None:
    nodes = latexwalker.LatexWalker(latex, tolerant_parsing=True).get_latex_nodes()[0]
    math = next(node for node in nodes if node.isNodeType(latexwalker.LatexMathNode))
    return formula(list(math.nodelist))


@pytest.mark.parametrize(
    ("latex", "written", "mathml"),
    [
        (r"$\sqrt{s}$", r"\sqrt{s}", "<msqrt><mi>s</mi></msqrt>"),
        (r"$\sqrt s = 13$", r"\sqrt{s}=13", "<msqrt><mi>s</mi></msqrt><mo>=</mo><mn>13</mn>"),
        (r"H$_{2}$CO", "{}_{2}", "<msub><mrow></mrow><mn>2</mn></msub>"),
        (r"$\beta^*$", r"{\beta }^{*}", "<msup><mi>β</mi><mo>*</mo></msup>"),
        (r"$\mathrm{b}\bar{\mathrm{b}}$", r"\mathrm{b}\bar{\mathrm{b}}", '<mi mathvariant="normal">b</mi><mover'),
        (r"$x_i^2 \lesssim 10.5$", r"{x}_{i}^{2}\lesssim 10.5", "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"),
        (r"$\text{a \& b}$", r"\text{a \& b}", "<mtext>a &amp; b</mtext>"),
        (r"$\frac{1}{2}$", r"\frac{1}{2}", "<mfrac><mn>1</mn><mn>2</mn></mfrac>"),
        ("$α ≲ 1$", r"\alpha \lesssim 1", "<mi>α</mi><mo>≲</mo><mn>1</mn>"),  # characters by their macros
        (r"$a \ne b$", r"a\ne b", "<mi>a</mi><mo>≠</mo><mi>b</mi>"),  # a symbol pylatexenc has no character for
        (  # a unit of several letters is one base of its script
            r"$\mathrm{fb}^{-1}$",
            r"{\mathrm{fb}}^{{-1}}",
            '<msup><mrow><mi mathvariant="normal">f</mi><mi mathvariant="normal">b</mi></mrow><mrow><mo>',
        ),
    ],
)
def test_a_formula_is_written_again_as_latex_and_mathml(latex, written, mathml) -> None:
    found = _formula(latex)
    assert found is not None and found.latex == written and mathml in found.mathml
    _assert_valid_mathml(found.mathml)


#: MathML's elements that take a fixed number of children (a base and its scripts, ...).
ARITY = {"msub": 2, "msup": 2, "msubsup": 3, "mfrac": 2, "mover": 2}


def _assert_valid_mathml(mathml: str) -> None:
    """Well-formed, and each script, fraction and accent has as many children as MathML allows (epubcheck's rule)."""
    root = ElementTree.fromstring(f"<math>{mathml}</math>")
    for element in root.iter():
        assert len(element) == ARITY.get(element.tag, len(element)), mathml


def test_a_symbol_that_pylatexenc_lacks_is_text_too() -> None:
    text, unknown = field_text(r"$a \ne b$")
    assert "≠" in str(text) and unknown == frozenset()


@pytest.mark.parametrize(
    "latex",
    [
        r"$\input{/etc/passwd}$",
        r"$a & b$",
        r"$\def\x{y}\x$",
        r"$\catcode`\^^5c=0$",
        r"$x_1_2$",
        r"$\sqrt{}$",
        "$x ∈ ℝ$",
    ],
)
def test_a_formula_with_anything_unknown_is_text(latex) -> None:
    assert _formula(latex) is None
    assert "\\" not in str(field_text(latex)[0])


@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x2300), max_size=30))
def test_a_formulas_latex_holds_only_known_macros_and_balanced_braces(inside) -> None:
    found = _formula(f"${inside}$") if inside.count("$") == 0 else None
    if found is None:
        return
    assert set(re.findall(r"\\([A-Za-z]+|.)", found.latex)) <= KNOWN, found.latex
    _assert_valid_mathml(found.mathml)
    assert not re.search(r"(?<!\\)[$%#&~^]", found.latex.replace("^{", "")), found.latex
    assert _TEXT.sub("", found.latex).isascii(), found.latex  # the PDF's math fonts: ASCII, and macros for the rest
    depth = 0
    for index, char in enumerate(found.latex):
        if char in "{}" and (index == 0 or found.latex[index - 1] != "\\"):
            depth += 1 if char == "{" else -1
            assert depth >= 0
    assert depth == 0
    ElementTree.fromstring(found.mathml)


@pytest.mark.sphinx("html", testroot="bib-math", freshenv=True)
def test_the_website_shows_mathml(app) -> None:
    """The root's conf.py names no style: sphinxcontrib-bibtex's own (``alpha``) would print the LaTeX."""
    assert (app.config.bibtex_default_style, app.config.bibtex_reference_style) == ("cv", "cv")
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML"><msqrt><mi>s</mi></msqrt>' in page
    assert "<msub><mrow></mrow><mn>2</mn></msub>" in page  # H$_2$CO
    hostile = next(item for item in re.findall(r"<li[^>]*>(.*?)</li>", page, flags=re.S) if "Title" in item)
    assert "<math" not in hostile and "\\" not in hostile


@pytest.mark.sphinx("html", testroot="bib-math", freshenv=True, confoverrides={"bibtex_default_style": "plain"})
def test_a_style_that_conf_py_names_is_kept(app) -> None:
    app.build()
    assert app.config.bibtex_default_style == "plain" and app.config.bibtex_reference_style == "cv"
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert r"Collisions at $\sqrt s=13$ TeV" in page  # as pybtex's plain style writes it


@pytest.mark.sphinx("latex", testroot="bib-math", freshenv=True)
def test_the_pdf_sets_latex_math(app) -> None:
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"at \ensuremath{\sqrt{s}=13}\," in tex or r"at \ensuremath{\sqrt{s}=13}" in tex
    assert r"H\ensuremath{{}_{2}}CO" in tex
    assert r"\input" not in tex.split(r"\begin{document}")[-1]


@pytest.mark.sphinx("epub", testroot="bib-math", freshenv=True)
def test_the_epub_shows_mathml_and_declares_it(app) -> None:
    app.build()
    page = (app.outdir / "index.xhtml").read_text(encoding="utf-8")
    assert "<msqrt><mi>s</mi></msqrt>" in page and "<msub><mrow></mrow><mn>2</mn></msub>" in page
    opf = (app.outdir / "content.opf").read_text(encoding="utf-8")
    assert re.search(
        r'<item id="[^"]+" href="index.xhtml" media-type="application/xhtml\+xml" properties="mathml" />', opf
    )
    require_tool("java")
    book = next(app.outdir.glob("*.epub"))
    result = subprocess.run(["java", "-jar", str(EPUBCHECK), str(book)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "No errors or warnings detected" in result.stdout, result.stdout
