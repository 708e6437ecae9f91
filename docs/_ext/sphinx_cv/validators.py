"""How a ``cv_*`` setting is declared (:func:`option`, the metadata of a field of the settings) and checked: each
check returns the value to use, or raises :class:`ConfigError` with what to write instead (as MyST-Parser's
validators do)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from .model import KINDS, slugify
from .pdf.designs import OptionError, check_design, check_options

if TYPE_CHECKING:
    from collections.abc import Callable

PAPER_SIZES = ("a4", "letter")
PDF_ENGINES = ("latex", "typst")
Value = TypeVar("Value")
Checked = TypeVar("Checked")


class ConfigError(ValueError):
    """A setting that cannot be used; the message says what to write instead."""


#: What a change of a setting rebuilds (the values of Sphinx's ``add_config_value`` that the settings use).
Rebuild = Literal["", "env", "html"]


@dataclass(frozen=True)
class Option:
    """How a field of the settings is the setting ``cv_<field>``: its default in conf.py, what a change
    rebuilds, its help, and its check (returns the value to use, or raises :class:`ConfigError`)."""

    default: Any
    rebuild: Rebuild
    help: str
    check: Callable[[Any], Any] | None = None

    @property
    def types(self) -> frozenset[type]:
        """The types conf.py may give it: the default's (a list or a tuple for a list)."""
        return frozenset({list, tuple}) if isinstance(self.default, list) else frozenset({type(self.default)})


def option(default: Any, rebuild: Rebuild, help: str, check: Callable[[Any], Any] | None = None) -> dict[str, Option]:
    """The metadata of a field of the settings that is also a setting (see :class:`Option`)."""
    return {"option": Option(default, rebuild, help, check)}


def one_line(value: str) -> str:
    """The text on one line, its runs of white space one space."""
    return " ".join(value.split())


def lower_case(value: str) -> str:
    """The text on one line, in lower case."""
    return one_line(value).lower()


def name_list(value: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Names, each on one line, blank ones left out."""
    if not all(isinstance(name, str) for name in value):
        raise ConfigError("write it as a list of names, e.g. ['J. Benton']")
    return tuple(one_line(name) for name in value if name.strip())


def paper_size(value: str) -> str:
    """One of :data:`PAPER_SIZES`."""
    paper = lower_case(value)
    if paper not in PAPER_SIZES:
        raise ConfigError(f"must be one of {', '.join(PAPER_SIZES)} (got {value!r}); using a4")
    return paper


def section_kinds(value: dict[str, str]) -> dict[str, str]:
    """Section titles (in lower case) -> a kind of entry of :data:`~sphinx_cv.model.KINDS`."""
    unknown = {title: kind for title, kind in value.items() if kind not in KINDS}
    if unknown:
        title, kind = next(iter(unknown.items()))
        raise ConfigError(f"unknown kind {kind!r} for {title!r}; use one of {', '.join(KINDS)}")
    return {lower_case(title): kind for title, kind in value.items()}


def bib_macros(value: dict[str, str]) -> dict[str, str]:
    """Macro names (without their backslash) -> the LaTeX they stand for."""
    for name, body in value.items():
        if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z@]+", name.lstrip("\\")):
            raise ConfigError(f"names macros by their letters, e.g. {{'myname': '#1'}} (got {name!r})")
        if not isinstance(body, str):
            raise ConfigError(f"gives each macro the LaTeX it stands for, as text (got {body!r} for {name!r})")
    return {name.lstrip("\\"): body for name, body in value.items()}


def slug(value: str) -> str:
    """A file name as :func:`~sphinx_cv.model.slugify` writes one, or ""."""
    if value and slugify(value) != value:
        raise ConfigError(
            f"must be lower-case ASCII letters, digits and hyphens (got {value!r}); try {slugify(value)!r}"
        )
    return value


def count(value: int) -> int:
    """A number, 0 or more."""
    if value < 0:
        raise ConfigError(f"must be 0 or more (got {value})")
    return value


def pdf_engine(value: str) -> str:
    """One of :data:`PDF_ENGINES`."""
    engine = lower_case(value)
    if engine not in PDF_ENGINES:
        raise ConfigError(f"must be one of {', '.join(PDF_ENGINES)} (got {value!r}); using latex")
    return engine


def design(value: str) -> str:
    """A design's name (:func:`.pdf.designs.check_design`, its error as a setting's)."""
    return _pdf(check_design, value)


def pdf_options(value: dict[str, object]) -> dict[str, str]:
    """The PDF's options (:func:`.pdf.designs.check_options`, its error as a setting's)."""
    return _pdf(check_options, value)


def _pdf(check: Callable[[Value], Checked], value: Value) -> Checked:
    """A check of ``designs`` (which knows no Sphinx), its error as a setting's."""
    try:
        return check(value)
    except OptionError as error:
        raise ConfigError(str(error)) from None


def iso_date(value: str) -> str:
    """An ISO date (``2026-01-31``), or ""."""
    if value and not re.fullmatch(r"\d{4}-\d\d-\d\d", value.strip()):
        raise ConfigError(f"write an ISO date, e.g. '2026-01-31' (got {value!r})")
    return value.strip()
