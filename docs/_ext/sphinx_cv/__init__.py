"""sphinx_cv: write a CV once as MyST pages, publish it as a website, a PDF and an EPUB.

The core (settings, dates, records, nodes, directives, the ``cv`` domain) sits at the top
of the package; each output or feature is a subpackage or module with its own ``setup_*``.
The parts are imported by :func:`setup`, so that ``python -m sphinx_cv_tool.build`` can tell
that nothing needs building without importing Sphinx.

What another program (``sphinx_cv_tool``) may use, and nothing else, is :mod:`sphinx_cv.api`.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

try:
    __version__ = version("sphinx-cv")
except PackageNotFoundError:  # used from a checkout without being installed
    __version__ = "0+unknown"


def setup(app: Sphinx) -> ExtensionMetadata:
    from .as_written import NoteEducatedText, NoteTypedText
    from .bibliography import setup_bibliography
    from .directives import CvEntryDirective, CvLineDirective, CvTimelineDirective
    from .docx import setup_docx
    from .domain import CvDomain, fill_collected_timelines, pages_to_rewrite
    from .epub import setup_epub
    from .files import warn_about_unread_pages
    from .gettext_entries import setup_gettext_entries
    from .jsonresume import setup_jsonresume
    from .letters import setup_letters
    from .pdf import setup_pdf
    from .settings import setup_config
    from .sphinx_defaults import PROJECT_DEFAULTS, add_sphinx_defaults
    from .translations import setup_translations
    from .typst import setup_typst
    from .variant import setup_variant
    from .visitors import setup_visitors
    from .web import setup_web

    setup_translations(app)
    setup_gettext_entries(app)
    setup_config(app)
    add_sphinx_defaults(app, PROJECT_DEFAULTS)
    setup_visitors(app)
    app.add_directive("cv-entry", CvEntryDirective)
    app.add_directive("cv-line", CvLineDirective)
    app.add_directive("cv-timeline", CvTimelineDirective)
    app.add_domain(CvDomain)
    app.add_transform(NoteTypedText)
    app.add_transform(NoteEducatedText)
    app.connect("env-before-read-docs", warn_about_unread_pages)
    app.connect("env-get-updated", pages_to_rewrite)
    app.connect("doctree-resolved", fill_collected_timelines)
    setup_bibliography(app)
    setup_variant(app)
    setup_pdf(app)
    setup_epub(app)
    setup_web(app)
    setup_jsonresume(app)
    setup_letters(app)
    setup_typst(app)
    setup_docx(app)
    return {"version": __version__, "env_version": 9, "parallel_read_safe": True, "parallel_write_safe": True}
