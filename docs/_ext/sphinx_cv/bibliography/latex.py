"""LaTeX in a ``.bib`` field as the text it stands for: pybtex rich text, never a backslash command.

pylatexenc parses the field. Accents and symbols in any spelling become their characters
(``{\\"o}``, ``\\"{o}``, ``{\\a'e}``, ``\\'\\i``, ``{\\ss}``, ``\\L``, ``\\textrightarrow``);
``\\textit``, ``\\emph`` and ``{\\it ...}`` become emphasis, ``\\textbf`` strong, ``\\textsuperscript``
a superscript; ADS's journal macros (``\\apj``) their journals; math (``$...$``,
``\\ensuremath``) its characters, with ``_`` and ``^`` as subscripts and superscripts
(``H$_2$CO`` reads H₂CO, ``$\\sqrt{s}$`` √s), kept as a formula too (:mod:`.math`) for the formats that
set math. A macro that none of these knows keeps the text of
its argument, and is named in what :func:`field_text` returns, so that the check of the
``.bib`` file can say where it is and how to define it.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from pybtex.richtext import Tag, Text
from pylatexenc import latexwalker
from pylatexenc.latex2text import LatexNodes2Text, get_default_latex_context_db

from .journals import JOURNAL_MACROS
from .math import CHARACTERS, MathText, formula, macro_arguments

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pybtex.richtext import BaseText

__all__ = ["field_text", "unknown_macros"]

#: Macros whose argument (or, as ``{\\it ...}``, the rest of the group) is set in a style of its own.
STYLES = {
    "textit": "em",
    "emph": "em",
    "textsl": "em",
    "it": "em",
    "em": "em",
    "sl": "em",
    "itshape": "em",
    "textbf": "strong",
    "bf": "strong",
    "bfseries": "strong",
    "textsuperscript": "sup",
    "textsubscript": "sub",
}
#: Macros that change the font of what follows them in their group, and take no argument.
SWITCHES = frozenset({"it", "em", "sl", "itshape", "bf", "bfseries", "sc", "rm", "sf", "tt", "scshape", "upshape"})
SWITCHES |= {"normalfont", "protect", "relax", "a"}
#: Macros that set their argument as it is (its font only changes); ``\\a`` is the tabbing accent (``{\\a'e}``).
PLAIN = frozenset(
    {"textsc", "textrm", "textsf", "texttt", "textup", "textnormal", "textmd", "mbox", "hbox", "text", "mathrm"}
    | {
        "mathit",
        "mathbf",
        "mathsf",
        "mathtt",
        "mathcal",
        "mathbb",
        "boldsymbol",
        "bm",
        "operatorname",
        "url",
        "nolinkurl",
    }
    | {"sc", "rm", "sf", "tt", "scshape", "upshape", "normalfont", "protect", "relax", "noopsort", "ensuremath", "a"}
)
#: Macros whose (first) argument is layout, not text: ``\\raisebox{-0.5ex}\\textasciitilde`` (ADS's "~") is a tilde.
LAYOUT = frozenset({"raisebox", "hspace", "vspace", "label", "phantom", "hphantom", "vphantom"})
#: Macros whose argument, in math, is upright text.
UPRIGHT = frozenset({"text", "textrm", "mathrm", "mbox", "hbox", "textup", "textnormal", "operatorname", "texttt"})
QUOTES = {"enquote": ("“", "”"), "mkbibquote": ("“", "”")}
#: What pylatexenc 2 raises on malformed LaTeX besides its own error: at a final ``\\verb`` (IndexError), at an
#: accent on a macro such as ``\\'\\sqrt`` (KeyError).
PYLATEXENC_ERRORS = (latexwalker.LatexWalkerError, IndexError, KeyError)
_CONVERTER = LatexNodes2Text(math_mode="text", strict_latex_spaces=True)
_KNOWN = get_default_latex_context_db()
#: Macros known here that take no argument (a group after them is their text's).
_WITHOUT_ARGUMENT = SWITCHES | JOURNAL_MACROS.keys() | CHARACTERS.keys()


#: What makes a field LaTeX to read (macros, groups, math, comments, ties, dashes, quotes); a field without it is its
#: own text.
LATEX = re.compile(r"[\\{}$%&~]|--|``|''|[!?]`")


@functools.lru_cache(maxsize=16384)  # fields repeat (journals, publishers) across a publication list
def field_text(latex: str) -> tuple[BaseText, frozenset[str]]:
    """``latex`` as rich text, and the names of the macros it does not know (set as their arguments' text)."""
    if latex and not LATEX.search(latex):  # most titles: parsing them would give them back
        return Text(latex), frozenset()
    return parsed_text(latex)


def parsed_text(latex: str) -> tuple[BaseText, frozenset[str]]:
    """:func:`field_text`, ``latex`` read by pylatexenc."""
    unknown: set[str] = set()
    try:
        nodes = latexwalker.LatexWalker(latex, tolerant_parsing=True).get_latex_nodes()[0]
        return Text(*_parts(nodes or [], unknown, math=False)), frozenset(unknown)
    except PYLATEXENC_ERRORS:
        return Text(re.sub(r"\\|[{}]", "", latex)), frozenset()


def unknown_macros(latex: str) -> frozenset[str]:
    """The macros of ``latex`` that :func:`field_text` does not know, without parsing ``latex`` when it names
    only known ones (as most fields do: accents, ADS's journals)."""
    if all(_known(name) for name in _macro_names(latex)):
        return frozenset()
    return field_text(latex)[1]


def _macro_names(latex: str) -> Iterator[str]:
    """The names of the macros in ``latex`` as pylatexenc reads them: letters (``str.isalpha``), or one other
    character (``\\"``, ``\\&``)."""
    start = latex.find("\\")
    while 0 <= start < len(latex) - 1:
        end = start + 2
        if latex[start + 1].isalpha():
            while end < len(latex) and latex[end].isalpha():
                end += 1
        yield latex[start + 1 : end]
        start = latex.find("\\", end)


@functools.cache
def _known(name: str) -> bool:
    """Whether :func:`_macro` sets ``name`` (or, as layout, leaves it out)."""
    known = name in STYLES or name in PLAIN or name in LAYOUT or name in QUOTES or name in JOURNAL_MACROS
    known = known or name in CHARACTERS
    return known or name in {"ensuremath", "sqrt"} or _KNOWN.get_macro_spec(name) is not None


def _parts(nodes: list[latexwalker.LatexNode], unknown: set[str], *, math: bool) -> list[BaseText | str]:
    parts: list[BaseText | str] = []
    index = 0
    while index < len(nodes):
        node = nodes[index]
        index += 1
        if node is None or node.isNodeType(latexwalker.LatexCommentNode):
            continue
        if node.isNodeType(latexwalker.LatexCharsNode):
            chars = node.chars
            if math and chars and chars[-1] in "_^" and index < len(nodes):  # x_{2}: the next node is the script
                parts.extend(_scripts(chars[:-1]))
                script = _parts([nodes[index]], unknown, math=True)
                index += 1
                parts.append(Tag("sub" if chars[-1] == "_" else "sup", *script))
            elif math:
                parts.extend(_scripts(chars))
            else:
                parts.append(_text(chars))
        elif node.isNodeType(latexwalker.LatexGroupNode):
            first = next((child for child in node.nodelist if child is not None), None)
            if (
                first is not None
                and first.isNodeType(latexwalker.LatexMacroNode)
                and first.macroname in STYLES
                and first.macroname in SWITCHES
            ):
                rest = node.nodelist[node.nodelist.index(first) + 1 :]  # {\it ...}: the rest of the group
                parts.append(Tag(STYLES[first.macroname], *_parts(list(rest), unknown, math=math)))
            else:
                parts.extend(_parts(list(node.nodelist), unknown, math=math))
        elif node.isNodeType(latexwalker.LatexMathNode) and not math:
            parts.append(_math(list(node.nodelist), unknown))
        elif node.isNodeType(latexwalker.LatexMathNode):
            parts.extend(_parts(list(node.nodelist), unknown, math=True))
        elif node.isNodeType(latexwalker.LatexMacroNode) and node.macroname == "a" and _accented(nodes, index):
            chars = nodes[index].chars  # the tabbing environment's accent, {\a'e}: an acute e
            parts.append(_CONVERTER.latex_to_text(f"\\{chars[0]}{{{chars[1]}}}") + _text(chars[2:]))
            index += 1
        elif node.isNodeType(latexwalker.LatexMacroNode):
            arguments = macro_arguments(node)
            argument = arguments[-1] if arguments else []  # the last
            following = nodes[index] if index < len(nodes) else None
            if (
                not argument
                and _takes_argument(node.macroname)
                and following is not None
                and following.isNodeType(latexwalker.LatexGroupNode)
            ):
                argument = list(following.nodelist)  # a macro pylatexenc does not know: the group after it
                index += 1
            if node.macroname not in LAYOUT:
                parts.extend(_macro(node, argument, unknown, math=math))
        else:  # specials: ~, --, ``, ...
            parts.append(_CONVERTER.nodelist_to_text([node]))
    return parts


def _accented(nodes: list[latexwalker.LatexNode], index: int) -> bool:
    """Whether ``nodes[index]`` is an accent and its letter (``'e``), as ``\\a`` takes them."""
    node = nodes[index] if index < len(nodes) else None
    return bool(
        node and node.isNodeType(latexwalker.LatexCharsNode) and len(node.chars) > 1 and node.chars[0] in "'`^\"~=."
    )


def _takes_argument(name: str) -> bool:
    """Whether the macro sets an argument (``\\enquote{...}``, an unknown ``\\myname{...}``), not a switch
    (``\\it``)."""
    if name in LAYOUT:
        return True
    return name not in _WITHOUT_ARGUMENT and _KNOWN.get_macro_spec(name) is None


def _macro(
    node: latexwalker.LatexMacroNode, argument: list[latexwalker.LatexNode], unknown: set[str], *, math: bool
) -> list[BaseText | str]:
    """A macro, given the nodes of its (last) argument, as the text it stands for."""
    name = node.macroname
    if name in STYLES:
        return [Tag(STYLES[name], *_parts(argument, unknown, math=math))] if argument else []
    if name == "ensuremath" and not math:
        return [_math(argument, unknown)]
    if name in PLAIN:  # in math, text and upright letters are not math's italics
        return _parts(argument, unknown, math=math and name not in UPRIGHT)
    if name in QUOTES:
        left, right = QUOTES[name]
        return [left, *_parts(argument, unknown, math=math), right]
    if name in JOURNAL_MACROS:
        return [JOURNAL_MACROS[name]]
    if name in CHARACTERS:
        return [CHARACTERS[name]]
    if name == "sqrt":
        inner = Text(*_parts(argument, unknown, math=True))
        return ["√", inner] if len(str(inner)) <= 1 else ["√(", inner, ")"]
    if _KNOWN.get_macro_spec(name) is not None:  # accents, symbols, Greek letters, spaces
        return [_CONVERTER.nodelist_to_text([node])]
    unknown.add(name)
    return _parts(argument, unknown, math=math)


def _math(nodes: list[latexwalker.LatexNode], unknown: set[str]) -> MathText:
    """A formula: its text (letters in italics, scripts), and the formula itself where all of it is known."""
    return MathText.of(formula(nodes), _parts(nodes, unknown, math=True))


def _text(chars: str) -> str:
    return _CONVERTER.latex_to_text(chars) if any(char in chars for char in "-`'~") else chars


def _scripts(chars: str) -> list[BaseText | str]:
    """Math's characters: letters in italics, as TeX sets them; ``x_2`` and ``x^+`` as a subscript and a
    superscript of one character."""
    parts: list[BaseText | str] = []
    for index, piece in enumerate(re.split(r"([_^].)", chars)):
        if index % 2:
            parts.append(Tag("sub" if piece[0] == "_" else "sup", *_letters(piece[1])))
        elif piece:
            parts.extend(_letters(piece))
    return parts


def _letters(text: str) -> list[BaseText | str]:
    """``text`` with each run of Latin letters in italics (math's variables)."""
    return [Tag("em", run) if index % 2 else run for index, run in enumerate(re.split(r"([A-Za-z]+)", text)) if run]
