"""Every ``cv_*`` setting: registered here, and read, checked and completed once, when the configuration is read,
into one frozen :class:`CvSettings` that every module reads (:func:`settings`). No module writes to Sphinx's
``Config`` but this one, in :func:`apply_defaults`, from the table of ``sphinx_defaults.py``.

A value that cannot be used gives one ``cv.config`` warning, located at its line in
``conf.py``, and the default takes its place; the rest of the build goes on.

``cv_name`` is the one setting a CV needs: the project's name, author and copyright, the
site's title, and the file names of the PDF and the EPUB (``cv_slug``, by default
``ada-lovelace-cv``, with ``-short`` for the short variant) follow from it wherever
``conf.py`` leaves them unset. Whether ``conf.py`` sets a value is read from Sphinx's
``Config._raw_config`` (its namespace) and ``_overrides`` (``-D``): the one use of Sphinx's
internals here, checked by ``tests/test_config.py``.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from weakref import WeakKeyDictionary

from myst_parser.config.main import TopmatterReadError, read_topmatter
from sphinx.util import logging

from .contact import ContactItem, contact_items
from .designs import DESIGNS, OPTION_KEYS, OptionError, check_design, check_options
from .lastupdated import last_updated
from .model import KINDS, slugify
from .translations import _

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

PAPER_SIZES = ("a4", "letter")


class ConfigError(ValueError):
    """A setting that cannot be used; the message says what to write instead."""


#: What a change of a setting rebuilds (the values of Sphinx's ``add_config_value`` that the settings use).
Rebuild = Literal["", "env", "html"]


@dataclass(frozen=True)
class Option:
    """One ``cv_*`` setting: its default, what a change rebuilds, and how it is checked."""

    name: str
    default: Any
    rebuild: Rebuild
    types: frozenset[type]
    description: str
    check: Callable[[Any], Any] | None = None  #: returns the value to use, or raises ConfigError


def _text(value: str) -> str:
    return " ".join(value.split())


def _lower(value: str) -> str:
    return _text(value).lower()


def _names(value: list[str] | tuple[str, ...]) -> list[str]:
    if not all(isinstance(name, str) for name in value):
        raise ConfigError("write it as a list of names, e.g. ['J. Benton']")
    return [_text(name) for name in value if name.strip()]


def _paper(value: str) -> str:
    paper = _lower(value)
    if paper not in PAPER_SIZES:
        raise ConfigError(f"must be one of {', '.join(PAPER_SIZES)} (got {value!r}); using a4")
    return paper


def _section_kinds(value: dict[str, str]) -> dict[str, str]:
    unknown = {title: kind for title, kind in value.items() if kind not in KINDS}
    if unknown:
        title, kind = next(iter(unknown.items()))
        raise ConfigError(f"unknown kind {kind!r} for {title!r}; use one of {', '.join(KINDS)}")
    return {_lower(title): kind for title, kind in value.items()}


def _bib_macros(value: dict[str, str]) -> dict[str, str]:
    for name, body in value.items():
        if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z@]+", name.lstrip("\\")):
            raise ConfigError(f"names macros by their letters, e.g. {{'myname': '#1'}} (got {name!r})")
        if not isinstance(body, str):
            raise ConfigError(f"gives each macro the LaTeX it stands for, as text (got {body!r} for {name!r})")
    return {name.lstrip("\\"): body for name, body in value.items()}


def _slug(value: str) -> str:
    if value and slugify(value) != value:
        raise ConfigError(
            f"must be lower-case ASCII letters, digits and hyphens (got {value!r}); try {slugify(value)!r}"
        )
    return value


def _count(value: int) -> int:
    if value < 0:
        raise ConfigError(f"must be 0 or more (got {value})")
    return value


def _pdf(check: Callable[[Any], Any], value: Any) -> Any:
    """A check of ``designs`` (which knows no Sphinx), its error as a setting's."""
    try:
        return check(value)
    except OptionError as error:
        raise ConfigError(str(error)) from None


def _iso_date(value: str) -> str:
    if value and not re.fullmatch(r"\d{4}-\d\d-\d\d", value.strip()):
        raise ConfigError(f"write an ISO date, e.g. '2026-01-31' (got {value!r})")
    return value.strip()


#: The folder of the cover letters and statements, in the source folder (``sphinx_cv.letters``).
LETTERS_FOLDER = "letters"
#: The start of a ``cv-letter`` directive in MyST: a page of the letters folder with one is a letter, any other a
#: statement (told apart when the settings are read, before any page is: the two name their PDFs differently).
_LETTER_DIRECTIVE = re.compile(r"^[ \t]*(?:`{3,}|~{3,}|:{3,})[ \t]*\{cv-letter\}", re.MULTILINE)

OPTIONS = (
    Option("cv_name", "", "env", frozenset({str}), "The CV owner's name, as written in the CV.", _text),
    Option(
        "cv_name_variants",
        [],
        "env",
        frozenset({list, tuple}),
        "Further spellings of the owner's name in refs.bib.",
        _names,
    ),
    Option(
        "cv_section_kinds",
        {},
        "env",
        frozenset({dict}),
        "More section titles (lower case) -> kind of their entries.",
        _section_kinds,
    ),
    Option(
        "cv_bib_macros",
        {},
        "env",
        frozenset({dict}),
        "LaTeX macros of refs.bib -> what they stand for, #1 their argument (e.g. {'myname': '#1'}).",
        _bib_macros,
    ),
    Option(
        "cv_bib_max_authors",
        10,
        "env",
        frozenset({int}),
        "A longer author list is shortened around the owner: the first three, …, the owner, et al. (0: never).",
        _count,
    ),
    Option(
        "cv_bib_strict",
        False,
        "",
        frozenset({bool}),
        "Make what refs.bib leaves out or gets wrong in an entry that is still printed (a missing field, a field "
        "written twice, an unknown type) a warning, which -W makes an error; by default it is listed at the end of "
        "the build (what nox -s check sets).",
    ),
    Option("cv_contact", {}, "html", frozenset({dict}), "The contact line: email, website, github, orcid, ..."),
    Option(
        "cv_download_files",
        [],
        "env",
        frozenset({list, tuple}),
        "The PDF and EPUB that cv-downloads links, from the source folder.",
    ),
    Option(
        "cv_slug",
        "",
        "env",
        frozenset({str}),
        "The file name of the PDF and the EPUB, without extension (default: from cv_name, e.g. ada-lovelace-cv).",
        _slug,
    ),
    Option("cv_paper", "a4", "", frozenset({str}), "Paper size of the PDF: a4 or letter.", _paper),
    Option(
        "cv_pdf_design",
        "classic",
        "",
        frozenset({str}),
        f"The PDF's design: {', '.join(DESIGNS)}.",
        lambda value: _pdf(check_design, value),
    ),
    Option(
        "cv_pdf_options",
        {},
        "",
        frozenset({dict}),
        f"The PDF's accent colour, font, type size, margins and side of the dates ({', '.join(OPTION_KEYS)}).",
        lambda value: _pdf(check_options, value),
    ),
    Option(
        "cv_last_updated",
        "",
        "html",
        frozenset({str}),
        "ISO date of the last change (else SOURCE_DATE_EPOCH or git).",
        _iso_date,
    ),
    Option(
        "cv_variant",
        "",
        "env",
        frozenset({str}),
        'A variant of the CV, e.g. "short": only entries tagged with it.',
        _lower,
    ),
    Option(
        "cv_variant_publications",
        3,
        "html",
        frozenset({int}),
        "How many of the most recent publications a variant keeps.",
        _count,
    ),
    Option(
        "cv_letters",
        False,
        "env",
        frozenset({bool}),
        "Build the letters of the letters folder, each its own PDF, instead of the CV (what nox -s letter does).",
    ),
    Option(
        "cv_equal_contribution_note",
        "equal contribution",
        "html",
        frozenset({str}),
        "Explains the * after authors who share first authorship.",
        _text,
    ),
)


@dataclass(frozen=True)
class CvSettings:
    """The ``cv_*`` settings as checked, and what follows from them: the one object every module reads."""

    name: str = ""
    name_variants: tuple[str, ...] = ()
    section_kinds: dict[str, str] = field(default_factory=dict)
    #: ``cv_bib_macros``: the macros of ``refs.bib`` that conf.py defines (name -> LaTeX, ``#1`` its argument).
    bib_macros: dict[str, str] = field(default_factory=dict)
    #: ``cv_bib_max_authors``: a longer author list is shortened around the owner (0: never).
    bib_max_authors: int = 10
    #: ``cv_bib_strict``: an entry printed with what it has is a warning, not a note at the end of the build.
    bib_strict: bool = False
    contact: tuple[ContactItem, ...] = ()
    #: The PDF and the EPUB that cv-downloads links (paths from the source folder).
    download_files: tuple[str, ...] = ()
    #: The file name of the PDF and the EPUB, without extension: ``cv_slug`` or the name's, with the variant's and
    #: the translation's (``ada-lovelace-cv-short-de``).
    file_stem: str = "cv"
    paper: str = "a4"
    pdf_design: str = "classic"
    pdf_options: dict[str, Any] = field(default_factory=dict)
    #: ISO date of the sources' last change ("" when nothing tells).
    last_updated: str = ""
    variant: str = ""
    variant_publications: int = 3
    equal_contribution_note: str = "equal contribution"
    #: The language this build translates the CV into with ``-D language=...``; "" when it is conf.py's own.
    translated_into: str = ""
    #: The letters and statements this build writes (``cv_letters``): the docnames of the pages of the letters folder.
    letters: tuple[str, ...] = ()
    #: Those of :attr:`letters` that are statements (no ``cv-letter`` directive).
    statements: tuple[str, ...] = ()
    #: The pages of the letters folder that no other build reads: all but those whose front matter says
    #: ``public: true`` (None: the folder was not looked at, so every page is private).
    private_pages: tuple[str, ...] | None = None
    #: The pages of the letters folder whose front matter says ``public: true``.
    public_pages: tuple[str, ...] = ()


_SETTINGS: WeakKeyDictionary[Config, CvSettings] = WeakKeyDictionary()


def settings(config: Config) -> CvSettings:
    """The settings read from ``config`` (at ``config-inited``; read again, silently, for a config read elsewhere)."""
    if config not in _SETTINGS:
        _SETTINGS[config] = _read(config, None, lambda name, message: None)
    return _SETTINGS[config]


def assignment(source: str, name: str) -> ast.stmt | None:
    """The statement of ``source`` (a ``conf.py``) that sets ``name`` (``name = ...`` or ``name: type = ...``).

    Part of the extension's public API (the tool edits ``conf.py`` with it).
    """
    for node in ast.parse(source).body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        if isinstance(target, ast.Name) and target.id == name:
            return node
    return None


def _location(app: Sphinx, name: str) -> str:
    """``conf.py:<line>`` where ``name`` is set, or ``conf.py:1`` when it is not written there."""
    path = Path(app.confdir, "conf.py")
    try:
        statement = assignment(path.read_text(encoding="utf-8"), name)
    except (OSError, SyntaxError, ValueError):
        return f"{path}:"
    return f"{path}:{statement.lineno if statement else 1}"


def _checked(config: Config, warn: Callable[[str, str], None]) -> dict[str, Any]:
    """Each ``cv_*`` value as its check returns it, or its default (with a warning) when it cannot be used."""
    values = {}
    for option in OPTIONS:
        value = getattr(config, option.name)
        if option.check is not None:
            try:
                value = option.check(value)
            except ConfigError as error:
                warn(option.name, f"{option.name} {error}")
                value = option.default
        values[option.name] = value
    return values


def _read(config: Config, srcdir: Path | None, warn: Callable[[str, str], None]) -> CvSettings:
    """The settings of ``config`` (the sources' date from git in ``srcdir``); ``warn(name, message)`` says what
    cannot be used."""
    values = _checked(config, warn)
    if not values["cv_name"]:
        warn(
            "cv_name",
            'cv_name is not set: add your name to conf.py, e.g. cv_name = "Ada Lovelace" (it titles '
            "the PDF and the EPUB and is set in bold in your publications)",
        )
    items, problems = contact_items(dict(values["cv_contact"]))
    for problem in problems:
        warn("cv_contact", f"{problem} (left out of the contact line)")
    name, variant, language = values["cv_name"], values["cv_variant"], translated_into(config)
    stem = values["cv_slug"] or "-".join(filter(None, [slugify(name), "cv"]))
    stem = "-".join(filter(None, [stem, slugify(variant), language.replace("_", "-").lower()]))
    downloads = [f"_build/{stem}.pdf", f"_build/{stem}.epub"]  # as nox -s pdf and nox -s epub leave them
    if set_in_conf_py(config, "cv_download_files"):
        downloads = values["cv_download_files"]
    note = values["cv_equal_contribution_note"]
    pages = _letter_pages(srcdir) if srcdir is not None else []
    letters = [page for page in pages if values["cv_letters"]]
    return CvSettings(
        name=name,
        name_variants=tuple(values["cv_name_variants"]),
        section_kinds=dict(values["cv_section_kinds"]),
        bib_macros=dict(values["cv_bib_macros"]),
        bib_max_authors=values["cv_bib_max_authors"],
        bib_strict=values["cv_bib_strict"],
        contact=tuple(items),
        download_files=tuple(downloads),
        file_stem=stem,
        paper=values["cv_paper"],
        pdf_design=values["cv_pdf_design"],
        pdf_options=dict(values["cv_pdf_options"]),
        last_updated=last_updated(values["cv_last_updated"], config, srcdir),
        variant=variant,
        variant_publications=values["cv_variant_publications"],
        equal_contribution_note=note
        if set_in_conf_py(config, "cv_equal_contribution_note")
        else str(_("equal contribution")),  # in the CV's language
        translated_into=language,
        letters=tuple(page.docname for page in letters),
        statements=tuple(page.docname for page in letters if not page.is_letter),
        private_pages=tuple(page.docname for page in pages if not page.public) if srcdir is not None else None,
        public_pages=tuple(page.docname for page in pages if page.public),
    )


@dataclass(frozen=True)
class LetterPage:
    """A page of the letters folder, as the settings see it before any page is read."""

    docname: str  #: ``letters/acme-university``
    is_letter: bool  #: it has a ``cv-letter`` directive (else it is a statement)
    public: bool  #: its front matter says ``public: true``: the website shows it too


def _letter_pages(srcdir: Path) -> list[LetterPage]:
    """The pages of the letters folder, sorted."""
    pages = []
    for path in sorted((srcdir / LETTERS_FOLDER).glob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        public = _front_matter(text).get("public") is True
        pages.append(LetterPage(f"{LETTERS_FOLDER}/{path.stem}", bool(_LETTER_DIRECTIVE.search(text)), public))
    return pages


def _front_matter(text: str) -> dict[str, Any]:
    """The YAML front matter of a MyST page, read as MyST reads it, or {}."""
    try:
        return read_topmatter(text) or {}
    except TopmatterReadError:
        return {}  # MyST reports it when it reads the page


def read_settings(app: Sphinx, config: Config) -> None:
    """Check every ``cv_*`` value (a bad one warns and falls back to its default), and keep the settings."""

    def warn(name: str, message: str) -> None:
        logger.warning(message, location=_location(app, name), type="cv", subtype="config")

    _SETTINGS[config] = _read(config, Path(app.srcdir), warn)


def translated_into(config: Config) -> str:
    """The language this build translates the CV into: given with ``-D language=de`` (as ``nox -s all -- --language
    de`` and Read the Docs' translation projects do) and not conf.py's own; "" otherwise."""
    language = config._overrides.get("language")
    own = config._raw_config.get("language") or "en"  # Sphinx's default
    return str(language) if language and language != own else ""


def set_in_conf_py(config: Config, name: str) -> bool:
    """True when ``conf.py`` (or ``-D name=...``) sets ``name``."""
    return name in config._raw_config or name in config._overrides


class Mode(Enum):
    """How a default of the extension meets ``conf.py``'s value of one of Sphinx's settings."""

    UNSET = "set where conf.py leaves it unset"
    ADDED = "its items added to conf.py's list"
    MERGED = "set, having merged conf.py's own keys in"


@dataclass(frozen=True)
class SphinxDefault:
    """One of Sphinx's settings as the extension would have it: ``value(config)``, or None for nothing to set."""

    name: str
    mode: Mode
    value: Callable[[Config], Any]


def apply_defaults(config: Config, defaults: Iterable[SphinxDefault]) -> None:
    """Set each of ``defaults`` in order (a later value sees the earlier ones): the extension's only writes to
    Sphinx's ``Config``."""
    for default in defaults:
        value = default.value(config)
        if value is None:
            continue
        if default.mode is Mode.UNSET and not set_in_conf_py(config, default.name):
            setattr(config, default.name, value)
        elif default.mode is Mode.ADDED:
            current = list(getattr(config, default.name))
            setattr(config, default.name, [*current, *(item for item in value if item not in current)])
        elif default.mode is Mode.MERGED:
            setattr(config, default.name, value)


def setup_config(app: Sphinx) -> None:
    """Register every ``cv_*`` value; read them first thing at ``config-inited``."""
    for option in OPTIONS:
        app.add_config_value(
            option.name, option.default, option.rebuild, types=option.types, description=option.description
        )
    app.connect("config-inited", read_settings, priority=300)
