# A refs.bib with macros of its own (tests/test_bib_macros.py).
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
cv_name = "Joe Benton"
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "cv"
bibtex_reference_style = "cv"
cv_bib_macros = {"jname": "Journal of Names", "great": "Great"}
