"""Characters the PDF's fonts cannot show, read from the LaTeX log and reported in one clear line.

xelatex does not stop at a character its font lacks: it sets nothing (or a box)
and notes it in the log, where nobody looks. ``nox -s pdf`` runs
``python -m sphinx_cv.pdf.fontcheck LOG`` after latexmk to say so.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

__all__ = ["missing_characters", "report"]

_MISSING = re.compile(r"Missing character: There is no (.+?) \(U\+([0-9A-F]{4,6})\) in font")


def missing_characters(log: str) -> list[str]:
    """Each character missing from the fonts, once, in the order of the log, as ``X (U+XXXX)``."""
    found = dict.fromkeys(f"{char} (U+{code})" for char, code in _MISSING.findall(log))
    return list(found)


def report(log_path: Path) -> str:
    """The warning for ``log_path``, or "" when every character was set."""
    missing = missing_characters(log_path.read_text(encoding="utf-8", errors="replace"))
    if not missing:
        return ""
    return (f"WARNING: the PDF's fonts cannot show {len(missing)} character(s), left blank in the PDF: "
            f"{', '.join(missing)}; write them otherwise, or add a font that has them to "
            "latex_elements['fontpkg'] in conf.py")  # fmt: skip


def main(argv: list[str]) -> int:
    for name in argv:
        message = report(Path(name))
        if message:
            print(f"{name}: {message}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
