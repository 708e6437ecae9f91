"""Doctree nodes of a CV (entries, one-line entries, timelines, and placeholders).

Nodes hold plain, picklable attributes. :mod:`sphinx_cv.visitors` registers each with its
visitors: html (:mod:`sphinx_cv.web.html`, which EPUB uses too), latex
(:mod:`sphinx_cv.pdf.latex`), and text, man and texinfo (:mod:`sphinx_cv.plaintext`).
"""

from __future__ import annotations

from docutils import nodes


class cv_entry(nodes.General, nodes.Element):
    """One CV entry. Attributes: ``dates`` (:class:`~sphinx_cv.dates.DateRange` or None), ``tags``, ``url``."""


class cv_entry_header(nodes.General, nodes.Element):
    """The line above an entry's body: the heading group and the meta group."""


class cv_entry_heading(nodes.General, nodes.Element):
    """Title and organisation, on the left."""


class cv_entry_meta(nodes.General, nodes.Element):
    """Dates and location, on the right."""


class cv_entry_title(nodes.Part, nodes.TextElement):
    """The entry's title (inline markup)."""


class cv_entry_area(nodes.Part, nodes.TextElement):
    """The field of a degree (inline markup), set after the title: ``Ph.D. in Statistics``."""


class cv_entry_org(nodes.Part, nodes.TextElement):
    """The organisation (inline markup)."""


class cv_entry_location(nodes.Part, nodes.TextElement):
    """The place (inline markup)."""


class cv_entry_dates(nodes.Part, nodes.TextElement):
    """The dates in normalised form; attribute ``dates`` holds the parsed range."""


class cv_entry_body(nodes.General, nodes.Element):
    """The entry's body: ordinary block content."""


class cv_line(nodes.General, nodes.Element):
    """A one-line entry: a label and its details (``Languages``: ``Python, C``).

    Attributes: ``tags``, ``kind``, and ``numbered`` when the label is a number (``1.``, ``[3]``).
    """


class cv_line_label(nodes.Part, nodes.TextElement):
    """The label of a one-line entry (inline markup), with its level if it has one."""


class cv_line_level(nodes.Part, nodes.TextElement):
    """The level of a skill or a language (``Expert``, ``C1``), set after the label."""


class cv_line_details(nodes.Part, nodes.TextElement):
    """The details of a one-line entry (inline markup)."""


class cv_timeline(nodes.General, nodes.Element):
    """A timeline of entries, already sorted and filtered."""


class cv_timeline_collected(nodes.General, nodes.Element):
    """Placeholder for ``cv-timeline :collect:``; filled with the CV's entries after reading."""


class cv_downloads(nodes.General, nodes.Element):
    """Placeholder for ``cv-downloads``: links to the PDF and the EPUB on the website, nothing elsewhere."""


class cv_contact(nodes.General, nodes.Element):
    """Placeholder for ``cv-contact``: the contact line on the website and in the EPUB (the PDF has it in its head)."""


class cv_math(nodes.Inline, nodes.TextElement):
    """A formula of a publication. Attributes: ``latex`` and ``mathml``, written again from what is known of it
    (:mod:`sphinx_cv.bibliography.math`); its children are its text, for the formats that show no math."""
