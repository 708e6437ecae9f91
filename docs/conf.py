"""Sphinx configuration of the CV: one source for the website, the PDF and the EPUB.

Your name is the one thing to change: it titles the site, the PDF and the EPUB, names their
files (joe-benton-cv.pdf), and is set in bold in your publications.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

# -- You ---------------------------------------------------------------------------------
cv_name = "Joe Benton"
# The line under your name in the PDF, e.g. {"email": ..., "website": ..., "github": ..., "orcid": ...}
cv_contact: dict[str, str] = {}
cv_paper = "a4"  # or "letter"
# A variant keeps only the entries tagged with its name: CV_VARIANT=short (nox -s pdf -- --variant short).
cv_variant = os.environ.get("CV_VARIANT", "")
# The CV's language: its dates, the PDF's footer and the metadata follow it (de, fr, ja, ...). A translation
# into another one lives in docs/locales/: nox -s translate -- de, then nox -s all -- --language de.
language = "en"

# -- Extensions --------------------------------------------------------------------------
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
myst_enable_extensions = ["colon_fence", "deflist"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_ext"]
bibtex_bibfiles = ["../refs.bib"]
bibtex_default_style = "cv"
bibtex_reference_style = "cv"

# -- Website -------------------------------------------------------------------------------
# furo by default; CV_THEME=pydata (or `nox -s html -- --theme pydata`) for pydata-sphinx-theme.
THEMES = {"furo": "furo", "pydata": "pydata_sphinx_theme"}
theme = os.environ.get("CV_THEME", "furo")
html_theme = THEMES.get(theme, theme)
if html_theme == "pydata_sphinx_theme":
    # A CV's pages are flat: no section sidebar, every page in the top bar, no search box (its
    # button's label does not match its text, an accessibility error); light or dark as the reader's system.
    html_sidebars = {"**": []}
    html_theme_options = {"header_links_before_dropdown": 8, "secondary_sidebar_items": [], "navbar_persistent": []}
    html_context = {"default_mode": "auto"}
html_copy_source = False
html_use_index = False
html_show_sourcelink = False

# -- PDF and EPUB --------------------------------------------------------------------------
# sphinx_cv makes the PDF a CV (no title page, contents or index; your name and contact line
# first; Linux Libertine) and names both files after you; any value set here overrides it.
latex_engine = "xelatex"
latex_domain_indices = False
epub_show_urls = "no"
epub_use_index = False
epub_tocscope = "includehidden"  # the pages are in a hidden toctree (the site's navigation)
