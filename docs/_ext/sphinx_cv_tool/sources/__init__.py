"""A CV's sources written for you: a starter CV (``new``), or a CV imported from JSON Resume or RenderCV."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .reading import SourceError, read_source

if TYPE_CHECKING:
    from pathlib import Path

    from .document import Document

__all__ = ["read_cv"]


def read_cv(path: Path) -> Document:
    """The CV in ``path``: JSON Resume for ``.json``, RenderCV for ``.yaml`` and ``.yml``."""
    if path.suffix.lower() not in {".json", ".yaml", ".yml"}:
        raise SourceError(f"{path}: not a CV this can read; give a JSON Resume (.json) or a RenderCV file (.yaml)")
    text = read_source(path)
    if path.suffix.lower() == ".json":
        from .jsonresume import read_json_resume

        return read_json_resume(path, text)
    from .rendercv import read_rendercv

    return read_rendercv(path, text)
