"""``python -m sphinx_cv_tool.readthedocs``: on Read the Docs, the accessible PDF where ``conf.py`` chooses it.

Read the Docs makes its PDF download with Sphinx's LaTeX builder and latexmk, whatever the
project's ``cv_pdf_engine``. ``.readthedocs.yaml`` runs this command after its build
(``build.jobs.post_build``): when ``conf.py`` sets ``cv_pdf_engine = "typst"``, it builds the
Typst PDF and puts it in the place of LaTeX's, in ``$READTHEDOCS_OUTPUT/pdf/`` under the name
Read the Docs gave its own (its project's slug), so that the *Downloads* menu and the website's
``cv-downloads`` links serve it. With the LaTeX engine it changes nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from .build import Build, pdf_engine, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sphinx_cv_tool.readthedocs", description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=Path("docs"), help="the folder of conf.py (default: docs)")
    args = parser.parse_args(argv)
    source = args.source.resolve()
    if pdf_engine(source, []) != "typst":
        print("Read the Docs' PDF is the LaTeX PDF (cv_pdf_engine is not 'typst'): nothing to replace")
        return 0
    output = os.environ.get("READTHEDOCS_OUTPUT")
    if not output:
        print("error: READTHEDOCS_OUTPUT is not set; this command runs in Read the Docs' build", file=sys.stderr)
        return 2
    language = os.environ.get("READTHEDOCS_LANGUAGE", "")
    sphinx_args = ["-D", f"language={language}"] if language else []
    folder = Path(output, "pdf")
    folder.mkdir(parents=True, exist_ok=True)
    latex = sorted(folder.glob("*.pdf"))  # Read the Docs serves the one PDF of this folder
    with tempfile.TemporaryDirectory() as out:
        (pdf,) = run(Build(source, Path(out), [], sphinx_args, language), ["pdf"])
        for path in latex:
            path.unlink()
        target = folder / (latex[0].name if latex else pdf.name)
        shutil.copyfile(pdf, target)
    print(f"Read the Docs' PDF is the accessible PDF (Typst): {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
