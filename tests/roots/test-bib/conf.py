extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "cv"
bibtex_reference_style = "cv"
cv_name = "Joe Benton"
cv_name_variants = ["Joseph Benton-Smith"]
project = "Bib test"
author = "Joe Benton"
copyright = "Joe Benton"
version = "1"
latex_engine = "xelatex"
latex_documents = [("index", "bib.tex", "Joe Benton", "Joe Benton", "howto")]
latex_elements = {
    "fontpkg": r"\setmainfont{Linux Libertine O}",
    "maketitle": r"\sphinxcvmaketitle",
    "tableofcontents": "",
    "preamble": r"\setcounter{secnumdepth}{0}",
}
