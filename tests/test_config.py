"""The ``cv_*`` settings: each checked once; a bad one is warned about at its line in conf.py, its default used."""

from __future__ import annotations

import re

import pytest
from sphinx_cv.config import set_in_conf_py

BAD = {
    "cv_paper": ("A5", "cv_paper must be one of a4, letter (got 'A5'); using a4", "a4"),
    "cv_section_kinds": (
        {"Teaching": "job"},
        "cv_section_kinds unknown kind 'job' for 'Teaching'; use one of work,",
        {},
    ),
    "cv_last_updated": ("last week", "cv_last_updated write an ISO date, e.g. '2026-01-31' (got 'last week')", ""),
    "cv_variant_publications": (-1, "cv_variant_publications must be 0 or more (got -1)", 3),
    "cv_name_variants": ([1], "cv_name_variants write it as a list of names, e.g. ['J. Benton']", []),
}


@pytest.mark.parametrize("name", BAD)
def test_a_bad_value_warns_at_its_line_and_the_default_is_used(make_app, sphinx_test_tempdir, rootdir, name) -> None:
    value, message, default = BAD[name]
    srcdir = sphinx_test_tempdir / f"config-{name}"
    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text(
        f'extensions = ["myst_parser", "sphinx_cv"]\ncv_name = "Ada Lovelace"\n{name} = {value!r}\n', encoding="utf-8"
    )
    (srcdir / "index.md").write_text("# Ada Lovelace\n", encoding="utf-8")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    lines = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()).splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{srcdir / 'conf.py'}:3: WARNING: {message}"), lines
    assert lines[0].endswith("[cv.config]")
    assert getattr(app.config, name) == default


@pytest.mark.sphinx("html", testroot="lines", freshenv=True, confoverrides={"html_title": "From -D"})
def test_what_conf_py_and_the_command_line_set_is_known(app) -> None:
    """Sphinx keeps conf.py's namespace in ``Config._raw_config`` and -D values in ``_overrides``: if a release
    changes that, the names derived from cv_name would overwrite the user's."""
    assert set_in_conf_py(app.config, "cv_name") and set_in_conf_py(app.config, "html_title")
    assert not set_in_conf_py(app.config, "project") and app.config.project == app.config.cv_name
    assert app.config.html_title == "From -D"
