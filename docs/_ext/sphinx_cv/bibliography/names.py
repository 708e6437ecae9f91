"""The people of ``.bib`` entries as plain data: names read, written out, and compared.

A person is compared by a key of plain lower-case letters (:func:`name_key`): ``{\\"O}zg{\\"u}r``
and ``Özgür``, ``Benton, Joe`` and ``Joe Benton`` give one key, and ``J. Benton`` is the same person
(:func:`same_person`). The style (``style.py``) finds the owner and the authors of equal
contribution with it; normalising (``normalise.py``) and the tool's imports read names with it.
Pure Python over pybtex's ``Person``.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import TYPE_CHECKING

from pybtex.database import Person
from pybtex.exceptions import PybtexError
from pybtex.richtext import Text

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "full_name",
    "is_others",
    "matches_any",
    "name_key",
    "name_keys",
    "owner_keys",
    "person",
    "plain_letters",
    "same_person",
]


@functools.lru_cache(maxsize=8192)  # names repeat across a publication list
def plain_letters(text: str) -> str:
    """Lower-case ASCII letters of ``text``: accents, braces and LaTeX accents dropped."""
    try:
        decoded = str(Text.from_latex(text))  # not render_as(), which looks up its backend plugin on every call
    except (PybtexError, UnicodeDecodeError):  # LaTeX it cannot read (braces that do not pair, a lone \\): text
        decoded = text.replace("{", "").replace("}", "")
    folded = unicodedata.normalize("NFKD", decoded)
    return "".join(char for char in folded if char.isalnum() or char == " ").lower().strip()


def name_key(person: Person) -> tuple[str, str]:
    """(last names, first names) in plain lower case: ``Benton, Joe`` and ``Joe Benton`` give one key, and initials
    written together (``Smith, JQ``, as PubMed and Google Scholar write them) are initials."""
    last = " ".join(plain_letters(part) for part in person.prelast_names + person.last_names)
    first = " ".join(_initials(part) for part in person.first_names + person.middle_names)
    return (last, first)


def _initials(given: str) -> str:
    """A given name in plain lower case; two or three capitals (``JQ``) are as many initials (``j q``)."""
    plain = plain_letters(given)
    letters = "".join(char for char in given if char.isalpha())
    return " ".join(plain) if letters.isupper() and 1 < len(letters) <= 3 and len(plain) == len(letters) else plain


def same_person(key: tuple[str, str], other: tuple[str, str]) -> bool:
    """Same last names, and first names that agree: equal, or one an initial of the other (``J.``, ``Joe``)."""
    (last, first), (other_last, other_first) = key, other
    if last != other_last:
        return False
    given, other_given = first.split()[:1], other_first.split()[:1]
    if not given or not other_given:
        return True
    shorter, longer = sorted((given[0], other_given[0]), key=len)
    return shorter == longer or (len(shorter) == 1 and longer.startswith(shorter))


def person(name: str) -> Person:
    """A name typed as text (``cv_name``) or as BibTeX writes it (``Lovelace, Ada``, ``{\\"O}zg{\\"u}r``); one that
    BibTeX cannot read (three commas) is read as words."""
    try:
        return Person(name)
    except PybtexError:
        return Person(" ".join(name.replace(",", " ").split()))


def full_name(person: Person) -> str:
    """A person of a ``.bib`` entry as the publication list writes them (``Kamélia Daudel``), LaTeX decoded."""
    parts = person.first_names + person.middle_names + person.prelast_names + person.last_names
    return " ".join(str(Text.from_latex(part)) for part in parts)


def name_keys(names: Iterable[str]) -> frozenset[tuple[str, str]]:
    """The keys of ``names``, each typed as text or as BibTeX writes it (blank ones left out)."""
    return frozenset(name_key(person(name)) for name in names if name.strip())


def owner_keys(names: Iterable[str]) -> frozenset[tuple[str, str]]:
    """The keys of the owner's names; a name typed without a comma in three words or more may have a surname of
    several words, as a .bib file writes it: "Laura Pereira Sanchez" is also ``Pereira Sanchez, Laura``, and "Jan
    De Leeuw" ``De Leeuw, Jan``."""
    keys = set(name_keys(names))
    for name in names:
        words = name.split()
        if "," not in name and len(words) >= 3:
            keys |= name_keys(
                f"{' '.join(words[split:])}, {' '.join(words[:split])}" for split in range(1, len(words) - 1)
            )
    return frozenset(keys)


def matches_any(key: tuple[str, str], keys: Iterable[tuple[str, str]]) -> bool:
    """Whether ``key`` is the same person as one of ``keys``."""
    return any(same_person(key, other) for other in keys)


def is_others(person: Person) -> bool:
    """BibTeX's ``and others``: a person named "others", who stands for the authors not listed."""
    return not person.first_names and [plain_letters(name) for name in person.last_names] == ["others"]
