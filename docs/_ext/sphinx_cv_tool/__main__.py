"""``python -m sphinx_cv_tool new "Ada Lovelace"`` or ``python -m sphinx_cv_tool import FILE``: make the CV yours.

``new`` replaces the example CV by a starter CV; ``import`` by a CV read from a JSON
Resume (``.json``) or RenderCV (``.yaml``) file. Both write ``docs/*.md``, ``refs.bib``
and the person's settings in ``docs/conf.py``, and refuse to overwrite work that git
has not recorded.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .sources import read_cv
from .sources.project import ProjectError, write_project
from .sources.reading import SourceError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sphinx_cv_tool", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="replace the example CV by a starter CV for NAME")
    new.add_argument("name", help='your name, as the CV writes it, e.g. "Ada Lovelace"')
    imported = commands.add_parser("import", help="replace the example CV by the CV in FILE")
    imported.add_argument("file", type=Path, help="a JSON Resume (.json) or RenderCV (.yaml) file")
    for command in (new, imported):
        command.add_argument("--root", type=Path, default=Path(), help="the project's folder (default: here)")
        command.add_argument("--force", action="store_true", help="replace docs/ and refs.bib even with edits")
    args = parser.parse_args(argv)
    try:
        if args.command == "new":
            from .sources.starter import starter

            document = starter(" ".join(args.name.split()))
        else:
            document = read_cv(args.file)
        written = write_project(args.root, document, force=args.force)
    except (SourceError, ProjectError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"The CV of {document.name} is in {args.root / 'docs'}: {len(written)} files written.")
    if document.left_out:
        print("Left out, and why:")
        for line in document.left_out:
            print(f"  {line}")
    if document.chosen:
        print("Chosen or kept by the import, to check:")
        for line in document.chosen:
            print(f"  {line}")
    print("Build it with `nox -s all`; the results are in docs/_build/.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
