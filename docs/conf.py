"""Sphinx configuration of the CV: one source for the website, the PDF and the EPUB."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

# -- The person ----------------------------------------------------------------
cv_name = "Joe Benton"
project = cv_name
author = cv_name
copyright = cv_name
version = release = "1"  # the CV's own edition; EPUB metadata needs one
language = "en"

# -- Extensions ------------------------------------------------------------------
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
myst_enable_extensions = ["colon_fence", "deflist"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_ext"]
bibtex_bibfiles = ["../refs.bib"]
bibtex_default_style = "cv"
bibtex_reference_style = "cv"

# -- HTML --------------------------------------------------------------------------
html_theme = os.environ.get("CV_THEME", "furo")
html_title = cv_name
html_copy_source = False
html_show_sourcelink = False

# -- LaTeX / PDF ---------------------------------------------------------------------
slug = cv_name.lower().replace(" ", "-") + "-cv"
latex_engine = "xelatex"
latex_documents = [("index", f"{slug}.tex", cv_name, cv_name, "howto")]
latex_domain_indices = False
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "11pt",
    "fontpkg": r"""
\setmainfont{Linux Libertine O}
\setsansfont{Linux Biolinum O}
\setmonofont{DejaVu Sans Mono}[Scale=MatchLowercase]
""",
    "fncychap": "",
    "maketitle": r"\sphinxcvmaketitle",
    "tableofcontents": "",
    "makeindex": "",
    "printindex": "",
    "preamble": r"\setcounter{secnumdepth}{0}",
}

# -- EPUB ---------------------------------------------------------------------------------
epub_basename = slug
epub_title = cv_name
epub_author = cv_name
epub_publisher = cv_name
epub_copyright = cv_name
epub_show_urls = "no"
