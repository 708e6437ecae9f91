extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
project = "Contact test"
author = "Zoë Ó Súilleabháin"
latex_engine = "xelatex"
latex_documents = [("index", "contact.tex", "Zoë Ó Súilleabháin", author, "howto")]
cv_paper = "letter"
cv_contact = {
    "email": "zoe_o@example.org",
    "website": "https://example.org/~zoe/",
    "github": "zoe-o",
    "orcid": "0000-0002-1825-0097",
    "scholar": "https://scholar.google.com/citations?user=AbCdEfGhIjKl&hl=en",
    "location": "Αθήνα & São Paulo",
    "fax": "12345",
    "orcid_typo": "",
}
cv_name = "Zoë Ó Súilleabháin"
