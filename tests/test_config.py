"""The ``cv_*`` settings: each checked once, into one frozen object; a bad one is warned about at its line in conf.py,
its default used; the extension's values of Sphinx's own settings come from each feature's rows."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from conftest import copy_root
from sphinx.config import Config
from sphinx_cv.bibliography import BIBLIOGRAPHY_DEFAULTS
from sphinx_cv.confpy import set_in_conf_py
from sphinx_cv.epub import EPUB_DEFAULTS
from sphinx_cv.letters.defaults import LETTERS_DEFAULTS
from sphinx_cv.pdf.defaults import PDF_DEFAULTS
from sphinx_cv.settings import OPTIONS, CvSettings, settings
from sphinx_cv.sphinx_defaults import PROJECT_DEFAULTS
from sphinx_cv.web import WEB_DEFAULTS

#: Each feature's rows of Sphinx's settings (JSON Resume's one row is its own).
SPHINX_DEFAULTS = (
    *PROJECT_DEFAULTS,
    *BIBLIOGRAPHY_DEFAULTS,
    *PDF_DEFAULTS,
    *EPUB_DEFAULTS,
    *WEB_DEFAULTS,
    *LETTERS_DEFAULTS,
)

BAD = {  # what is wrong: (setting, value, the warning, the value used)
    "paper": ("cv_paper", "A5", "cv_paper must be one of a4, letter (got 'A5'); using a4", "a4"),
    "kind": (
        "cv_section_kinds",
        {"Teaching": "job"},
        "cv_section_kinds unknown kind 'job' for 'Teaching'; use one of work,",
        {},
    ),
    "date": (
        "cv_last_updated",
        "last week",
        "cv_last_updated write an ISO date, e.g. '2026-01-31' (got 'last week')",
        "",
    ),
    "count": ("cv_variant_publications", -1, "cv_variant_publications must be 0 or more (got -1)", 3),
    "names": ("cv_name_variants", [1], "cv_name_variants write it as a list of names, e.g. ['J. Benton']", []),
    "design": (
        "cv_pdf_design",
        "modrn",
        "cv_pdf_design is not a design: 'modrn'; the designs are classic, modern, compact; did you mean 'modern'?",
        "classic",
    ),
    "font": (
        "cv_pdf_options",
        {"font": "Linux Libertin"},
        "cv_pdf_options font 'Linux Libertin' is not installed (fc-list does not list it); installed fonts close "
        "to it: Linux Libertine",
        {},
    ),
    "colour": (
        "cv_pdf_options",
        {"accent": "navy blue"},
        "cv_pdf_options accent 'navy blue' is not a colour: write it as #RRGGBB, e.g. '#1f4068'",
        {},
    ),
    "length": (
        "cv_pdf_options",
        {"margins": "2 inches"},
        "cv_pdf_options margins '2 inches' is not a length: write a number and a unit, e.g. '2cm', '18mm', '0.75in'",
        {},
    ),
    "size": ("cv_pdf_options", {"font_size": 14}, "cv_pdf_options font_size '14pt' is not one of 10pt, 11pt, 12pt", {}),
    "side": ("cv_pdf_options", {"dates": "top"}, "cv_pdf_options dates 'top' is not one of left, right", {}),
    "option": (
        "cv_pdf_options",
        {"colour": "#000000"},
        "cv_pdf_options has no option 'colour'; the options are accent, font, font_size, margins, dates",
        {},
    ),
}


@pytest.mark.parametrize("problem", BAD)
def test_a_bad_value_warns_at_its_line_and_the_default_is_used(make_app, tmp_path, rootdir, problem) -> None:
    name, value, message, default = BAD[problem]
    srcdir = copy_root(rootdir, "test-minimal", tmp_path)
    conf = (srcdir / "conf.py").read_text(encoding="utf-8").splitlines(keepends=True)
    conf.insert(2, f"{name} = {value!r}\n")  # line 3, where the warning must point
    (srcdir / "conf.py").write_text("".join(conf), encoding="utf-8")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    lines = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()).splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{srcdir / 'conf.py'}:3: WARNING: {message}"), lines
    assert lines[0].endswith("[cv.config]")
    used = getattr(settings(app.config), name.removeprefix("cv_"))
    assert used == (tuple(default) if isinstance(default, list) else default)
    assert getattr(app.config, name) == value  # conf.py's value, as written: nothing writes the checked one back


@pytest.mark.sphinx("html", testroot="lines", freshenv=True, confoverrides={"cv_paper": " Letter "})
def test_the_settings_are_one_frozen_object_read_once(app) -> None:
    cv = settings(app.config)
    assert cv is settings(app.config) and cv.paper == "letter" and app.config.cv_paper == " Letter "
    with pytest.raises(dataclasses.FrozenInstanceError):
        cv.paper = "a4"  # type: ignore[misc]  # what the test checks
    assert cv.file_stem == "zoe-lukasiewicz-obrien-cv" and cv.download_files == (
        f"_build/{cv.file_stem}.pdf",
        f"_build/{cv.file_stem}.epub",
        f"_build/{cv.file_stem}.docx",
    )


@pytest.mark.sphinx("html", testroot="rst", freshenv=True)  # sphinx_cv alone: no other extension's settings
def test_the_features_rows_of_sphinx_defaults_name_only_settings_sphinx_has(app) -> None:
    names = [default.name for default in SPHINX_DEFAULTS]
    bibtex = [name for name in names if name.startswith("bibtex_")]  # sphinxcontrib-bibtex's, set where it is loaded
    once = [name for name in names if name != "epub_exclude_files"]  # the EPUB's and the letters' files added to it
    assert len(once) == len(set(once)) and all(name in app.config for name in names if name not in bibtex)
    assert bibtex == ["bibtex_default_style", "bibtex_reference_style"]
    assert not any(name in app.config for name in bibtex)
    assert app.config.project == "Ada" and app.config.epub_contributor == "Ada"


@pytest.mark.sphinx("html", testroot="lines", freshenv=True, confoverrides={"html_title": "From -D"})
def test_what_conf_py_and_the_command_line_set_is_known(app) -> None:
    """Sphinx keeps conf.py's namespace in ``Config._raw_config`` and -D values in ``_overrides``: if a release
    changes that, the names derived from cv_name would overwrite the user's."""
    assert set_in_conf_py(app.config, "cv_name") and set_in_conf_py(app.config, "html_title")
    assert not set_in_conf_py(app.config, "project") and app.config.project == app.config.cv_name
    assert app.config.html_title == "From -D"


@pytest.mark.sphinx("html", testroot="rst", freshenv=True)
def test_each_setting_is_one_field_registered_from_its_declaration(app) -> None:
    """conf.py's names, defaults, rebuilds and help come from the fields of the settings, and each default passes
    its own check (it is what a bad value falls back to)."""
    registered = {name: value for name, value in app.config.values.items() if name.startswith("cv_")}
    fields = {field.name for field in dataclasses.fields(CvSettings)}
    assert registered.keys() == OPTIONS.keys() and {name.removeprefix("cv_") for name in OPTIONS} <= fields
    for name, option in OPTIONS.items():
        value = registered[name]
        assert (value.default, value.rebuild, value.description) == (option.default, option.rebuild, option.help)
        assert option.help and (option.check is None or option.check(option.default) is not None)


def test_the_settings_of_a_configuration_the_extension_did_not_read_are_an_error() -> None:
    with pytest.raises(RuntimeError, match="read at config-inited"):
        settings(Config())


@pytest.mark.parametrize(
    ("overrides", "engine", "script"),
    [
        ({"language": "ja"}, "xelatex", ("ja", False, "JP")),  # xeCJK, not Sphinx's platex
        ({"language": "ja", "latex_engine": "lualatex"}, "lualatex", ("ja", False, "JP")),  # conf.py's wins
        ({"language": "he"}, "pdflatex", ("he", True, "")),  # Sphinx's choice
        ({"language": "pt_BR"}, "pdflatex", ("pt-BR", False, "")),
    ],
)
def test_the_language_and_the_engine_are_read_once_into_the_settings(make_app, rootdir, tmp_path, overrides, engine,
                                                                     script) -> None:  # fmt: skip
    app = make_app("html", srcdir=copy_root(rootdir, "test-rst", tmp_path), confoverrides=overrides, freshenv=True)
    cv = settings(app.config)
    assert (cv.language, cv.latex_engine, app.config.latex_engine) == (overrides["language"], engine, engine)
    assert (cv.script.tag, cv.script.right_to_left, cv.script.cjk_region) == script


def test_no_module_but_the_settings_reads_the_language_or_the_engine_from_the_config() -> None:
    extension = Path(__file__).parents[1] / "docs" / "_ext" / "sphinx_cv"
    readers = {
        path.relative_to(extension).as_posix()
        for path in extension.rglob("*.py")
        if re.search(r"config\.(language|latex_engine)\b", path.read_text(encoding="utf-8"))
    }
    assert readers == {"settings.py"}
