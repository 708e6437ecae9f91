# Quotes, dashes and an ellipsis as typed, in every place the CV's data is taken from: test_as_written.py.
extensions = ["myst_parser", "sphinx_cv"]
cv_name = "Ada"
myst_enable_extensions = ["colon_fence"]
