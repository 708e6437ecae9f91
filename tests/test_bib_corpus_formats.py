"""Real researchers' ``.bib`` files (``tests/data/bib/real``) as a CV's PDF and EPUB: every entry in both, no LaTeX
in their text, no line past the PDF's margin, a valid EPUB. Apart from ``test_bib_corpus.py`` so that the two run on
two workers (``--dist loadfile``); built on one Python (``corpus``)."""

from __future__ import annotations

import html
import re
import subprocess
import zipfile

import pytest
from conftest import EPUBCHECK, compile_pdf, pdf_text, require_tool
from test_bib_corpus import CORPUS, OWNERS, corpus_app, entry_keys


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(OWNERS))
def test_a_real_bib_file_makes_a_pdf_and_an_epub(name, make_app, rootdir, tmp_path) -> None:
    """Every entry in the PDF and the EPUB, no LaTeX in their text, no line past the PDF's margin, a valid EPUB."""
    entries = len(entry_keys(CORPUS / name))
    latex = corpus_app(make_app, rootdir, tmp_path / "latex", name, "latex")
    latex.build()
    tex = next(latex.outdir.glob("*.tex"))
    pdf = compile_pdf(latex, tex.name)
    log = pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert [width for width in re.findall(r"Overfull \\hbox \(([\d.]+)pt too wide\)", log) if float(width) > 1] == []
    text = pdf_text(pdf)
    assert text.count("•") == entries
    assert re.findall(r"\\[A-Za-z]+|\$", text) == []
    epub = corpus_app(make_app, rootdir, tmp_path / "epub", name, "epub")
    epub.build()
    book = next(epub.outdir.glob("*.epub"))
    with zipfile.ZipFile(book) as archive:
        page = archive.read("index.xhtml").decode("utf-8")
    assert len(re.findall(r"<li[^>]*>\s*<p>", page)) == entries
    assert re.findall(r"\\[A-Za-z]+|\$", html.unescape(re.sub(r"<[^>]+>", " ", page.split("<body")[-1]))) == []
    require_tool("java")
    result = subprocess.run(["java", "-jar", str(EPUBCHECK), str(book)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "No errors or warnings detected" in result.stdout, result.stdout
