"""The contact line (``cv_contact``): e-mail, website and profiles as labelled links. Pure Python."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["CONTACT_KINDS", "ContactError", "ContactItem", "contact_items"]


class ContactError(ValueError):
    """A ``cv_contact`` entry that cannot be used; the message says what to write."""


@dataclass(frozen=True)
class ContactItem:
    """One item of the contact line: what is shown, and where it links (empty: plain text)."""

    kind: str
    label: str
    url: str = ""


def _email(value: str) -> ContactItem:
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        raise ContactError(f"{value!r} is not an e-mail address")
    return ContactItem("email", value, f"mailto:{value}")


def _website(value: str) -> ContactItem:
    if not re.match(r"https?://[^\s/]+\.[^\s]+$", value):
        raise ContactError(f"{value!r} is not a web address; write it with https://")
    return ContactItem("website", re.sub(r"^https?://(www\.)?|/$", "", value), value)


def _github(value: str) -> ContactItem:
    user = value.rstrip("/").rsplit("/", 1)[-1].lstrip("@")
    if not re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})", user):
        raise ContactError(f"{value!r} is not a GitHub user name")
    return ContactItem("github", f"github.com/{user}", f"https://github.com/{user}")


def _orcid(value: str) -> ContactItem:
    orcid = value.rstrip("/").rsplit("/", 1)[-1]
    if not re.fullmatch(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]", orcid):
        raise ContactError(f"{value!r} is not an ORCID iD (0000-0000-0000-0000)")
    return ContactItem("orcid", f"ORCID {orcid}", f"https://orcid.org/{orcid}")


def _scholar(value: str) -> ContactItem:
    match = re.search(r"user=([\w-]+)", value) or re.fullmatch(r"([\w-]{12})", value)
    if not match:
        raise ContactError(f"{value!r} is not a Google Scholar user id (the user=… part of the profile address)")
    return ContactItem("scholar", "Google Scholar", f"https://scholar.google.com/citations?user={quote(match[1])}")


def _plain(kind: str) -> Callable[[str], ContactItem]:
    return lambda value: ContactItem(kind, value)


CONTACT_KINDS = {
    "email": _email,
    "website": _website,
    "github": _github,
    "orcid": _orcid,
    "scholar": _scholar,
    "phone": _plain("phone"),
    "location": _plain("location"),
}


def contact_items(contact: dict[str, str]) -> tuple[list[ContactItem], list[str]]:
    """The contact line's items in the order given, and a message for each entry that was left out."""
    items: list[ContactItem] = []
    problems: list[str] = []
    for kind, value in contact.items():
        value = str(value).strip()
        if not value:
            continue
        if kind not in CONTACT_KINDS:
            problems.append(f"unknown cv_contact key {kind!r}; use one of {', '.join(CONTACT_KINDS)}")
            continue
        try:
            items.append(CONTACT_KINDS[kind](value))
        except ContactError as error:
            problems.append(f"cv_contact[{kind!r}]: {error}")
    return items, problems
