"""A ``.bib`` file's own LaTeX macros: defined in its ``@preamble`` or in ``cv_bib_macros``, expanded.

Researchers mark their own name or their students in their files with macros of their own:
``\\myname{Surname}``, ``\\student``. The simple definitions of the file's ``@preamble``
(``\\newcommand``, ``\\renewcommand``, ``\\providecommand``, ``\\DeclareRobustCommand``, ``\\def``,
with up to nine arguments and no optional one) and those of ``cv_bib_macros``
(``{"myname": "#1"}``, which win) are expanded in every field and name before the entry is read,
so the text they stand for is shown and the owner is found inside them.

Expansion is bounded: a macro that expands to itself stops after :data:`MAX_ROUNDS` rounds, and
no text grows past :data:`MAX_LENGTH` characters. Pure Python over strings.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["Macro", "expand", "macro", "preamble_macros"]

MAX_ROUNDS = 8
MAX_LENGTH = 20_000
_CONTROL = re.compile(r"\\([A-Za-z@]+)")
_DEFINE = re.compile(r"\\(?:(?:re)?newcommand|providecommand|DeclareRobustCommand)\*?\s*")
_DEF = re.compile(r"\\[egx]?def\s*\\([A-Za-z@]+)((?:#\d)*)\s*")
_ARITY = re.compile(r"\s*\[(\d)\]\s*")
_PARAMETER = re.compile(r"#(\d|#)")


@dataclass(frozen=True)
class Macro:
    """A macro's number of arguments and the LaTeX it stands for (``#1`` ... ``#9`` its arguments)."""

    arguments: int
    body: str


def macro(body: str) -> Macro:
    """A macro written as in ``cv_bib_macros``: its arguments are the ``#n`` that its body uses."""
    used = [int(number) for number in re.findall(r"#(\d)", body)]
    return Macro(max(used, default=0), body)


def _group(text: str, start: int) -> tuple[str, int] | None:
    """The brace group that opens at ``start`` (its content, and where it ends), or None."""
    if start >= len(text) or text[start] != "{":
        return None
    depth, index = 0, start
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0:
            return text[start + 1 : index], index + 1
        index += 1
    return None


def _argument(text: str, start: int) -> tuple[str, int] | None:
    """A macro's argument at ``start`` (after spaces): a brace group, a control sequence or one character."""
    while start < len(text) and text[start] in " \t\n":
        start += 1
    if start >= len(text) or text[start] == "}":
        return None
    if text[start] == "{":
        return _group(text, start)
    control = _CONTROL.match(text, start)
    if control:
        return control.group(0), control.end()
    end = start + 2 if text[start] == "\\" else start + 1
    return text[start:end], end


def preamble_macros(preambles: list[str]) -> dict[str, Macro]:
    """The macros that ``preambles`` (a file's ``@preamble`` strings) define simply enough to be expanded."""
    found: dict[str, Macro] = {}
    text = "\n".join(preambles)
    for define in _DEFINE.finditer(text):
        name = _argument(text, define.end())
        if name is None or not _CONTROL.fullmatch(name[0].strip("{} ")):
            continue
        position, arguments = name[1], 0
        arity = _ARITY.match(text, position)
        if arity:
            position, arguments = arity.end(), int(arity[1])
        body = _group(text, position)
        if body is not None and not text.startswith("[", position):  # an optional argument: not a simple macro
            found[name[0].strip("{} ")[1:]] = Macro(arguments, body[0])
    for define in _DEF.finditer(text):
        body = _group(text, define.end())
        if body is not None:
            found[define[1]] = Macro(len(define[2]) // 2, body[0])
    return found


def expand(latex: str, macros: Mapping[str, Macro]) -> str:
    """``latex`` with each of ``macros`` replaced by its body, its arguments put in (a few rounds, bounded)."""
    if not macros or "\\" not in latex:
        return latex
    for _round in range(MAX_ROUNDS):
        expanded = _expand_once(latex, macros)
        if expanded == latex or len(expanded) > MAX_LENGTH:
            break
        latex = expanded
    return latex


def _expand_once(latex: str, macros: Mapping[str, Macro]) -> str:
    parts, position = [], 0
    for control in _CONTROL.finditer(latex):
        if control.start() < position or control[1] not in macros:
            continue
        definition, end, arguments = macros[control[1]], control.end(), []
        for _number in range(definition.arguments):
            argument = _argument(latex, end)
            if argument is None:
                break
            arguments.append(argument[0])
            end = argument[1]
        if len(arguments) < definition.arguments:  # written without its arguments: left as it is
            continue
        body = _PARAMETER.sub(functools.partial(_parameter, arguments), definition.body)
        parts += [latex[position : control.start()], body]
        position = end
    return "".join([*parts, latex[position:]])


def _parameter(arguments: list[str], found: re.Match[str]) -> str:
    """What ``#n`` (an argument) or ``##`` (a ``#``) in a macro's body stands for."""
    if found[1] == "#":
        return "#"
    index = int(found[1]) - 1
    return arguments[index] if 0 <= index < len(arguments) else ""
