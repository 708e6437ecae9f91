"""schema.org data of the CV's home page: a ``ProfilePage`` in the CV's language whose main entity is the
``Person``, from the same entry records as every other output. Pure Python."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model import current_positions

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ..contact import ContactItem
    from ..model import CvRecord

__all__ = ["person", "profile_page"]


def _organisation(name: str, kind: str = "Organization") -> dict[str, str]:
    return {"@type": kind, "name": name}


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))


def person(name: str, summary: str, records: list[CvRecord], contact: Sequence[ContactItem]) -> dict[str, Any]:
    """The ``Person``: current position (``jobTitle``, ``worksFor``, ``affiliation``), ``alumniOf``, ``award``s."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Person", "name": name}
    if summary:
        data["description"] = summary
    current = current_positions(records)
    if current:
        data["jobTitle"] = current[0].title
        employers = [_organisation(org) for org in _unique(record.org for record in current)]
        if employers:
            data["worksFor"] = employers[0] if len(employers) == 1 else employers
            data["affiliation"] = employers
    schools = _unique(record.org for record in records if record.kind == "education")
    if schools:
        data["alumniOf"] = [_organisation(school, "EducationalOrganization") for school in schools]
    awards = [
        f"{record.title} ({record.body})" if record.body else record.title
        for record in records
        if record.kind == "awards"
    ]
    if awards:
        data["award"] = awards
    for item in contact:
        if item.kind == "email":
            data.setdefault("email", item.url)
        elif item.kind == "phone":
            data.setdefault("telephone", item.label)
        elif item.kind == "location":
            data["address"] = item.label
        elif item.url:
            data.setdefault("sameAs", []).append(item.url)
    return data


def profile_page(person: dict[str, Any], language: str, modified: str | None) -> dict[str, Any]:
    """The home page as a ``ProfilePage`` about ``person``, in ``language`` (a BCP 47 tag), changed on ``modified``
    (an ISO date)."""
    data: dict[str, Any] = {"@context": person["@context"], "@type": "ProfilePage", "inLanguage": language}
    if modified:
        data["dateModified"] = modified
    return {**data, "mainEntity": {key: value for key, value in person.items() if key != "@context"}}
