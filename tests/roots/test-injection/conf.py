extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "cv"
cv_name = "Ada Lovelace"
