# A CV with a cover letter (tests/test_letters.py).
extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
cv_name = "Ada Lovelace"
cv_contact = {"email": "ada@example.org", "website": "https://example.org/ada"}
cv_last_updated = "2026-11-30"
latex_engine = "xelatex"
