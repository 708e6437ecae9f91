"""The real CV in ``docs/``: builds with -W in every format, and every fact of the seed is in each."""

from __future__ import annotations

import html
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import EPUBCHECK, build, compile_pdf, copy_cv, pdf_text, require_tool
from seed_facts import missing_from

SLUG = "joe-benton-cv"


@pytest.fixture(scope="module")
def cv_source(tmp_path_factory) -> Path:
    return copy_cv(tmp_path_factory.mktemp("cv"))


def html_text(markup: str) -> str:
    """The visible text of an HTML page's main content."""
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def test_html_has_every_fact(cv_source) -> None:
    outdir = build(cv_source, "html")
    pages = {path.stem: path.read_text(encoding="utf-8") for path in outdir.glob("*.html")}
    assert missing_from(" ".join(html_text(page) for page in pages.values())) == []
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
    assert missing_from(text) == []
    assert text.lstrip().startswith("Joe Benton")
    assert re.search(r"Joe Benton ?\* ?, Yuyang Shi ?\* ?, Arnaud Doucet", " ".join(text.split()))
    for furniture in ("Contents", "Chapter", "Index", "Release", "Overview"):
        assert furniture not in text


def test_epub_validates_and_has_every_fact(cv_source) -> None:
    outdir = build(cv_source, "epub")
    epub = outdir / f"{SLUG}.epub"
    with zipfile.ZipFile(epub) as archive:
        text = " ".join(html_text(archive.read(name).decode("utf-8"))
                        for name in archive.namelist() if name.endswith(".xhtml"))  # fmt: skip
        opf = archive.read("content.opf").decode("utf-8")
        nav = archive.read("nav.xhtml").decode("utf-8")
        assert "genindex.xhtml" not in archive.namelist()
    assert missing_from(text) == []
    for element in ("<dc:title>Joe Benton</dc:title>", "<dc:creator>Joe Benton</dc:creator>",
                    "<dc:language>en</dc:language>", "<dc:rights>Joe Benton</dc:rights>",
                    "<dc:description>Curriculum vitae of Joe Benton</dc:description>"):  # fmt: skip
        assert element in opf
    assert re.search(r'<dc:identifier id="uuid-[0-9a-f-]{36}">uuid-[0-9a-f-]{36}</dc:identifier>', opf)
    assert re.search(r"<dc:date>\d{4}-\d\d-\d\dT", opf)
    assert "unknown" not in opf
    sections = re.findall(r'<a href="(\w+)\.xhtml">', nav)
    assert sections == ["index", "education", "experience", "volunteering", "awards", "talks", "reviewing",
                        "publications"]  # fmt: skip
    require_tool("java")
    result = subprocess.run(["java", "-jar", str(EPUBCHECK), str(epub)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors or warnings detected" in result.stdout


def test_text_has_every_fact(cv_source) -> None:
    outdir = build(cv_source, "text")
    text = " ".join(path.read_text(encoding="utf-8") for path in outdir.glob("*.txt"))
    assert missing_from(text.replace("*", "")) == []
