# Math in refs.bib (tests/test_bib_math.py), with the cv styles as sphinxcontrib-bibtex's defaults.
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
cv_name = "Joe Benton"
bibtex_bibfiles = ["refs.bib"]
latex_engine = "xelatex"
