"""The ``cv`` domain: the entries of every document, kept right under parallel and incremental builds.

Its role ``{cv:entry}`` names an entry by its title or its id and prints the title, linked to
the entry: on the website, in the CV's PDF, and (from a letter or a statement, which are PDFs
of their own) to the entry's page on the CV's website at ``html_baseurl``.

Like ``sphinx.ext.todo``: entries are recorded per document when it is read,
forgotten when it is re-read (``clear_doc``), merged per document from parallel
readers (``merge_domaindata``), and ``cv-timeline :collect:`` placeholders are
filled from them when a document is resolved.

An incremental build reads only the pages that changed, and then rewrites the pages
whose output depends on them (:func:`pages_to_rewrite`): every page when a page was
added or removed or a toctree changed (their navigation), else the pages that collect
entries and the home page (its JSON-LD). What each builder saw at its last build is
kept per builder, so that builders sharing one environment each catch up.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx.domains import Domain
from sphinx.errors import NoUri
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from . import nodes as cv
from .as_written import EDUCATED, as_typed, written_text
from .model import DEFAULT_SECTION_KINDS, CvRecord, kind_of_section, matches_tags, sort_by_dates
from .settings import settings
from .translations import section_kinds

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import RoleFunction

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RecordedEntry:
    """An entry as the domain keeps it: its record (its text as typed), its title as the pages show it, where it
    is, its tags, and its header, pickled.

    The header (an entry node without its body) is what a collected timeline shows; it stays
    pickled, a few bytes instead of dozens of nodes in the environment, until a page with a
    collected timeline is written.
    """

    record: CvRecord
    title: str
    docname: str
    refid: str
    tags: tuple[str, ...]
    pickled_header: bytes

    def header(self) -> cv.cv_entry:
        """A fresh copy of the entry without its body."""
        return cast("cv.cv_entry", pickle.loads(self.pickled_header))


class CvDomain(Domain):
    """Holds, per document, the CV's entries and whether it has a collected timeline; and the .bib files' warnings."""

    name = "cv"
    label = "CV"
    roles: ClassVar[dict[str, RoleFunction | XRefRole]] = {
        "entry": XRefRole(innernodeclass=nodes.inline, warn_dangling=True)
    }
    dangling_warnings: ClassVar[dict[str, str]] = {
        "entry": "no CV entry %(target)r: give an entry's title (as its cv-entry writes it) or its id (the part of "
        "its address after #)"
    }
    initial_data: ClassVar[dict[str, Any]] = {
        "entries": {},
        "collectors": {},
        "downloaders": {},
        "intros": {},
        "publication_lists": {},
        "typed": {},
        "bib_warnings": {},
        "bib_notes": [],
        "seen": {},
    }

    @property
    def entries(self) -> dict[str, list[RecordedEntry]]:
        """Docname -> its entries, in source order."""
        return cast("dict[str, list[RecordedEntry]]", self.data.setdefault("entries", {}))

    @property
    def collectors(self) -> dict[str, bool]:
        """Docnames that hold a ``cv-timeline :collect:``."""
        return cast("dict[str, bool]", self.data.setdefault("collectors", {}))

    @property
    def downloaders(self) -> dict[str, bool]:
        """Docnames that hold a ``cv-downloads`` (their links change when the PDF or the EPUB does)."""
        return cast("dict[str, bool]", self.data.setdefault("downloaders", {}))

    @property
    def intros(self) -> dict[str, str]:
        """The home page's docname -> the text of its first paragraph: the CV's summary."""
        return cast("dict[str, str]", self.data.setdefault("intros", {}))

    @property
    def typed(self) -> dict[str, dict[str, str]]:
        """Docname -> what smart quotes changed on the page: its educated text -> its typed text
        (:mod:`sphinx_cv.as_written`)."""
        return cast("dict[str, dict[str, str]]", self.data.setdefault("typed", {}))

    @property
    def publication_lists(self) -> dict[str, bool]:
        """Docnames that hold a ``cv-publications`` group, whether or not it selected any entry."""
        return cast("dict[str, bool]", self.data.setdefault("publication_lists", {}))

    @property
    def bib_warnings(self) -> dict[str, tuple[float | None, list[Any]]]:
        """Each .bib file -> its modification time when last parsed, and that parse's ``checks.Problem`` list."""
        return cast("dict[str, tuple[float | None, list[Any]]]", self.data.setdefault("bib_warnings", {}))

    @property
    def bib_notes(self) -> list[Any]:
        """This build's notes on the .bib files (``bibliography.checks.Problem``), listed at its end."""
        return cast("list[Any]", self.data.setdefault("bib_notes", []))

    def changed_since(self, builder: str, key: str, value: object) -> bool:
        """Whether ``value`` differs from what ``builder`` saw as ``key`` at its last build; remember it."""
        seen = self.data.setdefault("seen", {}).setdefault(builder, {})
        changed = key in seen and seen[key] != value
        seen[key] = value
        return changed

    def clear_doc(self, docname: str) -> None:
        for data in (self.entries, self.collectors, self.downloaders, self.intros, self.publication_lists, self.typed):
            data.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            for key in ("entries", "collectors", "downloaders", "intros", "publication_lists", "typed"):
                if docname in otherdata.get(key, {}):
                    self.data[key][docname] = otherdata[key][docname]

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        kinds = {**DEFAULT_SECTION_KINDS, **section_kinds(), **settings(env.config).section_kinds}
        typed: dict[str, str] = env.temp_data.pop(EDUCATED, None) or {}
        if typed:
            self.typed[docname] = typed
        found = (node for node in document.findall(nodes.Element) if isinstance(node, (cv.cv_entry, cv.cv_line)))
        entries = [_recorded(entry, docname, kinds, typed) for entry in found]
        if entries:
            self.entries[docname] = entries
        if any(document.findall(cv.cv_timeline_collected)):
            self.collectors[docname] = True
        if any(document.findall(cv.cv_downloads)):
            self.downloaders[docname] = True
        paragraphs = document.findall(nodes.paragraph)  # a warning's own paragraph (a build without -W) is none
        intro = next((node for node in paragraphs if not isinstance(node.parent, nodes.system_message)), None)
        if intro is not None and docname == env.config.root_doc:
            self.intros[docname] = written_text([intro], typed)

    def resolve_xref(  # type: ignore[override]  # Sphinx puts any node in the role's place
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.Element | None:
        """``{cv:entry}``: the entry's title (or the role's own text), linked to the entry; in a letter, unlinked when
        the website's address is not known."""
        entry = self._entry(target, node)
        if entry is None:
            return None
        title = contnode if node.get("refexplicit") else nodes.inline("", entry.title, classes=["cv-entry-ref"])
        if settings(env.config).letter_pages:  # a letter's PDF links the CV's website, when it has an address
            base = env.config.html_baseurl
            if not base:
                return title
            suffix = env.config.html_file_suffix or ".html"
            uri = f"{base.rstrip('/')}/{entry.docname}{suffix}#{entry.refid}"
            return nodes.reference("", "", title, refuri=uri, internal=False)
        return make_refnode(builder, fromdocname, entry.docname, entry.refid, title)

    def resolve_any_xref(  # type: ignore[override]  # as resolve_xref
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.Element]]:
        resolved = self.resolve_xref(env, fromdocname, builder, "entry", target, node, contnode)
        return [("cv:entry", resolved)] if resolved is not None else []

    def _entry(self, target: str, node: pending_xref) -> RecordedEntry | None:
        """The entry whose id is ``target``, else whose title is (ignoring case); a title two entries share warns."""
        recorded = [entry for docname in sorted(self.entries) for entry in self.entries[docname] if entry.refid]
        by_id = [entry for entry in recorded if entry.refid == target]
        found = by_id or [entry for entry in recorded if entry.record.title.casefold() == target.strip().casefold()]
        if len(found) > 1:
            logger.warning(
                "%d CV entries have the title %r (%s): name one by its id, e.g. {cv:entry}`%s`",
                len(found),
                target,
                ", ".join(f"{entry.docname}#{entry.refid}" for entry in found),
                found[0].refid,
                location=node,
                type="cv",
                subtype="entry",
            )
        return found[0] if found else None

    def records(self, docnames: list[str]) -> list[CvRecord]:
        """Every entry and one-line entry as plain data, in the CV's reading order."""
        return [recorded.record for recorded in self._recorded(docnames)]

    def all_entries(self, docnames: list[str]) -> list[RecordedEntry]:
        """Every recorded ``cv-entry`` (what a collected timeline shows), in the CV's reading order."""
        return [recorded for recorded in self._recorded(docnames) if recorded.record.form == "entry"]

    def _recorded(self, docnames: list[str]) -> list[RecordedEntry]:
        """Everything recorded, documents in ``docnames`` order (the CV's reading order)."""
        order = {docname: index for index, docname in enumerate(docnames)}
        ranked = sorted(self.entries, key=lambda docname: (order.get(docname, len(order)), docname))
        return [entry for docname in ranked for entry in self.entries[docname]]


def _recorded(
    entry: cv.cv_entry | cv.cv_line, docname: str, section_kinds: dict[str, str], typed: dict[str, str]
) -> RecordedEntry:
    """What the domain keeps of ``entry``: its record (``typed``: the page's educated text -> its typed text), its
    title, and (for a cv-entry) its header detached from the page."""
    titles = _section_titles(entry, typed)
    kind = entry.get("kind") or _section_kind(titles, section_kinds)
    section = titles[0] if titles else ""
    if isinstance(entry, cv.cv_line):
        record, pickled_header = _line_record(entry, section, kind, typed), b""
        title = _text(entry, cv.cv_line_label, {}, without=cv.cv_line_level)
    else:
        header = entry.copy()
        header.extend(child.deepcopy() for child in entry.children if not isinstance(child, cv.cv_entry_body))
        for node in header.findall():
            node.document = None  # type: ignore[assignment]  # else the page's doctree would be pickled with it
        header["ids"] = []
        record, pickled_header = _record(entry, section, kind, typed), pickle.dumps(header, pickle.HIGHEST_PROTOCOL)
        title = _text(entry, cv.cv_entry_title, {}, without=cv.cv_entry_area)
    return RecordedEntry(
        record=record,
        title=title,
        docname=docname,
        refid=entry["ids"][0] if entry["ids"] else "",
        tags=tuple(entry["tags"]),
        pickled_header=pickled_header,
    )


def _section_titles(entry: nodes.Element, typed: dict[str, str]) -> list[str]:
    """The titles of the sections around ``entry``, the nearest first, as typed."""
    titles = []
    node = entry.parent
    while node is not None:
        if isinstance(node, nodes.section) and node.children and isinstance(node[0], nodes.title):
            titles.append(as_typed(node[0], typed))
        node = node.parent
    return titles


def _section_kind(titles: list[str], section_kinds: dict[str, str]) -> str:
    """The kind given by the nearest section title that names one."""
    kinds = (kind_of_section(title, section_kinds) for title in titles)
    return next((kind for kind in kinds if kind != "other"), "other")


def _text(
    node: nodes.Node, part: type[nodes.Element], typed: dict[str, str], *, without: type[nodes.Element] | None = None
) -> str:
    """The text of the ``part`` nodes in ``node`` (leaving out their ``without`` children), as typed."""
    found = list(node.findall(part))
    if without is None:
        return written_text(found, typed)
    children = (child for element in found for child in element.children if not isinstance(child, without))
    return written_text(children, typed)


def _record(entry: cv.cv_entry, section: str, kind: str, typed: dict[str, str]) -> CvRecord:
    body = next(entry.findall(cv.cv_entry_body), None)
    blocks = body.children if body is not None else []
    return CvRecord(
        kind=kind,
        title=_text(entry, cv.cv_entry_title, typed, without=cv.cv_entry_area),
        org=_text(entry, cv.cv_entry_org, typed),
        location=_text(entry, cv.cv_entry_location, typed),
        url=entry.get("url", ""),
        body=_text(entry, cv.cv_entry_body, typed),
        dates=entry["dates"],
        section=section,
        area=_text(entry, cv.cv_entry_area, typed),
        summary=written_text((block for block in blocks if not isinstance(block, nodes.bullet_list)), typed),
        highlights=tuple(
            written_text((child for child in item.children if not isinstance(child, nodes.Sequential)), typed)
            for block in blocks
            if isinstance(block, nodes.bullet_list)
            for item in block.findall(nodes.list_item)  # nested items too, each on its own
        ),
    )


def _line_record(line: cv.cv_line, section: str, kind: str, typed: dict[str, str]) -> CvRecord:
    details = _text(line, cv.cv_line_details, typed)
    return CvRecord(
        kind=kind,
        title=_text(line, cv.cv_line_label, typed, without=cv.cv_line_level),
        body=details,
        section=section,
        form="line",
        level=_text(line, cv.cv_line_level, typed),
        summary=details,
    )


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The pages to write again, though unread, so that an incremental build equals a clean one."""
    domain = cv_domain(env)
    builder = app.builder.name
    pages = sorted(env.found_docs)
    toctrees = {docname: list(env.toctree_includes.get(docname, [])) for docname in pages}
    navigation = domain.changed_since(builder, "pages", pages) | domain.changed_since(builder, "toctrees", toctrees)
    if navigation:
        return pages
    if domain.changed_since(builder, "read", {docname: env.all_docs.get(docname) for docname in pages}):
        return sorted({*domain.collectors, app.config.root_doc} & env.found_docs)
    return []


def fill_collected_timelines(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace each ``cv-timeline :collect:`` placeholder by the sorted, filtered entries of the CV."""
    domain = cv_domain(app.env)
    placeholders = list(doctree.findall(cv.cv_timeline_collected))
    recorded = domain.all_entries(reading_order(app.env, app.config.root_doc)) if placeholders else []
    for placeholder in placeholders:
        entries = [entry for entry in recorded if matches_tags(entry.tags, placeholder["tags"])]
        if not entries:
            logger.warning(
                "cv-timeline :collect: found no entry%s; add cv-entry directives to the CV's pages%s",
                f" with one of the tags {', '.join(placeholder['tags'])}" if placeholder["tags"] else "",
                " or check the spelling of :tags:" if placeholder["tags"] else "",
                location=placeholder,
                type="cv",
                subtype="collect",
            )
        timeline = cv.cv_timeline(
            "",
            *(
                _linked_copy(app, entry, docname)
                for entry in sort_by_dates(entries, lambda entry: entry.record.dates, placeholder["sort"])
            ),
            sort=placeholder["sort"],
            classes=["cv-timeline-collected"],
        )
        timeline.source, timeline.line = placeholder.source, placeholder.line
        placeholder.replace_self(timeline)


def cv_domain(env: BuildEnvironment) -> CvDomain:
    """The CV's domain of ``env``, as its own type (``get_domain`` is typed for any domain)."""
    return cast("CvDomain", env.get_domain(CvDomain.name))


def reading_order(env: BuildEnvironment, root_doc: str) -> list[str]:
    """Docnames in the order a reader meets them: the toctrees depth-first from the root."""
    order: list[str] = []
    pending = [root_doc]
    while pending:
        docname = pending.pop(0)
        if docname not in order:
            order.append(docname)
            pending[:0] = env.toctree_includes.get(docname, [])
    return order


def _linked_copy(app: Sphinx, entry: RecordedEntry, fromdocname: str) -> cv.cv_entry:
    """A copy of a recorded entry whose title links to the original entry."""
    copy = entry.header()
    title = next(copy.findall(cv.cv_entry_title))
    if entry.refid and not any(title.findall(nodes.reference)):
        try:
            uri = app.builder.get_relative_uri(fromdocname, entry.docname)
        except NoUri:
            return copy
        reference = nodes.reference("", "", *title.children, internal=True, refuri=f"{uri}#{entry.refid}")
        title.children = []
        title += reference
    return copy
