extensions = ["myst_parser", "sphinx_cv"]
myst_enable_extensions = ["colon_fence"]
source_suffix = {".md": "markdown"}
