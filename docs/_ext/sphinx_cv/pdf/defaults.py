"""The PDF is a CV, not a manual: LaTeX defaults applied at ``config-inited``; the user's own keys win.

No title page, table of contents, index or chapter heads; the name and the
contact line (``cv_contact``) open the first page; the paper size comes from
``cv_paper``; with xelatex or lualatex the fonts are Linux Libertine and Biolinum
(Debian's ``fonts-linuxlibertine``). Headings, entries, footer and PDF metadata
are set by ``sphinxcv.sty``, which the LaTeX builder copies as one of ``latex_additional_files``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import texescape

from ..config import file_stem, set_defaults, settings
from ..designs import ACCENT, DESIGN_DEFAULTS
from ..lastupdated import display_date
from ..translations import _, date_words, language_tag
from .scripts import cjk_fonts, is_latin, right_to_left_pdf, set_right_to_left

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from ..contact import ContactItem

LATEX_STYLE = Path(__file__).with_name("sphinxcv.sty")
PAPER_SIZES = {"a4": "a4paper", "letter": "letterpaper"}
MAIN_FONT = "Linux Libertine O"
FONTS = r"""
\setmainfont{%s}
\setsansfont{Linux Biolinum O}
\setmonofont{DejaVu Sans Mono}[Scale=MatchLowercase]
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


def apply_latex_defaults(app: Sphinx, config: Config) -> None:
    r"""Fill in the CV's ``latex_elements`` wherever ``conf.py`` leaves a key unset, and ship ``sphinxcv.sty``.

    ``sphinxsetup`` keys and the ``preamble`` are merged: the user's come after the CV's, so that
    they win (``\renewcommand\sphinxcvcontact{...}`` in the preamble replaces the contact line).
    """
    cjk = cjk_fonts(config.language)
    if cjk:  # xelatex and xeCJK, not Sphinx's platex and jreport for Japanese
        set_defaults(config, {"latex_engine": "xelatex", "latex_docclass": {"howto": "article", "manual": "report"}})
    user = dict(config.latex_elements)
    design, options = DESIGN_DEFAULTS[config.cv_pdf_design], config.cv_pdf_options
    margin = _centimetres(options.get("margins", design.margins))
    accent = f"{{HTML}}{{{options.get('accent', ACCENT)}}}"
    sphinxsetup = f"hmargin={{{margin:g}cm,{margin:g}cm}}, vmargin={{{0.9 * margin:g}cm,{1.1 * margin:g}cm}}, "
    sphinxsetup += f"InnerLinkColor={accent}, OuterLinkColor={accent}, TitleColor={accent}"
    defaults = {
        "papersize": PAPER_SIZES[config.cv_paper],
        "pointsize": options.get("font_size", design.font_size),
        "fncychap": "",
        "maketitle": r"\sphinxcvmaketitle",
        "tableofcontents": "",
        "makeindex": "",
        "printindex": "",
    }
    if config.latex_engine in {"xelatex", "lualatex"}:
        defaults["fontpkg"] = FONTS % options.get("font", MAIN_FONT)
    if cjk and config.latex_engine == "xelatex":  # xeCJK breaks the lines; polyglossia has no CJK hyphenation
        defaults.update({"fontpkg": defaults["fontpkg"] + cjk, "polyglossia": "", "babel": ""})
    set_right_to_left(app, config, defaults)
    config.latex_elements = {
        **defaults,
        **user,
        "sphinxsetup": ", ".join(filter(None, [sphinxsetup, user.get("sphinxsetup", "")])),
        "preamble": _preamble(config) + user.get("preamble", ""),
    }
    styles = [str(path) for path in (LATEX_STYLE, design_style(config.cv_pdf_design)) if path]
    config.latex_additional_files = [
        *config.latex_additional_files,
        *(style for style in styles if style not in config.latex_additional_files),
    ]
    name, title = config.cv_name, latex_text(config.cv_name or config.project, config.latex_engine)
    document = (config.root_doc, f"{file_stem(config)}.tex", title, latex_text(name, config.latex_engine), "howto")
    set_defaults(config, {"latex_documents": [document]})


def _preamble(config: Config) -> str:
    """What ``sphinxcv.sty`` leaves for the extension to set: the design, the accent, the side of the dates, the
    language, the contact line, the date."""
    preamble = ""
    if design_style(config.cv_pdf_design):
        preamble += f"\n\\usepackage{{sphinxcv-{config.cv_pdf_design}}}\n"
    options = config.cv_pdf_options
    if "accent" in options:
        preamble += f"\n\\definecolor{{sphinxcvaccent}}{{HTML}}{{{options['accent']}}}\n"
    if "dates" in options:
        preamble += f"\n\\sphinxcvdateson{options['dates']}\n"
    preamble += f"\n\\renewcommand\\sphinxcvlanguage{{{language_tag(config.language)}}}\n"
    for macro, message, arguments in WORDS:
        translated = str(_(message))
        if translated != message:  # the .sty has the English
            text = _latex_message(translated, config.latex_engine, arguments)
            preamble += f"\n\\renewcommand\\{macro}[{len(arguments)}]{{{text}}}\n"
    items = settings(config).contact
    if items:
        latex = [_latex_item(item, config.latex_engine) for item in items]
        if right_to_left_pdf(config):  # e-mail addresses, numbers and web addresses stay left to right
            latex = [
                rf"\sphinxcvlatin{{{text}}}" if is_latin(item.label) else text
                for item, text in zip(items, latex, strict=True)
            ]
        line = r"\sphinxcvcontactsep ".join(latex)
        preamble += f"\n\\renewcommand\\sphinxcvcontact{{{line}}}\n"
    if config.cv_last_updated:
        updated = latex_text(display_date(config.cv_last_updated, date_words(config.language)), config.latex_engine)
        preamble += f"\n\\renewcommand\\sphinxcvupdated{{{updated}}}\n"
    return preamble


def _latex_message(message: str, engine: str, arguments: tuple[str, ...]) -> str:
    """A translated message as a macro's body: its text escaped, its placeholders the arguments ``#1``, ``#2``."""
    parts = re.split(r"(%\(\w+\)s)", message)
    return "".join(
        f"#{arguments.index(part[2:-2]) + 1}" if part.startswith("%(") else latex_text(part, engine) for part in parts
    )


def _centimetres(length: str) -> float:
    """A checked length (``2cm``, ``18mm``, ``0.75in``, ``50pt``) in centimetres."""
    number, unit = float(length.rstrip("cimnpt")), length.lstrip("0123456789.")
    return round(number * {"cm": 1, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72.27}[unit], 3)


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
