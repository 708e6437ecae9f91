# A publications page whose only list selects nothing of refs.bib: tests/test_publication_groups.py.
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
cv_name = "Joe Benton"
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "cv"
bibtex_reference_style = "cv"
