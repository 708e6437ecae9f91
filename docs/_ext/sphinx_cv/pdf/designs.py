"""The PDF's designs (``cv_pdf_design``) and knobs (``cv_pdf_options``): each design declared as data, the knobs'
names and checks, without Sphinx.

A design is one :class:`Design`: what any writer of the PDF needs to set it, without reading
LaTeX. The LaTeX writer sets the fonts, the type size, the margins, the side of the dates and
the accent from it (``cv_pdf_options`` over them); a ``sphinxcv-<design>.sty`` next to
``sphinxcv.sty`` restyles the rest (``classic`` is ``sphinxcv.sty`` alone), and
``tests/test_pdf.py`` checks that each ``.sty`` sets what its design declares. The options need
no LaTeX: the accent colour, the main font (any font that fontconfig finds), the type size, the
margins, and the side of the dates.
"""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

ACCENT = "1F4068"  #: the accent colour unless cv_pdf_options sets one: RGB 31, 64, 104
FONT_SIZES = ("10pt", "11pt", "12pt")
DATE_SIDES = ("left", "right")
_COLOUR = re.compile(r"#?([0-9a-fA-F]{6})")
_LENGTH = re.compile(r"(\d+(?:\.\d+)?)\s*(cm|mm|in|pt)")


class OptionError(ValueError):
    """A design or an option that cannot be used; the message says what to write instead."""


@dataclass(frozen=True)
class Design:
    """A design of the PDF; its first five fields are what ``cv_pdf_options`` may change."""

    font_size: str  #: the body's type size: 10pt, 11pt or 12pt
    margins: str  #: left and right (the top is 0.9 times as much, the bottom 1.1)
    dates: str  #: the side of the dates column: right or left
    accent: str  #: the colour of the name's rule or band, the headings and the links, as RRGGBB
    main_font: str  #: the text's face (xelatex and lualatex; pdflatex keeps Times-like defaults)
    date_width: str  #: the dates column (a quarter wider for Chinese, Japanese and Korean)
    label_width: str  #: a one-line entry's label column
    name_size: str  #: the name at the head of the first page
    name_bold: bool  #: the name in bold
    header: str  #: "rule": the name and the contact line over a rule; "band": both on a band of the accent
    headings: str  #: a section heading in capitals, with a "rule" under it or a "bar" before it
    sans_titles: bool  #: headings, entry titles and dates in the sans-serif face
    sans_font: str = "Linux Biolinum O"
    mono_font: str = "DejaVu Sans Mono"
    section_size: float = 1.2  #: a section heading's type, in times the body's
    section_tracking: float = 0.03  #: the space between a section heading's capitals, in ems
    entry_skip: float = 0.8  #: the space above an entry, in lines

    @property
    def entry_above(self) -> float:
        """The space above an entry, in ems (a line is 1.2 ems), for the writers that set it in ems."""
        return 1.2 * self.entry_skip

    @property
    def section_above(self) -> float:
        """The space above a section heading, in ems: 1.3 in classic, less in a design whose entries are closer."""
        return 1.3 * self.entry_skip / 0.8


CLASSIC = Design(
    font_size="11pt",
    margins="2cm",
    dates="right",
    accent=ACCENT,
    main_font="Linux Libertine O",
    date_width="10em",
    label_width="9em",
    name_size="24pt",
    name_bold=False,
    header="rule",
    headings="rule",
    sans_titles=False,
)
#: Every design, by its name (``cv_pdf_design``): each said as how it differs from classic.
DESIGN_DATA = {
    "classic": CLASSIC,
    "modern": replace(
        CLASSIC,
        name_size="26pt",
        name_bold=True,
        header="band",
        headings="bar",
        sans_titles=True,
        section_tracking=0.02,
    ),
    "compact": replace(
        CLASSIC,
        font_size="10pt",
        margins="1.5cm",
        dates="left",
        date_width="8.5em",
        label_width="8.5em",
        name_size="20pt",
        name_bold=True,
        section_size=1.0,
        section_tracking=0.04,
        entry_skip=0.45,
    ),
}
DESIGNS = tuple(DESIGN_DATA)
#: The field of :class:`Design` that each key of ``cv_pdf_options`` sets.
OPTION_FIELDS = {
    "accent": "accent",
    "font": "main_font",
    "font_size": "font_size",
    "margins": "margins",
    "dates": "dates",
}
OPTION_KEYS = tuple(OPTION_FIELDS)


def chosen_design(name: str, options: dict[str, str]) -> Design:
    """The design ``name`` with the checked ``cv_pdf_options`` over it: what every writer of the PDF sets."""
    chosen: dict[str, Any] = {OPTION_FIELDS[key]: value for key, value in options.items()}
    return replace(DESIGN_DATA[name], **chosen)


def check_design(value: str) -> str:
    """``cv_pdf_design``, in lower case, if it names a design."""
    design = value.strip().lower()
    if design not in DESIGNS:
        close = difflib.get_close_matches(design, DESIGNS, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise OptionError(f"is not a design: {value!r}; the designs are {', '.join(DESIGNS)}{hint}")
    return design


@cache
def installed_fonts() -> frozenset[str] | None:
    """The font families that fontconfig (which xelatex uses) finds, or None without fontconfig."""
    if shutil.which("fc-list") is None:
        return None
    listing = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
    return frozenset(family.strip() for line in listing.splitlines() for family in line.split(",") if family.strip())


def _font(value: str) -> str:
    fonts = installed_fonts()
    if fonts is None or value in fonts:
        return value
    by_case = {font.casefold(): font for font in fonts}
    close = difflib.get_close_matches(value.casefold(), by_case, n=3, cutoff=0.5)
    hint = f"; installed fonts close to it: {', '.join(by_case[name] for name in close)}" if close else ""
    raise OptionError(f"font {value!r} is not installed (fc-list does not list it){hint}")


def _colour(value: str) -> str:
    match = _COLOUR.fullmatch(value.strip())
    if not match:
        raise OptionError(f"accent {value!r} is not a colour: write it as #RRGGBB, e.g. '#1f4068'")
    return match[1].upper()


def _length(value: str) -> str:
    match = _LENGTH.fullmatch(value.strip())
    if not match:
        raise OptionError(f"margins {value!r} is not a length: write a number and a unit, e.g. '2cm', '18mm', '0.75in'")
    return f"{match[1]}{match[2]}"


def _choice(key: str, value: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise OptionError(f"{key} {value!r} is not one of {', '.join(choices)}")
    return value


def check_options(value: dict[str, object]) -> dict[str, str]:
    """``cv_pdf_options`` with each value checked and written as LaTeX wants it (a colour as RRGGBB)."""
    unknown = sorted(set(value) - set(OPTION_KEYS))
    if unknown:
        raise OptionError(f"has no option {unknown[0]!r}; the options are {', '.join(OPTION_KEYS)}")
    checked = {}
    for key, raw in value.items():
        text = f"{raw}pt" if key == "font_size" and isinstance(raw, int) else str(raw)
        if key == "accent":
            checked[key] = _colour(text)
        elif key == "font":
            checked[key] = _font(text.strip())
        elif key == "font_size":
            checked[key] = _choice(key, text.strip(), FONT_SIZES)
        elif key == "margins":
            checked[key] = _length(text)
        else:
            checked[key] = _choice(key, text.strip().lower(), DATE_SIDES)
    return checked
