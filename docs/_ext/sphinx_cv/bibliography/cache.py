"""A cache of formatted publications, kept between builds in the doctree folder.

sphinxcontrib-bibtex formats every entry of every bibliography again on each
build, incremental ones included, and pickles them all in the environment; with
hundreds of publications that is most of an incremental build. The ``cv`` style
looks each entry up here first, by a digest of everything that decides its text:
the label, the entry's type, fields and people, the owner's names, and the
extension's version. Entries are :class:`StoredEntry`: their text stays pickled
until a page that shows it is written, so that a build which only needs the
labels (to resolve citations) does not unpickle every publication's text.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pybtex.style import FormattedEntry

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable

    from pybtex.database import Entry

#: In the doctree folder.
CACHE_FILE = "sphinx_cv_publications.pickle"


class StoredEntry(FormattedEntry):
    """A formatted entry whose text is unpickled when first used; it pickles as key, label and pickled text."""

    def __init__(self, key: str, label: str | None, pickled_text: bytes, text: Any = None) -> None:
        self.key = key
        self.label = label
        self.pickled_text = pickled_text
        self._text = text

    @classmethod
    def of(cls, entry: FormattedEntry) -> StoredEntry:
        """``entry``, with its text pickled for the next build."""
        return cls(entry.key, entry.label, pickle.dumps(entry.text, protocol=pickle.HIGHEST_PROTOCOL), entry.text)

    @property
    def text(self) -> Any:
        if self._text is None:
            self._text = pickle.loads(self.pickled_text)
        return self._text

    def __reduce__(self) -> tuple[type[StoredEntry], tuple[str, str | None, bytes]]:
        return StoredEntry, (self.key, self.label, self.pickled_text)


def entry_digest(label: str, entry: Entry) -> bytes:
    """A digest of everything in ``entry`` (and its label) that its formatted text depends on."""
    fields = sorted((name, str(value)) for name, value in entry.fields.items())
    people = [(role, [str(person) for person in persons]) for role, persons in sorted(entry.persons.items())]
    return hashlib.blake2b(repr((label, entry.key, entry.type, fields, people)).encode(), digest_size=16).digest()


class FormatCache:
    """Formatted entries by digest: what this build used, and what the last build left."""

    def __init__(self, salt: Hashable) -> None:
        self.salt = salt
        self.previous: dict[bytes, StoredEntry] = {}
        self.current: dict[bytes, StoredEntry] = {}

    def get(self, label: str, entry: Entry, format_entry: Callable[[], FormattedEntry]) -> StoredEntry:
        digest = entry_digest(label, entry)
        if digest not in self.current:
            stored = self.previous.pop(digest, None)
            self.current[digest] = stored if stored is not None else StoredEntry.of(format_entry())
        return self.current[digest]

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
