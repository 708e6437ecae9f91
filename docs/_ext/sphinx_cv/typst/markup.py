"""Text as Typst reads it: the one place where the CV's words are written into Typst markup or a Typst string.

Every ASCII punctuation character is escaped in markup, so that no text becomes markup: not
``#`` (code), ``$`` (math), ``*`` and ``_`` (emphasis), ``//`` (a comment), ``https://`` (a
link), ``--`` (a dash), ``'`` and ``"`` (quotes the writer did not choose), ``1.`` or ``-`` at
a line's start (a list), ``=`` (a heading) or ``@`` (a reference).
"""

from __future__ import annotations

import re
import string

_PUNCTUATION = re.compile("[" + re.escape(string.punctuation) + "]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def markup_text(text: str) -> str:
    """``text`` as Typst markup that shows exactly it: punctuation escaped, each line break a space, control
    characters dropped."""
    text = _CONTROL.sub("", text).replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return _PUNCTUATION.sub(lambda match: "\\" + match[0], text)


def string_literal(text: str) -> str:
    """``text`` as a Typst string literal (``"..."``), for an argument: a title, a link's address."""
    text = _CONTROL.sub("", text)
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'
