# Publication groups: cv-publications chooses entries by type and keyword; tests/test_publication_groups.py.
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
cv_name = "Joe Benton"
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "cv"
bibtex_reference_style = "cv"
latex_engine = "xelatex"
exclude_patterns = ["partial.md"]  # the root of a CV that lists only its articles
