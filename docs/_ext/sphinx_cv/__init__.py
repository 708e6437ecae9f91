"""sphinx_cv: write a CV once as MyST pages, publish it as a website, a PDF and an EPUB."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.fileutil import copy_asset_file

from .bibcache import load_format_cache, save_format_cache
from .bibcheck import report_captured, start_capture
from .bibstyle import register_styles
from .builder import JsonResumeBuilder
from .checks import check_config, warn_about_unread_pages
from .directives import CvEntryDirective, CvTimelineDirective
from .domain import CvDomain, fill_collected_timelines, outdated_documents
from .downloads import CvDownloadsDirective, copy_downloads, fill_downloads
from .epub import apply_epub_defaults, fix_epub_timestamps
from .lastupdated import set_last_updated
from .pdf import apply_latex_defaults
from .publications import setup_publications
from .variant import setup_variant
from .webmeta import add_head_metadata
from .writers import setup_writers

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.util.typing import ExtensionMetadata

__version__ = "0.1.0"

PACKAGE_DIR = Path(__file__).parent
STATIC_DIR = PACKAGE_DIR / "static"
LATEX_STYLE = PACKAGE_DIR / "latex" / "sphinxcv.sty"


def _add_static_path(app: Sphinx, config: Config) -> None:
    """Ship ``sphinx_cv.css`` with every HTML-based build (EPUB included).

    At ``config-inited``, before Sphinx compares the configuration with the pickled one: added
    later, the path would look like a changed setting, and every page would be rewritten each time.
    """
    if str(STATIC_DIR) not in config.html_static_path:
        config.html_static_path.append(str(STATIC_DIR))


def _copy_latex_style(app: Sphinx, exception: Exception | None) -> None:
    """Put ``sphinxcv.sty`` beside the ``.tex`` files so that latexmk finds it."""
    if exception is None and app.builder.format == "latex":
        copy_asset_file(LATEX_STYLE, app.builder.outdir, force=True)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value("cv_name", "", "env", types=frozenset({str}),
                         description="The CV owner's name, as written in the CV.")  # fmt: skip
    app.add_config_value("cv_name_variants", [], "env", types=frozenset({list, tuple}),
                         description="Further spellings of the owner's name in refs.bib.")  # fmt: skip
    app.add_config_value("cv_section_kinds", {}, "env", types=frozenset({dict}),
                         description="More section titles (lower case) -> kind of their entries.")  # fmt: skip
    app.add_config_value("cv_contact", {}, "env", types=frozenset({dict}),
                         description="The contact line: email, website, github, orcid, ...")  # fmt: skip
    app.add_config_value("cv_download_files", [], "env", types=frozenset({list, tuple}),
                         description="The PDF and EPUB that cv-downloads links, from the source folder.")  # fmt: skip
    app.add_config_value("cv_paper", "a4", "env", types=frozenset({str}),
                         description="Paper size of the PDF: a4 or letter.")  # fmt: skip
    app.add_config_value("cv_last_updated", "", "html", types=frozenset({str}),
                         description="ISO date of the last change (else SOURCE_DATE_EPOCH or git).")  # fmt: skip
    setup_writers(app)
    setup_publications(app)
    setup_variant(app)
    app.add_directive("cv-entry", CvEntryDirective)
    app.add_directive("cv-timeline", CvTimelineDirective)
    app.add_directive("cv-downloads", CvDownloadsDirective)
    app.add_domain(CvDomain)
    app.add_builder(JsonResumeBuilder)
    app.add_css_file("sphinx_cv.css")
    app.add_latex_package("sphinxcv")

    app.connect("config-inited", _add_static_path)
    app.connect("config-inited", set_last_updated)  # before the LaTeX defaults, which use the date
    app.connect("config-inited", register_styles)
    app.connect("config-inited", apply_latex_defaults)
    app.connect("config-inited", apply_epub_defaults)
    app.connect("builder-inited", check_config)
    app.connect("builder-inited", start_capture, priority=400)  # sphinxcontrib-bibtex parses at 500
    app.connect("builder-inited", report_captured, priority=600)
    app.connect("builder-inited", load_format_cache)
    app.connect("env-before-read-docs", warn_about_unread_pages)
    app.connect("env-get-outdated", outdated_documents)
    app.connect("doctree-resolved", fill_collected_timelines)
    app.connect("doctree-resolved", fill_downloads)
    app.connect("html-page-context", add_head_metadata)
    app.connect("build-finished", _copy_latex_style)
    app.connect("build-finished", copy_downloads)
    app.connect("build-finished", fix_epub_timestamps)
    app.connect("build-finished", save_format_cache)
    return {"version": __version__, "env_version": 3, "parallel_read_safe": True, "parallel_write_safe": True}
