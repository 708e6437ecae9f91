"""JSON Resume (https://jsonresume.org/schema) from the CV's records. Pure Python.

Which entries go where is the entry's kind (``:kind:``, or its section title
through ``cv_section_kinds``): work, education, volunteer, awards, certificates,
skills, languages, interests, references and projects are JSON Resume's own keys;
talks and other entries, and the text of pages without entries, go under extra
keys (``talks``, ``other``, ``sections``), which the schema allows. An entry's
body gives its ``summary`` (its paragraphs) and ``highlights`` (its bullet list);
a one-line entry (``cv-line``) gives a skill's or interest's ``keywords`` (its
details, cut at commas) or a language's ``fluency``. Dates are ISO 8601 at their
written precision (a season gives its year); an ongoing entry has no ``endDate``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..contact import PROFILES
from ..dates import WrittenDates
from ..model import current_positions

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..contact import ContactItem
    from ..model import CvRecord

__all__ = ["resume"]

#: JSON Resume's name of each network that is not a simple profile address.
NETWORKS = {"scholar": "Google Scholar", "mastodon": "Mastodon"}
#: The keys of the document, in the schema's order; then the extra ones.
KEYS = (
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
    "talks",
    "other",
)


def _dates(record: CvRecord) -> dict[str, str]:
    """ISO start and end, and the dates as the CV writes them (an extra field: "Fall 2023 – Present")."""
    if record.dates is None:
        return {}
    dates = {"dates": record.dates.label(), "startDate": record.dates.start.iso()}
    if isinstance(record.dates, WrittenDates):  # "2023, 2024": the first year it holds, if any
        return {"dates": dates["dates"], **({"startDate": dates["startDate"]} if record.dates.start.year else {})}
    if not record.dates.ongoing:
        dates["endDate"] = (record.dates.end or record.dates.start).iso()
    return dates


def _compact(item: dict[str, Any]) -> dict[str, Any]:
    """The item without its empty values."""
    return {key: value for key, value in item.items() if value not in ("", None, [], {})}


def _keywords(text: str) -> list[str]:
    """``Python, C++; CUDA`` as ``["Python", "C++", "CUDA"]``."""
    return [word for word in re.split(r"\s*[,;]\s*", text.strip().rstrip(".")) if word]


def _item(record: CvRecord) -> dict[str, Any]:
    """One entry under its JSON Resume key's field names (the schema's own, then extra ones)."""
    dates = _dates(record)
    common = {"url": record.url, **dates}
    story = {"summary": record.summary, "highlights": list(record.highlights)}
    date = dates.get("endDate", dates.get("startDate"))
    item: dict[str, Any]
    if record.kind == "work":
        item = {"name": record.org, "position": record.title, "location": record.location, **common, **story}
    elif record.kind == "education":
        item = {"institution": record.org, "area": record.area, "studyType": record.title, **common, **story}
    elif record.kind == "volunteer":
        item = {"organization": record.org, "position": record.title, **common, **story}
    elif record.kind == "awards":
        item = {"title": record.title, "date": date, "awarder": record.org, **dates, "summary": record.body}
    elif record.kind == "certificates":
        item = {"name": record.title, "date": date, "issuer": record.org, "url": record.url, **dates, **story}
    elif record.kind == "skills":
        keywords = list(record.highlights) if record.form == "entry" else _keywords(record.body)
        item = {"name": record.title, "level": record.level, "keywords": keywords}
    elif record.kind == "languages":
        item = {"language": record.title, "fluency": record.level or record.body}
    elif record.kind == "interests":
        keywords = list(record.highlights) if record.form == "entry" else _keywords(record.body)
        item = {"name": record.title, "keywords": keywords}
    elif record.kind == "references":
        item = {"name": record.title, "reference": record.body}
    elif record.kind == "projects":
        item = {"name": record.title, "entity": record.org, "description": record.summary, **common}
        item["highlights"] = list(record.highlights)
    else:  # talks, other
        item = {"name": record.title, "event": record.org, "location": record.location, **common, **story}
    return _compact(item)


def _profile(item: ContactItem) -> dict[str, str]:
    network = PROFILES[item.kind].network if item.kind in PROFILES else NETWORKS.get(item.kind, item.kind)
    return {"network": network, "username": item.user, "url": item.url}


def _basics(name: str, summary: str, records: list[CvRecord], contact: Sequence[ContactItem]) -> dict[str, Any]:
    current = current_positions(records)
    basics: dict[str, Any] = {"name": name, "label": current[0].title if current else "", "summary": summary}
    profiles = []
    for item in contact:
        if item.kind in {"email", "phone"}:
            basics.setdefault(item.kind, item.label)
        elif item.kind == "website":
            basics.setdefault("url", item.url)
        elif item.kind == "location":
            basics["location"] = {"address": item.label}
        else:
            profiles.append(_compact(_profile(item)))
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
    for kind in KEYS:
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
