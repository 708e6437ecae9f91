"""JSON Resume (https://jsonresume.org/schema) from the CV's records. Pure Python.

Which entries go where is the entry's kind (``:kind:``, or its section title
through ``cv_section_kinds``): work, education, volunteer, awards and projects
are JSON Resume's own keys; talks and other entries, and the text of pages
without entries, go under extra keys (``talks``, ``other``, ``sections``), which
the schema allows. Dates are ISO 8601 at their written precision (a season
gives its year); an ongoing entry has no ``endDate``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model import current_positions

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..contact import ContactItem
    from ..model import CvRecord

__all__ = ["PROFILE_NETWORKS", "resume"]

PROFILE_NETWORKS = {"github": "GitHub", "orcid": "ORCID", "scholar": "Google Scholar"}


def _dates(record: CvRecord) -> dict[str, str]:
    """ISO start and end, and the dates as the CV writes them (an extra field: "Fall 2023 – Present")."""
    if record.dates is None:
        return {}
    dates = {"dates": record.dates.label(), "startDate": record.dates.start.iso()}
    if not record.dates.ongoing:
        dates["endDate"] = (record.dates.end or record.dates.start).iso()
    return dates


def _compact(item: dict[str, Any]) -> dict[str, Any]:
    """The item without its empty values."""
    return {key: value for key, value in item.items() if value not in ("", None, [], {})}


def _item(record: CvRecord) -> dict[str, Any]:
    """One entry under its JSON Resume key's field names."""
    dates = _dates(record)
    common = {"url": record.url, **dates}
    if record.kind == "work":
        item = {
            "name": record.org,
            "position": record.title,
            "location": record.location,
            **common,
            "summary": record.body,
        }
    elif record.kind == "education":
        item = {"institution": record.org, "studyType": record.title, **common, "summary": record.body}
    elif record.kind == "volunteer":
        item = {"organization": record.org, "position": record.title, **common, "summary": record.body}
    elif record.kind == "awards":
        item = {
            "title": record.title,
            "date": dates.get("endDate", dates.get("startDate")),
            "awarder": record.org,
            **dates,
            "summary": record.body,
        }
    elif record.kind == "projects":
        item = {"name": record.title, "entity": record.org, "description": record.body, **common}
    else:  # talks, other
        item = {
            "name": record.title,
            "event": record.org,
            "location": record.location,
            **common,
            "summary": record.body,
        }
    return _compact(item)


def _basics(name: str, summary: str, records: list[CvRecord], contact: Sequence[ContactItem]) -> dict[str, Any]:
    current = current_positions(records)
    basics: dict[str, Any] = {"name": name, "label": current[0].title if current else "", "summary": summary}
    profiles = []
    for item in contact:
        if item.kind == "email":
            basics["email"] = item.label
        elif item.kind == "website":
            basics["url"] = item.url
        elif item.kind == "phone":
            basics["phone"] = item.label
        elif item.kind == "location":
            basics["location"] = {"address": item.label}
        else:
            profiles.append(
                {
                    "network": PROFILE_NETWORKS[item.kind],
                    "username": item.url.rsplit("/", 1)[-1].split("=")[-1],
                    "url": item.url,
                }
            )
    basics["profiles"] = profiles
    return _compact(basics)


def resume(
    name: str,
    summary: str,
    records: list[CvRecord],
    contact: Sequence[ContactItem],
    publications: list[dict[str, Any]],
    sections: list[dict[str, str]],
    last_updated: str = "",
    publications_title: str = "",
) -> dict[str, Any]:
    """The whole JSON Resume document; ``publications`` are already in JSON Resume's form."""
    data: dict[str, Any] = {
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        "basics": _basics(name, summary, records, contact),
    }
    for kind in ("work", "volunteer", "education", "awards", "projects", "talks", "other"):
        items = [_item(record) for record in records if record.kind == kind]
        if items:
            data[kind] = items
    if publications:
        data["publications"] = publications
    if sections:
        data["sections"] = sections
    meta: dict[str, Any] = {"sections": {}}  # which section of the CV went under which key
    for record in records:
        meta["sections"].setdefault(record.kind, record.section)
    if publications:
        meta["sections"]["publications"] = publications_title
    if last_updated:
        meta["lastModified"] = last_updated
    data["meta"] = _compact({**meta, "sections": _compact(meta["sections"])})
    return data
