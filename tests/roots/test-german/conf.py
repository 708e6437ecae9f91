extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
cv_name = "Jürgen Weiß"
language = "de"
latex_engine = "xelatex"
