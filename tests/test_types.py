"""The extension's own checks of itself: its annotations agree with Sphinx's, docutils' and MyST's (mypy), and
every module imports on its own in a fresh interpreter (no import cycle that only an import order hides)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import sphinx_cv
from conftest import REPO


def test_mypy_finds_no_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_module_imports_alone_in_a_fresh_interpreter() -> None:
    modules = [info.name for info in pkgutil.walk_packages(sphinx_cv.__path__, "sphinx_cv.")]
    assert len(modules) > 40
    runs = {
        name: subprocess.Popen(
            [sys.executable, "-c", f"import {name}"], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        for name in modules
    }
    failed = {name: run.communicate()[0].decode()[-500:] for name, run in runs.items()}
    assert {name: output for name, output in failed.items() if runs[name].returncode} == {}
