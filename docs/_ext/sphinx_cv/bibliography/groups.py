"""Publication groups: the ``cv-publications`` directive, a sphinxcontrib-bibtex bibliography chosen by entry type.

A group selects the entries of ``refs.bib`` by ``:types:`` and ``:keywords:`` (no filter
expression to write). Each entry goes into the first group on its page that selects it, so
groups never list an entry twice, and a group without ``:types:`` takes whatever the groups
above it left: the last group, "Other", lists the rest. A group that selects nothing prints
nothing, and the section that holds only it goes too (before the table of contents is read).
An entry that no bibliography lists is named in a located warning (:func:`report_unlisted`).

The selection is made here, in Python, at read time; sphinxcontrib-bibtex gets it as a
``key`` filter and formats the entries as for any ``bibliography``.
"""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.transforms import Transform
from sphinx.util import logging
from sphinxcontrib.bibtex.directives import BibliographyDirective

from ..domain import cv_domain
from ..settings import settings
from .adapter import bib_files, bibliographies_exist, bibtex_loaded, cited_entries
from .checks import entry_location
from .style import LAYOUTS

if TYPE_CHECKING:
    from pathlib import Path

    from pybtex.database import Entry
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: The keys that groups of the page being read have taken (``env.temp_data`` is per document).
TAKEN = "cv_publications_taken"
#: How many keys a warning about unlisted entries names.
NAMED_KEYS = 5


def words(text: str) -> set[str]:
    """The entry types of an option, lower-cased: separated by commas or spaces."""
    return {word for word in re.split(r"[\s,]+", text.lower()) if word}


def phrases(text: str) -> set[str]:
    """Keywords, as BibTeX's ``keywords`` field lists them: separated by commas or semicolons, lower-cased
    (``machine learning`` is one keyword)."""
    return {" ".join(phrase.lower().split()) for phrase in re.split(r"[,;]", text) if phrase.strip()}


class PublicationsDirective(BibliographyDirective):
    """``cv-publications``: the entries of the given types (all types without ``:types:``) that no group above took."""

    has_content = False
    required_arguments = 0
    optional_arguments = 0
    option_spec: ClassVar[dict[str, Any]] = {
        "types": directives.unchanged,
        "keywords": directives.unchanged,
        "exclude-keywords": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        if without_bibtex(self):
            return []
        if settings(self.config).letter_pages:  # that build writes the letters and statements only
            return []
        cv_domain(self.env).publication_lists[self.env.docname] = True
        files = bib_files(self.env)
        for path in files:
            self.env.note_dependency(str(path))
        types = self._types({entry.type.lower() for entries in files.values() for entry in entries.values()})
        keywords = phrases(self.options.get("keywords", ""))
        excluded = phrases(self.options.get("exclude-keywords", ""))
        taken: set[str] = self.env.temp_data.setdefault(TAKEN, set())  # type: ignore[assignment]  # _TempData
        keys = [
            key
            for entries in files.values()
            for key, entry in entries.items()
            if key not in taken and _selects(entry, types, keywords, excluded)
        ]
        taken.update(keys)
        if not keys:
            pending = nodes.pending(EmptyGroupTransform)
            self.state.document.note_pending(pending)
            return [pending]
        # sphinxcontrib-bibtex lower-cases the key it matches; a regular expression is searched once per entry.
        pattern = "^(?:" + "|".join(re.escape(key.lower()) for key in keys) + ")$"
        self.options = {"filter": f"key % {pattern!r}"}
        return list(super().run())

    def _types(self, present: set[str]) -> set[str] | None:
        """The ``:types:`` asked for (None: every type); a type no entry has and no layout knows is a warning."""
        if "types" not in self.options:
            return None
        asked = words(self.options["types"])
        for name in sorted(asked - present - set(LAYOUTS)):
            close = difflib.get_close_matches(name, sorted(present | set(LAYOUTS)), n=1)
            logger.warning(
                "cv-publications: no entry type %r (%s)",
                name,
                f"did you mean {close[0]!r}?" if close else f"the types of refs.bib are {', '.join(sorted(present))}",
                location=self.get_location(),
                type="cv",
                subtype="bib",
            )
        return asked


def without_bibtex(directive: BibliographyDirective) -> bool:
    """True, with a warning at the directive, when the project does not load sphinxcontrib-bibtex."""
    if bibtex_loaded(directive.env):
        return False
    logger.warning(
        "%s needs sphinxcontrib-bibtex: add 'sphinxcontrib.bibtex' to extensions in conf.py",
        directive.name,
        location=directive.get_location(),
        type="cv",
        subtype="bib",
    )
    return True


def _selects(entry: Entry, types: set[str] | None, keywords: set[str], excluded: set[str]) -> bool:
    if types is not None and entry.type.lower() not in types:
        return False
    has = phrases(entry.fields.get("keywords", ""))
    return (not keywords or bool(has & keywords)) and not has & excluded


class EmptyGroupTransform(Transform):
    """Remove a group that selected nothing, and the section it leaves with nothing but its title; never the page's
    own section, whose title is the page's title (the page stays in the table of contents)."""

    default_priority = 200

    def apply(self, **kwargs: Any) -> None:
        pending = self.startnode
        parent = pending.parent if pending is not None else None
        if pending is None or parent is None:
            return
        parent.remove(pending)
        only_a_title = all(isinstance(child, nodes.title) for child in parent.children)
        page_title = isinstance(parent.parent, nodes.document)
        if isinstance(parent, nodes.section) and only_a_title and parent.parent is not None and not page_title:
            parent.parent.remove(parent)


def report_unlisted(app: Sphinx, env: BuildEnvironment) -> None:
    """Name the entries of ``refs.bib`` that no bibliography lists, by type, at the first one's line (when a page
    has a publication list, even one that selected nothing)."""
    lists_publications = bibliographies_exist(env) or bool(cv_domain(env).publication_lists)
    if not lists_publications or settings(env.config).letter_pages:
        return
    listed = {entry.key for entry in cited_entries(env).values()}
    for path, entries in bib_files(env).items():
        unlisted: dict[str, list[str]] = {}
        for key, entry in entries.items():
            if key not in listed:
                unlisted.setdefault(entry.type.lower(), []).append(key)
        for entry_type, keys in unlisted.items():
            _warn_unlisted(path, entry_type, keys)


def _warn_unlisted(path: Path, entry_type: str, keys: list[str]) -> None:
    named = ", ".join(repr(key) for key in keys[:NAMED_KEYS]) + (
        f" and {len(keys) - NAMED_KEYS} more" if len(keys) > NAMED_KEYS else ""
    )
    logger.warning(
        "%d bibliography %s of type @%s (%s) %s in no publication list: add %r to a group's :types:, or end the "
        "page with a group without :types: to list the rest",
        len(keys),
        "entry" if len(keys) == 1 else "entries",
        entry_type,
        named,
        "is" if len(keys) == 1 else "are",
        entry_type,
        location=entry_location(path, keys[0]),
        type="cv",
        subtype="bib",
    )


def setup_groups(app: Sphinx) -> None:
    """Register ``cv-publications`` and the warning about entries no list shows."""
    app.add_directive("cv-publications", PublicationsDirective)
    app.connect("env-check-consistency", report_unlisted)
