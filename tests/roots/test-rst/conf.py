# sphinx_cv alone, pages in reST: test_config.py (the table of Sphinx defaults), test_translations.py (date words).
extensions = ["sphinx_cv"]
cv_name = "Ada"
