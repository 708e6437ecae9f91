"""Sphinx configuration of the CV: one source for the website, the PDF and the EPUB."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

# -- The person ----------------------------------------------------------------
cv_name = "Joe Benton"
# A variant keeps only the entries tagged with its name: CV_VARIANT=short (nox -s pdf -- --variant short).
cv_variant = os.environ.get("CV_VARIANT", "")
slug = cv_name.lower().replace(" ", "-") + "-cv" + (f"-{cv_variant}" if cv_variant else "")  # names the PDF, EPUB
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
html_title = cv_name
html_copy_source = False
html_use_index = False
# The home page's cv-downloads links these when they exist (nox -s all builds them first).
cv_download_files = [f"_build/{slug}.pdf", f"_build/{slug}.epub"]
html_show_sourcelink = False

# -- LaTeX / PDF ---------------------------------------------------------------------
# sphinx_cv sets the CV's layout (no title page, contents or index; name and contact
# line first; Linux Libertine); any latex_elements key set here overrides it.
cv_paper = "a4"  # or "letter"
cv_contact: dict[str, str] = {}  # e.g. {"email": ..., "website": ..., "github": ..., "orcid": ..., "scholar": ...}
latex_engine = "xelatex"
latex_documents = [("index", f"{slug}.tex", cv_name, cv_name, "howto")]
latex_domain_indices = False

# -- EPUB ---------------------------------------------------------------------------------
epub_basename = slug
epub_title = cv_name
epub_author = cv_name
epub_publisher = cv_name
epub_copyright = cv_name
epub_show_urls = "no"
epub_use_index = False
epub_tocscope = "includehidden"  # the pages are in a hidden toctree (the site's navigation)
