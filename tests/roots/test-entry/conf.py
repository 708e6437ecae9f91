extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
project = "Entry test"
author = "Zoë Ó Súilleabháin"
copyright = "Zoë Ó Súilleabháin"
version = "1"
latex_engine = "xelatex"
latex_documents = [("index", "entry.tex", "Zoë Ó Súilleabháin", author, "howto")]
