# A CV whose refs.bib is one of tests/data/bib/real (tests/test_bib_corpus.py copies it in, and names its owner).
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
cv_name = "Owner"
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "cv"
bibtex_reference_style = "cv"
latex_engine = "xelatex"
