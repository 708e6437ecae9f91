"""The PDF is a CV, not a manual: the values of Sphinx's LaTeX settings (:data:`PDF_DEFAULTS`); the user's own keys
win.

No title page, table of contents, index or chapter heads; the name and the
contact line (``cv_contact``) open the first page; the paper size comes from
``cv_paper``; with xelatex or lualatex the fonts are Linux Libertine and Biolinum
(Debian's ``fonts-linuxlibertine``). Headings, entries, footer and PDF metadata
are set by ``sphinxcv.sty``, which the LaTeX builder copies as one of ``latex_additional_files``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import texescape

from ..lastupdated import display_date
from ..letters.directive import letter_file_stem, letter_title
from ..sphinx_defaults import Mode, SphinxDefault
from ..translations import _, date_words, message_parts
from .cjk import cjk_fonts
from .rtl import RTL_STYLE, is_latin, left_to_right_runs, right_to_left_elements, right_to_left_pdf

if TYPE_CHECKING:
    from sphinx.config import Config

    from ..contact import ContactItem
    from ..settings import CvSettings

LATEX_STYLE = Path(__file__).with_name("sphinxcv.sty")
LATEX_PAPER = {"a4": "a4paper", "letter": "letterpaper"}
FONTS = r"""
\setmainfont{%(main)s}
\setsansfont{%(sans)s}
\setmonofont{%(mono)s}[Scale=MatchLowercase]
\newfontfamily\sphinxcvfallbackfont{DejaVu Sans}[Scale=MatchLowercase]
"""


#: The PDF's words: the macro of sphinxcv.sty, its message, and the names of its arguments.
WORDS = (
    ("sphinxcvpageof", "Page %(page)s of %(pages)s", ("page", "pages")),
    ("sphinxcvupdatedon", "Updated %(date)s", ("date",)),
    ("sphinxcvsubject", "Curriculum Vitae", ()),
    ("sphinxcvarea", " in %(area)s", ("area",)),
)


def design_style(design: str) -> Path | None:
    """The ``.sty`` of a design (``sphinxcv-modern.sty``); None for ``classic``, which is ``sphinxcv.sty`` alone."""
    return None if design == "classic" else LATEX_STYLE.with_name(f"sphinxcv-{design}.sty")


def latex_docclass(cv: CvSettings, config: Config) -> dict[str, str] | None:
    """The standard classes for a CJK CV (not Sphinx's jreport and jsarticle for Japanese)."""
    return {"howto": "article", "manual": "report"} if cv.script.cjk_region else None


def latex_elements(cv: CvSettings, config: Config) -> dict[str, str]:
    r"""The CV's ``latex_elements``, with ``conf.py``'s keys over them.

    ``sphinxsetup`` keys and the ``preamble`` are merged: the user's come after the CV's, so that
    they win (``\renewcommand\sphinxcvcontact{...}`` in the preamble replaces the contact line).
    """
    cjk = cjk_fonts(cv.script.cjk_region)
    user = dict(config.latex_elements)
    design = cv.design
    margin = _centimetres(design.margins)
    accent = f"{{HTML}}{{{design.accent}}}"
    sphinxsetup = f"hmargin={{{margin:g}cm,{margin:g}cm}}, vmargin={{{0.9 * margin:g}cm,{1.1 * margin:g}cm}}, "
    sphinxsetup += f"InnerLinkColor={accent}, OuterLinkColor={accent}, TitleColor={accent}"
    defaults = {
        "papersize": LATEX_PAPER[cv.paper],
        "pointsize": design.font_size,
        "fncychap": "",
        "maketitle": r"\sphinxcvmaketitle",
        "tableofcontents": "",
        "makeindex": "",
        "printindex": "",
    }
    if cv.latex_engine in {"xelatex", "lualatex"}:
        fonts = {"main": design.main_font, "sans": design.sans_font, "mono": design.mono_font}
        defaults["fontpkg"] = FONTS % fonts
    if cjk and cv.latex_engine == "xelatex":  # xeCJK breaks the lines; polyglossia has no CJK hyphenation
        defaults.update({"fontpkg": defaults["fontpkg"] + cjk, "polyglossia": "", "babel": ""})
    defaults.update(right_to_left_elements(cv, defaults.get("fontpkg", "")))
    return {
        **defaults,
        **user,
        "sphinxsetup": ", ".join(filter(None, [sphinxsetup, user.get("sphinxsetup", "")])),
        "preamble": _preamble(cv) + user.get("preamble", ""),
    }


def latex_files(cv: CvSettings, config: Config) -> list[str]:
    """The ``.sty`` files the LaTeX builder copies: ``sphinxcvrtl.sty`` for a right-to-left PDF, ``sphinxcv.sty``,
    and the design's."""
    rtl = [RTL_STYLE] if right_to_left_pdf(cv) else []
    return [str(path) for path in (*rtl, LATEX_STYLE, design_style(cv.pdf_design)) if path]


def latex_documents(cv: CvSettings, config: Config) -> list[tuple[str, str, str, str, str]]:
    """One document, the CV, in ``<file stem>.tex``, titled and authored by the CV's name; or, with ``cv_letters``,
    one for each letter (``ada-lovelace-letter-acme-university.tex``, "Cover letter") and statement (titled by its
    heading)."""
    author = _heading_text(cv.name, cv)
    if cv.letter_pages:
        return [
            (
                page,
                f"{letter_file_stem(cv, page)}.tex",
                _heading_text(letter_title(cv, page), cv),
                author,
                "howto",
            )
            for page in cv.letter_pages
        ]
    return [(config.root_doc, f"{cv.file_stem}.tex", _heading_text(cv.title, cv), author, "howto")]


def _heading_text(text: str, cv: CvSettings) -> str:
    """``text`` escaped for the title or the author; in a right-to-left PDF, each run of Latin text left to right
    (else "Noa Cohen" would read "Cohen Noa"), and as it is in the PDF's metadata."""
    if not right_to_left_pdf(cv):
        return latex_text(text, cv.latex_engine)
    return "".join(
        rf"\texorpdfstring{{\sphinxcvlatin{{{latex}}}}}{{{latex}}}" if ltr else latex
        for run, ltr in left_to_right_runs(text)
        for latex in [latex_text(run, cv.latex_engine)]
    )


def _preamble(cv: CvSettings) -> str:
    """What ``sphinxcv.sty`` leaves for the extension to set: the design, the accent, the side of the dates, the
    language, the contact line, the date."""
    preamble = ""
    if design_style(cv.pdf_design):
        preamble += f"\n\\usepackage{{sphinxcv-{cv.pdf_design}}}\n"
    options = cv.pdf_options
    if "accent" in options:
        preamble += f"\n\\definecolor{{sphinxcvaccent}}{{HTML}}{{{options['accent']}}}\n"
    if "dates" in options:
        preamble += f"\n\\sphinxcvdateson{options['dates']}\n"
    preamble += f"\n\\renewcommand\\sphinxcvlanguage{{{cv.script.tag}}}\n"
    for macro, message, arguments in WORDS:
        translated = str(_(message))
        if translated != message:  # the .sty has the English
            text = _latex_message(translated, cv.latex_engine, arguments)
            preamble += f"\n\\renewcommand\\{macro}[{len(arguments)}]{{{text}}}\n"
    if cv.letter_pages:  # the name heads a letter or a statement; the PDF's title is "Cover letter — name"
        preamble += "\n\\sphinxcvlettertrue\n"
    items = cv.contact
    if items:
        latex = [_latex_item(item, cv.latex_engine) for item in items]
        if right_to_left_pdf(cv):  # e-mail addresses, numbers and web addresses stay left to right
            latex = [
                rf"\sphinxcvlatin{{{text}}}" if is_latin(item.label) else text
                for item, text in zip(items, latex, strict=True)
            ]
        line = r"\sphinxcvcontactsep ".join(latex)
        preamble += f"\n\\renewcommand\\sphinxcvcontact{{{line}}}\n"
    if cv.last_updated and not cv.letter_pages:  # a letter is dated at its head
        updated = latex_text(display_date(cv.last_updated, date_words(cv.language)), cv.latex_engine)
        preamble += f"\n\\renewcommand\\sphinxcvupdated{{{updated}}}\n"
    return preamble


def _latex_message(message: str, engine: str, arguments: tuple[str, ...]) -> str:
    """A translated message as a macro's body: its text escaped, its placeholders the arguments ``#1``, ``#2``."""
    return "".join(
        f"#{arguments.index(part) + 1}" if placeholder else latex_text(part, engine)
        for part, placeholder in message_parts(message)
    )


def _centimetres(length: str) -> float:
    """A checked length (``2cm``, ``18mm``, ``0.75in``, ``50pt``) in centimetres."""
    number, unit = float(length.rstrip("cimnpt")), length.lstrip("0123456789.")
    return round(number * {"cm": 1, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72.27}[unit], 3)


#: The LaTeX settings, in order: the elements see the engine.
PDF_DEFAULTS = (
    SphinxDefault("latex_engine", Mode.UNSET, lambda cv, config: cv.latex_engine),
    SphinxDefault("latex_docclass", Mode.UNSET, latex_docclass),
    SphinxDefault("latex_elements", Mode.MERGED, latex_elements),
    SphinxDefault("latex_additional_files", Mode.ADDED, latex_files),
    SphinxDefault("latex_documents", Mode.UNSET, latex_documents),
)


def latex_text(text: str, engine: str) -> str:
    """``text`` escaped for LaTeX, hyphens kept (the PDF's metadata cannot hold Sphinx's hyphen macro)."""
    texescape.init()  # the LaTeX builder fills the escape tables when it starts, after config-inited
    return texescape.escape(text, engine).replace(r"\sphinxhyphen{}", "-")


def _latex_item(item: ContactItem, engine: str) -> str:
    label = latex_text(item.label, engine)
    if not item.url:
        return label
    return rf"\href{{{latex_url(item.url, engine)}}}{{{label}}}"


def latex_url(url: str, engine: str) -> str:
    """A link's target (percent-encoded: :func:`sphinx_cv.links.link_target`) for ``\\href``, escaped as
    Sphinx's LaTeX writer escapes the targets of its links."""
    return latex_text(url, engine).replace(r"\textasciitilde{}", "~").replace(r"\textquotesingle{}", "'")
