"""The extension's own words and its dates in the CV's language: complete catalogs, up-to-date ``.mo`` files, dates
printed and read in the CV's language, and a German CV whose PDF, website and warnings speak German."""

from __future__ import annotations

import gettext
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import REPO, build, build_app, compile_pdf, copy_root, outputs, pdf_text
from sphinx_cv.dates import DateError, DateWords, parse_dates
from sphinx_cv.translations import date_words

if TYPE_CHECKING:
    from collections.abc import Callable

sys.path.insert(0, str(REPO / "tools"))
from compile_catalogs import LOCALES
from sphinx_cv.settings import settings

#: What the README promises: the languages shipped.
LANGUAGES = {"de", "fr", "es", "it", "pt", "nl", "pl", "ru", "tr", "zh_CN", "ja", "ko", "he", "ar"}
_ENTRY = re.compile(r'^msgid "(.*)"\nmsgstr "(.*)"$', flags=re.M)
_PLACEHOLDER = re.compile(r"%\(\w+\)s")


def _messages(path: Path) -> dict[str, str]:
    return {msgid: msgstr for msgid, msgstr in _ENTRY.findall(path.read_text(encoding="utf-8")) if msgid}


def test_every_language_has_every_message_with_its_placeholders() -> None:
    template = _messages(LOCALES / "sphinx_cv.pot")
    assert {path.parent.parent.name for path in LOCALES.glob("*/LC_MESSAGES/sphinx_cv.po")} == LANGUAGES
    for po in sorted(LOCALES.glob("*/LC_MESSAGES/sphinx_cv.po")):
        messages = _messages(po)
        assert set(messages) == set(template), po
        for msgid, msgstr in messages.items():
            assert msgstr, (po, msgid)
            assert sorted(_PLACEHOLDER.findall(msgstr)) == sorted(_PLACEHOLDER.findall(msgid)), (po, msgid)
        with po.with_suffix(".mo").open("rb") as mo:  # what Sphinx reads: up to date with the .po
            shipped = gettext.GNUTranslations(mo)
        assert all(shipped.gettext(msgid) == msgstr for msgid, msgstr in messages.items()), "compile_catalogs.py"


@pytest.fixture
def words_of(make_app, tmp_path, rootdir) -> Callable[[str], DateWords]:
    """How dates are written in a language, as a project in that language sees it (its catalogs loaded)."""
    srcdir = copy_root(rootdir, "test-rst", tmp_path)  # its language given as the command line's -D gives it

    def words(language: str) -> DateWords:
        make_app("html", srcdir=srcdir, confoverrides={"language": language})
        return date_words(language)

    return words


@pytest.fixture
def german(tmp_path, rootdir) -> Path:
    srcdir = copy_root(rootdir, "test-lines", tmp_path, conf='language = "de"\n')
    with (srcdir / "index.md").open("a", encoding="utf-8") as page:
        page.write("\n:::{cv-entry} Postdoc\n:dates: Oct 2019 – Present\n:::\n")
        page.write("\n:::{cv-entry} Intern\n:dates: Summer 2018\n:::\n")
    return srcdir


def test_a_german_cv_has_german_words_in_every_format(german) -> None:
    app = build_app(german, "html")
    assert settings(app.config).equal_contribution_note == "gleicher Beitrag"
    (german / "_build").mkdir(exist_ok=True)
    for name in settings(app.config).download_files:  # so that the home page links them
        Path(app.srcdir, name).write_bytes(b"placeholder")
    page = (build(german, "html") / "index.html").read_text(encoding="utf-8")
    assert "Diesen Lebenslauf herunterladen: " in page and '<html lang="de"' in page
    assert '<time datetime="2019-10">Okt. 2019</time>\u2009–\u2009<span>heute</span>' in page  # CLDR's, ISO kept
    assert '<time datetime="2018">Sommer 2018</time>' in page
    outdir = build(german, "latex")
    text = " ".join(pdf_text(compile_pdf(outdir, outputs(outdir)[0])).split())
    assert "Seite 1 von 1" in text and "Page" not in text
    assert "Okt. 2019 – heute" in text and "Sommer 2018" in text and "Present" not in text


@pytest.mark.parametrize(
    ("language", "dates", "label"),
    [
        ("de", "1 Mar 2023", "1. März 2023"),
        ("fr", "Mar 2023 – Present", "mars 2023\u2009–\u2009aujourd’hui"),  # CLDR's thin spaces
        ("ja", "Mar – Jun 2023", "2023年3月～6月"),  # CLDR's interval: the year once, first
        ("ja", "1 Mar 2025 – 1 Apr 2025", "2025年3月1日～4月1日"),
        ("ru", "Mar 2019 – Jun 2021", "март 2019\u202fг. — июнь 2021\u202fг."),
        ("ja", "Fall 2023", "2023年秋"),
        ("en", "Fall 2023 – Present", "Fall 2023 – Present"),
        ("xx", "Mar 2023", "Mar 2023"),  # a language CLDR does not know: English
    ],
)
def test_dates_in_the_cv_language(language, dates, label, words_of) -> None:
    """Months from CLDR (Babel), seasons and "Present" from the catalogs."""
    assert parse_dates(dates).label(words_of(language)) == label


def test_an_english_cv_keeps_the_words_of_the_sty(tmp_path, rootdir) -> None:
    outdir = build(copy_root(rootdir, "test-lines", tmp_path), "latex")
    tex = (outdir / outputs(outdir)[0]).read_text(encoding="utf-8")
    assert r"\renewcommand\sphinxcvpageof" not in tex
    assert "Page 1 of 1" in pdf_text(compile_pdf(outdir, outputs(outdir)[0]))


@pytest.mark.parametrize(
    ("language", "dates", "label"),
    [
        ("de", "Oktober 2019 – Februar 2021", "Okt. 2019\u2009–\u2009Feb. 2021"),
        ("de", "Sommer 2018", "Sommer 2018"),
        ("de", "1. März 2023 – heute", "1. März 2023\u2009–\u2009heute"),
        ("fr", "févr. 2020 – aujourd'hui", "févr. 2020\u2009–\u2009aujourd’hui"),
        ("de", "Mar 2023 – Present", "März 2023\u2009–\u2009heute"),  # English always reads
    ],
)
def test_dates_written_in_the_cv_language(language, dates, label, words_of) -> None:
    words = words_of(language)
    assert parse_dates(dates, words).label(words) == label


def test_a_mistyped_month_is_answered_in_the_cv_language(german, make_app) -> None:
    index = german / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("Oct 2019 – Present", "Oktobr 2019 – heute"))
    app = make_app("html", srcdir=german, freshenv=True)
    app.build()
    warning = app.warning.getvalue()
    assert "unknown month or season 'Oktobr' in 'Oktobr 2019'; did you mean 'Oktober'?" in warning
    assert f"{index}:" in warning and "[cv.date]" in warning


def test_a_word_the_grammar_cannot_guess_gets_the_languages_word_for_present(words_of) -> None:
    with pytest.raises(DateError, match=r"'Present' \('至今' in this CV's language\)"):
        parse_dates("2019 – 现在", words_of("zh_CN"))
