# Dates written as text (:date-text:), as RenderCV allows: tests/test_entry.py.
extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
latex_engine = "xelatex"
cv_name = "Ada Lovelace"
