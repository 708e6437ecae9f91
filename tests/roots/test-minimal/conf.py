# The smallest MyST CV: test_config.py (a bad value as line 3), test_hostile.py (LaTeX's sandbox), test_sources.py.
extensions = ["myst_parser", "sphinx_cv"]
cv_name = "Ada"
