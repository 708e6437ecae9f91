extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
cv_name = "Ada Lovelace"
language = "en"
latex_engine = "xelatex"
