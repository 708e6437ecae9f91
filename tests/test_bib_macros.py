"""A .bib file's own macros: its @preamble's simple definitions and cv_bib_macros, expanded in fields and names."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pybtex.database import Entry, Person
from sphinx_cv.bibliography.macros import MAX_LENGTH, Macro, expand, macro, preamble_macros
from sphinx_cv.bibliography.names import name_key
from sphinx_cv.bibliography.normalise import normalise_entry
from sphinx_cv.bibliography.style import owner_style, register_shared_styles


def test_the_preambles_simple_definitions_are_read() -> None:
    found = preamble_macros(
        [
            r"\newcommand{\myname}[1]{\textbf{#1}} \renewcommand\me{J. Doe}",
            r"\providecommand*{\pair}[2]{#2, #1}\def\student#1{#1$^\dagger$} \DeclareRobustCommand{\x}{X}",
            r"\newcommand{\opt}[1][default]{#1}",  # an optional argument: not read
        ]
    )
    assert found == {
        "myname": Macro(1, r"\textbf{#1}"),
        "me": Macro(0, "J. Doe"),
        "pair": Macro(2, "#2, #1"),
        "student": Macro(1, r"#1$^\dagger$"),
        "x": Macro(0, "X"),
    }


@pytest.mark.parametrize(
    ("latex", "expanded"),
    [
        (r"\myname{Benton}, Joe", r"\textbf{Benton}, Joe"),
        (r"\pair{a}{b} and \pair a b", "b, a and b, a"),
        (r"\me\ and \me{} and \me", "J. Doe\\ and J. Doe{} and J. Doe"),
        (r"\myname", r"\myname"),  # without its argument: left as it is
        (r"\mynameX{a}", r"\mynameX{a}"),  # another macro
        (r"\hash", "#"),
    ],
)
def test_a_macro_is_its_body_with_its_arguments(latex, expanded) -> None:
    macros = {"myname": Macro(1, r"\textbf{#1}"), "pair": macro("#2, #1"), "me": macro("J. Doe"), "hash": macro("##")}
    assert expand(latex, macros) == expanded


def test_a_macro_that_expands_to_itself_stops() -> None:
    assert len(expand(r"\loop", {"loop": macro(r"\loop\loop")})) <= MAX_LENGTH * 2
    assert expand(r"\a", {"a": macro(r"\a")}) == r"\a"


@given(st.text(max_size=60), st.dictionaries(st.from_regex(r"[a-z]{1,5}", fullmatch=True), st.text(max_size=20)))
def test_expanding_any_text_with_any_macros_ends(text, bodies) -> None:
    expanded = expand(text, {name: macro(body) for name, body in bodies.items()})
    assert isinstance(expanded, str) and len(expanded) <= 2 * MAX_LENGTH + len(text)


@pytest.mark.parametrize(
    "written",
    [r"\myname{Benton}, Joe", r"{\myname{Joe Benton}}", r"\textbf{Benton}, J.", r"{\unknown{Benton}}, Joe"],
)
def test_the_owner_is_found_inside_a_macro(written) -> None:
    entry = Entry("article", fields={"title": "T"}, persons={"author": [Person(written), Person("Smith, Ann")]})
    unknown = normalise_entry(entry, {"myname": Macro(1, r"\textbf{#1}")})
    assert name_key(entry.persons["author"][0])[0] == "benton"
    assert str(entry.persons["author"][1]) == "Smith, Ann"
    assert unknown == ({"unknown"} if "unknown" in written else set())
    assert not re.search(r"\\", str(entry.persons["author"][0]))


def test_accents_in_a_name_are_left_to_pybtex() -> None:
    entry = Entry("article", persons={"author": [Person(r"M{\"u}ller, J{\"o}rg")]})
    normalise_entry(entry, {})
    assert str(entry.persons["author"][0]) == r"M{\"u}ller, J{\"o}rg"


@pytest.mark.sphinx("html", testroot="bib-macros", freshenv=True, confoverrides={"cv_bib_strict": True})
def test_the_files_macros_and_conf_pys_are_used(app, make_app) -> None:
    app.build()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    items = re.findall(r'<li id="[^"]+"><p>(.*?)</p></li>', page, flags=re.S)
    assert items == [
        "A Great Title. <strong>Joe Benton</strong>, Ed\xa0Poe†, Jane Doe. <em>Journal of Names</em>, 2024.",
        "Second. <strong>Joe Benton</strong>, Ann Smith. <em>Journal of Names</em>, 2023.",
    ]
    warnings = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue()).splitlines()
    refs = app.srcdir / "refs.bib"
    assert warnings == [
        f"{refs}:2: WARNING: bibliography entry 'a' uses \\advisor in a name, a LaTeX macro the publication list "
        "does not know, so only its argument is shown; define it in conf.py (cv_bib_macros = {'advisor': '#1'}) or "
        "in the file's @preamble, or write the text it stands for [cv.bib]"
    ]
    again = make_app(
        "html", srcdir=app.srcdir, confoverrides={"cv_bib_strict": True}
    )  # the next build, refs.bib unchanged: the warning is said again
    again.build()
    assert "uses \\advisor in a name" in again.warning.getvalue()
    assert "Ed\xa0Poe†" in (again.outdir / "index.html").read_text(encoding="utf-8")


@pytest.mark.sphinx("html", testroot="bib-macros", freshenv=True)
def test_a_changed_macro_of_conf_py_is_used_at_the_next_build(app, make_app) -> None:
    app.build()
    macros = {"jname": "Annals of Names", "great": "Great", "advisor": "#1"}
    again = make_app("html", srcdir=app.srcdir, confoverrides={"cv_bib_macros": macros})  # refs.bib unchanged
    again.build()
    page = (again.outdir / "index.html").read_text(encoding="utf-8")
    assert page.count("<em>Annals of Names</em>") == 2
    assert "Journal of Names" not in page
    assert "\\advisor" not in again.warning.getvalue()


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        (r"Z \textbackslash{}, A", "A Z \\"),
        (r"\myname{Smith \& Co}", "Smith & Co"),
        (r"{\myname{50\% \$ \_}}", "50% $ _"),
    ],
)
def test_a_name_read_as_text_keeps_its_latex_specials(written, shown) -> None:
    entry = Entry("article", fields={"title": "T", "year": "2024"}, persons={"author": [Person(written)]})
    normalise_entry(entry, {"myname": macro("#1")})
    normalise_entry(entry, {"myname": macro("#1")})
    register_shared_styles()
    assert owner_style(["Nobody"], "en")().format_entry("x", entry).text.render_as("text") == f"T. {shown}. 2024."
