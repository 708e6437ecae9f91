"""The PDF is a CV, not a manual: LaTeX defaults applied at ``config-inited``; the user's own keys win.

No title page, table of contents, index or chapter heads; the name and the
contact line (``cv_contact``) open the first page; the paper size comes from
``cv_paper``; with xelatex or lualatex the fonts are Linux Libertine and Biolinum
(Debian's ``fonts-linuxlibertine``). Headings, entries, footer and PDF metadata
are set by ``sphinxcv.sty``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util.texescape import escape

from ..config import settings
from ..lastupdated import display_date

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from ..contact import ContactItem

PAPER_SIZES = {"a4": "a4paper", "letter": "letterpaper"}
FONTS = r"""
\setmainfont{Linux Libertine O}
\setsansfont{Linux Biolinum O}
\setmonofont{DejaVu Sans Mono}[Scale=MatchLowercase]
"""
ACCENT = "{RGB}{31,64,104}"


def apply_latex_defaults(app: Sphinx, config: Config) -> None:
    """Fill in the CV's ``latex_elements`` wherever ``conf.py`` leaves a key unset."""
    defaults = {
        "papersize": PAPER_SIZES[config.cv_paper],
        "pointsize": "11pt",
        "fncychap": "",
        "maketitle": r"\sphinxcvmaketitle",
        "tableofcontents": "",
        "makeindex": "",
        "printindex": "",
        "sphinxsetup": f"hmargin={{2cm,2cm}}, vmargin={{1.8cm,2.2cm}}, "
        f"InnerLinkColor={ACCENT}, OuterLinkColor={ACCENT}, TitleColor={ACCENT}",
    }
    if config.latex_engine in {"xelatex", "lualatex"}:
        defaults["fontpkg"] = FONTS
    elements = {**defaults, **config.latex_elements}
    items = settings(config).contact
    if items:
        line = r"\sphinxcvcontactsep ".join(_latex_item(item, config.latex_engine) for item in items)
        elements["preamble"] = elements.get("preamble", "") + f"\n\\renewcommand\\sphinxcvcontact{{{line}}}\n"
    if config.cv_last_updated:
        updated = display_date(config.cv_last_updated)
        elements["preamble"] = elements.get("preamble", "") + f"\n\\renewcommand\\sphinxcvupdated{{{updated}}}\n"
    config.latex_elements = elements


def _latex_item(item: ContactItem, engine: str) -> str:
    label = escape(item.label, engine)
    if not item.url:
        return label
    url = item.url.replace("\\", "").replace("%", r"\%").replace("#", r"\#")
    return rf"\href{{{url}}}{{{label}}}"
