# Entries whose fields say what they are: a thesis's type, a report's, an issue without a volume, ISO years,
# a collaboration as the author, mistakes in the name lists and the same paper twice (tests/test_bib_truths.py).
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
cv_name = "Ana Silva"
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "cv"
bibtex_reference_style = "cv"
