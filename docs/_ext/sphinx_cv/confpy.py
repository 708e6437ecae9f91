"""``conf.py`` as its author wrote it: where a setting is written, whether it is set, and the language a build
translates into. Sphinx's ``Config`` keeps what ``conf.py`` and ``-D`` set in ``_raw_config`` (its namespace) and
``_overrides``: the one use of Sphinx's internals for the settings, each checked by ``tests/test_config.py``."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

__all__ = ["assignment", "location", "set_in_conf_py", "translated_into"]


def assignment(source: str, name: str) -> ast.stmt | None:
    """The statement of ``source`` (a ``conf.py``) that sets ``name`` (``name = ...`` or ``name: type = ...``).

    In :mod:`sphinx_cv.api` (the tool edits ``conf.py`` with it).
    """
    for node in ast.parse(source).body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        if isinstance(target, ast.Name) and target.id == name:
            return node
    return None


def location(app: Sphinx, name: str) -> str:
    """``conf.py:<line>`` where ``name`` is set, or ``conf.py:1`` when it is not written there."""
    path = Path(app.confdir, "conf.py")
    try:
        statement = assignment(path.read_text(encoding="utf-8"), name)
    except (OSError, SyntaxError, ValueError):
        return f"{path}:"
    return f"{path}:{statement.lineno if statement else 1}"


def translated_into(config: Config) -> str:
    """The language this build translates the CV into: given with ``-D language=de`` (as ``nox -s all -- --language
    de`` and Read the Docs' translation projects do) and not conf.py's own; "" otherwise."""
    language = config._overrides.get("language")
    own = config._raw_config.get("language") or "en"  # Sphinx's default
    return str(language) if language and language != own else ""


def set_in_conf_py(config: Config, name: str) -> bool:
    """True when ``conf.py`` (or ``-D name=...``) sets ``name``."""
    return name in config._raw_config or name in config._overrides
