"""The real CV in ``docs/``: builds with -W in every format, and every fact of the seed is in each."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import REPO, compile_pdf, pdf_text, require_tool
from seed_facts import missing_from

SLUG = "joe-benton-cv"
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")


@pytest.fixture(scope="module")
def cv_source(tmp_path_factory) -> Path:
    """A copy of docs/ and refs.bib, so that builds leave the working tree alone."""
    root = tmp_path_factory.mktemp("cv")
    shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns("_build", "__pycache__"))
    shutil.copyfile(REPO / "refs.bib", root / "refs.bib")
    return root / "docs"


def build(make_app, cv_source: Path, builder: str):
    app = make_app(builder, srcdir=cv_source, builddir=cv_source / "_build" / builder, freshenv=True,
                   warningiserror=True)  # fmt: skip
    app.build()
    return app


def html_text(markup: str) -> str:
    """The visible text of an HTML page's main content."""
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def test_html_has_every_fact(make_app, cv_source) -> None:
    app = build(make_app, cv_source, "html")
    pages = {path.stem: path.read_text(encoding="utf-8") for path in app.outdir.glob("*.html")}
    assert missing_from(" ".join(html_text(page) for page in pages.values())) == []
    assert "<strong>Joe Benton</strong><sup>*</sup>, Yuyang Shi<sup>*</sup>" in pages["publications"]
    assert pages["publications"].count('<p class="cv-equal-contribution"><sup>*</sup> equal contribution</p>') == 1
    assert pages["publications"].count("<strong>Joe Benton</strong>") == 7
    assert 'href="https://arxiv.org/abs/2210.01892"' in pages["publications"]
    assert "$" not in html_text(pages["publications"])
    for page in ("education", "experience", "volunteering", "awards", "talks", "reviewing", "publications"):
        assert f'href="{page}.html"' in pages["index"], f"{page} missing from the navigation"


def test_pdf_has_every_fact(make_app, cv_source) -> None:
    app = build(make_app, cv_source, "latex")
    text = pdf_text(compile_pdf(app.outdir, f"{SLUG}.tex"))
    assert missing_from(text) == []
    assert text.lstrip().startswith("Joe Benton")
    assert re.search(r"Joe Benton ?\* ?, Yuyang Shi ?\* ?, Arnaud Doucet", " ".join(text.split()))
    for furniture in ("Contents", "Chapter", "Index", "Release", "Overview"):
        assert furniture not in text


def test_epub_validates_and_has_every_fact(make_app, cv_source) -> None:
    app = build(make_app, cv_source, "epub")
    epub = app.outdir / f"{SLUG}.epub"
    with zipfile.ZipFile(epub) as archive:
        text = " ".join(html_text(archive.read(name).decode("utf-8"))
                        for name in archive.namelist() if name.endswith(".xhtml"))  # fmt: skip
    assert missing_from(text) == []
    require_tool("java")
    result = subprocess.run(["java", "-jar", str(EPUBCHECK), str(epub)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors or warnings detected" in result.stdout


def test_text_has_every_fact(make_app, cv_source) -> None:
    app = build(make_app, cv_source, "text")
    text = " ".join(path.read_text(encoding="utf-8") for path in app.outdir.glob("*.txt"))
    assert missing_from(text.replace("*", "")) == []
