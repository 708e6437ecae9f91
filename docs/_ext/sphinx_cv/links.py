"""Web addresses as a CV links them: http(s), mailto and tel only, one line, percent-encoded. Pure Python.

Every address the CV links (``cv_contact``, an entry's ``:url:``, a publication's ``url``
and ``doi``, an imported file's addresses) passes :func:`link_target`, whatever wrote it.
What comes out holds only the characters RFC 3986 allows, so no format reads it as markup:
a brace, a backslash or a caret of the input is percent-encoded, never a LaTeX group or command.
"""

from __future__ import annotations

import re
import string
import unicodedata
from urllib.parse import quote

__all__ = ["LINK_SCHEMES", "LinkError", "is_link", "link_target", "percent_encoded"]

#: The schemes a CV may link; anything else (``javascript:``, ``data:``, ``file:``) is refused.
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
#: RFC 3986's unreserved and reserved characters, and ``%`` (kept where it starts a percent-escape).
_KEPT = frozenset(string.ascii_letters + string.digits + "-._~:/?#[]@!$&'()*+,;=%")
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


class LinkError(ValueError):
    """An address that cannot be a link; the message says why, to follow the address."""


def link_target(url: str, *, relative: bool = False) -> str:
    """``url`` as a link's target: surrounding white space dropped, every character outside RFC 3986
    percent-encoded (``{`` -> ``%7B``, a space -> ``%20``, ``é`` -> ``%C3%A9``).

    Raises :class:`LinkError` for a scheme other than http, https, mailto and tel, for a line break or
    control character inside it, and (unless ``relative``) for an address without a scheme.
    """
    text = url.strip()
    if not text:
        raise LinkError("is empty")
    for char in text:
        if unicodedata.category(char) in {"Cc", "Zl", "Zp"} or (char.isspace() and char != " "):
            raise LinkError(f"has a line break or control character in it ({char!r}); write it on one line")
    scheme = _SCHEME.match(text)
    if scheme is None and not relative:
        raise LinkError("has no scheme; write it with https:// (or mailto:, tel:)")
    if scheme is not None and scheme[1].lower() not in LINK_SCHEMES:
        raise LinkError(f"is a {scheme[1]}: address; a CV links only http, https, mailto and tel addresses")
    return percent_encoded(text)


def percent_encoded(text: str) -> str:
    """``text`` with every character outside RFC 3986, and every ``%`` that starts no escape, percent-encoded."""
    return "".join(char if char in _KEPT else quote(char, safe="") for char in _LONE_PERCENT.sub("%25", text))


def is_link(url: str, *, relative: bool = False) -> bool:
    """True when :func:`link_target` takes ``url``."""
    try:
        link_target(url, relative=relative)
    except LinkError:
        return False
    return True
