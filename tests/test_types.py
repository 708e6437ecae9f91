"""The packages' own checks of themselves: their annotations agree with Sphinx's, docutils' and MyST's (mypy), every
module imports on its own in a fresh interpreter (no import cycle that only an import order hides), the extension
imports neither the tool nor what only the tool or the CV's website needs, and every node has its visitors in every
format's table."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import sphinx_cv
import sphinx_cv_tool
from conftest import REPO

#: What a Sphinx project that adds the extension alone does not install: the tool, the themes, the tool's extras.
NOT_FOR_THE_EXTENSION = {"sphinx_cv_tool", "furo", "pydata_sphinx_theme", "yaml", "jsonschema", "sphinx_autobuild"}


def test_mypy_finds_no_error() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_module_imports_alone_in_a_fresh_interpreter() -> None:
    modules = [info.name for info in pkgutil.walk_packages(sphinx_cv.__path__, "sphinx_cv.")]
    modules += [info.name for info in pkgutil.walk_packages(sphinx_cv_tool.__path__, "sphinx_cv_tool.")]
    assert len(modules) > 50
    runs = {
        name: subprocess.Popen(
            [sys.executable, "-c", f"import {name}"], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        for name in modules
    }
    failed = {name: run.communicate()[0].decode()[-500:] for name, run in runs.items()}
    assert {name: output for name, output in failed.items() if runs[name].returncode} == {}


def _imports(path: Path, module: str, modules: set[str]) -> set[str]:
    """The modules of ``modules`` that ``module`` (at ``path``) imports when it is imported (not for type checking)."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom):
            parts = [*package[: len(package) - node.level + 1], *([node.module] if node.module else [])]
            base = ".".join(parts) if node.level else node.module
            found |= {name for name in [base, *(f"{base}.{alias.name}" for alias in node.names)] if name in modules}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in modules}
    return found - {module}


def test_no_module_imports_itself_through_others() -> None:
    """No import cycle: following the imports from any module never leads back to it."""
    paths = {}
    for package in (sphinx_cv, sphinx_cv_tool):
        root = Path(package.__path__[0])
        for path in root.rglob("*.py"):
            parts = path.relative_to(root.parent).with_suffix("").parts
            paths[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph = {module: _imports(path, module, set(paths)) for module, path in paths.items()}
    assert graph["sphinx_cv.pdf.builder"] >= {"sphinx_cv.settings"}  # the walk sees relative imports
    assert "sphinx_cv.nodes" in graph["sphinx_cv.directives"]  # and "from . import nodes"
    for start in graph:
        seen, todo = set(), list(graph[start])
        while todo:
            module = todo.pop()
            assert module != start, f"{start} imports itself through {sorted(seen)}"
            if module not in seen:
                seen.add(module)
                todo += graph[module]


def test_the_extension_imports_nothing_of_the_tool_nor_a_theme() -> None:
    imported = {}
    for path in Path(sphinx_cv.__path__[0]).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                imported.setdefault(name.partition(".")[0], set()).add(path.name)
    assert {name: files for name, files in imported.items() if name in NOT_FOR_THE_EXTENSION} == {}
    assert "sphinx" in imported and "pybtex" in imported  # the walk sees imports


def test_every_node_has_a_visitor_in_every_format() -> None:
    """A node that one format's table lacks would fail at setup; each node reaching a writer is in all of them."""
    from docutils import nodes
    from sphinx_cv import nodes as cv
    from sphinx_cv import plaintext
    from sphinx_cv.pdf import latex
    from sphinx_cv.visitors import PLACEHOLDERS
    from sphinx_cv.web import html

    declared = (
        {value for value in vars(cv).values() if isinstance(value, type) and issubclass(value, nodes.Element)}
        - {nodes.Element}
        - {value for value in vars(nodes).values() if isinstance(value, type)}
    )
    written = declared - set(PLACEHOLDERS)
    for table in (html.VISITORS, latex.VISITORS, plaintext.TEXT_VISITORS, plaintext.BODY_VISITORS):
        assert set(table) == written


def _python_files(package: object) -> list[Path]:
    return sorted(Path(package.__path__[0]).rglob("*.py"))  # type: ignore[attr-defined]


def test_the_tool_imports_nothing_of_the_extension_but_its_api() -> None:
    imported = set()
    for path in _python_files(sphinx_cv_tool):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {(alias.name, path.name) for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add((node.module, path.name))
    extension = {(module, file) for module, file in imported if module.partition(".")[0] == "sphinx_cv"}
    assert {module for module, _file in extension} == {"sphinx_cv.api"}, sorted(extension)


def test_the_api_imports_each_name_from_the_module_the_type_checker_is_told() -> None:
    """The table the API imports from at run time, and its imports for the type checker, name the same things."""
    from sphinx_cv import api

    tree = ast.parse(Path(api.__file__).read_text(encoding="utf-8"))
    checked = {
        alias.name: "." * node.level + (node.module or "")
        for block in tree.body
        if isinstance(block, ast.If) and ast.unparse(block.test) == "TYPE_CHECKING"
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert checked == api._MODULES and api.__all__ == sorted(checked)
    for name, module in checked.items():
        assert getattr(api, name) is getattr(importlib.import_module(module, "sphinx_cv"), name)


#: The modules that may name what Sphinx, docutils, pybtex and sphinxcontrib-bibtex keep private, each for what it
#: says: conf.py as written (Config's namespace), the bibliography's seam (the plugin registries, the parser), and
#: the Word CV's (python-docx's elements and parts).
SEAMS = {"sphinx_cv/confpy.py", "sphinx_cv/bibliography/adapter.py", "sphinx_cv/docx/ooxml.py"}


def test_only_the_seams_name_private_attributes() -> None:
    """An attribute that starts with one underscore, of anything but the class's own instance, or a private module
    imported, is another library's private part: only the seams may use it."""
    found = set()
    for package in (sphinx_cv, sphinx_cv_tool):
        for path in _python_files(package):
            name = path.relative_to(Path(package.__path__[0]).parent).as_posix()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Attribute) and re.fullmatch(r"_[a-z]\w*", node.attr):
                    if not (isinstance(node.value, ast.Name) and node.value.id in {"self", "cls"}):
                        found.add((name, ast.unparse(node)))
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    parts = [*node.module.split("."), *(alias.name for alias in node.names)]
                    if any(part.startswith("_") and not part.startswith("__") for part in parts):
                        found.add((name, f"from {node.module} import ..."))
    assert {name for name, _use in found} <= SEAMS, sorted(found)
    assert {name for name, _use in found} == SEAMS  # the walk sees them
