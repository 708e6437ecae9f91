"""Publications from ``refs.bib`` through sphinxcontrib-bibtex: the ``cv`` style, lists in place, a statement's
references, checks, cache."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import cv_domain
from ..settings import CvSettings, settings
from ..sphinx_defaults import Mode, SphinxDefault, add_sphinx_defaults
from .adapter import bib_files, forget_parsed_files, preambles, read_comment_lines
from .cache import CACHE_FILE
from .checks import report_bib_problems, start_capture, summarise_notes
from .groups import setup_groups
from .lists import BreakableLinksTransform, PublicationAnchorsTransform, PublicationListTransform
from .macros import macro, preamble_macros
from .normalise import normalise_entry
from .references import ReferencesDirective
from .style import CvStyle, owner_style, register_shared_styles, register_style

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment


class PublicationStyle:
    """This project's ``cv`` style: made for its owner, registered again just before each use, its cache kept.

    pybtex finds styles by name in one registry per process. Another Sphinx project in the same
    process (tests, sphinx-autobuild) may have registered its own ``cv`` style since; so this
    project's style is registered again at ``env-updated``, when sphinxcontrib-bibtex formats.
    """

    def __init__(self) -> None:
        self.style: type[CvStyle] | None = None

    def configure(self, app: Sphinx, config: Config) -> None:
        cv = settings(config)
        self.style = owner_style([cv.name, *cv.name_variants], cv.language, cv.bib_max_authors)
        register_style(self.style)

    def register(self, app: Sphinx, env: BuildEnvironment) -> None:
        if self.style is not None:
            register_style(self.style)

    def load_cache(self, app: Sphinx) -> None:
        """Read what the last build formatted (before sphinxcontrib-bibtex formats, at ``env-updated``)."""
        if self.style is not None and self.style.format_cache is not None:
            self.style.format_cache.load(Path(app.doctreedir, CACHE_FILE))

    def save_cache(self, app: Sphinx, exception: Exception | None) -> None:
        """Keep what this build formatted for the next one."""
        cache = self.style.format_cache if self.style is not None else None
        if exception is None and cache is not None and cache.current:
            cache.save(Path(app.doctreedir, CACHE_FILE))


def reparse_if_macros_changed(app: Sphinx) -> None:
    """Have the .bib files parsed again when conf.py's ``cv_bib_macros`` changed since their entries were read: the
    parsed entries hold the old macros' expansion (runs before sphinxcontrib-bibtex parses)."""
    domain = cv_domain(app.env)
    macros = settings(app.config).bib_macros
    if domain.data.get("bib_macros", macros) != macros:
        forget_parsed_files(app.env)
        domain.bib_warnings.clear()
    domain.data["bib_macros"] = dict(macros)


def rewrite_parsed_entries(app: Sphinx) -> None:
    """Rewrite, in place, every entry that sphinxcontrib-bibtex parsed from the .bib files into the one form the
    style sets, their macros expanded; and report what the files get wrong."""
    cv = settings(app.config)
    own = {name: macro(body) for name, body in cv.bib_macros.items()}
    macros = {**preamble_macros(preambles(app.env)), **own}
    name_macros = {
        path: {key: normalise_entry(entry, macros) for key, entry in entries.items()}
        for path, entries in bib_files(app.env).items()
    }
    report_bib_problems(app, name_macros, cv.bib_strict)


def _cv_style(cv: CvSettings, config: Config) -> str | None:
    """The extension's pybtex style, where sphinxcontrib-bibtex is loaded: its own (``alpha``) prints LaTeX as
    written."""
    return "cv" if "bibtex_default_style" in config else None


#: sphinxcontrib-bibtex's styles: the publications as a CV lists them (``style.py``).
BIBLIOGRAPHY_DEFAULTS = (
    SphinxDefault("bibtex_default_style", Mode.UNSET, _cv_style),
    SphinxDefault("bibtex_reference_style", Mode.UNSET, _cv_style),
)


def setup_bibliography(app: Sphinx) -> None:
    """Register the styles, the groups, a statement's references, the list transforms, the checks of ``refs.bib``
    and the format cache."""
    add_sphinx_defaults(app, BIBLIOGRAPHY_DEFAULTS)
    register_shared_styles()
    read_comment_lines()
    setup_groups(app)
    app.add_directive("cv-references", ReferencesDirective)
    style = PublicationStyle()
    app.add_post_transform(PublicationListTransform)
    app.add_post_transform(PublicationAnchorsTransform)
    app.add_post_transform(BreakableLinksTransform)
    app.connect("config-inited", style.configure)
    app.connect("builder-inited", start_capture, priority=400)  # sphinxcontrib-bibtex parses at 500
    app.connect("builder-inited", reparse_if_macros_changed, priority=450)
    app.connect("builder-inited", rewrite_parsed_entries, priority=550)
    app.connect("builder-inited", style.load_cache)
    app.connect("env-updated", style.register, priority=400)  # sphinxcontrib-bibtex formats at 500
    app.connect("build-finished", style.save_cache)
    app.connect("build-finished", summarise_notes)
