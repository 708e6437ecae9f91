"""A cache of formatted publications, kept between builds in the doctree folder.

sphinxcontrib-bibtex formats every entry of every bibliography again on each
build, incremental ones included; with hundreds of publications that is most of
an incremental build. The ``cv`` style looks each entry up here first, by
everything that decides its text: the label, the entry's type, fields and
people, the owner's names, and the extension's version.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pybtex.plugin import find_plugin

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable

    from pybtex.database import Entry
    from pybtex.style import FormattedEntry
    from sphinx.application import Sphinx

CACHE_FILE = "sphinx_cv_publications.pickle"


class FormatCache:
    """Formatted entries by key: what this build used, and what the last build left."""

    def __init__(self, salt: Hashable) -> None:
        self.salt = salt
        self.previous: dict[Hashable, FormattedEntry] = {}
        self.current: dict[Hashable, FormattedEntry] = {}

    def get(self, label: str, entry: Entry, format_entry: Callable[[], FormattedEntry]) -> FormattedEntry:
        key = (
            label,
            entry.key,
            entry.type,
            tuple(sorted((name, str(value)) for name, value in entry.fields.items())),
            tuple((role, tuple(map(str, people))) for role, people in sorted(entry.persons.items())),
        )
        if key not in self.current:
            self.current[key] = self.previous.pop(key) if key in self.previous else format_entry()
        return self.current[key]

    def load(self, path: Path) -> None:
        try:
            salt, entries = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
            return
        if salt == self.salt:
            self.previous = entries

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps((self.salt, self.current), protocol=pickle.HIGHEST_PROTOCOL))


def _cache(app: Sphinx) -> FormatCache | None:
    style: Any = find_plugin("pybtex.style.formatting", "cv")
    return getattr(style, "format_cache", None)


def load_format_cache(app: Sphinx) -> None:
    """Read what the last build formatted (at ``builder-inited``, before sphinxcontrib-bibtex formats)."""
    cache = _cache(app)
    if cache is not None:
        cache.load(Path(app.doctreedir, CACHE_FILE))


def save_format_cache(app: Sphinx, exception: Exception | None) -> None:
    """Keep what this build formatted for the next one."""
    cache = _cache(app)
    if exception is None and cache is not None and cache.current:
        cache.save(Path(app.doctreedir, CACHE_FILE))
