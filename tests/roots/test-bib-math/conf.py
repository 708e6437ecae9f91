# Math in refs.bib (tests/test_bib_math.py).
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
cv_name = "Joe Benton"
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "cv"
bibtex_reference_style = "cv"
latex_engine = "xelatex"
