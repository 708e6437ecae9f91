"""The contact line (``cv_contact``): e-mail, phone, website and profiles as labelled links. Pure Python.

Each key is a kind of contact (``email``, ``github``, ``linkedin``, ...); its value is the
address, the user name or the profile's address, or a list of them. Any other key whose
value is a web address (or a mailto: or tel: link) is a link labelled with the key
(``"Kaggle": "https://kaggle.com/ada"``). Every address passes :func:`sphinx_cv.links.link_target`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from .links import LinkError, link_target

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__ = ["CONTACT_KINDS", "PROFILES", "ContactError", "ContactItem", "contact_items"]


class ContactError(ValueError):
    """A ``cv_contact`` entry that cannot be used; the message says what to write."""


@dataclass(frozen=True)
class ContactItem:
    """One item of the contact line: what is shown, and where it links (empty: plain text).

    ``kind`` is the ``cv_contact`` key; ``user`` the user name of a profile.
    """

    kind: str
    label: str
    url: str = ""
    user: str = ""


@dataclass(frozen=True)
class Profile:
    """A network whose profiles live at ``address`` + user name."""

    network: str  #: as the network writes its name
    address: str  #: the profile's address with ``{user}`` for the user name
    pattern: str  #: what a user name looks like
    label: str  #: what the contact line shows, with ``{user}``


PROFILES = {
    "github": Profile("GitHub", "https://github.com/{user}", r"[A-Za-z0-9][A-Za-z0-9-]{0,38}", "github.com/{user}"),
    "gitlab": Profile("GitLab", "https://gitlab.com/{user}", r"[\w.-]+", "gitlab.com/{user}"),
    "linkedin": Profile("LinkedIn", "https://www.linkedin.com/in/{user}", r"[\w%-]+", "linkedin.com/in/{user}"),
    "x": Profile("X", "https://x.com/{user}", r"\w{1,15}", "x.com/{user}"),
    "bluesky": Profile("Bluesky", "https://bsky.app/profile/{user}", r"[\w.-]+\.[\w-]+", "@{user}"),
    "researchgate": Profile(
        "ResearchGate", "https://www.researchgate.net/profile/{user}", r"[\w.-]+", "ResearchGate: {user}"
    ),
    "stackoverflow": Profile(
        "StackOverflow", "https://stackoverflow.com/users/{user}", r"\d+(/[\w-]+)?", "Stack Overflow"
    ),
    "youtube": Profile("YouTube", "https://www.youtube.com/@{user}", r"[\w.-]+", "youtube.com/@{user}"),
    "instagram": Profile("Instagram", "https://www.instagram.com/{user}", r"[\w.]+", "instagram.com/{user}"),
    "orcid": Profile("ORCID", "https://orcid.org/{user}", r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]", "ORCID {user}"),
}


def _email(kind: str, value: str) -> ContactItem:
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        raise ContactError(f"{value!r} is not an e-mail address")
    return ContactItem(kind, value, link_target(f"mailto:{value}"))


def _phone(kind: str, value: str) -> ContactItem:
    digits = re.sub(r"[\s().-]", "", value)
    if not re.fullmatch(r"\+?\d{4,16}", digits):
        raise ContactError(f"{value!r} is not a phone number; write it with its country code, e.g. +44 20 7946 0000")
    return ContactItem(kind, value, f"tel:{digits}")


def _website(kind: str, value: str) -> ContactItem:
    return ContactItem(kind, re.sub(r"^https?://(www\.)?|/$", "", value), _web_link(value))


def _mastodon(kind: str, value: str) -> ContactItem:
    handle = re.fullmatch(r"@?([\w.]+)@([\w.-]+\.\w+)", value)
    address = re.fullmatch(r"https://([\w.-]+\.\w+)/@([\w.]+)/?", value)
    if handle:
        user, server = handle.groups()
    elif address:
        server, user = address.groups()
    else:
        raise ContactError(f"{value!r} is not a Mastodon address; write it as @user@server.social")
    return ContactItem(kind, f"@{user}@{server}", f"https://{server}/@{user}", user=f"@{user}@{server}")


def _scholar(kind: str, value: str) -> ContactItem:
    match = re.search(r"user=([\w-]+)", value) or re.fullmatch(r"([\w-]{4,20})", value)
    if not match:
        raise ContactError(f"{value!r} is not a Google Scholar user id (the user=… part of the profile address)")
    url = f"https://scholar.google.com/citations?user={quote(match[1])}"
    return ContactItem(kind, "Google Scholar", url, user=match[1])


def _labelled_link(kind: str, value: str) -> ContactItem:
    """A key of its own: a web address (or a mailto: or tel: link, see :func:`contact_items`) labelled with it."""
    try:
        return ContactItem(kind, kind, link_target(value))
    except LinkError as error:
        raise ContactError(f"{value!r} {error}") from None


def _plain(kind: str, value: str) -> ContactItem:
    return ContactItem(kind, value)


def _profile(kind: str, value: str) -> ContactItem:
    profile = PROFILES[kind]
    user = value.strip().rstrip("/")
    if _is_web_address(user):
        prefix = profile.address.split("{user}")[0]
        path = urlsplit(user).path.lstrip("/")
        user = path.removeprefix(urlsplit(prefix).path.lstrip("/")) if user.startswith(prefix) else path
    user = user.removeprefix("@")
    if not re.fullmatch(profile.pattern, user):
        raise ContactError(f"{value!r} is not a {profile.network} user name (or the address of a profile)")
    return ContactItem(kind, profile.label.format(user=user), link_target(profile.address.format(user=user)), user=user)


CONTACT_KINDS: dict[str, Callable[[str, str], ContactItem]] = {
    "email": _email,
    "website": _website,
    "phone": _phone,
    "location": _plain,
    "scholar": _scholar,
    "mastodon": _mastodon,
    **dict.fromkeys(PROFILES, _profile),
}


#: The links a key of its own may hold besides a web address.
_OTHER_LINK = re.compile(r"(mailto|tel):", re.IGNORECASE)


def _is_web_address(value: str) -> bool:
    """An http(s) address with a host name (what follows the host is checked by :func:`link_target`)."""
    return bool(re.match(r"https?://[^\s/?#]+\.[^\s/?#]+([/?#]|$)", value))


def _web_link(value: str) -> str:
    """A web address as a link (percent-encoded); :class:`ContactError` when it is none."""
    try:
        if _is_web_address(value):
            return link_target(value)
        reason = "is not a web address; write it with https://"
    except LinkError as error:
        reason = str(error)
    raise ContactError(f"{value!r} {reason}")


def _values(value: object) -> Iterable[str]:
    values = value if isinstance(value, (list, tuple)) else [value]
    return (text for text in (str(item).strip() for item in values) if text)


def contact_items(contact: dict[str, object]) -> tuple[list[ContactItem], list[str]]:
    """The contact line's items in the order given, and a message for each entry that was left out."""
    items: list[ContactItem] = []
    problems: list[str] = []
    for kind, value in contact.items():
        for text in _values(value):
            if kind not in CONTACT_KINDS and not _is_web_address(text) and not _OTHER_LINK.match(text):
                problems.append(
                    f"unknown cv_contact key {kind!r}; use one of {', '.join(CONTACT_KINDS)}, "
                    "or give a web address to link it with that label"
                )
                continue
            try:  # a key of its own is a link labelled with that key
                items.append(CONTACT_KINDS.get(kind, _labelled_link)(kind, text))
            except ContactError as error:
                problems.append(f"cv_contact[{kind!r}]: {error}")
    return items, problems
