# A Chinese CV in simplified Chinese (tests/test_languages.py: the Korean and Chinese PDFs).
extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
cv_name = "王小明"
language = "zh_CN"
