"""The PDF is a CV, not a manual: LaTeX defaults applied at ``config-inited``; the user's own keys win.

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

from ..config import file_stem, set_defaults, settings
from ..lastupdated import display_date

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from ..contact import ContactItem

LATEX_STYLE = Path(__file__).with_name("sphinxcv.sty")
PAPER_SIZES = {"a4": "a4paper", "letter": "letterpaper"}
FONTS = r"""
\setmainfont{Linux Libertine O}
\setsansfont{Linux Biolinum O}
\setmonofont{DejaVu Sans Mono}[Scale=MatchLowercase]
"""
ACCENT = "{RGB}{31,64,104}"


def apply_latex_defaults(app: Sphinx, config: Config) -> None:
    r"""Fill in the CV's ``latex_elements`` wherever ``conf.py`` leaves a key unset, and ship ``sphinxcv.sty``.

    ``sphinxsetup`` keys and the ``preamble`` are merged: the user's come after the CV's, so that
    they win (``\renewcommand\sphinxcvcontact{...}`` in the preamble replaces the contact line).
    """
    user = dict(config.latex_elements)
    sphinxsetup = f"hmargin={{2cm,2cm}}, vmargin={{1.8cm,2.2cm}}, InnerLinkColor={ACCENT}, OuterLinkColor={ACCENT}, "
    sphinxsetup += f"TitleColor={ACCENT}"
    defaults = {
        "papersize": PAPER_SIZES[config.cv_paper],
        "pointsize": "11pt",
        "fncychap": "",
        "maketitle": r"\sphinxcvmaketitle",
        "tableofcontents": "",
        "makeindex": "",
        "printindex": "",
    }
    if config.latex_engine in {"xelatex", "lualatex"}:
        defaults["fontpkg"] = FONTS
    config.latex_elements = {
        **defaults,
        **user,
        "sphinxsetup": ", ".join(filter(None, [sphinxsetup, user.get("sphinxsetup", "")])),
        "preamble": _preamble(config) + user.get("preamble", ""),
    }
    if str(LATEX_STYLE) not in config.latex_additional_files:
        config.latex_additional_files = [*config.latex_additional_files, str(LATEX_STYLE)]
    name, title = config.cv_name, latex_text(config.cv_name or config.project, config.latex_engine)
    document = (config.root_doc, f"{file_stem(config)}.tex", title, latex_text(name, config.latex_engine), "howto")
    set_defaults(config, {"latex_documents": [document]})


def _preamble(config: Config) -> str:
    """The macros that ``sphinxcv.sty`` leaves for the extension to set: the language, the contact line, the date."""
    preamble = f"\n\\renewcommand\\sphinxcvlanguage{{{language_tag(config.language)}}}\n"
    items = settings(config).contact
    if items:
        line = r"\sphinxcvcontactsep ".join(_latex_item(item, config.latex_engine) for item in items)
        preamble += f"\n\\renewcommand\\sphinxcvcontact{{{line}}}\n"
    if config.cv_last_updated:
        preamble += f"\n\\renewcommand\\sphinxcvupdated{{{display_date(config.cv_last_updated)}}}\n"
    return preamble


def language_tag(language: str | None) -> str:
    """Sphinx's ``language`` (``en``, ``pt_BR``) as the PDF writes it: a BCP 47 tag (``pt-BR``)."""
    return (language or "en").replace("_", "-")


def latex_text(text: str, engine: str) -> str:
    """``text`` escaped for LaTeX, hyphens kept (the PDF's metadata cannot hold Sphinx's hyphen macro)."""
    texescape.init()  # the LaTeX builder fills the escape tables when it starts, after config-inited
    return texescape.escape(text, engine).replace(r"\sphinxhyphen{}", "-")


def _latex_item(item: ContactItem, engine: str) -> str:
    label = latex_text(item.label, engine)
    if not item.url:
        return label
    url = item.url.replace("\\", "").replace("%", r"\%").replace("#", r"\#")
    return rf"\href{{{url}}}{{{label}}}"
