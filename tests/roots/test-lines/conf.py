extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
cv_name = "Zoë Łukasiewicz-O'Brien"
latex_engine = "xelatex"
cv_contact = {
    "email": ["zoe@example.org", "z.obrien@example.ac.uk"],
    "phone": "+44 20 7946 0000",
    "linkedin": "https://www.linkedin.com/in/zoe-lob/",
    "mastodon": "@zoe@scholar.social",
    "Kaggle": "https://www.kaggle.com/zoelob",
}
