# An Arabic CV (tests/test_languages.py: its PDF is set in an Arabic font).
extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
cv_name = "ليلى حسن"
language = "ar"
latex_engine = "xelatex"
