import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))
from signature import OWNER  # conf.py imports a module of the project's own

cv_name = OWNER
extensions = ["myst_parser", "sphinx_cv", "signature"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build", "_ext"]
html_theme = "basic"
