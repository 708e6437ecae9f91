"""RenderCV's inline markup read as a few known forms, and written as MyST or as plain text. Pure Python.

RenderCV's texts are Markdown (``**bold**``, ``*italic*``, ``[text](https://…)``), and its
users also write Typst (``#strong[…]``, ``#emph[…]``, ``#link("https://…")[…]``,
``#underline[…]``, ``#h(1cm)``). Those forms keep their meaning; every other character
is text, escaped where it is written, so that no MyST directive, role, HTML or
include can come out of a CV file. Typst that has no equivalent is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sphinx_cv.api import LinkError, link_target

from .markup import myst_text

__all__ = ["Inline", "parse_inline"]

#: ``**x**``, ``*x*``, ``__x__``, ``_x_`` (``***x***`` too): the delimiters and the text between them.
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1")
_LINK = re.compile(r"\[([^\]]+)\]\(\s*([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\s*\)")
_TYPST_NAME = re.compile(r"#([A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*)")
_TYPST_STRING = re.compile(r'\(\s*"((?:[^"\\]|\\.)*)"')
_PUNCTUATION = frozenset(r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~""")
#: Typst functions with the same meaning as Markdown's emphasis.
_TYPST_EMPHASIS = {"strong": 2, "emph": 1}


@dataclass
class Inline:
    """A run of inline content: text, and emphasis (``strength`` 1-3) or a link around ``children``."""

    text: str = ""
    strength: int = 0
    url: str = ""
    children: list[Inline] = field(default_factory=list)

    def myst(self) -> str:
        """As MyST: the text escaped, emphasis and links as Markdown."""
        if self.text:
            return myst_text(self.text, block=False)
        inner = "".join(child.myst() for child in self.children)
        if self.url:
            return f"[{inner}](<{self.url}>)"
        marks = "*" * self.strength
        return f"{marks}{inner}{marks}" if inner else ""

    def plain(self) -> str:
        """As plain text: the text, without marks or addresses."""
        return self.text or "".join(child.plain() for child in self.children)


def parse_inline(text: str) -> tuple[Inline, list[str]]:
    """``text`` (RenderCV's Markdown and Typst) as an :class:`Inline`, and a note on each Typst form it dropped."""
    notes: list[str] = []
    return Inline(children=_parse(text, notes)), notes


def _parse(text: str, notes: list[str]) -> list[Inline]:
    parts: list[Inline] = []
    plain: list[str] = []
    index = 0

    def flush() -> None:
        if plain:
            parts.append(Inline("".join(plain)))
            plain.clear()

    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in _PUNCTUATION:
            plain.append(text[index + 1])
            index += 2
            continue
        found = _markdown(text, index, notes) or _typst(text, index, notes)
        if found is None:
            plain.append(char)
            index += 1
            continue
        node, index = found
        flush()
        if node is not None:
            parts.append(node)
    flush()
    return parts


def _markdown(text: str, index: int, notes: list[str]) -> tuple[Inline | None, int] | None:
    """Markdown emphasis or a link starting at ``index``, and where it ends; None when none starts there."""
    char = text[index]
    if char in "*_":
        match = _EMPHASIS.match(text, index)
        intraword = char == "_" and (
            (index and text[index - 1].isalnum()) or (match and text[match.end() : match.end() + 1].isalnum())
        )
        if match and not intraword:
            return Inline(strength=len(match[1]), children=_parse(match[2], notes)), match.end()
    if char == "[":
        match = _LINK.match(text, index)
        if match:
            return _link(match[2], _parse(match[1], notes), notes), match.end()
    return None


def _link(url: str, children: list[Inline], notes: list[str]) -> Inline:
    """A link to ``url``; its text alone, with a note, when ``url`` is no address a CV links."""
    try:
        return Inline(url=link_target(url), children=children)
    except LinkError as error:
        notes.append(f"the link to {url!r} ({error}); its text is kept")
        return Inline(children=children)


def _typst(text: str, index: int, notes: list[str]) -> tuple[Inline | None, int] | None:
    """A Typst call (``#name(arguments)[content]``) starting at ``index``, and where it ends."""
    match = _TYPST_NAME.match(text, index)
    if not match:
        return None
    name, end = match[1], match.end()
    arguments = ""
    if text.startswith("(", end):
        close = _closing(text, end, "(", ")")
        if close is None:
            return None
        arguments, end = text[end : close + 1], close + 1
    content = None
    if text.startswith("[", end):
        close = _closing(text, end, "[", "]")
        if close is None:
            return None
        content, end = text[end + 1 : close], close + 1
    if not arguments and content is None:
        return None  # a hash before a word (#1, #hashtag) is text
    children = _parse(content, notes) if content is not None else []
    if name in _TYPST_EMPHASIS and content is not None:
        return Inline(strength=_TYPST_EMPHASIS[name], children=children), end
    if name == "link":
        target = _TYPST_STRING.match(arguments)
        if target:
            url = target[1].replace('\\"', '"')
            return _link(url, children or [Inline(url.removeprefix("mailto:").removeprefix("tel:"))], notes), end
    if content is None:
        notes.append(f"Typst's #{name}{arguments} (no text; it sets RenderCV's layout)")
        return None, end
    notes.append(
        f"Typst's #{name}{arguments}[…] around {''.join(child.plain() for child in children)!r}; the text is kept"
    )
    return Inline(children=children), end


def _closing(text: str, start: int, opening: str, closing: str) -> int | None:
    """The index of the bracket that closes the one at ``start`` (brackets in quoted strings skipped)."""
    depth, index, quoted = 0, start, False
    while index < len(text):
        char = text[index]
        if quoted:
            if char == "\\":
                index += 1
            elif char == '"':
                quoted = False
        elif char == '"' and opening == "(":
            quoted = True
        elif char == "\\":
            index += 1
        elif char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return None
