"""Text as MyST Markdown and as BibTeX: escaped so that it reads back exactly as written. Pure Python."""

from __future__ import annotations

import re

__all__ = ["bibtex_name", "bibtex_text", "myst_line", "myst_option", "myst_text", "one_line"]

#: Characters that Markdown (MyST) reads as markup anywhere in a line (``{`` opens a role or a substitution,
#: ``!`` makes the link after it an image).
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>|$~{}!])")
#: ``&name;`` and ``&#123;``: an entity reference, which Markdown would decode.
_ENTITY = re.compile(r"&(?=#?\w+;)")
#: What opens a block when it starts a line: a heading, a list item, a quote, a fence, options, a comment
#: (``%``), a target (``(name)=``).
_BLOCK_START = re.compile(r"^(\s*)(\d+)?([#>+=:.)(%-])")
#: What makes an option's value more than plain text to MyST's option parser: a quote or block scalar at its
#: start, a comment (``#``) at its start or after a space.
_OPTION_SYNTAX = re.compile(r"^['\"|>#]| #")
#: Characters that BibTeX reads as markup, as pybtex reads them back (``\\$``: see the cv style).
_BIBTEX = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "{": r"\textbraceleft{}",  # a brace of BibTeX's own groups a field
    "}": r"\textbraceright{}",
}
#: Pairs that LaTeX (and pybtex's decoding) joins into one character: ``` `` ``` is “, ``--`` an en dash, ``!` `` ¡.
_BIBTEX_LIGATURES = re.compile(r"(?<=[`'\-!?,])(?=[`'\-,])")


def one_line(text: str) -> str:
    """``text`` with its white space (line breaks included) collapsed to single spaces."""
    return " ".join(text.split())


def myst_text(text: str, *, block: bool = True) -> str:
    """Plain ``text`` as MyST Markdown that shows it as written (``R&D_costs *x*`` stays so, not emphasis).

    ``block``: the text starts lines of a page (a paragraph), where ``# x`` or ``1. x`` would open a
    heading or a list; not so in a directive's argument or option.
    """
    escaped = _ENTITY.sub(r"\\&", _MARKDOWN_INLINE.sub(r"\\\1", text))
    if not block:
        return escaped
    return "\n".join(myst_line(line.lstrip()) for line in escaped.splitlines()) or escaped


def myst_line(markup: str) -> str:
    """One line of MyST inline ``markup`` (escaped text, emphasis, links) where it starts a block: as text."""
    return _BLOCK_START.sub(_escape_block_start, markup)


def myst_option(markup: str) -> str:
    """One line of MyST inline ``markup`` as a directive option's value, which MyST reads first as YAML."""
    if not _OPTION_SYNTAX.search(markup):
        return markup
    return '"' + markup.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _escape_block_start(match: re.Match[str]) -> str:
    """``1. x`` as ``1\\. x``, ``# x`` as ``\\# x``: kept as text where a line starts."""
    indent, number, mark = match.groups()
    if number is None and mark in ".)":
        return match.group()
    return f"{indent}{number or ''}\\{mark}"


def bibtex_text(text: str) -> str:
    """Plain ``text`` as a BibTeX field value that the cv style reads back as written."""
    return _BIBTEX_LIGATURES.sub("{}", "".join(_BIBTEX.get(char, char) for char in one_line(text)))


def bibtex_name(name: str) -> str:
    """One person's name for an ``author`` list, without braces (pybtex reads a name's braces as grouping, and has
    no brace character in a name); a name with " and " in it is kept whole in braces."""
    text = bibtex_text(name.replace("{", "").replace("}", ""))
    return f"{{{text}}}" if re.search(r"\band\b", text, flags=re.IGNORECASE) else text
