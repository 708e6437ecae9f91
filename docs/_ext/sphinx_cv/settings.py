"""Every ``cv_*`` setting, declared once as a field of :class:`CvSettings` (its metadata: conf.py's default, what a
change rebuilds, its check and help), registered by looping over the fields, and read and checked once, at
``config-inited``, into the one frozen object every module reads (:func:`settings`), with what follows from them.

A value that cannot be used gives one ``cv.config`` warning at its line in ``conf.py``, and the default takes its
place. ``cv_name`` is the one setting a CV needs: the project's name, author and copyright, the site's title, and
the file names of the PDF and the EPUB (``ada-lovelace-cv``) follow from it where ``conf.py`` leaves them unset.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from sphinx.util import logging

from . import validators
from .confpy import location, set_in_conf_py, translated_into
from .contact import ContactItem, contact_items
from .lastupdated import last_updated
from .letters.pages import letter_pages
from .model import slugify
from .pdf.designs import DESIGNS, OPTION_KEYS, Design, chosen_design
from .translations import Script, _, script_of
from .validators import ConfigError, Option, option

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)
PDF_ENGINE_HELP = "The PDF's writer: latex (xelatex), or typst (tagged PDF/UA-1 and PDF/A-3a; sphinx-cv[typst])."


@dataclass(frozen=True)
class CvSettings:
    """The ``cv_*`` settings as checked, and what follows from them: the one object every module reads."""

    name: str = field(metadata=option("", "env", "The CV owner's name, as written in the CV.", validators.one_line))
    name_variants: tuple[str, ...] = field(
        metadata=option([], "env", "Further spellings of the owner's name in refs.bib.", validators.name_list)
    )
    section_kinds: dict[str, str] = field(
        metadata=option(
            {}, "env", "More section titles (lower case) -> kind of their entries.", validators.section_kinds
        )
    )
    bib_macros: dict[str, str] = field(
        metadata=option(
            {},
            "env",
            "LaTeX macros of refs.bib -> what they stand for, #1 their argument (e.g. {'myname': '#1'}).",
            validators.bib_macros,
        )
    )
    bib_max_authors: int = field(
        metadata=option(
            10,
            "env",
            "A longer author list is shortened around the owner: the first three, …, the owner, et al. (0: never).",
            validators.count,
        )
    )
    bib_strict: bool = field(
        metadata=option(
            False,
            "",
            "Make what refs.bib leaves out or gets wrong in a printed entry (a missing field, a field written twice, "
            "an unknown type) a warning, which -W makes an error, not a note (what nox -s check sets).",
        )
    )
    #: the contact line's items (conf.py's ``cv_contact`` is a dict of them).
    contact: tuple[ContactItem, ...] = field(
        metadata=option({}, "html", "The contact line: email, website, github, orcid, ...")
    )
    download_files: tuple[str, ...] = field(
        metadata=option([], "env", "The PDF, EPUB and Word CV that cv-downloads links, from the source folder.", tuple)
    )
    slug: str = field(
        metadata=option(
            "",
            "env",
            "The file name of the PDF and the EPUB, without extension (default: from cv_name, e.g. ada-lovelace-cv).",
            validators.slug,
        )
    )
    paper: str = field(metadata=option("a4", "", "Paper size of the PDF: a4 or letter.", validators.paper_size))
    pdf_engine: str = field(metadata=option("latex", "", PDF_ENGINE_HELP, validators.pdf_engine))
    pdf_design: str = field(
        metadata=option("classic", "", f"The PDF's design: {', '.join(DESIGNS)}.", validators.design)
    )
    pdf_options: dict[str, Any] = field(
        metadata=option(
            {},
            "",
            f"The PDF's accent colour, font, type size, margins and side of the dates ({', '.join(OPTION_KEYS)}).",
            validators.pdf_options,
        )
    )
    #: the sources' last change, as an ISO date ("" when nothing tells).
    last_updated: str = field(
        metadata=option("", "html", "ISO date of the last change (else SOURCE_DATE_EPOCH or git).", validators.iso_date)
    )
    variant: str = field(
        metadata=option(
            "", "env", 'A variant of the CV, e.g. "short": only entries tagged with it.', validators.lower_case
        )
    )
    variant_publications: int = field(
        metadata=option(3, "html", "How many of the most recent publications a variant keeps.", validators.count)
    )
    #: this build writes the letters and statements (:attr:`letter_pages`), not the CV.
    letters: bool = field(
        metadata=option(
            False,
            "env",
            "Build the letters of the letters folder, each its own PDF, instead of the CV (what nox -s letter does).",
        )
    )
    equal_contribution_note: str = field(
        metadata=option(
            "equal contribution",
            "html",
            "Explains the * after authors who share first authorship.",
            validators.one_line,
        )
    )
    #: The CV's title: its owner's name, else conf.py's ``project``.
    title: str
    #: The PDF's design with ``cv_pdf_options`` over it, as every writer sets it; the website takes its accent.
    design: Design
    #: Sphinx's ``language`` (``en``, ``pt_BR``), and what it asks of every output.
    language: str
    script: Script
    #: conf.py's LaTeX engine, else xelatex for a CJK CV (xeCJK, not platex for Japanese), else Sphinx's choice.
    latex_engine: str
    #: The PDF's and EPUB's file name: ``cv_slug`` or the name's, the variant's, the translation's (``…-cv-short-de``).
    file_stem: str
    #: The language this build translates the CV into with ``-D language=...``; "" when it is conf.py's own.
    translated_into: str
    #: The letters and statements this build writes: the docnames of the pages of the letters folder.
    letter_pages: tuple[str, ...]
    #: Those of :attr:`letter_pages` that are statements (no ``cv-letter`` directive).
    statements: tuple[str, ...]
    #: The pages of the letters folder that no other build reads: those not ``public: true`` in their front matter.
    private_pages: tuple[str, ...]
    #: The pages of the letters folder whose front matter says ``public: true``.
    public_pages: tuple[str, ...]


#: Each field of :class:`CvSettings` that is a setting, by its name in conf.py (``cv_name``), in their order.
OPTIONS: dict[str, Option] = {
    f"cv_{field.name}": field.metadata["option"] for field in dataclasses.fields(CvSettings) if field.metadata
}

_SETTINGS: WeakKeyDictionary[Config, CvSettings] = WeakKeyDictionary()
#: The settings are read first thing at ``config-inited``; the defaults of Sphinx's own settings right after.
SETTINGS_PRIORITY = 300


def settings(config: Config) -> CvSettings:
    """The settings read from ``config`` at ``config-inited``."""
    try:
        return _SETTINGS[config]
    except KeyError:
        raise RuntimeError("the cv_* settings are read at config-inited: load sphinx_cv as an extension") from None


def _checked(config: Config, warn: Callable[[str, str], None]) -> dict[str, Any]:
    """Each ``cv_*`` value (by its field's name) as its check returns it, or as it returns the default (with a
    warning) when the value cannot be used."""
    values = {}
    for name, declared in OPTIONS.items():
        value = getattr(config, name)
        if declared.check is not None:
            try:
                value = declared.check(value)
            except ConfigError as error:
                warn(name, f"{name} {error}")
                value = declared.check(declared.default)
        values[name.removeprefix("cv_")] = value
    return values


def _read(config: Config, srcdir: Path, warn: Callable[[str, str], None]) -> CvSettings:
    """The settings of ``config`` (the sources' date from git in ``srcdir``); ``warn(name, message)`` says what
    cannot be used."""
    values = _checked(config, warn)
    if not values["name"]:
        warn(
            "cv_name",
            'cv_name is not set: add your name to conf.py, e.g. cv_name = "Ada Lovelace" (it titles '
            "the PDF and the EPUB and is set in bold in your publications)",
        )
    items, problems = contact_items(dict(values["contact"]))
    for problem in problems:
        warn("cv_contact", f"{problem} (left out of the contact line)")
    name, variant, translation = values["name"], values["variant"], translated_into(config)
    stem = values["slug"] or "-".join(filter(None, [slugify(name), "cv"]))
    stem = "-".join(filter(None, [stem, slugify(variant), translation.replace("_", "-").lower()]))
    script = script_of(config.language)
    engine = "xelatex" if script.cjk_region and not set_in_conf_py(config, "latex_engine") else config.latex_engine
    downloads = [f"_build/{stem}.{suffix}" for suffix in ("pdf", "epub", "docx")]  # as nox -s pdf, epub, docx write
    if set_in_conf_py(config, "cv_download_files"):
        downloads = values["download_files"]
    if not set_in_conf_py(config, "cv_equal_contribution_note"):
        values["equal_contribution_note"] = str(_("equal contribution"))  # in the CV's language
    pages = letter_pages(srcdir)
    letters = [page for page in pages if values["letters"]]
    return CvSettings(
        **values
        | {
            "contact": tuple(items),
            "download_files": tuple(downloads),
            "last_updated": last_updated(values["last_updated"], config, srcdir),
        },
        title=name or config.project,
        design=chosen_design(values["pdf_design"], values["pdf_options"]),
        language=config.language,
        script=script,
        latex_engine=engine,
        file_stem=stem,
        translated_into=translation,
        letter_pages=tuple(page.docname for page in letters),
        statements=tuple(page.docname for page in letters if not page.is_letter),
        private_pages=tuple(page.docname for page in pages if not page.public),
        public_pages=tuple(page.docname for page in pages if page.public),
    )


def read_settings(app: Sphinx, config: Config) -> None:
    """Check every ``cv_*`` value (a bad one warns and falls back to its default), and keep the settings."""

    def warn(name: str, message: str) -> None:
        logger.warning(message, location=location(app, name), type="cv", subtype="config")

    _SETTINGS[config] = _read(config, Path(app.srcdir), warn)


def setup_config(app: Sphinx) -> None:
    """Register every ``cv_*`` value; read them first thing at ``config-inited``."""
    for name, declared in OPTIONS.items():
        app.add_config_value(name, declared.default, declared.rebuild, types=declared.types, description=declared.help)
    app.connect("config-inited", read_settings, priority=SETTINGS_PRIORITY)
