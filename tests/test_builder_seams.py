"""What the extension's two subclasses of Sphinx's builders assume of Sphinx, one test each, so that a release that
changes one fails here, naming it (``pdf/builder.py``, ``epub/builder.py``; Sphinx has no public hook for these)."""

from __future__ import annotations

import inspect
from pathlib import Path

import sphinx
from sphinx.builders.epub3 import Epub3Builder
from sphinx.builders.latex import LaTeXBuilder
from sphinx.builders.latex.util import ExtBabel
from sphinx_cv.epub.builder import CvEpub3Builder
from sphinx_cv.pdf.builder import CvBabel, CvLaTeXBuilder


def _calls(function: object, call: str) -> bool:
    return f"{call}()" in inspect.getsource(function)  # type: ignore[arg-type]


def test_the_latex_builder_sets_its_babel_in_init_babel_when_it_starts() -> None:
    """CvLaTeXBuilder.init_babel gives a CJK CV English for babel, and polyglossia its own names."""
    assert _calls(LaTeXBuilder.init, "self.init_babel") and "init_babel" in vars(CvLaTeXBuilder)


def test_the_latex_builder_reads_its_documents_in_init_document_data_before_writing() -> None:
    """CvLaTeXBuilder.init_document_data writes no document for a right-to-left CV whose PDF it cannot set."""
    assert _calls(LaTeXBuilder.prepare_writing, "self.init_document_data")
    assert "init_document_data" in vars(CvLaTeXBuilder)


def test_extbabel_names_a_language_through_language_name() -> None:
    """CvBabel overrides language_name (a language code in, babel's or polyglossia's name out)."""
    assert list(inspect.signature(ExtBabel.__init__).parameters) == ["self", "language_code", "use_polyglossia"]
    assert list(inspect.signature(ExtBabel.language_name).parameters) == ["self", "language_code"]
    assert CvBabel("ko", True).language_name("ko") == "english"
    assert CvBabel("pt_BR", True).language_name("pt_BR") == "brazilian"


def test_the_epub_spine_takes_its_direction_from_content_metadata() -> None:
    """CvEpub3Builder.content_metadata sets page_progression_direction, which content.opf's template writes."""
    template = Path(sphinx.__file__).parent / "templates" / "epub3" / "content.opf.jinja"
    assert 'page-progression-direction="{{ page_progression_direction }}"' in template.read_text(encoding="utf-8")
    assert "content_metadata" in vars(Epub3Builder) and "content_metadata" in vars(CvEpub3Builder)


def test_the_epub_builder_writes_content_opf_in_build_content_before_it_zips() -> None:
    """CvEpub3Builder.build_content declares the MathML pages in content.opf after Sphinx writes it."""
    handle_finish = inspect.getsource(Epub3Builder.handle_finish)
    assert handle_finish.index("self.build_content()") < handle_finish.index("self.build_epub()")
