# Identifiers longer than a line (tests/test_bib_long.py): each must break inside the margin of the PDF.
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
cv_name = "Joe Benton"
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "cv"
bibtex_reference_style = "cv"
latex_engine = "xelatex"
