"""A statement's reference list: the ``cv-references`` directive, what its page cites from ``refs.bib``.

A statement (a page of the letters folder) cites with ``{cite:t}`` and ``{cite:p}`` and ends
with ``cv-references``: a sphinxcontrib-bibtex bibliography of the entries cited on its page,
in the CV's publication style (the owner in bold), that its citations link to. When they cite
by author and year ("(Babbage, 1864)"), each reference starts with its authors and year, and the
list is sorted by them (:func:`.style.references_style`), so that a reader finds "Babbage, 1864". Each
statement is its own PDF, so two of them may list the same entry; sphinxcontrib-bibtex links a
citation to the list of its own page first, and its ``duplicate_citation`` warning is left out
of the build that writes them (``letters/defaults.py``). On the website (a public statement),
the CV's own publication lists hold the entries: there the list is a plain one, and the
citations link to the entries on the CV's publications page.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from sphinxcontrib.bibtex.directives import BibliographyDirective

from ..settings import settings
from .adapter import bib_files
from .groups import without_bibtex
from .style import REFERENCES_STYLE_NAME

#: sphinxcontrib-bibtex's filter for the entries that the bibliography's own page cites.
CITED_ON_THIS_PAGE = "docname in docnames"
#: The citation styles that cite by author and year (``bibtex_reference_style``): the references list their
#: authors first, sorted by them; numeric citations keep the CV's list.
AUTHOR_YEAR_CITATIONS = frozenset({"cv", "author_year"})
#: The class of the container around the list (``lists.py`` styles a plain list in it as a publication list).
REFERENCES_CLASS = "cv-references"


class ReferencesDirective(BibliographyDirective):
    """``cv-references``: the entries of ``refs.bib`` that this page cites."""

    has_content = False
    required_arguments = 0
    optional_arguments = 0
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        if without_bibtex(self):
            return []
        for path in bib_files(self.env):
            self.env.note_dependency(str(path))
        self.options = {"filter": CITED_ON_THIS_PAGE}
        if self.config.bibtex_reference_style in AUTHOR_YEAR_CITATIONS:  # a reader looks up "Babbage, 1864"
            self.options["style"] = REFERENCES_STYLE_NAME
        if not settings(self.config).letter_pages:  # on the website, beside the CV's own lists
            self.options["list"] = "bullet"
        references = nodes.container(classes=[REFERENCES_CLASS])
        references += super().run()
        return [references]
