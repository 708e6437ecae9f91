# A Korean paragraph that wraps (tests/test_languages.py: its lines break between words only).
extensions = ["myst_parser", "sphinx_cv"]
cv_name = "김민준"
language = "ko"
