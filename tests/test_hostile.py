"""Imported data stays data: whatever a JSON Resume or RenderCV file holds reaches the CV as text.

Hypothesis writes CV files whose every text and address draws from hostile strings (LaTeX
commands and catcode tricks, MyST fences, roles and targets at line starts, HTML, BibTeX
braces, control characters, any Unicode). The import either refuses the file with one line,
or writes pages whose MyST holds no directive, role, HTML or link of the file's making, a
``refs.bib`` with exactly the file's publications, and a ``conf.py`` whose values are the
file's. A few of those CVs are built in every format: no warning, the texts as written,
no canary file's contents, no script. ``nox -s fuzz`` runs many more examples.
"""

from __future__ import annotations

import ast
import atexit
import html
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import build, compile_pdf, copy_cv, copy_root, outputs, pdf_links, pdf_text
from hypothesis import HealthCheck, Phase, assume, event, given, settings
from hypothesis import strategies as st
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser
from myst_parser.parsers.options import options_to_items
from pybtex.database import parse_string
from sphinx_cv_tool.__main__ import main
from sphinx_cv_tool.sources import read_cv
from sphinx_cv_tool.sources.inline import parse_inline
from sphinx_cv_tool.sources.project import configured, write_project
from sphinx_cv_tool.sources.reading import SourceError

#: Examples per property: a few in the test suite, many with ``nox -s fuzz`` (HYPOTHESIS_EXAMPLES).
EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "60"))
BUILDS = max(6, EXAMPLES // 10)
#: A build takes seconds: a failing example is reported as found, not shrunk for minutes.
NO_SHRINKING = (Phase.explicit, Phase.reuse, Phase.generate)
CANARY = "canary-c4f1e8d2"
_SHORT = Path(tempfile.gettempdir()) / f"cv{os.getpid()}"
atexit.register(shutil.rmtree, _SHORT, ignore_errors=True)
#: Each attack names CANARY_PATH, a file whose contents (CANARY) must never reach an output.
ATTACKS = [
    r"\input{CANARY_PATH}",
    r"^^5cinput{CANARY_PATH}",
    r"\csname input\endcsname{CANARY_PATH}",
    r"}{\input{CANARY_PATH}}{",
    r"\immediate\write18{touch pwned}",
    ":::{literalinclude} CANARY_PATH\n:::",
    "```{eval-rst}\n.. include:: CANARY_PATH\n```",
    "{download}`CANARY_PATH`",
    "{literalinclude}`CANARY_PATH`",
    ":::{raw} html\n<img src=x onerror=alert(1)>\n:::",
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "[click](javascript:alert(1))",
    "javascript:alert(1)",
    "(target)=",
    "% a comment",
    "# heading",
    "1. item",
    "- item",
    "> quote",
    "$x^2$",
    "{{ substitution }}",
    "'s-Hertogenbosch",
    '"quoted"',
    "a #1 b",
    "#",
    "| table |",
    "@misc{evil, title={x}}",
    "}, note = {x",
    "#underline[under]",
    '#link("https://example.org")[a link]',
    "**bold** *italic*",
]
SPECIALS = list("&%$#_{}~^\\<>\"'`*[]()|:!@=+-.,;/?\n\t")
#: Text the PDF's fonts have (Latin, Greek, Cyrillic): no cv.font warning is expected of it.
LETTERS = list("aZ09 éŁßøÆçΑβγдЖ£€–—’")
PIECES = st.one_of(st.sampled_from(ATTACKS), st.sampled_from(SPECIALS), st.sampled_from(LETTERS))
TEXT = st.lists(PIECES, min_size=1, max_size=6).map("".join)
#: For a build: the same, in words, since a PDF line cannot break a long word (a path or an address) of a title.
WORDS = st.lists(PIECES, min_size=1, max_size=6).map(" ".join)
#: Any Unicode too (control characters, surrogates, private use): the import refuses what is no text.
ANY_TEXT = st.one_of(TEXT, st.text(max_size=12))
URL = st.one_of(
    st.builds(lambda tail: f"https://example.org/{tail}", TEXT),
    TEXT,
    st.sampled_from(["https://example.org", "mailto:ada@example.org", "javascript:alert(1)", "file:///etc/passwd"]),
)
DIRECTIVES = {"cv-entry", "cv-line", "cv-timeline", "cv-contact", "cv-downloads", "cv-publications", "toctree"}
DIRECTIVES |= {"bibliography", "only"}
#: Options whose values are not inline text: written by the importer from its own words, or checked addresses.
NOT_TEXT_OPTIONS = {"url", "dates", "sort", "kind", "tags", "collect", "hidden", "maxdepth", "filter"}
BLOCKS = {"heading", "paragraph", "inline", "bullet_list", "ordered_list", "list_item"}
INLINE = {"text", "softbreak", "em_open", "em_close", "strong_open", "strong_close", "link_open", "link_close"}
_OPTION = re.compile(r":[\w-]+:( |$)")
MARKDOWN = create_md_parser(MdParserConfig(enable_extensions={"colon_fence", "deflist"}), RendererHTML)


def _json_resume(text: st.SearchStrategy[str], url: st.SearchStrategy[str]) -> st.SearchStrategy[dict]:
    basics = st.fixed_dictionaries(
        {"name": text, "label": text, "summary": text, "url": url},
        optional={
            "location": st.fixed_dictionaries({"city": text, "countryCode": text}),
            "profiles": st.lists(st.fixed_dictionaries({"network": text, "username": text, "url": url}), max_size=2),
        },
    )
    work = st.fixed_dictionaries(
        {"name": text, "position": text, "startDate": st.just("2020-01")},
        optional={"location": text, "url": url, "summary": text, "highlights": st.lists(text, max_size=3)},
    )
    education = st.fixed_dictionaries(
        {"institution": text, "area": text, "studyType": text, "endDate": st.just("2019")},
        optional={"score": text, "courses": st.lists(text, max_size=2)},
    )
    publication = st.fixed_dictionaries(
        {"name": text}, optional={"publisher": text, "releaseDate": st.just("2021-03"), "url": url, "summary": text}
    )
    skill = st.fixed_dictionaries({"name": text}, optional={"level": text, "keywords": st.lists(text, max_size=2)})
    return st.fixed_dictionaries(
        {"basics": basics},
        optional={
            "work": st.lists(work, min_size=1, max_size=2),
            "education": st.lists(education, min_size=1, max_size=1),
            "publications": st.lists(publication, min_size=1, max_size=2),
            "skills": st.lists(skill, min_size=1, max_size=2),
        },
    )


def _rendercv(text: st.SearchStrategy[str], url: st.SearchStrategy[str]) -> st.SearchStrategy[dict]:
    experience = st.fixed_dictionaries(
        {"company": text, "position": text, "start_date": st.just("2020-01")},
        optional={"location": text, "summary": text, "highlights": st.lists(text, max_size=3)},
    )
    education = st.fixed_dictionaries({"institution": text, "area": text, "degree": text, "end_date": st.just("2019")})
    publication = st.fixed_dictionaries(
        {"title": text, "authors": st.lists(text, min_size=1, max_size=3), "date": st.just("2021-03")},
        optional={"doi": text, "url": url, "journal": text, "summary": text},
    )
    sections = st.fixed_dictionaries(
        {},
        optional={
            "experience": st.lists(experience, min_size=1, max_size=2),
            "education": st.lists(education, min_size=1, max_size=1),
            "text": st.lists(text, min_size=1, max_size=2),
            "skills": st.lists(st.fixed_dictionaries({"label": text, "details": text}), min_size=1, max_size=2),
            "bullets": st.lists(st.fixed_dictionaries({"bullet": text}), min_size=1, max_size=2),
            "publications": st.lists(publication, min_size=1, max_size=2),
        },
    )
    cv = st.fixed_dictionaries(
        {"name": text, "headline": text, "sections": sections},
        optional={
            "location": text,
            "website": url,
            "custom_connections": st.lists(st.fixed_dictionaries({"placeholder": text, "url": url}), max_size=2),
        },
    )
    return st.fixed_dictionaries({"cv": cv})


def _write(folder: Path, kind: str, data: dict, canary: Path) -> Path:
    """The CV file of ``data``, its attacks pointed at ``canary``."""
    if kind == "jsonresume":
        path, text = folder / "resume.json", json.dumps(data, ensure_ascii=False, indent="\t")
    else:
        try:
            path, text = folder / "cv.yaml", yaml.safe_dump(data, allow_unicode=True)
        except yaml.YAMLError:  # text that YAML cannot write (a lone surrogate)
            assume(False)
    path.write_text(text.replace("CANARY_PATH", str(canary)), encoding="utf-8", errors="surrogatepass")
    return path


def _canary(folder: Path) -> Path:
    """A file holding :data:`CANARY` for the example in ``folder``, at a path short enough to be one word of a
    PDF's title line (removed when the tests end)."""
    canary = _SHORT / folder.name / "c.txt"
    canary.parent.mkdir(parents=True, exist_ok=True)
    canary.write_text(CANARY)
    return canary


def _check_inline(text: str) -> None:
    for token in MARKDOWN.parseInline(text)[0].children or []:
        assert token.type in INLINE, (token.type, text)
        if token.type == "link_open":
            assert re.match(r"(https?|mailto|tel):", token.attrs["href"]), text


def _check_myst(text: str) -> None:
    """``text`` is MyST of the importer's making: its own directives, and inline text, emphasis and links."""
    for token in MARKDOWN.parse(text):
        if token.type in {"colon_fence", "fence"}:
            name, _, argument = token.info.partition(" ")
            assert name.startswith("{") and name.strip("{}") in DIRECTIVES, (token.info, text)
            _check_inline(argument)
            lines = token.content.splitlines()
            count = next((index for index, line in enumerate(lines) if not _OPTION.match(line)), len(lines))
            if name.strip("{}") not in {"toctree", "bibliography"}:
                for key, value in options_to_items("\n".join(lines[:count]))[0]:
                    if key not in NOT_TEXT_OPTIONS:
                        _check_inline(value)
                _check_myst("\n".join(lines[count:]))
        else:
            assert token.type.removesuffix("_open").removesuffix("_close") in BLOCKS, (token.type, text)
            if token.type == "inline":
                _check_inline(token.content)


def _imported(tmp_path: Path, kind: str, data: dict):
    canary = _canary(tmp_path)
    path = _write(tmp_path, kind, data, canary)
    try:
        return path, read_cv(path)
    except SourceError as error:
        assert "\n" not in str(error) and str(error).startswith(str(path)), error
        return path, None


@pytest.mark.parametrize("kind", ["jsonresume", "rendercv"])
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_import_writes_text_never_markup(tmp_path_factory, kind, data) -> None:
    maker = _json_resume if kind == "jsonresume" else _rendercv
    document_data = data.draw(st.one_of(maker(TEXT, URL), maker(TEXT, URL), maker(ANY_TEXT, URL)))
    tmp_path = tmp_path_factory.mktemp(kind)
    _, document = _imported(tmp_path, kind, document_data)
    event("refused" if document is None else "imported")
    if document is None:
        return
    for page in document.pages().values():
        _check_myst(page)
    entries = parse_string(document.bibliography(), "bibtex").entries
    assert len(entries) == len(document.publications)  # no entry injected, none lost
    for entry in entries.values():
        for name in ("url", "doi"):
            assert not re.search(r"[\s{}\\]", entry.fields.get(name, ""))
    conf = configured("cv_name = 'x'\n", document)
    values = {node.targets[0].id: ast.literal_eval(node.value) for node in ast.parse(conf).body}
    assert values["cv_name"] == document.name and values["cv_contact"] == document.contact


_ADDRESS_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster", "srcset"})


class _Page(HTMLParser):
    """The elements of a page that run script: event attributes, script links, scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            address = name in _ADDRESS_ATTRIBUTES and (value or "").strip().lower().startswith(("javascript:", "data:"))
            if name.startswith("on") or address:
                self.found.append(f"<{tag} {name}={value!r}>")
        self.script = tag == "script"

    def handle_data(self, data: str) -> None:
        if self.script and "alert(" in data and "ld+json" not in self.get_starttag_text():
            self.found.append(data)


def _outputs_text(outdir: Path) -> str:
    texts = []
    for path in outdir.rglob("*"):
        if path.suffix == ".epub":
            with zipfile.ZipFile(path) as epub:
                texts += [epub.read(name).decode("utf-8", "replace") for name in epub.namelist()]
        elif path.is_file() and path.suffix != ".pdf":
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(texts)


@pytest.mark.corpus  # a corpus of generated files built in every format: on one Python
@pytest.mark.parametrize("kind", ["jsonresume", "rendercv"])
@settings(max_examples=BUILDS, deadline=None, suppress_health_check=list(HealthCheck), phases=NO_SHRINKING)
@given(data=st.data())
def test_what_import_accepts_builds_in_every_format_as_text(tmp_path_factory, kind, data) -> None:
    document_data = data.draw((_json_resume if kind == "jsonresume" else _rendercv)(WORDS, URL))
    root = tmp_path_factory.mktemp(kind)
    _, document = _imported(root, kind, document_data)
    event("refused" if document is None else "imported")
    if document is None:
        return
    srcdir = copy_cv(root / "project")
    write_project(root / "project", document, force=True)
    site = build(srcdir, "html")
    epub = build(srcdir, "epub")
    latex = build(srcdir, "latex")
    pdf = compile_pdf(latex, outputs(latex)[0])
    everything = "\n".join([_outputs_text(site), _outputs_text(epub), _outputs_text(latex), pdf_text(pdf)])
    assert CANARY not in everything
    assert not (latex / "pwned").exists()
    for page in [*site.glob("*.html"), *epub.glob("*.xhtml")]:
        parser = _Page()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.found == [], page.name
    shown, printed = _normal(_site_text(site)), _normal(_DATES_AND_FOOTER.sub("", pdf_text(pdf)))
    titles = [text.replace("CANARY_PATH", str(_canary(root))) for text in _texts(document_data, kind)]
    for text in [document.name, *titles]:
        assert _normal(text) in shown, text
        # in the PDF a long name or title wraps, and a reader may put the column beside it between its lines
        assert [piece for piece in _pieces(_normal(text)) if piece not in printed] == [], text


def _site_text(site: Path) -> str:
    """The text of the website's pages, tags taken out."""
    pages = "\n".join(page.read_text(encoding="utf-8") for page in site.glob("*.html"))
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<(script|style)\b.*?</\1>", "", pages, flags=re.S)))


def _normal(text: str) -> str:
    """``text`` without white space, and without what typography and line breaks change (quotes, dashes,
    ellipses, a hyphen where a line breaks)."""
    return re.sub(r"[\s\"'“”‘’\-–—]", "", text.replace("…", "...").replace("‼", "!!"))  # Libertine's ligature


#: The PDF's lines beside or under the texts: an entry's dates, the page's footer.
_DATES_AND_FOOTER = re.compile(r"^(?:(?:[A-Z][a-z]{2} )?\d{4}(?: – .*)?|Page \d+ of \d+|.*Updated \d.*)$", re.M)


def _pieces(text: str, size: int = 10) -> list[str]:
    return [text[start : start + size] for start in range(0, len(text), size)]


def _texts(data: dict, kind: str) -> list[str]:
    """The titles of the file's entries and publications, as the CV shows them (RenderCV's markup read)."""
    if kind == "jsonresume":
        found = [item["position"] for item in data.get("work", [])]
        found += [item["name"] for item in data.get("publications", [])]
    else:
        sections = data["cv"]["sections"]
        found = [item["position"] for item in sections.get("experience", [])]
        found += [item["title"] for item in sections.get("publications", [])]
        found = [parse_inline(" ".join(text.split()))[0].plain() for text in found]
    return [" ".join(text.split()) for text in found if text.strip()]


BAD_FILES = [
    ("bad.json", b'{"basics": {"name": "A\\u0000"}}', r"bad\.json:1: basics\.name: holds the character U\+0000"),
    ("bad.json", b'{"basics": {"name": "\\ud800"}}', r"bad\.json:1: basics\.name: holds the character U\+D800"),
    ("bad.json", b"\xff\xfe{}", r"bad\.json:1: not UTF-8 text"),
    ("bad.json", b'{"basics": {"name": "{ }"}}', r"bad\.json:1: basics\.name: is braces only: a name in refs\.bib"),
    ("bad.json", b"[" * 5000 + b"]" * 5000, r"bad\.json(:\d+)?: nested deeper than 40 levels; a CV is not$"),
    ("bad.json", b"[" * 60 + b"]" * 60, r"bad\.json(:\d+)?: nested deeper than 40 levels; a CV is not$"),
    ("bad.yaml", b"cv:\n  name: a\x00b\n", r"bad\.yaml:2: not valid YAML: special characters are not allowed"),
    ("bad.yaml", b"a: " + b"[" * 5000, r"bad\.yaml(:\d+)?: (nested deeper than 40 levels|not valid YAML)"),
    (
        "bad.yaml",
        b"a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + b"".join(
            f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n".encode()
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        ),
        r"bad\.yaml:\d+: more than 100,000 values once its aliases",
    ),
    ("bad.yaml", b"cv:\n  name: " + b"x" * 30_000 + b"\n", r"bad\.yaml:2: cv\.name: 30,000 characters long"),
    ("bad.json", b'{"basics": {"name": "' + b"x" * 2_100_000 + b'"}}', r"bad\.json: larger than 2 MB"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES)
def test_a_bad_file_gets_one_line_and_nothing_is_written(tmp_path, capsys, name, content, message) -> None:
    root = tmp_path / "project"
    copy_cv(root)
    before = {path: path.read_bytes() for path in root.rglob("*") if path.is_file()}
    (tmp_path / name).write_bytes(content)
    assert main(["import", str(tmp_path / name), "--root", str(root), "--force"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and re.search(message, error.strip()), error
    assert {path: path.read_bytes() for path in root.rglob("*") if path.is_file()} == before


GOOD_FILES = [
    # JSON read as JSON: tabs between tokens, a byte-order mark, a publication without a date
    ("tabs.json", '{\n\t"basics": {\n\t\t"name": "Ada Lovelace"\n\t}\n}', "Ada Lovelace"),
    ("bom.json", '\ufeff{"basics": {"name": "Ada Lovelace"}}', "Ada Lovelace"),
    (
        "undated.json",
        '{"basics": {"name": "Ada Lovelace"}, "publications": [{"name": "Notes", "publisher": "Taylor"}]}',
        "Notes",
    ),
    # a value starting with a quote, a blank RenderCV degree and area, an ISO language, Typst markup
    (
        "quote.yaml",
        'cv:\n  name: Ada Lovelace\n  sections:\n    experience:\n      - company: "\'s-Hertogenbosch #1 Lab"\n'
        '        position: \'"Analyst"\'\n        location: "\'s-Hertogenbosch, NL"\n',
        "'s-Hertogenbosch #1 Lab",
    ),
    (
        "blank.yaml",
        "cv:\n  name: Ada Lovelace\n  sections:\n    education:\n      - institution: University of London\n"
        "        area: ''\n        degree: ''\n",
        "University of London",
    ),
    (
        "typst.yaml",
        "cv:\n  name: Ada Lovelace\n  headline: '#underline[Analyst] of #strong[engines] #h(1cm)'\n  sections:\n"
        "    text:\n      - '#link(\"https://example.org\")[my page]'\n",
        "Analyst of engines",
    ),
]


@pytest.mark.parametrize(("name", "content", "shown"), GOOD_FILES)
def test_files_the_schema_accepts_import_and_build(tmp_path, name, content, shown) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    document = read_cv(tmp_path / name)
    srcdir = copy_cv(tmp_path / "project")
    write_project(tmp_path / "project", document, force=True)
    site = build(srcdir, "html")
    assert _normal(shown) in _normal(_site_text(site))


def test_rendercv_iso_language_codes_areread_cv(tmp_path) -> None:
    (tmp_path / "ko.yaml").write_text("cv:\n  name: 김민준\nlocale:\n  language: ko\n", encoding="utf-8")
    (tmp_path / "pt.yaml").write_text("cv:\n  name: Ana\nlocale:\n  language: pt-BR\n", encoding="utf-8")
    assert read_cv(tmp_path / "ko.yaml").language == "ko"
    assert read_cv(tmp_path / "pt.yaml").language == "pt_BR"


def test_addresses_and_names_typed_in_conf_py_are_text_and_links(tmp_path, rootdir) -> None:
    """A user's own conf.py gets what an imported file gets: braces, carets and spaces of an address
    percent-encoded, a name with < and & shown as typed, in the website's title and the PDF."""
    canary = tmp_path / "canary.txt"
    canary.write_text(CANARY)
    contact = {
        "email": "zoe_o@example.org",
        "Site": f"https://example.org/}}{{^^5cinput{{{canary}}}}}{{/~zoe_o?a=1&b=2#top",
        "website": "https://example.org/my page",
    }
    srcdir = copy_root(rootdir, "test-hostile-contact", tmp_path, conf=f"cv_contact = {contact!r}\n")
    expected = [
        "mailto:zoe_o@example.org",
        f"https://example.org/%7D%7B%5E%5E5cinput%7B{canary}%7D%7D%7B/~zoe_o?a=1&b=2#top",
        "https://example.org/my%20page",
    ]
    site = build(srcdir, "html")
    for page in ("index.html", "search.html"):
        markup = re.sub(r"<script.*?</script>", "", (site / page).read_text(encoding="utf-8"), flags=re.S)
        assert "<Ada>" not in markup and "AT&amp;T &lt;Ada&gt;" in markup, page
        assert "&amp;amp;" not in markup  # escaped once
    page = (site / "index.html").read_text(encoding="utf-8")
    hrefs = [html.unescape(href).replace("%40", "@") for href in re.findall(r'href="([^"]+)"', page)]  # cloaked @
    assert [url for url in [*expected, "https://example.org/%7Bx%7D%5Ey"] if url not in hrefs] == []
    latex = build(srcdir, "latex")
    pdf = compile_pdf(latex, outputs(latex)[0])
    assert [url for url in expected if url not in pdf_links(pdf)[0]] == []
    assert "https://example.org/%7Bx%7D%5Ey" in pdf_links(pdf)[0]
    text = pdf_text(pdf)
    assert CANARY not in text and 'AT&T <Ada> "Lovelace"' in text.replace("“", '"').replace("”", '"')


def test_latex_reads_and_writes_only_inside_its_build_folder(tmp_path, rootdir) -> None:
    """Whatever got into the LaTeX, the latexmkrc every PDF build uses stops TeX from reading /etc/... or ../,
    from writing outside its folder, and from running programs."""
    canary = tmp_path / "canary.txt"
    canary.write_text(CANARY)
    srcdir = copy_root(rootdir, "test-minimal", tmp_path)
    latex = build(srcdir, "latex")
    probe = latex / "probe.tex"
    for attempt, refusal in (
        (rf"\input{{{canary}}}", "Not reading from"),
        (r"\input{../canary.txt}", "Not reading from"),
        (r"\immediate\openout5=../written.txt \immediate\write5{x}\immediate\closeout5", "Not writing to"),
        (
            r"\immediate\write18{touch ../pwned}",
            "runsystem(touch ../pwned)...disabled.",
        ),  # not "(restricted)": none at all
    ):
        probe.write_text(rf"\documentclass{{article}}\begin{{document}}x {attempt}\end{{document}}", encoding="utf-8")
        command = ["latexmk", "-r", "latexmkrc", "-xelatex", "-f", "-interaction=nonstopmode", "probe.tex"]
        result = subprocess.run(command, cwd=latex, capture_output=True, text=True, check=False)
        said = (latex / "probe.log").read_text(encoding="utf-8", errors="replace") + result.stdout + result.stderr
        assert CANARY not in said and refusal in said, attempt
    assert not (srcdir / "written.txt").exists() and not (srcdir / "pwned").exists()
