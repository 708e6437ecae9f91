"""What both importers share: located errors, dates in this project's grammar, contacts, a YAML reader with lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..contact import CONTACT_KINDS, ContactError, contact_items
from ..dates import DateError, parse_dates

__all__ = ["BRACES", "Located", "SourceError", "contact_entry", "date_range", "load_yaml", "note"]

#: Why a publication's braces are not in refs.bib.
BRACES = "its braces { } (BibTeX reads them as grouping, not as text; the words are kept)"


class SourceError(Exception):
    """The file cannot be imported; ``str()`` is one line naming the file (and line) and what to fix."""


@dataclass
class Located:
    """A parsed file with the line of each value: ``line(("work", 0, "startDate"))``."""

    path: Path
    data: Any
    lines: dict[tuple[Any, ...], int] = field(default_factory=dict)

    def line(self, where: tuple[Any, ...]) -> int | None:
        """The line of the value at ``where``, or of the nearest value around it that has one."""
        for end in range(len(where), -1, -1):
            if where[:end] in self.lines:
                return self.lines[where[:end]]
        return None

    def error(self, where: tuple[Any, ...], message: str) -> SourceError:
        line = self.line(where)
        return SourceError(f"{self.path}{f':{line}' if line else ''}: {_path(where)}{': ' if where else ''}{message}")


def note(where: tuple[Any, ...], message: str) -> str:
    """A line of the import's report: ``basics.image: left out: …``."""
    return f"{_path(where)}: {message}"


def _path(where: tuple[Any, ...]) -> str:
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


def _yaml() -> Any:
    """PyYAML, which the importers need (``pip install 'sphinx-cv[import]'``; ``nox -s import`` installs it)."""
    try:
        import yaml
    except ImportError:
        raise SourceError(
            "importing needs PyYAML and jsonschema: pip install 'sphinx-cv[import]' (nox -s import installs them)"
        ) from None
    return yaml


def load_yaml(path: Path, text: str) -> Located:
    """``text`` (YAML, or JSON, which YAML reads too) with the line of each value; dates stay text (``2020-05``)."""
    yaml = _yaml()

    class LineLoader(yaml.SafeLoader):
        pass

    LineLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    loader = LineLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise SourceError(f"{path}:{mark.line + 1 if mark else ''}: not valid YAML: {error.problem}") from None
    finally:
        loader.dispose()
    located = Located(path, data)
    if node is not None:
        _lines(node, (), located.lines)
    return located


def _lines(node: Any, where: tuple[Any, ...], found: dict[tuple[Any, ...], int]) -> None:
    found[where] = node.start_mark.line + 1
    if node.id == "mapping":
        for key, value in node.value:
            _lines(value, (*where, key.value), found)
            found[(*where, key.value)] = key.start_mark.line + 1  # the key's line, where the value may start later
    elif node.id == "sequence":
        for index, item in enumerate(node.value):
            _lines(item, (*where, index), found)


def date_range(located: Located, where: tuple[Any, ...], start: object = None, end: object = None) -> str:
    """Dates in this project's grammar: ``start – end``, ``start – Present`` (``end`` "present"), or one date."""
    start_text, end_text = (str(value).strip() if value not in (None, "") else "" for value in (start, end))
    if end_text.lower() == "present":
        end_text = "Present"
    text = " – ".join(filter(None, [start_text, end_text]))
    if not text:
        return ""
    try:
        parse_dates(text)
    except DateError as error:
        raise located.error(where, f"cannot read the date {text!r} ({error})") from None
    return text


#: Network names of JSON Resume and RenderCV profiles -> the cv_contact key.
NETWORK_KEYS = {"twitter": "x", "google scholar": "scholar", "stack overflow": "stackoverflow"}
#: Networks without a cv_contact key of their own: their profile addresses, with ``{user}``.
OTHER_NETWORKS = {
    "imdb": "https://www.imdb.com/name/{user}",
    "telegram": "https://t.me/{user}",
    "whatsapp": "https://wa.me/{user}",
    "leetcode": "https://leetcode.com/u/{user}",
    "reddit": "https://www.reddit.com/user/{user}",
}


def contact_entry(network: str, user: str, url: str = "") -> tuple[str, str] | None:
    """The ``cv_contact`` key and value of a profile on ``network``, or None when it cannot be linked."""
    key = NETWORK_KEYS.get(network.strip().lower(), network.strip().lower())
    for value in filter(None, [url, user]):
        if key in CONTACT_KINDS:
            try:
                CONTACT_KINDS[key](key, value)
            except ContactError:
                continue
            return key, value
    address = url or (OTHER_NETWORKS[key].format(user=re.sub(r"[^\w.@-]", "", user)) if key in OTHER_NETWORKS else "")
    return (network.strip(), address) if address and not contact_items({network: address})[1] else None
