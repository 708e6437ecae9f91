"""The values the extension gives Sphinx's own settings (and sphinxcontrib-bibtex's): each feature declares its
rows, and :func:`add_sphinx_defaults` applies them, in order, at ``config-inited``, right after the settings are read.

Each row names a setting, how it meets ``conf.py``'s value (:class:`Mode`) and the function that
gives it from the CV's settings (and Sphinx's own, where it reads them; None: nothing to set). A later row
sees what the earlier ones set: the LaTeX elements see the engine. :func:`apply_defaults` makes the writes,
the extension's only writes to Sphinx's ``Config``. The project's own rows are here: the project is its owner's.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import partial
from typing import TYPE_CHECKING, Any

from .confpy import set_in_conf_py
from .settings import SETTINGS_PRIORITY, settings

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from sphinx.application import Sphinx
    from sphinx.config import Config

    from .settings import CvSettings


class Mode(Enum):
    """How a default of the extension meets ``conf.py``'s value of one of Sphinx's settings."""

    UNSET = "set where conf.py leaves it unset"
    ADDED = "its items added to conf.py's list"
    MERGED = "set, having merged conf.py's own keys in"


@dataclass(frozen=True)
class SphinxDefault:
    """One of Sphinx's settings as the extension would have it: ``value(cv, config)``, or None for nothing to set."""

    name: str
    mode: Mode
    value: Callable[[CvSettings, Config], Any]


def apply_defaults(config: Config, defaults: Iterable[SphinxDefault]) -> None:
    """Set each of ``defaults`` in order (a later value sees the earlier ones): the extension's only writes to
    Sphinx's ``Config``."""
    cv = settings(config)
    for default in defaults:
        value = default.value(cv, config)
        if value is None:
            continue
        if default.mode is Mode.UNSET and not set_in_conf_py(config, default.name):
            setattr(config, default.name, value)
        elif default.mode is Mode.ADDED:
            current = list(getattr(config, default.name))
            setattr(config, default.name, [*current, *(item for item in value if item not in current)])
        elif default.mode is Mode.MERGED:
            setattr(config, default.name, value)


def _apply(defaults: tuple[SphinxDefault, ...], app: Sphinx, config: Config) -> None:
    apply_defaults(config, defaults)


def add_sphinx_defaults(app: Sphinx, defaults: tuple[SphinxDefault, ...]) -> None:
    """Apply a feature's ``defaults`` at ``config-inited``: after the settings are read, and after the rows of the
    features set up before it."""
    app.connect("config-inited", partial(_apply, defaults), priority=SETTINGS_PRIORITY + 10)


def _name(cv: CvSettings, config: Config) -> str | None:
    return cv.name or None


def _version(cv: CvSettings, config: Config) -> str | None:
    return None if config.version else "1"  # EPUB metadata needs one


#: The project is its owner's: name, author, copyright, the site's title.
PROJECT_DEFAULTS = (
    SphinxDefault("project", Mode.UNSET, _name),
    SphinxDefault("author", Mode.UNSET, _name),
    SphinxDefault("copyright", Mode.UNSET, _name),
    SphinxDefault("html_title", Mode.UNSET, _name),
    SphinxDefault("release", Mode.UNSET, _version),  # before version, which it reads
    SphinxDefault("version", Mode.UNSET, _version),
)
