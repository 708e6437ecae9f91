"""A formula of ``refs.bib`` as Typst math, written from its MathML (:mod:`..bibliography.math`).

The MathML holds only the elements that :mod:`..bibliography.math` writes, so each maps to one
construct of Typst math: a script to ``attach``, a root to ``sqrt``, a fraction to ``frac``, an
accent to its function. No character can become code: punctuation is escaped, and a letter or a
text is a string. A variable is set by ``sphinxcv.variable``, in the italic of the text's font,
not in Typst's mathematical italic (U+1D44E ...): a reader that takes the text out of the PDF
reads "d", as in the LaTeX PDF. The parts are written without spaces between them, which Typst
would print around a ``#`` call; the formula's LaTeX is its alternative text.
"""

from __future__ import annotations

import string
import xml.etree.ElementTree as ElementTree

from .markup import string_literal

#: Characters that math sets as others: a hyphen as a minus sign, an apostrophe as a prime.
MATH_CHARACTERS = {"-": "\u2212", "'": "\u2032"}
#: Each accent's mark (as the MathML has it), and Typst's function for it.
ACCENTS = {"\u00af": "overline", "^": "hat", "~": "tilde", "\u2192": "arrow", "\u02d9": "dot", "\u00a8": "dot.double"}


def typst_math(mathml: str) -> str:
    """The body of a Typst equation (what goes between ``$``) for ``mathml``, a ``<math>`` element."""
    return _children(ElementTree.fromstring(mathml))


def _children(element: ElementTree.Element) -> str:
    return "".join(_element(child) for child in element)


def _element(element: ElementTree.Element) -> str:
    tag = element.tag.rpartition("}")[2]
    text = element.text or ""
    if tag == "mi":
        letter = string_literal(text)
        return f"#{letter}" if element.get("mathvariant") == "normal" else f"#sphinxcv.variable(design, {letter})"
    if tag in ("mn", "mo"):
        return "".join(_character(char) for char in text)
    if tag == "mtext":
        return f"#{string_literal(text)}"
    if tag == "mspace":
        return "#h(0.17em)"
    if tag == "mrow":
        return _children(element) if len(element) else '""'
    parts = [_element(child) for child in element]
    if tag == "msub":
        return f"attach({parts[0]}, b: {parts[1]})"
    if tag == "msup":
        return f"attach({parts[0]}, t: {parts[1]})"
    if tag == "msubsup":
        return f"attach({parts[0]}, b: {parts[1]}, t: {parts[2]})"
    if tag == "msqrt":
        return f"sqrt({''.join(parts)})"
    if tag == "mfrac":
        return f"frac({parts[0]}, {parts[1]})"
    if tag == "mover":
        return f"{ACCENTS[element[1].text or '']}({parts[0]})"
    raise ValueError(f"no Typst math for the MathML element {tag}")


def _character(char: str) -> str:
    """A character of a number or an operator: as math sets it, and escaped where Typst would read it as syntax."""
    char = MATH_CHARACTERS.get(char, char)
    return "\\" + char if char in string.punctuation else char
