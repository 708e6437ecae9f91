"""What both importers share: located errors, dates in this project's grammar, contacts, a YAML reader with lines."""

from __future__ import annotations

import json
import re
import unicodedata
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel import Locale, UnknownLocaleError
from sphinx_cv.api import (
    CONTACT_KINDS,
    MONTHS,
    ContactError,
    DateError,
    contact_items,
    first_year,
    parse_dates,
    shipped_languages,
)

if TYPE_CHECKING:
    from .document import Document

__all__ = [
    "Located",
    "SourceError",
    "bibtex_date",
    "choose_language",
    "contact_entry",
    "date_range",
    "dates_or_text",
    "give_language",
    "language_code",
    "load_json",
    "load_yaml",
    "note",
    "read_source",
    "script_language",
    "strings",
]

#: The largest CV file read (bytes), the longest text of one value, the deepest nesting, and the most values a
#: file may hold once YAML's aliases are expanded: far above any CV, far below what a build could not take.
MAX_FILE_BYTES = 2_000_000
MAX_TEXT = 20_000
MAX_DEPTH = 40
MAX_VALUES = 100_000


class SourceError(Exception):
    """The file cannot be imported; ``str()`` is one line per problem, naming the file (and line) and what to fix."""


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


def read_source(path: Path) -> str:
    """The text of a CV file (UTF-8, with or without a byte-order mark); :class:`SourceError` when it is none."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise SourceError(f"{path}: larger than {MAX_FILE_BYTES // 1_000_000} MB; a CV file is far smaller")
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(f"{path}: cannot read it ({error.strerror or error})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(f"{path}:{line}: not UTF-8 text (byte {data[error.start]:#04x}); save it as UTF-8") from None


def load_json(path: Path, text: str) -> Located:
    """``text`` read as JSON, with the line of each value where YAML can find it (JSON's tabs are read too)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SourceError(f"{path}:{error.lineno}: not JSON: {error.msg}") from None
    except RecursionError:
        raise SourceError(f"{path}: nested deeper than {MAX_DEPTH} levels; a CV is not") from None
    located = Located(path, data)
    with suppress(SourceError):  # the lines: YAML reads JSON, but for tabs between tokens (none is in a string)
        located.lines = _read_yaml(path, text.replace("\t", " ")).lines
    _check_values(located, data, ())
    return located


def load_yaml(path: Path, text: str) -> Located:
    """``text`` (YAML) with the line of each value; dates stay text (``2020-05``). Aliases are followed, but a
    file that they make larger than :data:`MAX_VALUES` values is refused, as is a text that a CV cannot show."""
    located = _read_yaml(path, text)
    _check_values(located, located.data, ())
    return located


def _read_yaml(path: Path, text: str) -> Located:
    """``text`` (YAML) with the line of each value."""
    yaml: Any = _yaml()

    class LineLoader(yaml.SafeLoader):
        pass

    LineLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    try:
        loader = LineLoader(text)  # reads the whole text first: a character YAML refuses is found here
        try:
            node = loader.get_single_node()
            if node is not None:
                _count_values(path, node, 0, {})
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise SourceError(f"{path}:{mark.line + 1 if mark else ''}: not valid YAML: {error.problem}") from None
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        character = f"U+{error.character:04X}" if isinstance(error.character, int) else repr(error.character)
        raise SourceError(f"{path}:{line}: not valid YAML: {error.reason} ({character}); remove it") from None
    except RecursionError:
        raise SourceError(f"{path}: nested deeper than {MAX_DEPTH} levels; a CV is not") from None
    located = Located(path, data)
    if node is not None:
        _lines(node, (), located.lines)
    return located


def _count_values(path: Path, node: Any, depth: int, counted: dict[int, int | None]) -> int:
    """The number of values under ``node`` with its aliases expanded; :class:`SourceError` past the limits."""
    if depth > MAX_DEPTH:
        raise SourceError(f"{path}:{node.start_mark.line + 1}: nested deeper than {MAX_DEPTH} levels; a CV is not")
    if id(node) in counted:
        if counted[id(node)] is None:
            raise SourceError(f"{path}:{node.start_mark.line + 1}: an alias (*name) that holds itself; write it out")
        return counted[id(node)] or 0
    counted[id(node)] = None
    children: list[Any] = []  # a scalar's
    if node.id == "mapping":
        children = [part for pair in node.value for part in pair]
    elif node.id == "sequence":
        children = node.value
    total = 1 + sum(_count_values(path, child, depth + 1, counted) for child in children)
    if total > MAX_VALUES:
        raise SourceError(
            f"{path}:{node.start_mark.line + 1}: more than {MAX_VALUES:,} values once its aliases (*name) are "
            "expanded; a CV has far fewer"
        )
    counted[id(node)] = total
    return total


def _check_values(located: Located, data: Any, where: tuple[Any, ...]) -> None:
    """Every text of ``data`` (keys too) is text a CV can show: no control character, no lone surrogate, not
    longer than :data:`MAX_TEXT`; :class:`SourceError` at the first that is not."""
    if len(where) > MAX_DEPTH:  # said without its path, which would be as long as the nesting is deep
        line = located.line(where)
        raise SourceError(
            f"{located.path}{f':{line}' if line else ''}: nested deeper than {MAX_DEPTH} levels; a CV is not"
        )
    if isinstance(data, dict):
        for key, value in data.items():
            _check_values(located, key, where)
            _check_values(located, value, (*where, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _check_values(located, value, (*where, index))
    elif isinstance(data, str):
        if len(data) > MAX_TEXT:
            raise located.error(where, f"{len(data):,} characters long; one text of a CV holds at most {MAX_TEXT:,}")
        for char in data:
            if unicodedata.category(char) in {"Cc", "Cs"} and char not in "\t\n\r":
                raise located.error(where, f"holds the character {_codepoint(char)}, which is no text; remove it")


#: Scripts that set a CV's language for its fonts and direction: (first, last code point), language.
SCRIPTS = (
    ((0xAC00, 0xD7AF), "ko"),  # Hangul syllables
    ((0x1100, 0x11FF), "ko"),  # Hangul jamo
    ((0x3040, 0x30FF), "ja"),  # hiragana and katakana
    ((0x4E00, 0x9FFF), "zh_CN"),  # CJK ideographs (Japanese too, when it has kana)
    ((0x0590, 0x05FF), "he"),
    ((0x0600, 0x06FF), "ar"),
)


def script_language(data: Any) -> str:
    """The language that the script of most of ``data``'s letters gives (``ko``, ``ja``, ``zh_CN``, ``he``,
    ``ar``); "" for a CV mostly in Latin, Greek or Cyrillic letters, whose language its script cannot tell."""
    letters = [char for text in strings(data) for char in text if char.isalpha()]
    counts: dict[str, int] = {}
    for char in letters:
        language = next((name for (first, last), name in SCRIPTS if first <= ord(char) <= last), "")
        if language:
            counts[language] = counts.get(language, 0) + 1
    if counts.get("ja") and counts.get("zh_CN"):  # kanji with kana: Japanese
        counts["ja"] += counts.pop("zh_CN")
    language, count = max(counts.items(), key=lambda item: item[1], default=("", 0))
    return language if count >= 0.3 * len(letters) else ""


def language_code(written: str) -> str:
    """A language as a file writes it (``ru``, ``pt-BR``, ``ja_JP``, ``zh-Hans``) as Sphinx's code (``ru``, ``pt_BR``,
    ``ja_JP``, ``zh_Hans``); "" for what is not a language."""
    code = written.strip()
    if not re.fullmatch(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*", code):
        return ""
    try:
        return str(Locale.parse(code.replace("-", "_")))
    except (ValueError, UnknownLocaleError):
        return ""


def give_language(document: Document, written: str) -> str:
    """Make the language that the file names the CV's (simplified Chinese as ``zh_CN``, the catalog's name); what
    the CV then lacks, or ""."""
    code = language_code(written)
    if not code:
        return f"{written!r} is not a language code (ru, pt_BR, ja)"
    parsed = Locale.parse(code)
    simplified = parsed.language == "zh" and parsed.script in (None, "Hans") and parsed.territory in (None, "CN", "SG")
    document.language = "zh_CN" if simplified else code
    shipped = shipped_languages()
    if document.language in shipped or parsed.language in shipped:
        return ""
    return (
        f"the words of the language {code!r}: this project has none for it ({', '.join(sorted(shipped))}), so the "
        "CV's dates are in it, but its own words ('Present', 'et al.') are in English"
    )


def choose_language(document: Document, data: Any) -> None:
    """Give ``document`` the language of its script (:func:`script_language`) when its file named none."""
    language = "" if document.language else script_language(data)
    if language:
        document.language = language
        document.chosen.append(
            f"language = {language!r} in docs/conf.py, as most of the CV's letters are in its script "
            "(its fonts, dates and direction follow it); change it if the CV is in another language"
        )


def strings(data: Any) -> list[str]:
    """Every string in a document read from JSON or YAML (its keys left out)."""
    if isinstance(data, dict):
        return [text for value in data.values() for text in strings(value)]
    if isinstance(data, list):
        return [text for value in data for text in strings(value)]
    return [data] if isinstance(data, str) else []


def _codepoint(char: str) -> str:
    return f"U+{ord(char):04X}"


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


def dates_or_text(
    document: Document, located: Located, where: tuple[Any, ...], start: object = None, end: object = None
) -> tuple[str, str]:
    """``(dates, "")`` in this project's grammar, or ``("", text)``: what no grammar reads (RenderCV's free text
    ``2023, 2024``, a range that ends before it starts), kept as written for ``:date-text:``, shown as it is, sorted
    by its first year, and reported at its line."""
    try:
        return date_range(located, where, start, end), ""
    except SourceError as error:
        text = " – ".join(" ".join(str(value).split()) for value in (start, end) if value not in (None, ""))
        year = first_year(text)
        order = f"sorted by {year}" if year else "sorted last (it holds no year)"
        document.chosen.append(f"{error}: kept as written, {order}")
        return "", text


def bibtex_date(located: Located, where: tuple[Any, ...], value: object) -> tuple[dict[str, str], str]:
    """A publication's date as BibTeX's ``year`` and ``month`` fields, and a note on what BibTeX does not keep."""
    date = parse_dates(date_range(located, where, value)).start
    fields = {"year": str(date.year)}
    if date.month:
        fields["month"] = MONTHS[date.month - 1][:3].lower()
    return fields, f"the day ({date.day}); BibTeX keeps the year and month" if date.day else ""


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
