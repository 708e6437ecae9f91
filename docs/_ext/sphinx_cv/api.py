"""What another program may use of the extension, and nothing else: ``sphinx_cv_tool`` imports only this module
(``tests/test_types.py`` holds it).

Each name is imported from its module when it is first used (the table :data:`_MODULES`; the imports for the type
checker say the same, as ``tests/test_types.py`` checks), so that importing this costs nothing: the tool's build
driver can tell that nothing needs building without importing Sphinx.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .bibliography.names import name_key as name_key
    from .bibliography.names import person as person
    from .bibliography.names import same_person as same_person
    from .confpy import assignment as assignment
    from .contact import CONTACT_KINDS as CONTACT_KINDS
    from .contact import ContactError as ContactError
    from .contact import contact_items as contact_items
    from .dates import MONTHS as MONTHS
    from .dates import DateError as DateError
    from .dates import first_year as first_year
    from .dates import parse_dates as parse_dates
    from .files import Outputs as Outputs
    from .files import outputs as outputs
    from .letters.pages import LETTERS_FOLDER as LETTERS_FOLDER
    from .links import LinkError as LinkError
    from .links import link_target as link_target
    from .links import percent_encoded as percent_encoded
    from .model import DEFAULT_SECTION_KINDS as DEFAULT_SECTION_KINDS
    from .model import kind_of_section as kind_of_section
    from .model import slugify as slugify
    from .translations import section_heading as section_heading
    from .translations import shipped_languages as shipped_languages
    from .web.downloads import expect_downloads as expect_downloads

#: Each name of the API -> the module (of this package) that holds it.
_MODULES = {
    "name_key": ".bibliography.names",  # people of .bib entries compared, as the CV's style compares them
    "person": ".bibliography.names",
    "same_person": ".bibliography.names",
    "assignment": ".confpy",  # where conf.py sets a setting
    "CONTACT_KINDS": ".contact",  # the contact line's kinds, read as cv_contact reads them
    "ContactError": ".contact",
    "contact_items": ".contact",
    "MONTHS": ".dates",  # the date grammar of :dates:
    "DateError": ".dates",
    "first_year": ".dates",
    "parse_dates": ".dates",
    "Outputs": ".files",  # what a LaTeX or EPUB build writes
    "outputs": ".files",
    "LETTERS_FOLDER": ".letters.pages",  # where the letters and statements are
    "LinkError": ".links",  # the one rule for every address a CV links
    "link_target": ".links",
    "percent_encoded": ".links",
    "DEFAULT_SECTION_KINDS": ".model",  # the kinds of entries, and file names
    "kind_of_section": ".model",
    "slugify": ".model",
    "section_heading": ".translations",  # the extension's words in the CV's language
    "shipped_languages": ".translations",
    "expect_downloads": ".web.downloads",  # PDFs that are still being compiled beside the website
}

__all__ = sorted(_MODULES)


def __getattr__(name: str) -> Any:
    """A name of the API, imported from its module."""
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_MODULES[name], __package__), name)
