"""The real CV in ``docs/``: builds with -W in every format, and every fact of the seed is in each, on its own page.

Facts are looked for section by section: in the website, the EPUB and the text output each
section's facts must be on that section's page (not only in the home page's overview); in the
PDF, between that section's heading and the next.
"""

from __future__ import annotations

import html
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import EPUBCHECK, build, compile_pdf, copy_cv, pdf_text, require_tool
from seed_facts import OPENING, missing_by_section, split_at_headings

SLUG = "joe-benton-cv"


@pytest.fixture(scope="module")
def cv_source(tmp_path_factory) -> Path:
    return copy_cv(tmp_path_factory.mktemp("cv"))


def html_text(markup: str) -> str:
    """The visible text of an HTML page's main content."""
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def by_heading(pages: dict[str, str]) -> dict[str, str]:
    """Each page's text under its title in capitals (the seed's section headings); the home page's as the opening."""
    texts = {}
    for name, markup in pages.items():
        title = re.search(r"<h1>(.*?)</h1>", markup, flags=re.S)
        heading = (
            OPENING if name == "index" else html_text(title[1]).replace("¶", "").strip().upper() if title else name
        )
        texts[heading] = html_text(markup)
    return texts


def test_html_has_every_fact(cv_source) -> None:
    outdir = build(cv_source, "html")
    pages = {path.stem: path.read_text(encoding="utf-8") for path in outdir.glob("*.html")}
    assert missing_by_section(by_heading(pages)) == {}
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
    assert missing_by_section(split_at_headings(text)) == {}
    assert text.lstrip().startswith("Joe Benton")
    assert re.search(r"Joe Benton ?\* ?, Yuyang Shi ?\* ?, Arnaud Doucet", " ".join(text.split()))
    for furniture in ("Contents", "Chapter", "Index", "Release", "Overview"):
        assert furniture not in text


def test_epub_validates_and_has_every_fact(cv_source) -> None:
    outdir = build(cv_source, "epub")
    epub = outdir / f"{SLUG}.epub"
    with zipfile.ZipFile(epub) as archive:
        pages = {
            Path(name).stem: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith(".xhtml") and name != "nav.xhtml"
        }
        opf = archive.read("content.opf").decode("utf-8")
        nav = archive.read("nav.xhtml").decode("utf-8")
        assert "genindex.xhtml" not in archive.namelist()
    assert missing_by_section(by_heading(pages)) == {}
    for element in (
        "<dc:title>Joe Benton</dc:title>",
        "<dc:creator>Joe Benton</dc:creator>",
        "<dc:language>en</dc:language>",
        "<dc:rights>Joe Benton</dc:rights>",
        "<dc:description>Curriculum vitae of Joe Benton</dc:description>",
    ):
        assert element in opf
    assert re.search(r'<dc:identifier id="uuid-[0-9a-f-]{36}">uuid-[0-9a-f-]{36}</dc:identifier>', opf)
    assert re.search(r"<dc:date>\d{4}-\d\d-\d\dT", opf)
    assert "unknown" not in opf
    sections = re.findall(r'<a href="(\w+)\.xhtml">', nav)
    assert sections == [
        "index",
        "education",
        "experience",
        "volunteering",
        "awards",
        "talks",
        "reviewing",
        "publications",
    ]
    require_tool("java")
    result = subprocess.run(["java", "-jar", str(EPUBCHECK), str(epub)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors or warnings detected" in result.stdout


def test_text_has_every_fact(cv_source) -> None:
    outdir = build(cv_source, "text")
    texts = {}
    for path in outdir.glob("*.txt"):
        text = path.read_text(encoding="utf-8").replace("*", "")
        texts[OPENING if path.stem == "index" else text.split("\n", 1)[0].strip().upper()] = text
    assert missing_by_section(texts) == {}
