"""Bad input, odd characters, markup injection, parallel and incremental builds, large inputs."""

from __future__ import annotations

import html
import re
import shutil
import unicodedata
import zipfile
from pathlib import Path

import pytest
from conftest import build, compile_pdf, copy_cv, pdf_readings, pdf_text
from cv_facts import missing_words
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp
from sphinx.util.texescape import escape
from test_errors import STILL_RENDERED

ESCAPE = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character, backslash-escaped in MyST
RTL = re.compile("[\u0590-\u08ff]")
SPECIALS = list("&%$#_{}~^\\<>\"'")
ALPHABET = st.one_of(
    st.sampled_from(SPECIALS),
    st.sampled_from(list("aZ09 éŁßøÆçΑβγ£€–—")),
    st.sampled_from(["e\u0301", "שלום", "مرحبا", "😀", "漢字"]),  # combining accent, right-to-left, emoji, CJK
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn", "Cf", "Zl", "Zp", "Zs", "Mn", "Me")),
)
TEXTS = st.lists(ALPHABET, min_size=1, max_size=12).map("".join).map(str.strip).filter(bool)


def _myst(text: str) -> str:
    return ESCAPE.sub(r"\\\1", text)


def characters_project(rootdir: Path, root: Path, texts: list[str]) -> Path:
    """A copy of the root test-characters whose entries have ``texts`` as title, organisation, location and body.

    Characters that the PDF's font lacks (emoji, CJK) are reported (``cv.font``); here they are
    expected, so its conf.py silences those warnings.
    """
    shutil.copytree(rootdir / "test-characters", root, dirs_exist_ok=True)
    entries = [
        f":::{{cv-entry}} {_myst(text)}\n:org: {_myst(text)}\n:location: {_myst(text)}\n:dates: 2020\n\n"
        f"{_myst(text)}\n:::\n"
        for text in texts
    ]
    (root / "index.md").write_text("# Characters\n\n" + "\n".join(entries), encoding="utf-8")
    return root


def _fields(markup: str, css_class: str) -> list[str]:
    found = re.findall(rf'<[a-z0-9]+ class="{css_class}">(.*?)</[a-z0-9]+>', markup, flags=re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", text)) for text in found]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXTS, min_size=1, max_size=4))
def test_every_character_survives_html_and_latex(tmp_path_factory, rootdir, texts) -> None:
    srcdir = characters_project(rootdir, tmp_path_factory.mktemp("chars"), texts)
    page = (build(srcdir, "html") / "index.html").read_text(encoding="utf-8")
    for css_class in ("cv-entry-title", "cv-entry-org", "cv-entry-location", "cv-entry-body"):
        assert _fields(page, css_class) == texts
    for raw in re.findall(r'class="cv-entry-title">(.*?)</h2>', page):  # escaped, never raw
        assert "<" not in raw and ">" not in raw and not re.search(r"&(?!amp;|lt;|gt;|quot;|#\d+;)", raw)
    tex = (build(srcdir, "latex") / "chars.tex").read_text(encoding="utf-8")
    for macro in ("sphinxcvtitle", "sphinxcvorg", "sphinxcvlocation"):  # each text whole, escaped as Sphinx escapes
        # A symbol the main font lacks is set in the fallback font, around the text as it is.
        found = [re.sub(r"\{\\sphinxcvfallbackfont\{\}([^{}\\]*)\}", r"\1", arg) for arg in _arguments(tex, macro)]
        assert found == [escape(text, "xelatex") for text in texts]


def _arguments(tex: str, macro: str) -> list[str]:
    """The argument of each ``\\macro{...}`` in ``tex`` (braces balanced; ``\\{`` and ``\\}`` are text)."""
    found = []
    for match in re.finditer(rf"\\{macro}\{{", tex):
        depth, index = 1, match.end()
        while depth:
            char = tex[index]
            if char == "\\":
                index += 1
            elif char in "{}":
                depth += 1 if char == "{" else -1
            index += 1
        found.append(tex[match.end() : index - 1])
    return found


def test_a_batch_of_characters_in_one_pdf_and_epub(tmp_path, rootdir) -> None:
    texts = [
        "50% & R&D_costs #1 {braces} ~tilde^caret \\backslash $dollar <tag> \"quoted\" 'single'",
        "Zoë Ó Súilleabháin, Łukasiewicz, São Paulo, ß, Æsir",
        "Greek αβγ and Ω-notation, £460,000 and €5 – a dash — and more",
        "e\u0301cole",
        "שלום עולם",
        "Emoji 😀 here",
        "漢字 CJK",
    ]
    srcdir = characters_project(rootdir, tmp_path, texts)
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text().replace('suppress_warnings = ["cv.font"]', ""))
    app = SphinxTestApp("latex", srcdir=srcdir, builddir=srcdir / "_build" / "latex", freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()).splitlines()
    assert warnings == [  # before LaTeX runs, each missing glyph once, at its first entry
        f"{srcdir / 'index.md'}:{line}: WARNING: the PDF's font Linux Libertine O has no glyph for {char} (U+{code}), "
        "which would be left blank; write it otherwise, or set a font that has it in latex_elements['fontpkg'] "
        "[cv.font]"
        for line, char, code in [(51, "漢", "6F22"), (51, "字", "5B57")]  # 😀: DejaVu Sans, the fallback
    ]
    conf.write_text(conf.read_text() + 'suppress_warnings = ["cv.font"]\n')
    outdir = build(srcdir, "latex")
    pdf = compile_pdf(outdir, "chars.tex")
    text = unicodedata.normalize("NFC", " ".join(pdf_text(pdf).split()))
    latin = [unicodedata.normalize("NFC", raw) for raw in texts[:4]]
    for raw in latin:
        assert raw in text
    assert "שלום" in text or "םולש" in text  # right-to-left, in logical or visual order
    for reader, reading in pdf_readings(pdf).items():  # with real spaces, whatever reads it
        assert missing_words(latin, unicodedata.normalize("NFC", reading)) == [], reader
    epub = next(build(srcdir, "epub").glob("*.epub"))
    with zipfile.ZipFile(epub) as archive:
        page = archive.read("index.xhtml").decode("utf-8")
    assert _fields(page, "cv-entry-title") == texts


@pytest.mark.sphinx("html", testroot="injection", freshenv=True, confoverrides={"cv_bib_strict": True})
def test_markup_in_options_and_bib_fields_is_escaped(app, warning) -> None:
    app.build()
    warnings = warning.getvalue()
    assert warnings.count("[cv.html]") == 5
    assert "HTML is not allowed in a cv-entry's title or options ('<script>')" in warnings
    assert "only http, https, mailto and tel links are allowed (got 'javascript:alert(1)'" in warnings
    assert (
        "bibliography entry 'evil' has a url that cannot be a link ('javascript:alert(1)' is a javascript: address"
        in warnings
    )
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    body = page[page.index('<section id="cv">') : page.index('<div class="sphinxsidebar"')]
    assert "<script>" not in body and "<img" not in body and "<b>" not in body and "javascript:" not in body
    assert "myst.directive_option" not in page  # a warning is no summary of the CV (og:description, JSON-LD)
    assert "Title &lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=alert(1)&gt; Org" in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Title" in body  # the bib title


@pytest.mark.parametrize("builder", ["latex", "epub", "text"])
def test_bad_input_keeps_every_entry_in_every_format(make_app, sphinx_test_tempdir, rootdir, builder) -> None:
    srcdir = sphinx_test_tempdir / f"errors-{builder}"
    shutil.copytree(rootdir / "test-errors", srcdir, dirs_exist_ok=True)
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    app.build()
    if builder == "latex":
        output = pdf_text(compile_pdf(app, next(app.outdir.glob("*.tex")).name))
    elif builder == "epub":
        output = (app.outdir / "index.xhtml").read_text(encoding="utf-8")
    else:
        output = (app.outdir / "index.txt").read_text(encoding="utf-8")
    for title in STILL_RENDERED:
        assert title in output, title


@pytest.mark.sphinx("html", testroot="project-errors", freshenv=True)
def test_missing_name_and_rst_pages(app, warning) -> None:
    app.build()
    lines = re.sub(r"\x1b\[[0-9;]*m", "", warning.getvalue()).splitlines()
    assert lines == [
        f"{app.srcdir / 'conf.py'}:1: WARNING: cv_name is not set: add your name to conf.py, e.g. "
        'cv_name = "Ada Lovelace" (it titles the PDF and the EPUB and is set in bold in your publications) [cv.config]',
        f"{app.srcdir / 'old.rst'}:1: WARNING: this reStructuredText file is not read: the CV's pages are MyST "
        "Markdown; rename it to .md and write its directives as :::{cv-entry} … ::: (see the README) [cv.source]",
    ]
    assert "Still here" in (app.outdir / "index.html").read_text(encoding="utf-8")


def _pages(outdir: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(outdir.glob("*.html"))}


def _build_app(srcdir: Path, **options: object) -> Path:
    app = SphinxTestApp("html", srcdir=srcdir, builddir=srcdir / "_build", **options)
    try:
        app.build()
    finally:
        app.cleanup()
    return app.outdir


def test_parallel_build_equals_serial(tmp_path) -> None:
    serial = _pages(_build_app(copy_cv(tmp_path / "serial"), freshenv=True))
    parallel = _pages(_build_app(copy_cv(tmp_path / "parallel"), freshenv=True, parallel=2))
    assert serial.keys() == parallel.keys() and serial == parallel


def test_incremental_build_equals_clean_build(tmp_path, rootdir) -> None:
    """After an entry is edited, a page added and one deleted, an incremental -j2 build equals a clean one."""
    srcdir = tmp_path / "incremental"
    shutil.copytree(rootdir / "test-collect", srcdir)
    _build_app(srcdir, freshenv=True)
    (srcdir / "work.md").write_text((srcdir / "work.md").read_text().replace("Engineer", "Engineer (edited)"))
    (srcdir / "teaching.md").write_text(
        "# Teaching\n\n:::{cv-entry} Tutor\n:org: College\n:dates: 2020 – Present\n:tags: overview\n\nTaught.\n:::\n"
    )
    (srcdir / "extra.md").unlink()
    index = srcdir / "index.md"
    index.write_text(index.read_text().replace("extra\n", "teaching\n"))
    incremental = _pages(_build_app(srcdir, parallel=2))
    fresh = tmp_path / "fresh"
    shutil.copytree(srcdir, fresh, ignore=shutil.ignore_patterns("_build"))
    clean = _pages(_build_app(fresh, freshenv=True))
    assert "extra.html" not in clean
    del incremental["extra.html"]  # a build never deletes pages; the clean build has none
    assert incremental.keys() == clean.keys()
    for name in clean:
        assert incremental[name] == clean[name], name
    assert "Engineer (edited)" in clean["index.html"]
    assert '"jobTitle": "Engineer (edited)"' in clean["index.html"]
    assert "Tutor" in clean["index.html"] and "Volunteer" not in clean["index.html"]


def test_large_inputs_in_every_format(tmp_path, rootdir) -> None:
    srcdir = tmp_path / "large"
    shutil.copytree(rootdir / "test-large", srcdir)
    assert "A very long title" in (build(srcdir, "html") / "index.html").read_text(encoding="utf-8")
    assert next(build(srcdir, "epub").glob("*.epub")).stat().st_size > 0
    assert "Position number 50" in (build(srcdir, "text") / "index.txt").read_text(encoding="utf-8")
    pages = pdf_text(compile_pdf(build(srcdir, "latex"), "large.tex")).split("\f")[:-1]
    assert len(pages) >= 5
    for page in pages:  # no page ends with a heading or an entry's title cut from its body
        lines = [
            line
            for line in page.splitlines()
            if line.strip() and not re.fullmatch(r"Ada Lovelace|Page \d+ of \d+", line)
        ]
        assert not re.match(r"(Position number \d+|Organisation \d+|LONG ENTRY|FIFTY ENTRIES)", lines[-1]), lines[-3:]
