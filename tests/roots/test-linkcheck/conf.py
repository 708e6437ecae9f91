extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
linkcheck_timeout = 5
linkcheck_retries = 1
cv_name = "Ada Lovelace"
