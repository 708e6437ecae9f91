# A Hebrew CV with a cover letter and a research statement, right to left (tests/test_letters.py).
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
cv_name = "נועה כהן"
cv_name_variants = ["Noa Cohen"]
cv_contact = {"email": "noa@example.org"}
cv_last_updated = "2026-11-30"
language = "he"
latex_engine = "xelatex"
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "cv"
bibtex_reference_style = "cv"
html_baseurl = "https://example.org/noa/"
