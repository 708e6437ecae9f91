"""The project's own promises: one list of Debian packages, named the same everywhere."""

from __future__ import annotations

from conftest import REPO


def test_readme_apt_line_matches_ci() -> None:
    packages = (REPO / ".ci" / "apt-packages").read_text().split()
    line = "sudo apt-get install --no-install-recommends " + " ".join(packages)
    assert line in (REPO / "README.md").read_text()
    assert '(ROOT / ".ci" / "apt-packages")' in (REPO / "noxfile.py").read_text()
    assert ".ci/apt-packages" in (REPO / ".ci" / "run").read_text()


def test_ci_runs_the_readme_test_command() -> None:
    assert "nox -s tests    # the test suite" in (REPO / "README.md").read_text()
    assert (REPO / ".ci" / "run").read_text().rstrip().endswith("nox -s tests")
