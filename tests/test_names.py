"""One name, one edit: the project's name, the site's title and the files' names follow ``cv_name``."""

from __future__ import annotations

import re

import pytest
from conftest import outputs
from sphinx_cv.model import slugify
from sphinx_cv.settings import settings


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("Zoë Łukasiewicz-O'Brien", "zoe-lukasiewicz-obrien"),
        ("Joe Benton", "joe-benton"),
        ("Γιώργος Παπαδόπουλος", "giorgos-papadopoylos"),
        ("Søren Ødegård", "soren-odegard"),
        ("  ", ""),
    ],
)
def test_file_names_are_ascii_lower_case_and_hyphens(name, stem) -> None:
    assert slugify(name) == stem


@pytest.mark.sphinx("latex", testroot="lines", freshenv=True)
def test_the_name_names_everything(app, warning) -> None:
    app.build()
    assert warning.getvalue() == ""
    assert outputs(app) == ["zoe-lukasiewicz-obrien-cv.tex"]
    assert app.config.project == app.config.author == app.config.html_title == "Zoë Łukasiewicz-O'Brien"
    assert app.config.epub_basename == "zoe-lukasiewicz-obrien-cv"
    assert settings(app.config).download_files == (
        "_build/zoe-lukasiewicz-obrien-cv.pdf",
        "_build/zoe-lukasiewicz-obrien-cv.epub",
        "_build/zoe-lukasiewicz-obrien-cv.docx",
    )


@pytest.mark.sphinx("latex", testroot="lines", freshenv=True, confoverrides={"cv_variant": "short"})
def test_a_variant_adds_its_name(app) -> None:
    app.build()
    assert outputs(app) == ["zoe-lukasiewicz-obrien-cv-short.tex"]


@pytest.mark.sphinx("epub", testroot="lines", freshenv=True, confoverrides={"cv_slug": "zoe-cv", "project": "Mine"})
def test_cv_slug_and_conf_py_win(app) -> None:
    app.build()
    assert outputs(app) == ["zoe-cv.epub"]
    assert app.config.project == "Mine"  # what conf.py (or -D) sets is kept


@pytest.mark.sphinx("html", testroot="lines", freshenv=True, confoverrides={"cv_slug": "Zoë CV"})
def test_a_bad_slug_is_explained(app, warning) -> None:
    app.build()
    lines = re.sub(r"\x1b\[[0-9;]*m", "", warning.getvalue()).splitlines()
    assert any(
        "cv_slug must be lower-case ASCII letters, digits and hyphens (got 'Zoë CV'); try 'zoe-cv'" in line
        and line.endswith("[cv.config]")
        for line in lines
    ), lines
    assert settings(app.config).file_stem == "zoe-lukasiewicz-obrien-cv"  # the default, from the name


@pytest.mark.sphinx("html", testroot="lines", freshenv=True)
def test_a_website_built_alone_says_why_its_download_links_are_missing(app, status) -> None:
    app.build()
    log = re.sub(r"\x1b\[[0-9;]*m", "", status.getvalue())
    assert "cv-downloads: no link to the PDF: _build/zoe-lukasiewicz-obrien-cv.pdf is not built; `nox -s all`" in log
    assert "no link to the EPUB" in log
