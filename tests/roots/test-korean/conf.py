# A Korean CV, its language with a region (tests/test_languages.py: the Korean and Chinese PDFs).
extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
cv_name = "김민준"
language = "ko_KR"
