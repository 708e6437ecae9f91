"""CVs in other languages and scripts, in every format: a German CV (its words from the catalogs, its section titles
naming its entries' kinds), a Japanese one (xelatex and xeCJK with Noto CJK, lines broken between characters), a
Korean and a Chinese one (Korean's spaces kept, Chinese in its own glyph forms), a Hebrew and an Arabic one (right
to left everywhere), and a translation of one CV into another language through Sphinx's gettext workflow."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import (
    BIDI_MARKS,
    EPUBCHECK,
    build,
    build_app,
    compile_pdf,
    conf_value,
    copy_root,
    outputs,
    pdf_text,
    require_tool,
)
from pypdf import PdfReader

#: Each test root, with its language and what its dates (and a degree's field) become in that language.
ROOTS = {
    # CLDR's separators: thin spaces around the dash in German, a wave dash in Japanese
    "test-german": ("de", ["Okt. 2019\u2009–\u2009heute", "Sommer 2018", "1. März 2015\u2009–\u2009Feb. 2019"]),
    "test-japanese": ("ja", ["2019年10月～現在", "2015年4月～2019年3月", "2020年", "博士（統計学）"]),
    "test-hebrew": ("he", ["אוק׳ 2019 – היום"]),
}


pytestmark = pytest.mark.usefixtures("forget_catalogs")


@pytest.fixture
def project(tmp_path, rootdir, request) -> Path:
    """A copy of the test root that the test's ``project`` parameter names."""
    return copy_root(rootdir, request.param, tmp_path)


def _home_page_data(page: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">\n(.*?)\n</script>', page, re.S)[1])


@pytest.mark.parametrize("project", list(ROOTS), indirect=True)
def test_every_format_is_in_the_cv_language(project) -> None:
    language, dates = ROOTS[project.name]
    page = (build(project, "html") / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{language}"' in page
    assert _home_page_data(page)["inLanguage"] == language
    shown = re.sub(r"<[^>]+>", "", page)
    assert [label for label in dates if label not in shown] == []
    text = " ".join((build(project, "text") / "index.txt").read_text(encoding="utf-8").split())
    assert all(" ".join(label.split()) in text for label in dates), text  # the text's spaces are plain ones
    resume = json.loads((build(project, "jsonresume") / "resume.json").read_text(encoding="utf-8"))
    assert resume["basics"]["name"] == conf_value(project / "conf.py", "cv_name")
    assert all(re.fullmatch(r"\d{4}(-\d{2}){0,2}", item["startDate"]) for item in resume["work"])  # ISO
    outdir = build(project, "epub")
    epub = outdir / outputs(outdir)[0]
    with zipfile.ZipFile(epub) as archive:
        opf = archive.read("content.opf").decode("utf-8")
        assert f"<dc:language>{language}</dc:language>" in opf
        assert dates[0] in re.sub(r"<[^>]+>", "", archive.read("index.xhtml").decode("utf-8"))
    require_tool("java", hint="install epubcheck (.ci/apt-packages)")
    result = subprocess.run(["java", "-jar", str(EPUBCHECK), str(epub)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "No errors or warnings detected" in result.stdout, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("project", "job", "school", "award"),
    [
        ("test-german", "Wissenschaftlicher Mitarbeiter", "Ludwig-Maximilians-Universität München", "2020"),
        ("test-japanese", "博士研究員", "京都大学", "2020年"),
    ],
    indirect=["project"],
)
def test_section_titles_in_the_cv_language_give_the_entries_kinds(project, job, school, award) -> None:
    """'Berufserfahrung' and '職歴' hold jobs, 'Ausbildung' and '学歴' schools, 'Auszeichnungen' and '受賞' awards."""
    person = _home_page_data((build(project, "html") / "index.html").read_text(encoding="utf-8"))["mainEntity"]
    assert person["jobTitle"] == job
    assert [organisation["name"] for organisation in person["alumniOf"]] == [school]
    assert person["award"][0].startswith(award)
    resume = json.loads((build(project, "jsonresume") / "resume.json").read_text(encoding="utf-8"))
    assert resume["work"][0]["position"] == job
    assert [education["institution"] for education in resume["education"]] == [school]


def _pdf_info(pdf: Path) -> dict[str, str]:
    result = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in result.splitlines() if ":" in line)


@pytest.mark.parametrize("project", ["test-german"], indirect=True)
def test_a_german_pdf(project) -> None:
    outdir = build(project, "latex")
    pdf = compile_pdf(outdir, outputs(outdir)[0])
    text = " ".join(pdf_text(pdf).split())
    assert all(" ".join(label.split()) in text for label in ROOTS["test-german"][1]) and "Seite 1 von 1" in text
    assert "Bosch & Söhne" in text and "Jürgen Weiß" in text
    assert _pdf_info(pdf)["Subject"].strip() == "Lebenslauf"
    assert PdfReader(pdf).trailer["/Root"]["/Lang"] == "de"


@pytest.mark.parametrize("project", ["test-japanese"], indirect=True)
def test_a_japanese_pdf_is_set_in_a_cjk_font_with_lines_broken_between_characters(project) -> None:
    import pdfplumber

    outdir = build(project, "latex")
    tex = (outdir / outputs(outdir)[0]).read_text(encoding="utf-8")
    assert r"\usepackage{xeCJK}" in tex and "jreport" not in tex and "{article}" in tex
    pdf = compile_pdf(outdir, outputs(outdir)[0])
    assert "Missing character" not in pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "NotoSerifCJKjp" in fonts
    text = pdf_text(pdf)
    joined = "".join(text.split())  # xeCJK's spaces between Latin and CJK come out as spaces
    for expected in (
        "山田花子",
        "博士研究員",
        "東京大学大学院情報理工学系研究科",
        "2019年10月～現在",
        "博士（統計学）",
    ):
        assert expected in joined, expected
    assert "1/1ページ" in joined and _pdf_info(pdf)["Subject"].strip() == "履歴書"
    lines = text[text.index("統計学") :].split("\n\n")[0].splitlines()
    assert len(lines) >= 2, text  # a paragraph without spaces is broken between characters...
    assert not any(line.startswith(("、", "。", "）")) for line in lines)  # ...never before a closing mark
    with pdfplumber.open(pdf) as document:
        page = document.pages[0]
        right_edge = max(char["x1"] for char in page.chars)
        assert right_edge <= page.width - 50  # nothing runs into the margin


@pytest.mark.parametrize(
    ("project", "expected", "font"),
    [
        # Korean keeps its spaces between words; ko_KR, a language with its region: the same fonts, and no Babel
        # warning either
        ("test-korean", ["통계학과 기계 학습을 연구합니다.", "현재", "1 / 1 페이지"], "KR"),
        # Chinese (zh_CN) in the simplified Chinese forms of Noto CJK
        ("test-chinese", ["统计学与机器学习研究者。", "至今", "第 1 页，共 1 页"], "SC"),
    ],
    indirect=["project"],
)
def test_korean_and_chinese_pdfs(project, expected, font) -> None:
    outdir = build(project, "latex")
    assert f"\\setCJKmainfont{{Noto Serif CJK {font}}}" in (outdir / outputs(outdir)[0]).read_text(encoding="utf-8")
    pdf = compile_pdf(outdir, outputs(outdir)[0])
    assert "Missing character" not in pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    text = " ".join(pdf_text(pdf).split())
    assert [words for words in expected if words not in text] == []


#: A Korean paragraph long enough to wrap, with Hangul joined to Latin letters, digits and brackets (the page of
#: tests/roots/test-korean-words).
KOREAN_PARAGRAPH = (
    "1차 연구에서 (WRDS)를 이용한 모니터링 시스템을 개발하고 대규모 금융 데이터의 분석 프로젝트를 수행하였으며 "
    "2019년 Oxford에서 통계학과 기계 학습의 이론을 연구하였습니다."
)


@pytest.mark.parametrize("project", ["test-korean-words"], indirect=True)
def test_a_korean_pdf_is_set_in_korean_words(project) -> None:
    """No space where the text has none ("1차", "(WRDS)를"), and lines break only between words."""
    outdir = build(project, "latex")
    pdf = compile_pdf(outdir, outputs(outdir)[0])
    text = pdf_text(pdf)
    lines = text[text.index("1차") : text.index("습니다.") + 4].splitlines()
    assert len(lines) >= 2, text  # it wraps...
    words = set(KOREAN_PARAGRAPH.split())
    assert [word for line in lines for word in line.split() if word not in words] == []  # ...between words only
    assert " ".join(" ".join(lines).split()) == KOREAN_PARAGRAPH


@pytest.mark.parametrize("project", ["test-hebrew"], indirect=True)
def test_a_hebrew_cv_is_right_to_left_in_every_format(project) -> None:
    import pdfplumber

    page = (build(project, "html") / "index.html").read_text(encoding="utf-8")
    assert '<div dir="rtl">' in page
    outdir = build(project, "epub")
    with zipfile.ZipFile(outdir / outputs(outdir)[0]) as archive:
        assert 'page-progression-direction="rtl"' in archive.read("content.opf").decode("utf-8")
        assert '<div dir="rtl">' in archive.read("index.xhtml").decode("utf-8")
    outdir = build(project, "latex")
    tex = (outdir / outputs(outdir)[0]).read_text(encoding="utf-8")
    assert r"\usepackage[hebrew]{sphinxcvrtl}" in tex and r"(\sphinxcvlatin{diffusion models})" in tex
    assert r"\sphinxcvlatin{\href{mailto:noa@example.org}" in tex and r"\sphinxcvcontactsep ירושלים}" in tex
    pdf = compile_pdf(outdir, outputs(outdir)[0])
    assert "Missing character" not in pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    text = " ".join(pdf_text(pdf).translate(BIDI_MARKS).split())
    for words in (
        "נועה כהן",
        "חוקרת בתר־דוקטורט",
        "האוניברסיטה העברית",
        "היום",
        "diffusion models",
        "דוקטורט בסטטיסטיקה",
    ):
        assert words in text, words  # in reading order, the Latin words in theirs
    assert (
        "University of Oxford" in text and "עמוד" in text and "מתוך" in text
    )  # "Page 1 of 1" (pdftotext moves digits)
    assert PdfReader(pdf).trailer["/Root"]["/Lang"] == "he"
    assert "/OutputIntents" not in PdfReader(pdf).trailer["/Root"]  # TeX Live 2022's bidi stops under PDF/A
    with pdfplumber.open(pdf) as document:
        sheet = document.pages[0]
        words = {word["text"]: word for word in sheet.extract_words()}
        org, year = words["Oxford"], next(word for text, word in words.items() if "2015" in text)
        dates = [word for word in sheet.extract_words() if abs(word["top"] - year["top"]) < 2 and word["x0"] < 300]
        # the organisation at the right margin, the dates at the left
        assert sheet.width - org["x1"] < 70 and min(word["x0"] for word in dates) < 70


def test_a_right_to_left_language_the_pdf_cannot_set_gets_no_pdf_and_a_clear_error(tmp_path, rootdir, make_app) -> None:
    app = make_app("latex", srcdir=copy_root(rootdir, "test-hebrew", tmp_path, conf='language = "ps"\n'))
    app.build()
    assert "cannot make a right-to-left PDF in 'ps' (it can in ar, fa, he, ur" in app.warning.getvalue()
    assert "[cv.language]" in app.warning.getvalue()
    assert not list(Path(app.outdir).glob("*.tex"))


@pytest.mark.parametrize("project", ["test-arabic"], indirect=True)
def test_an_arabic_pdf_is_set_in_an_arabic_font(project) -> None:
    outdir = build(project, "latex")
    pdf = compile_pdf(outdir, outputs(outdir)[0])
    assert "Missing character" not in pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert "Amiri" in subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    text = " ".join(pdf_text(pdf).translate(BIDI_MARKS).split())
    assert "باحثة ما بعد الدكتوراه" in text and "جامعة القاهرة" in text and "حتى الآن" in text


#: Where a node's text is on the page: its left, right and top.
_TEXT_BOX = """node => {
  const range = document.createRange(); range.selectNodeContents(node);
  const box = range.getBoundingClientRect(); return [box.left, box.right, box.top];
}"""


@pytest.mark.parametrize("project", ["test-hebrew"], indirect=True)
def test_a_hebrew_page_reads_right_to_left_in_a_browser(project) -> None:
    """On a desk the dates sit at the left (the line's end) and the title at the right (its start); on a phone,
    the dates go under the title, at the right too."""
    require_tool("chromium")
    from playwright.sync_api import sync_playwright

    url = (build_app(project, "html").outdir / "index.html").as_uri()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for width in (1280, 390):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(url)
            title, dates = page.locator(".cv-entry-title").first, page.locator(".cv-entry-dates").first
            assert title.evaluate("node => getComputedStyle(node).direction") == "rtl"
            assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"  # the theme too
            organisation = page.locator(".cv-entry-org").first  # Hebrew has no italics
            assert organisation.evaluate("node => getComputedStyle(node).fontStyle") == "normal"
            title_left, title_right, title_top = title.evaluate(_TEXT_BOX)
            dates_left, dates_right, dates_top = dates.evaluate(_TEXT_BOX)
            if width > 600:
                assert dates_right < title_left and dates_left < 500
            else:
                assert abs(dates_right - title_right) < 2 and dates_top > title_top
            page.close()
        browser.close()


def test_a_missing_cjk_font_is_named_with_its_debian_package(tmp_path, rootdir, make_app) -> None:
    fonts = 'latex_elements = {"fontpkg": r"\\usepackage{xeCJK}\\setCJKmainfont{Noto Serif CJK XX}"}\n'
    app = make_app("latex", srcdir=copy_root(rootdir, "test-japanese", tmp_path, conf=fonts))  # warns as it starts
    assert "font Noto Serif CJK XX is not installed; install Debian's fonts-noto-cjk" in app.warning.getvalue()
    assert "[cv.font]" in app.warning.getvalue()


@pytest.mark.parametrize("project", ["test-translate"], indirect=True)
def test_the_entries_are_messages_and_the_dates_are_not(project) -> None:
    """What ``nox -s translate`` gives the translator, through the real sphinx-intl: each entry's words, no dates."""
    templates = build(project, "gettext")
    pot = (templates / "index.pot").read_text(encoding="utf-8")
    for message in ("Research Fellow", "University of London", "London", "Mathematics", "native", "Private tuition"):
        assert f'msgid "{message}"' in pot, message
    assert "2019" not in pot and "Present" not in pot
    po = project / "locales" / "de" / "LC_MESSAGES" / "index.po"
    translated = po.read_text(encoding="utf-8")
    command = [sys.executable, "-m", "sphinx_intl", "update", "-p", str(templates), "-d", str(project / "locales")]
    subprocess.run([*command, "-l", "de"], check=True, capture_output=True)
    updated = po.read_text(encoding="utf-8")
    assert 'msgstr "Wissenschaftliche Mitarbeiterin"' in updated and 'msgid "London"' in updated
    assert 'msgid "London"' not in translated  # a message the translation lacked is added, the others kept


@pytest.mark.parametrize("project", ["test-translate"], indirect=True)
def test_a_translated_po_changes_the_german_build(project) -> None:
    english = (build(project, "html") / "index.html").read_text(encoding="utf-8")
    assert "Research Fellow" in english and "Wissenschaftliche" not in english
    page = (build(project, "html", confoverrides={"language": "de"}) / "index.html").read_text(encoding="utf-8")
    shown = " ".join(re.sub(r"<[^>]+>", "", page).split())
    for words in (
        "Wissenschaftliche Mitarbeiterin",
        "Universität London",
        "Bernoulli-Zahlen",
        "Okt. 2019 – heute",
        "Privatunterricht in Mathematik",
        "Englisch Muttersprache",
        "Lesen, Schreiben &amp; Sprechen",
    ):
        assert words in shown, words
    assert '<a class="reference external" href="https://example.org/fellow">Wissenschaftliche Mitarbeiterin</a>' in page
    assert '<span class="cv-line-level"> Muttersprache</span>' in page  # the level is kept in its label
    person = _home_page_data(page)["mainEntity"]
    assert person["jobTitle"] == "Wissenschaftliche Mitarbeiterin"  # "Berufserfahrung" holds jobs
    outdir = build(project, "latex", confoverrides={"language": "de"})
    assert outputs(outdir) == ["ada-lovelace-cv-de.tex"]  # beside the English ada-lovelace-cv.pdf
    text = " ".join(pdf_text(compile_pdf(outdir, outputs(outdir)[0])).split())
    assert "Wissenschaftliche Mitarbeiterin" in text and "Universität London" in text and "Seite 1 von 1" in text


@pytest.mark.parametrize("project", ["test-translate"], indirect=True)
def test_the_build_of_a_translation_writes_its_own_files(project) -> None:
    from sphinx_cv_tool.build import main

    assert main(["--source", str(project), "--formats", "epub,html", "--language", "de"]) == 0
    assert (project / "_build" / "ada-lovelace-cv-de.epub").is_file()
    page = (project / "_build" / "html-de" / "index.html").read_text(encoding="utf-8")
    assert "Wissenschaftliche Mitarbeiterin" in page and 'href="ada-lovelace-cv-de.epub"' in page
    assert main(["--source", str(project), "--formats", "epub", "--language", "de"]) == 0  # nothing to build
    assert not (project / "_build" / "html").exists()


@pytest.mark.parametrize("project", ["test-translate"], indirect=True)
@pytest.mark.parametrize(
    ("language", "degree"), [("fr", "Private tuition en Mathematics"), ("ja", "Private tuition（Mathematics）")]
)
def test_a_degree_and_its_field_are_joined_in_the_cv_language(project, language, degree) -> None:
    for builder, name in (("html", "index.html"), ("text", "index.txt")):
        page = (build(project, builder, confoverrides={"language": language}) / name).read_text(encoding="utf-8")
        assert degree in " ".join(re.sub(r"<[^>]+>", "", page).split()), builder
    tex = build(project, "latex", confoverrides={"language": language})
    assert "\\renewcommand\\sphinxcvarea[1]" in (tex / outputs(tex)[0]).read_text(encoding="utf-8")
