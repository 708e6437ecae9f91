extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "cv"
cv_name = "Ada Lovelace"
