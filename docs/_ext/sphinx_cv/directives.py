"""The ``cv-entry``, ``cv-line`` and ``cv-timeline`` directives."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from . import nodes as cv
from .dates import DateError, DateRange, parse_dates, written_dates
from .links import LinkError, link_target
from .model import KINDS, SORT_ORDERS, matches_tags, parse_tags, sort_by_dates
from .settings import settings
from .translations import date_words

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.util.typing import OptionSpec

    from .settings import CvSettings

logger = logging.getLogger(__name__)

_NO_HTML = "it is shown as text: use Markdown (*italic*, **bold**, [text](url)) instead"
#: Set in ``env.temp_data`` while an entry's body is parsed, to catch nested entries.
_INSIDE_ENTRY = "cv_inside_entry"


def _check_url(value: str) -> str:
    """A ``:url:`` value: one absolute http(s), mailto or tel URL, or a relative path; percent-encoded."""
    url = directives.uri(value)
    try:
        return link_target(url, relative=True)
    except LinkError as error:
        msg = f"only http, https, mailto and tel links are allowed (got {url!r}, which {error})"
        raise ValueError(msg) from None


class CvDirective(SphinxDirective):
    """Shared base: warnings of type ``cv`` located at the directive, the ``:kind:`` option, inline fields."""

    messages: list[nodes.system_message]  #: the messages of parsing the inline fields, returned after the node

    @property
    def cv_settings(self) -> CvSettings:
        """The CV's settings (as :attr:`config` is Sphinx's)."""
        return settings(self.config)

    def _warn(self, message: str, subtype: str) -> None:
        logger.warning(message, location=self.get_location(), type="cv", subtype=subtype)

    def _inline(self, node_class: type[nodes.TextElement], text: str, *, link: str = "") -> nodes.TextElement:
        """Inline markup of a title or option value; raw HTML in it is shown as text, with a warning."""
        children, messages = self.parse_inline(text.strip(), lineno=self.lineno)
        self.messages.extend(messages)
        node = node_class(text, "", *children)
        for raw in list(node.findall(nodes.raw)):
            self._warn(
                f"HTML is not allowed in a {self.name}'s title or options ({raw.astext()!r}); {_NO_HTML}", "html"
            )
            raw.replace_self(nodes.Text(raw.astext()))
        if link:
            reference = nodes.reference("", "", *node.children, refuri=link)
            node.children = []
            node += reference
        self.set_source_info(node)
        return node

    def _identify(self, node: nodes.Element, text: str) -> None:
        """Give ``node`` an id from ``text``, unique in its page (two entries may share a title)."""
        node["ids"].append(make_id(self.env, self.state.document, "cv", text))
        self.state.document.note_explicit_target(node)

    def _in_variant(self, tags: list[str]) -> bool:
        """False when a variant of the CV is built and these tags do not name it (see sphinx_cv.variant)."""
        return not self.cv_settings.variant or self.cv_settings.variant in tags

    def _kind(self) -> str:
        """The ``:kind:`` option, or "" (then the section title decides, see ``cv_section_kinds``)."""
        kind: str = self.options.get("kind", "").strip().lower()
        if kind and kind not in KINDS:
            self._warn(
                f"unknown :kind: {kind!r}; use one of {', '.join(KINDS)} (or leave it out: the section title decides)",
                "kind",
            )
            return ""
        return kind


class CvEntryDirective(CvDirective):
    """One CV entry: a title, optional organisation, dates, location, link and tags, and a body."""

    has_content = True
    required_arguments = 0  # checked in run() so that a missing title warns instead of dropping the entry
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[OptionSpec] = {
        "org": directives.unchanged,
        "dates": directives.unchanged,
        "date-text": directives.unchanged,
        "location": directives.unchanged,
        "area": directives.unchanged,
        "url": _check_url,
        "tags": directives.unchanged,
        "kind": directives.unchanged,
    }

    def run(self) -> list[Node]:
        self.messages: list[nodes.system_message] = []
        entry = cv.cv_entry()
        self.set_source_info(entry)
        title = self.arguments[0].strip() if self.arguments else ""
        if not title:
            self._warn(
                "cv-entry needs a title: write it after the directive name, e.g. ':::{cv-entry} D.Phil. in Statistics'",
                "title",
            )
        entry["tags"] = parse_tags(self.options.get("tags"))
        if not self._in_variant(entry["tags"]):
            return []
        self._identify(entry, title or "entry")
        entry["kind"] = self._kind()
        entry["url"] = self.options.get("url", "")
        entry["dates"] = self._parse_dates()
        if self.env.temp_data.get(_INSIDE_ENTRY):
            self._warn("cv-entry cannot be nested in another cv-entry; close the outer entry first", "nesting")

        title_node = self._inline(cv.cv_entry_title, title, link=entry["url"])
        if self.options.get("area", "").strip():
            title_node += self._inline(cv.cv_entry_area, self.options["area"])
        heading = cv.cv_entry_heading("", title_node)
        if self.options.get("org", "").strip():
            heading += self._inline(cv.cv_entry_org, self.options["org"])
        meta = cv.cv_entry_meta()
        if entry["dates"] is not None:
            words = date_words(self.cv_settings.language)  # in the CV's language
            parts, separator = entry["dates"].rendered(words)
            label = separator.join(text for text, _iso in parts)
            meta += cv.cv_entry_dates(label, label, dates=entry["dates"], parts=parts, separator=separator)
        if self.options.get("location", "").strip():
            meta += self._inline(cv.cv_entry_location, self.options["location"])
        entry += cv.cv_entry_header("", heading, *([meta] if meta.children else []))

        body = cv.cv_entry_body()
        self.env.temp_data[_INSIDE_ENTRY] = True
        try:
            body += self.parse_content_to_nodes()
        finally:
            self.env.temp_data.pop(_INSIDE_ENTRY, None)
        if body.children:
            entry += body
        return [entry, *self.messages]

    def _parse_dates(self) -> DateRange | None:
        """The entry's ``:dates:``, or its ``:date-text:``: dates as written, which no grammar reads."""
        text, written = self.options.get("dates"), self.options.get("date-text")
        if text is not None and written is not None:
            self._warn("give :dates: or :date-text:, not both; :dates: is shown", "date")
        try:
            if text is not None:
                return parse_dates(text, date_words(self.cv_settings.language))
            return written_dates(written) if written is not None else None
        except DateError as error:
            self._warn(f"invalid :{'dates' if text is not None else 'date-text'}: {text or written!r}: {error}", "date")
            return None


class CvLineDirective(CvDirective):
    """A one-line entry: a label and one line of details (skills, languages, numbered items)."""

    has_content = True
    required_arguments = 0  # checked in run(), as for cv-entry
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[OptionSpec] = {
        "level": directives.unchanged,
        "tags": directives.unchanged,
        "kind": directives.unchanged,
    }

    def run(self) -> list[Node]:
        self.messages: list[nodes.system_message] = []
        label = self.arguments[0].strip() if self.arguments else ""
        if not label:
            self._warn(
                "cv-line needs a label: write it after the directive name, e.g. ':::{cv-line} Languages'", "title"
            )
        tags = parse_tags(self.options.get("tags"))
        if not self._in_variant(tags):
            return []
        numbered = bool(re.fullmatch(r"[\[(]?\d+[.)\]]?", label))  # "1.", "[3]": a narrow label column
        line = cv.cv_line(
            kind=self._kind(),
            tags=tags,
            numbered=numbered,
        )
        self._identify(line, label or "line")
        self.set_source_info(line)
        label_node = self._inline(cv.cv_line_label, label)
        if self.options.get("level", "").strip():
            label_node += self._inline(cv.cv_line_level, self.options["level"])
        line += label_node
        if any(not text.strip() for text in self.content) and any(text.strip() for text in self.content):
            self._warn(
                "cv-line holds one paragraph of details; its paragraphs are joined (use cv-entry for more)", "content"
            )
        details = " ".join(text.strip() for text in self.content if text.strip())
        if details:
            line += self._inline(cv.cv_line_details, details)
        return [line, *self.messages]


class CvTimelineDirective(CvDirective):
    """A sorted, filtered timeline of the ``cv-entry`` directives in its body, or of the whole CV."""

    has_content = True
    option_spec: ClassVar[OptionSpec] = {
        "sort": directives.unchanged,
        "tags": directives.unchanged,
        "collect": directives.flag,
        "kind": directives.unchanged,
    }

    def run(self) -> list[Node]:
        order = self._sort_order()
        tags = parse_tags(self.options.get("tags"))
        collect = "collect" in self.options
        if collect and self.content:
            self._warn(
                "cv-timeline :collect: takes no body; showing the body's entries instead of "
                "collecting: remove :collect: or move the entries to their own pages",
                "collect",
            )
            collect = False
        if collect:
            placeholder = cv.cv_timeline_collected(sort=order, tags=tags)
            self.set_source_info(placeholder)
            return [placeholder]
        if not self.content:
            self._warn(
                "cv-timeline is empty: put cv-entry directives in its body, "
                "or add :collect: to gather every entry of the CV",
                "empty",
            )
            return []

        parsed = self.parse_content_to_nodes()
        entries = [node for node in parsed if isinstance(node, cv.cv_entry)]
        others = [node for node in parsed if not isinstance(node, cv.cv_entry)]
        if any(not isinstance(node, (nodes.comment, nodes.system_message)) for node in others):
            self._warn(
                "cv-timeline holds only cv-entry directives; its other content is shown before the timeline", "content"
            )
        kind = self._kind()
        for entry in entries:
            entry["kind"] = entry["kind"] or kind
        kept = [entry for entry in entries if matches_tags(entry["tags"], tags)]
        if entries and not kept:
            self._warn(
                f"no entry of this cv-timeline has one of the tags {', '.join(tags)}; check the spelling of :tags:",
                "tags",
            )
        timeline = cv.cv_timeline("", *sort_by_dates(kept, lambda entry: entry["dates"], order), sort=order)
        self.set_source_info(timeline)
        return [*others, timeline]

    def _sort_order(self) -> str:
        order: str = self.options.get("sort", "newest-first").strip().lower()
        if order not in SORT_ORDERS:
            self._warn(
                f"unknown :sort: value {order!r}; use one of {', '.join(SORT_ORDERS)} (showing newest-first)", "sort"
            )
            return "newest-first"
        return order
