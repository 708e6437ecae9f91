"""The project's own promises: one list of Debian packages, named the same everywhere; every file of the
extension in its package."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import PurePosixPath

from conftest import REPO


def test_readme_apt_line_matches_ci() -> None:
    packages = (REPO / ".ci" / "apt-packages").read_text().split()
    line = "sudo apt-get install --no-install-recommends " + " ".join(packages)
    assert line in (REPO / "README.md").read_text()
    assert '(ROOT / ".ci" / "apt-packages")' in (REPO / "noxfile.py").read_text()
    assert ".ci/apt-packages" in (REPO / ".ci" / "run").read_text()


def test_ci_runs_the_readme_test_command_where_no_test_may_skip() -> None:
    assert "nox -s tests    # the test suite" in (REPO / "README.md").read_text()
    ci = (REPO / ".ci" / "run").read_text()
    assert ci.rstrip().endswith("\nnox -s tests")
    assert re.search(r"^export .*\bCI=true\b", ci, flags=re.M)  # conftest.py: in CI a skip fails the run


def test_every_file_of_the_packages_is_installed() -> None:
    """A file the extension reads (a style, a Typst module, a catalog) is package data: an install that is not
    editable (Read the Docs') has it."""
    declared = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    tracked = subprocess.run(
        ["git", "ls-files", "docs/_ext"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    data = [PurePosixPath(name).relative_to("docs/_ext") for name in tracked if not name.endswith(".py")]
    assert data, "no data files found"
    left_out = [path for path in data if not any(_matches(path, glob) for glob in declared.get(path.parts[0], []))]
    assert [str(path) for path in left_out] == []


def _matches(path: PurePosixPath, glob: str) -> bool:
    """Whether ``path`` (package/...) is one of a package's data files ``glob`` (relative to the package)."""
    inside = path.relative_to(path.parts[0])
    return len(inside.parts) == len(PurePosixPath(glob).parts) and inside.match(glob)
