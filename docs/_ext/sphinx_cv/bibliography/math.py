"""Math in a ``.bib`` field as math: rewritten, from what is known of it, as LaTeX for the PDF and MathML for the web.

pylatexenc has parsed the field. A formula made only of letters, digits, operators, the
symbols and Greek letters of :data:`SYMBOLS`, sub- and superscripts, ``\\sqrt``, ``\\frac``,
accents (``\\bar``, ``\\overline``, ...), upright text (``\\mathrm``, ``\\text``) and spaces is
written again from its parts: the LaTeX and the MathML hold only names from the tables here
and the formula's characters, escaped. Anything else makes :func:`formula` return None, and the
field's text is shown (see :mod:`.latex`): the file's own LaTeX never reaches an output.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from pybtex.richtext import BaseMultipartText, BaseText, Tag
from pylatexenc import latexwalker
from pylatexenc.latex2text import LatexNodes2Text

from ..nodes import cv_math

__all__ = ["CHARACTERS", "Formula", "MathText", "formula", "macro_arguments"]

_CONVERTER = LatexNodes2Text(math_mode="text")
GREEK = frozenset(
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi rho "  # noqa: SIM905
    "varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi "
    "Psi Omega".split()
)
OPERATORS = frozenset(
    "sim approx simeq lesssim gtrsim leq geq le ge ll gg pm mp times cdot to rightarrow leftarrow leftrightarrow "  # noqa: SIM905
    "Rightarrow infty partial nabla star ast prime ell hbar dagger propto neq ne equiv in sum prod int langle rangle "
    "odot oplus otimes circ bullet ldots cdots perp parallel mid cap cup subset supset forall exists".split()
)
#: LaTeX's names of characters that pylatexenc has none for (the import writes a brace as ``\\textbraceleft{}``).
CHARACTERS = {"ne": "\u2260", "textbraceleft": "{", "textbraceright": "}"}
#: Each symbol macro known here, and its character (looked up, not converted: converting each took 25 ms in all).
SYMBOLS = {
    name: CHARACTERS.get(name) or _CONVERTER.latex_context.get_macro_spec(name).simplify_repl
    for name in GREEK | OPERATORS
}
#: Each character of :data:`SYMBOLS`, and a macro of it (``\\le`` and ``\\leq`` are one ``≤``).
MACROS = {char: name for name, char in sorted(SYMBOLS.items(), reverse=True)}
ACCENTS = {"bar": "\u00af", "overline": "\u00af", "hat": "^", "widehat": "^", "tilde": "~", "vec": "\u2192"}
ACCENTS |= {"dot": "\u02d9", "ddot": "\u00a8"}
#: Macros whose argument is set upright (letters as names, not variables).
UPRIGHT = frozenset({"mathrm", "rm", "operatorname"})
#: Macros whose argument is text in a formula.
TEXT = frozenset({"text", "textrm", "mbox", "hbox", "textnormal", "textup"})
#: Macros that change only the look of their argument: set as it is.
PLAIN = frozenset({"mathit", "mathbf", "boldsymbol", "bm", "ensuremath", "displaystyle", "left", "right"})
SPACES = frozenset({",", ";", ":", "!", " ", "quad", "qquad"})
OPERATOR_CHARACTERS = frozenset("+-=<>()[],.;:/|!'*")
_NUMBER_OR_CHARACTER = re.compile(r"[0-9]+(?:\.[0-9]+)?|.", flags=re.DOTALL)
_LATEX_TEXT = {"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}"}
_LATEX_TEXT |= {"~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}


class Unsupported(Exception):
    """Something in a formula that is not known here."""


@dataclass(frozen=True)
class Formula:
    """A formula as LaTeX (without ``$``) and as MathML (a ``<math>`` element)."""

    latex: str
    mathml: str


@dataclass(frozen=True)
class _Atom:
    """A part of a formula, as LaTeX and as MathML; a scripted one keeps its base and scripts."""

    latex: str
    mathml: str
    base: _Atom | None = None
    scripts: tuple[tuple[str, _Atom], ...] = ()


def formula(nodes: list[latexwalker.LatexNode]) -> Formula | None:
    """The formula that ``nodes`` (a math node's children) make, or None when it holds anything not known here."""
    try:
        atoms = _sequence(nodes, upright=False)
    except Unsupported:
        return None
    if not atoms:
        return None
    latex = "".join(atom.latex for atom in atoms)
    mathml = '<math xmlns="http://www.w3.org/1998/Math/MathML">' + "".join(atom.mathml for atom in atoms) + "</math>"
    return Formula(latex, mathml)


def _sequence(nodes: list[latexwalker.LatexNode], *, upright: bool) -> list[_Atom]:
    """The atoms of ``nodes``, each ``_`` and ``^`` attached to the atom before it."""
    atoms: list[_Atom] = []
    items = _items(nodes)
    index = 0
    while index < len(items):
        item = items[index]
        index += 1
        if isinstance(item, str) and item in ("_", "^"):
            if index >= len(items):
                raise Unsupported(item)
            script = _row(_atoms_of(items[index], upright=upright))
            index += 1
            if not atoms:  # H$_2$O: the script of the text before the formula
                atoms.append(_Atom("", "<mrow></mrow>"))
            atoms[-1] = _attach(atoms[-1], item, script)
            continue
        atoms.extend(_atoms_of(item, upright=upright))
    return atoms


def _attach(atom: _Atom, kind: str, script: _Atom) -> _Atom:
    """``atom`` with a subscript (``kind`` ``_``) or a superscript (``^``) more."""
    base, scripts = atom.base or atom, (*atom.scripts, (kind, script))
    by_kind = dict(scripts)
    if len(by_kind) != len(scripts):
        raise Unsupported("a second " + kind)
    latex = "{" + base.latex + "}" + "".join(f"{name}{{{part.latex}}}" for name, part in scripts)
    sub, sup = by_kind.get("_"), by_kind.get("^")
    if sub and sup:
        mathml = f"<msubsup>{base.mathml}{sub.mathml}{sup.mathml}</msubsup>"
    elif sub:
        mathml = f"<msub>{base.mathml}{sub.mathml}</msub>"
    else:
        mathml = f"<msup>{base.mathml}{sup.mathml if sup else ''}</msup>"
    return _Atom(latex, mathml, base, scripts)


def _row(atoms: list[_Atom]) -> _Atom:
    """Atoms as one: a group."""
    if len(atoms) == 1:
        return atoms[0]
    latex = "{" + "".join(atom.latex for atom in atoms) + "}"
    return _Atom(latex, "<mrow>" + "".join(atom.mathml for atom in atoms) + "</mrow>")


def _items(nodes: list[latexwalker.LatexNode]) -> list[object]:
    """The nodes with their characters one by one (``"_"`` and ``"^"`` as markers), comments left out."""
    items: list[object] = []
    for node in nodes:
        if node is None or node.isNodeType(latexwalker.LatexCommentNode):
            continue
        if node.isNodeType(latexwalker.LatexCharsNode):
            items.extend(_NUMBER_OR_CHARACTER.findall(node.chars))
        else:
            items.append(node)
    return items


def _atoms_of(item: object, *, upright: bool) -> list[_Atom]:
    """One item (a character or a node) as atoms."""
    if isinstance(item, str):
        return _character(item, upright=upright)
    node = item
    assert isinstance(node, latexwalker.LatexNode)
    if node.isNodeType(latexwalker.LatexGroupNode):
        return [_row(_sequence(list(node.nodelist), upright=upright))] if node.nodelist else []
    if node.isNodeType(latexwalker.LatexMacroNode):
        return _macro(node, upright=upright)
    if node.isNodeType(latexwalker.LatexSpecialsNode) and node.specials_chars == "~":
        return [_Atom(r"\,", '<mspace width="0.17em"/>')]
    raise Unsupported(type(node).__name__)


def _character(char: str, *, upright: bool) -> list[_Atom]:
    if char.isspace():
        return []
    escaped = html.escape(char)
    if char[0] in "0123456789":
        return [_Atom(char, f"<mn>{char}</mn>")]
    if char.isascii() and char.isalpha():
        variant = ' mathvariant="normal"' if upright else ""
        return [_Atom(char, f"<mi{variant}>{char}</mi>")]
    if char in OPERATOR_CHARACTERS:
        return [_Atom(char, f"<mo>{escaped}</mo>")]
    if char not in MACROS:  # LaTeX's own characters (& # % ...), controls, and what the PDF's math fonts lack
        raise Unsupported(char)
    tag = "mi" if unicodedata.category(char).startswith("L") else "mo"
    return [_Atom(f"\\{MACROS[char]} ", f"<{tag}>{escaped}</{tag}>")]


def macro_arguments(node: latexwalker.LatexMacroNode) -> list[list[latexwalker.LatexNode]]:
    """The arguments that pylatexenc read for a macro, each as nodes (a group's children, or the one node)."""
    arguments = [argument for argument in (node.nodeargd.argnlist if node.nodeargd else []) if argument is not None]
    return [
        list(argument.nodelist) if argument.isNodeType(latexwalker.LatexGroupNode) else [argument]
        for argument in arguments
    ]


def _argument(node: latexwalker.LatexMacroNode, position: int = -1) -> list[latexwalker.LatexNode]:
    arguments = macro_arguments(node)
    if not arguments:
        raise Unsupported(node.macroname)
    return arguments[position]


def _macro(node: latexwalker.LatexMacroNode, *, upright: bool) -> list[_Atom]:
    name = node.macroname
    if name in SYMBOLS:
        char = html.escape(SYMBOLS[name])
        tag = "mi" if name in GREEK else "mo"
        return [_Atom(f"\\{name} ", f"<{tag}>{char}</{tag}>")]
    if name in SPACES:
        return [_Atom(r"\,", '<mspace width="0.17em"/>')]
    if name == "sqrt":
        inner = _row(_sequence(_argument(node), upright=upright))
        if not inner.latex.strip("{}"):
            raise Unsupported("an empty root")  # INSPIRE's \sqrt{}(s): its text reads better
        return [_Atom(f"\\sqrt{{{inner.latex}}}", f"<msqrt>{inner.mathml}</msqrt>")]
    if name == "frac":
        top, bottom = (_row(_sequence(_argument(node, index), upright=upright)) for index in (0, 1))
        return [_Atom(f"\\frac{{{top.latex}}}{{{bottom.latex}}}", f"<mfrac>{top.mathml}{bottom.mathml}</mfrac>")]
    if name in ACCENTS:
        inner = _row(_sequence(_argument(node), upright=upright))
        mark = html.escape(ACCENTS[name])
        return [_Atom(f"\\{name}{{{inner.latex}}}", f'<mover accent="true">{inner.mathml}<mo>{mark}</mo></mover>')]
    if name in UPRIGHT:
        letters = _sequence(_argument(node), upright=True)
        latex = "".join(atom.latex for atom in letters)
        mathml = "".join(atom.mathml for atom in letters)
        return [_Atom(f"\\mathrm{{{latex}}}", mathml if len(letters) == 1 else f"<mrow>{mathml}</mrow>")]
    if name in TEXT:
        text = _CONVERTER.nodelist_to_text(_argument(node))
        latex = "".join(_LATEX_TEXT.get(char, char) for char in text)
        return [_Atom(f"\\text{{{latex}}}", f"<mtext>{html.escape(text)}</mtext>")]
    if name in PLAIN:
        if node.nodeargd is None or not [arg for arg in node.nodeargd.argnlist if arg is not None]:
            return []  # \left, \displaystyle: nothing of their own
        return _sequence(_argument(node), upright=upright)
    raise Unsupported(name)


class MathText(Tag):
    """A formula in rich text: its text, as :mod:`.latex` sets it, for every backend but docutils', which gets a
    :class:`~sphinx_cv.nodes.cv_math` node with the formula as LaTeX and as MathML (and the text as its children)."""

    formula: Formula | None = None

    @classmethod
    def of(cls, found: Formula | None, parts: list[BaseText | str]) -> MathText:
        text = cls("math", *parts)
        text.formula = found
        return text

    def render(self, backend: Any) -> Any:
        rendered = BaseMultipartText.render(self, backend)  # the parts, without a tag of their own
        if self.formula is None or getattr(backend, "name", "") != "docutils":
            return rendered
        return [cv_math("", "", *rendered, latex=self.formula.latex, mathml=self.formula.mathml)]
