"""``new`` and ``import``: a starter CV, and CVs from JSON Resume and RenderCV files, written as this project's sources.

The files in ``tests/data/imports`` were written with those tools (see its README). Each is
imported and built with -W; every text of the file that the import does not report as left
out must be on the website; a JSON Resume comes back from ``nox -s json`` with the same names,
positions, dates, highlights and URLs. Bad files get one line naming the file and line.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EPUBCHECK, IMPORTS, REPO, TESTS, build, compile_pdf, copy_cv, copy_root, outputs, pdf_text
from cv_facts import missing
from hypothesis import given
from hypothesis import strategies as st
from pybtex.database import parse_file, parse_string
from sphinx_cv.bibliography.style import rich_text
from sphinx_cv_tool.__main__ import main
from sphinx_cv_tool.build import main as build_main
from sphinx_cv_tool.sources.document import Document, Entry, Publication, Section
from sphinx_cv_tool.sources.jsonresume import read_json_resume
from sphinx_cv_tool.sources.markup import bibtex_text, myst_text
from sphinx_cv_tool.sources.project import write_project
from sphinx_cv_tool.sources.reading import SourceError
from sphinx_cv_tool.sources.rendercv import read_rendercv, section_title
from test_cv import page_text

BIB_CORPUS = TESTS / "data" / "bib" / "real"
FILES = sorted(path.name for path in IMPORTS.iterdir() if path.suffix in {".json", ".yaml"})
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
#: Fields whose values are addresses or dates (checked by the round trip), or say nothing shown as such.
NOT_TEXT = re.compile(
    r"url|website|Date|date|doi|\$schema|username|network|fontawesome_icon|theme|^locale|^design|^settings"
    r"|^language$|^meta\.(?:lang|locale|language)$"
)


def read(path: Path):
    text = path.read_text(encoding="utf-8")
    return read_json_resume(path, text) if path.suffix == ".json" else read_rendercv(path, text)


def texts_of(data: object, where: str = "") -> list[tuple[str, str]]:
    """(path, text) of every string in a parsed file (``work[0].summary``)."""
    if isinstance(data, dict):
        return [found for key, value in data.items() for found in texts_of(value, f"{where}.{key}".lstrip("."))]
    if isinstance(data, list):
        return [found for index, value in enumerate(data) for found in texts_of(value, f"{where}[{index}]")]
    return [(where, str(data))] if data not in (None, "") else []


def _import(name: str, root: Path):
    document = read(IMPORTS / name)
    srcdir = copy_cv(root)
    write_project(root, document, force=True)
    return document, srcdir


def _markdown_text(text: str) -> str:
    """What RenderCV's Markdown shows: the text of links and emphasis, without their marks."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"(\*{1,3}|_{1,3})(\S.*?\S|\S)\1", r"\2", text)


def _texts_of_file(path: Path, document) -> list[str]:
    """Every text of the CV file at ``path`` that its import did not report as left out, as the CV shows it:
    each paragraph and each of RenderCV's nested highlights on its own."""
    left_out = {line.split(":")[0] for line in document.left_out}
    data = json.loads(path.read_text(encoding="utf-8-sig")) if path.suffix == ".json" else _yaml(path)
    expected = [
        _markdown_text(text) if path.suffix == ".yaml" else text
        for where, text in texts_of(data)
        if not NOT_TEXT.search(where) and not any(where.startswith(part) for part in left_out)
    ]
    pieces = [piece.strip() for text in expected for piece in re.split(r"\n\n|\s+-\s+|(?<=\w)\s-\s", text)]
    return [piece for piece in pieces if piece]


@pytest.mark.parametrize("name", FILES)
def test_every_text_of_the_file_is_on_the_website_or_reported(name, tmp_path) -> None:
    document, srcdir = _import(name, tmp_path)
    pages = {path.stem: page_text(path.read_text(encoding="utf-8")) for path in build(srcdir, "html").glob("*.html")}
    for piece in _texts_of_file(IMPORTS / name, document):
        assert missing([piece], " ".join(pages.values())) == [], (name, piece)


#: Real people's CV files (see tests/data/imports/README.md) that JSON Resume's schema or RenderCV refuses, and why.
REFUSED = {
    "jsonresume-pwltr-de.json": r":43: work\[0\]\.endDate: not valid JSON Resume: 'aktuell' is not a date",
    "rendercv-joeybail96-en.yaml": r":151: cv\.sections\.Publications\[0\]: .* this one lacks authors",
    "rendercv-chen-zh.yaml": r":150: cv\.sort_entries: not a field of RenderCV's cv",  # RenderCV forbids it there
    # "title:" without "authors:" in 9 teaching entries and a publication (RenderCV refuses each), all said at once
    "rendercv-denolle-en.yaml": r":233: cv\.sections\.teaching\[0\]: .* lacks authors(.|\n)*:1074: cv\.sections\.publ",
}


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(path.name for path in (IMPORTS / "real").glob("*.[jy]*")))
def test_real_files_build_in_every_format_or_are_refused_for_a_reason_of_their_schema(name, tmp_path) -> None:
    path = IMPORTS / "real" / name
    if name in REFUSED:
        with pytest.raises(SourceError, match=REFUSED[name]):
            read(path)
        return
    document = read(path)
    srcdir = copy_cv(tmp_path)
    write_project(tmp_path, document, force=True)
    texts = _texts_of_file(path, document)
    site = " ".join(page_text(page.read_text(encoding="utf-8")) for page in build(srcdir, "html").glob("*.html"))
    assert missing(texts, site) == []
    epub = next(build(srcdir, "epub").glob("*.epub"))
    result = subprocess.run(["java", "-jar", str(EPUBCHECK), str(epub)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    latex = build(srcdir, "latex")
    titles = [entry.title for section in document.sections for entry in section.items if isinstance(entry, Entry)]
    assert missing([_markdown_text(title) for title in titles], pdf_text(compile_pdf(latex, outputs(latex)[0]))) == []


def _yaml(path: Path) -> object:
    from sphinx_cv_tool.sources.reading import load_yaml

    return load_yaml(path, path.read_text(encoding="utf-8")).data


@pytest.mark.parametrize("name", ["jsonresume-sample.json", "jsonresume-every-field.json"])
def test_json_resume_comes_back_from_the_json_build(name, tmp_path) -> None:
    """Names, positions, dates, highlights and URLs survive import and export."""
    _, srcdir = _import(name, tmp_path)
    source = json.loads((IMPORTS / name).read_text(encoding="utf-8"))
    exported = json.loads((build(srcdir, "jsonresume") / "resume.json").read_text(encoding="utf-8"))
    fields = {
        "work": ["name", "position", "startDate", "endDate", "highlights", "url", "location"],
        "volunteer": ["organization", "position", "startDate", "endDate", "highlights", "url"],
        "education": ["institution", "area", "studyType", "startDate", "endDate", "url"],
        "awards": ["title", "date", "awarder"],
        "certificates": ["name", "date", "issuer", "url"],
        "skills": ["name", "level", "keywords"],
        "languages": ["language", "fluency"],
        "interests": ["name", "keywords"],
        "references": ["name"],
        "projects": ["name", "startDate", "endDate", "highlights", "url"],
    }
    for key, names in fields.items():
        assert [{field: item.get(field) for field in names} for item in source.get(key, [])] == [
            {field: item.get(field) for field in names} for item in exported.get(key, [])
        ], key
    basics, back = source["basics"], exported["basics"]
    assert back["name"] == basics["name"] and back["email"] == basics["email"] and back["url"] == basics["url"]
    profiles = {p["url"] for p in basics["profiles"] if p.get("username", "") in p.get("url", "")}  # not a site's
    assert {profile["url"] for profile in back["profiles"]} >= profiles
    for original, again in zip(source["publications"], exported["publications"], strict=True):
        assert again["name"] == original["name"] and again["url"] == original["url"]
        assert again["releaseDate"] == original["releaseDate"][:7]


def test_new_writes_a_starter_cv_with_nothing_of_the_example(tmp_path) -> None:
    root = tmp_path / "project"
    copy_cv(root)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=root, check=True)
    subprocess.run([*GIT, "commit", "-qm", "example"], cwd=root, check=True)
    assert main(["new", "Zoë Łukasiewicz-O'Brien", "--root", str(root)]) == 0
    for path in [root / "refs.bib", *(root / "docs").rglob("*")]:
        if path.is_file() and "_ext" not in path.parts and path.suffix in {".md", ".py", ".bib"}:
            assert "Benton" not in path.read_text(encoding="utf-8"), path
    assert 'cv_name = "Zoë Łukasiewicz-O\'Brien"' in (root / "docs" / "conf.py").read_text(encoding="utf-8")
    outdir = build(root / "docs", "html")
    assert "Zoë Łukasiewicz-O'Brien" in (outdir / "index.html").read_text(encoding="utf-8")
    assert "Benton" not in " ".join(path.read_text(encoding="utf-8") for path in outdir.glob("*.html"))


def test_new_writes_an_example_letter_and_an_import_keeps_the_owners(tmp_path) -> None:
    root = tmp_path / "project"
    copy_cv(root)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    assert main(["new", "Ada Lovelace", "--root", str(root), "--force"]) == 0
    example = root / "docs" / "letters" / "example.md"
    assert example.read_text(encoding="utf-8").startswith(":::{cv-letter}")
    assert build_main(["--source", str(root / "docs"), "--formats", "letter", "--letter", "example"]) == 0
    text = " ".join(pdf_text(root / "docs" / "_build" / "ada-lovelace-letter-example.pdf").split())
    assert "Ada Lovelace" in text and "Dear Name of the Recipient," in text
    example.write_text(example.read_text(encoding="utf-8").replace("Why you write", "My own words"))
    assert main(["import", str(IMPORTS / "jsonresume-sample.json"), "--root", str(root), "--force"]) == 0
    assert "My own words" in example.read_text(encoding="utf-8")  # a letter is never replaced, nor removed


def test_work_that_git_has_not_recorded_is_never_overwritten(tmp_path, capsys) -> None:
    root = tmp_path / "project"
    copy_cv(root)
    assert main(["new", "Ada Lovelace", "--root", str(root)]) == 2  # not a git repository
    assert "is not a git repository" in capsys.readouterr().err
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=root, check=True)
    subprocess.run([*GIT, "commit", "-qm", "example"], cwd=root, check=True)
    education = next(page for page in sorted((root / "docs").glob("*.md")) if page.name != "index.md")
    education.write_text(education.read_text() + "\nMy unsaved line.\n")
    assert main(["new", "Ada Lovelace", "--root", str(root)]) == 2
    before = {path: path.read_bytes() for path in root.rglob("*") if path.is_file() and ".git" not in path.parts}
    assert main(["import", str(IMPORTS / "jsonresume-sample.json"), "--root", str(root)]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"error: docs/ or refs.bib has changes that are not committed (docs/{education.name})")
    assert "--force" in error
    assert before == {
        path: path.read_bytes() for path in root.rglob("*") if path.is_file() and ".git" not in path.parts
    }
    assert main(["import", str(IMPORTS / "jsonresume-sample.json"), "--root", str(root), "--force"]) == 0
    assert not education.exists() or "My unsaved line" not in education.read_text()  # replaced, or removed
    assert (root / "docs" / "work.md").exists()


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("cv.json", '{"basics": {"name": "Ada"},\n  "work": [}', "cv.json:2: not JSON: Expecting value"),
        (
            "cv.json",
            '{"basics": {"name": "Ada"},\n "work": [\n  {"startDate": "May 2020"}]}',
            "cv.json:3: work[0].startDate: not valid JSON Resume: 'May 2020' is not a date: write 2023, 2023-03",
        ),
        ("cv.json", '{"basics": {"label": "x"}}', "cv.json:1: basics: has no name"),
        (
            "cv.yaml",
            "cv:\n  name: Ada\n  sections:\n    misc:\n      - foo: bar\n",
            "cv.yaml:5: cv.sections.misc[0]: unknown RenderCV entry type (fields foo)",
        ),
        (
            "cv.yaml",
            "cv:\n  name: Ada\n  sections:\n    jobs:\n      - company: A\n        position: B\n      - name: C\n",
            "cv.yaml:7: cv.sections.jobs[1]: the section's entries are experience",
        ),
        ("cv.yaml", "cv:\n  name: Ada\n  label: x\n", "cv.yaml:3: cv.label: not a field of RenderCV's cv"),
        ("cv.yaml", "cv:\n  name: [unclosed\n", "cv.yaml:3: not valid YAML"),
        ("cv.txt", "name: Ada", "cv.txt: not a CV this can read"),
    ],
)
def test_bad_files_get_a_line_naming_file_and_line(name, text, message, tmp_path, capsys) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    root = tmp_path / "project"
    copy_cv(root)
    before = (root / "docs" / "index.md").read_text()
    assert main(["import", str(path), "--root", str(root), "--force"]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"error: {tmp_path}/{message}"), error
    assert error.count("\n") == 1
    assert (root / "docs" / "index.md").read_text() == before  # nothing written


def test_rendercv_sections_and_owner() -> None:
    assert [section_title(key) for key in ("education_and_training", "Welcome to RenderCV", "on_the_road")] == [
        "Education and Training",
        "Welcome to RenderCV",
        "on The Road",
    ]
    assert read(IMPORTS / "rendercv-academic.yaml").name_variants == [
        "Zhen Wei"
    ]  # the owner (*Zhen Wei*) is Dr. Zhen Wei
    document = read(IMPORTS / "rendercv-every-entry-type.yaml")
    assert document.name_variants == []  # *Søren Ødegård-Łukasiewicz* and ***S. Ødegård-Łukasiewicz*** are cv.name
    assert not [note for note in document.left_out if "publications[1]" in note]  # its braces are in refs.bib
    assert document.language == "da"
    assert document.contact["email"] == ["soren@example.org", "s.odegard@example.ac.uk"]
    assert document.contact["Book a meeting"] == "https://example.org/meet"


def test_the_command_line_as_nox_runs_it(tmp_path) -> None:
    root = tmp_path / "project"
    copy_cv(root)
    command = [
        sys.executable,
        "-m",
        "sphinx_cv_tool",
        "import",
        str(IMPORTS / "rendercv-minimal.yaml"),
        "--root",
        str(root),
    ]
    env = {"PYTHONPATH": str(REPO / "docs" / "_ext"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([*command, "--force"], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert "The CV of Bob Smith is in" in result.stdout and "design: left out" in result.stdout
    assert sorted(path.name for path in (root / "docs").glob("*.md")) == ["education.md", "experience.md", "index.md"]


@given(
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp", "Cf"))
        | st.sampled_from(list("&%$#_{}~^\\"))
    )
)
def test_plain_text_reads_back_from_bibtex(text) -> None:
    """As the cv style shows a field: every character as written, braces too."""
    entry = parse_string(f"@misc{{a, title = {{{bibtex_text(text)}}}}}", "bibtex").entries["a"]
    shown = str(rich_text(entry.fields["title"]))
    assert shown == " ".join(text.split())


def test_plain_text_reads_back_from_myst(tmp_path, rootdir) -> None:
    texts = [
        "R&D_costs *not emphasis* [not a link](x) <b> $5 ~x~ | a",
        "# not a heading",
        "1. not a list",
        "- not a list",
        ": not an option",
        "&amp; stays",
        "50% {braces} \\backslash ^caret",
    ]
    srcdir = copy_root(rootdir, "test-minimal", tmp_path, conf="smartquotes = False\n")
    (srcdir / "index.md").write_text("# Texts\n\n" + "\n\n".join(myst_text(text) for text in texts) + "\n")
    page = (build(srcdir, "html") / "index.html").read_text(encoding="utf-8")
    paragraphs = [page_text(found) for found in re.findall(r"<p>(.*?)</p>", page, flags=re.S)]
    assert [" ".join(found.split()) for found in paragraphs[: len(texts)]] == texts


def test_json_resume_0x_names_are_read(tmp_path) -> None:
    """Many files in use were written for JSON Resume 0.x (company, website, gpa, picture)."""
    path = tmp_path / "old.json"
    path.write_text(
        json.dumps(
            {
                "basics": {"name": "Ada Lovelace", "website": "https://example.org/ada", "picture": "ada.jpg"},
                "work": [
                    {
                        "company": "Analytical Engines",
                        "position": "Programmer",
                        "website": "https://example.org/ae",
                        "startDate": "1842",
                    }
                ],
                "education": [{"institution": "Home", "area": "Mathematics", "studyType": "Tutoring", "gpa": "A"}],
            }
        ),
        encoding="utf-8",
    )
    document = read(path)
    entry = document.sections[0].items[0]
    assert (entry.title, entry.org, entry.url, entry.dates) == (
        "Programmer",
        "Analytical Engines",
        "https://example.org/ae",
        "1842 – Present",
    )
    assert document.contact["website"] == "https://example.org/ada"
    assert document.sections[1].items[0].paragraphs == ["Score: A"]
    assert document.left_out == ["basics.picture: left out: a picture; the CV shows no photo"]  # as the file says


def _listed(page: Path) -> int:
    return len(re.findall(r'<li id="[^"]+"[^>]*><p>', page.read_text(encoding="utf-8")))


def test_new_then_your_own_refs_bib_lists_every_entry(tmp_path) -> None:
    """The starter's publications page groups any refs.bib by type and lists the rest last: nothing is left out."""
    root = tmp_path / "project"
    copy_cv(root)
    assert main(["new", "Raimon Sunyer", "--root", str(root), "--force"]) == 0
    shutil.copyfile(BIB_CORPUS / "sunyer-zotero.bib", root / "refs.bib")  # a Zotero export, without keywords
    outdir = build(root / "docs", "html")
    assert _listed(outdir / "publications.html") == len(parse_file(root / "refs.bib").entries) == 24


def test_an_import_lists_a_replaced_refs_bib_under_other_publications(tmp_path) -> None:
    """Each imported publications page lists the entries of its keyword; the last also lists what no page selects."""
    root = tmp_path / "project"
    copy_cv(root)
    articles = Section("Articles", publications=True)
    document = Document(name="Ada Lovelace", sections=[articles, Section("Talks", publications=True)])
    document.publications = [
        Publication("own1", "article", {"title": "Mine", "journal": "J", "year": "2020"}, ["Ada Lovelace"], articles)
    ]
    write_project(root, document, force=True)
    assert "\n## Other publications\n\n```{cv-publications}\n:exclude-keywords: articles\n```\n" in (
        root / "docs" / "talks.md"
    ).read_text(encoding="utf-8")
    outdir = build(root / "docs", "html")
    assert _listed(outdir / "articles.html") == 1 and _listed(outdir / "talks.html") == 0
    shutil.copyfile(BIB_CORPUS / "sunyer-zotero.bib", root / "refs.bib")
    outdir = build(root / "docs", "html")
    assert _listed(outdir / "articles.html") == 0
    talks = (outdir / "talks.html").read_text(encoding="utf-8")
    assert "<h1>Talks" in talks and "<h2>Other publications" in talks and _listed(outdir / "talks.html") == 24


@pytest.mark.parametrize(
    ("name", "language", "headings"),
    [
        ("jsonresume-russian.json", "ru", ["Опыт работы", "Образование", "Публикации", "Языки"]),
        ("jsonresume-japanese.json", "ja", ["職歴", "学歴", "スキル"]),
    ],
)
def test_an_import_keeps_the_language_its_file_names_and_titles_its_sections_in_it(
    name, language, headings, tmp_path
) -> None:
    document, srcdir = _import(name, tmp_path)
    assert document.language == language
    assert f'language = "{language}"' in (srcdir / "conf.py").read_text(encoding="utf-8")
    outdir = build(srcdir, "html")
    home = (outdir / "index.html").read_text(encoding="utf-8")
    assert f'lang="{language}" data-content_root' in home
    titles = [section.title for section in document.sections]
    assert titles == headings
    text = " ".join(page_text(path.read_text(encoding="utf-8")) for path in outdir.glob("*.html"))
    assert " in " not in text and "Present" not in text  # "Бакалавриат in Информатика" was English's joiner
    if language == "ru":
        assert re.search(r"Бакалавриат\s+\(Информатика\)", text) and "1 сент. 2024\u202fг." in text


@pytest.mark.parametrize(
    ("suffix", "text", "language", "reported"),
    [
        (".json", '{"language": "ru-RU", "basics": {"name": "A"}}', "ru_RU", ""),
        (".json", '{"meta": {"locale": "pt-BR"}, "basics": {"name": "A"}}', "pt_BR", ""),
        (".json", '{"meta": {"lang": "zh-Hans"}, "basics": {"name": "A"}}', "zh_CN", ""),
        (".json", '{"language": "sw", "basics": {"name": "A"}}', "sw", "language: left out: the words of the language"),
        (".json", '{"meta": {"language": "Klingon"}, "basics": {"name": "A"}}', "", "is not a language code"),
        (".yaml", "cv:\n  name: A\nlocale:\n  language: russian\n", "ru", ""),
        (".yaml", "cv:\n  name: A\nlocale:\n  language: danish\n", "da", "left out: the words of the language 'da'"),
    ],
)
def test_the_language_a_file_names_is_the_cvs_when_the_project_has_its_words(
    suffix, text, language, reported, tmp_path
) -> None:
    path = tmp_path / f"cv{suffix}"
    path.write_text(text, encoding="utf-8")
    document = read(path)
    assert document.language == language
    assert any(reported in line for line in document.left_out) if reported else document.left_out == []


def test_a_rendercv_date_no_grammar_reads_is_kept_as_written_with_one_note_at_its_line(tmp_path) -> None:
    """RenderCV takes any text as a date; the import keeps it (:date-text:), and one run reports every one."""
    path = tmp_path / "cv.yaml"
    path.write_text(
        "cv:\n  name: Ada Lovelace\n  sections:\n    teaching:\n"
        "      - name: Seismology\n        date: ESS 469/569\n"
        "      - name: Reviewing\n        date: '2023, 2024, 2026'\n"
        "      - name: Lecturing\n        date: 2021 – 2022\n",
        encoding="utf-8",
    )
    document = read(path)
    entries = document.sections[0].items
    assert [(entry.dates, entry.date_text) for entry in entries] == [
        ("", "ESS 469/569"),
        ("", "2023, 2024, 2026"),
        ("2021 – 2022", ""),
    ]
    assert [line.split(": cannot read")[0] for line in document.chosen] == [
        f"{path}:6: cv.sections.teaching[0].date",
        f"{path}:8: cv.sections.teaching[1].date",
    ]
    assert document.chosen[1].endswith("kept as written, sorted by 2023")
    srcdir = copy_cv(tmp_path / "project")
    write_project(tmp_path / "project", document, force=True)
    assert ":date-text: ESS 469/569\n" in (srcdir / "teaching.md").read_text(encoding="utf-8")
    page = (build(srcdir, "html") / "teaching.html").read_text(encoding="utf-8")
    assert "<span>2023, 2024, 2026</span>" in page and "<span>ESS 469/569</span>" in page


def test_a_second_import_does_not_keep_the_first_cvs_language_or_name_spellings(tmp_path) -> None:
    root = tmp_path / "project"
    copy_cv(root)
    conf = root / "docs" / "conf.py"
    assert main(["import", str(IMPORTS / "jsonresume-russian.json"), "--root", str(root), "--force"]) == 0
    conf.write_text(conf.read_text(encoding="utf-8") + 'cv_name_variants = ["Smirnova, A."]\n', encoding="utf-8")
    assert 'language = "ru"' in conf.read_text(encoding="utf-8")
    assert main(["import", str(IMPORTS / "jsonresume-sample.json"), "--root", str(root), "--force"]) == 0
    text = conf.read_text(encoding="utf-8")
    assert 'language = "en"' in text and "Smirnova" not in text and "cv_name_variants = []" in text
