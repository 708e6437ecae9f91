"""The project's own promises: one list of Debian packages, named the same everywhere."""

from __future__ import annotations

import re

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
