# Entries of odd characters (tests/test_robust.py writes the page: Hypothesis's texts, or a batch of its own).
extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
cv_name = "Ada Lovelace"
smartquotes = False
latex_engine = "xelatex"
latex_documents = [("index", "chars.tex", "Ada Lovelace", "Ada Lovelace", "howto")]
epub_copyright = version = "1"
suppress_warnings = ["cv.font"]
