"""Cover letters and statements: MyST pages in the ``letters`` folder, each its own PDF in the CV's design.

A letter is a page of ``letters/`` with a ``cv-letter`` directive: the recipient (``:to:``, one
line each), the date (the sources' last change when none is given), the subject, the
salutation, the body, the closing and the name under it. Any other page of the folder is a
statement (research, teaching, ...): its heading is its title, it may cite ``refs.bib`` and
end with its own reference list (``cv-references``), and refer to the CV's entries
(``{cv:entry}``). They are private: every build leaves the folder out (so none is on the
website, in the EPUB, in JSON Resume or in the search index) except a LaTeX build with
``cv_letters = True``, which writes one ``.tex`` for each of them instead of the CV
(``nox -s letter``); a statement whose front matter says ``public: true`` is a page of the
website too. The name and the contact line head them as they head the CV.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_letters(app: Sphinx) -> None:
    """Register the ``cv-letter`` directive and the statement's title; keep the letters out of other builds.

    Its parts are imported here: the settings read the letters folder (``pages.py``) before any of them.
    """
    from ..sphinx_defaults import add_sphinx_defaults
    from .defaults import LETTERS_DEFAULTS
    from .directive import CvLetterDirective, StatementTitleTransform, orphan_letters

    add_sphinx_defaults(app, LETTERS_DEFAULTS)
    app.add_directive("cv-letter", CvLetterDirective)
    app.add_post_transform(StatementTitleTransform)
    app.connect("doctree-read", orphan_letters)
