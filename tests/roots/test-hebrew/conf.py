extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
cv_name = "נועה כהן"
language = "he"
latex_engine = "xelatex"
cv_contact = {"email": "noa@example.org", "location": "ירושלים"}
