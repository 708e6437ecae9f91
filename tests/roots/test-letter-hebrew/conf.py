# A Hebrew CV with a cover letter, right to left (tests/test_letters.py).
extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
cv_name = "נועה כהן"
cv_contact = {"email": "noa@example.org"}
cv_last_updated = "2026-11-30"
language = "he"
latex_engine = "xelatex"
