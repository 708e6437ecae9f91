# A CV with a cover letter and a research statement (tests/test_letters.py).
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
cv_name = "Ada Lovelace"
cv_contact = {"email": "ada@example.org", "website": "https://example.org/ada"}
cv_last_updated = "2026-11-30"
latex_engine = "xelatex"
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "cv"
bibtex_reference_style = "cv"
html_baseurl = "https://example.org/ada/cv/"
