# A name of &, < and quotes in conf.py (test_hostile.py appends cv_contact: its address names a run-time canary).
extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
cv_name = 'AT&T <Ada> "Lovelace"'
html_theme = "furo"
latex_engine = "xelatex"
