"""Rebuilds do only what changed: Sphinx reads and writes only what an edit touches, and
``python -m sphinx_cv_tool.build`` (what ``nox -s all`` runs) builds a format only when its sources changed, in one
process."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pikepdf
import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx_cv_tool.build import main, pdf_engine

NAME = "zoe-lukasiewicz-obrien-cv"
LABELS = ("PDF: ", "EPUB: ", "website: ")
#: Pages that Sphinx writes on every build (its "additional pages").
ALWAYS = {"search.html", "genindex.html"}


def _mtimes(folder: Path, pattern: str = "*.html") -> dict[str, int]:
    return {path.name: path.stat().st_mtime_ns for path in folder.glob(pattern)}


def _touch(path: Path, old: str, new: str) -> None:
    """Edit ``path`` as a user would (its time of change is now, after the last build)."""
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _html(srcdir: Path) -> str:
    # html_theme: else sphinx.testing swaps alabaster for basic, which the next build sees as a changed setting
    app = SphinxTestApp("html", srcdir=srcdir, builddir=srcdir / "_build", confoverrides={"html_theme": "basic"})
    try:
        app.build()
    finally:
        app.cleanup()
    return re.sub(r"\x1b\[[0-9;]*m", "", app._status.getvalue())


def test_sphinx_reads_and_writes_only_what_an_edit_touches(tmp_path, rootdir) -> None:
    srcdir = tmp_path / "collect"
    shutil.copytree(rootdir / "test-collect", srcdir)
    _html(srcdir)
    outdir = srcdir / "_build" / "html"
    first = _mtimes(outdir)
    log = _html(srcdir)
    assert "0 added, 0 changed, 0 removed" in log
    assert {name for name, mtime in _mtimes(outdir).items() if mtime != first[name]} <= ALWAYS

    before = _mtimes(outdir)
    _touch(srcdir / "study.md", "Thesis on things.", "Thesis on other things.")
    log = _html(srcdir)
    assert "0 added, 1 changed, 0 removed" in log  # the edited page only
    rewritten = {name for name, mtime in _mtimes(outdir).items() if mtime != before[name]}
    assert rewritten - ALWAYS == {"study.html", "index.html"}  # and the page that collects its entries

    before = _mtimes(outdir)
    _touch(srcdir / "index.md", "work\nstudy\n", "study\nwork\n")  # a toctree changes: every page's navigation
    log = _html(srcdir)
    assert "0 added, 1 changed, 0 removed" in log  # read once, written everywhere
    assert {name for name, mtime in _mtimes(outdir).items() if mtime != before[name]} >= {"work.html", "extra.html"}


@pytest.fixture
def project(tmp_path, rootdir) -> Path:
    srcdir = tmp_path / "lines"
    shutil.copytree(rootdir / "test-lines", srcdir)
    return srcdir


def test_one_run_builds_every_format_and_the_next_builds_nothing(project, capsys) -> None:
    assert main(["--source", str(project)]) == 0
    out = project / "_build"
    results = [out / f"{NAME}.pdf", out / f"{NAME}.epub", out / "html" / "index.html"]
    assert all(path.is_file() for path in results)
    printed = [line.split(": ", 1)[1] for line in capsys.readouterr().out.splitlines() if line.startswith(LABELS)]
    assert printed == list(map(str, results))
    index = results[2].read_text(encoding="utf-8")
    assert f'href="{NAME}.pdf"' in index and f'href="{NAME}.epub"' in index  # the PDF linked while it compiled
    assert (out / "html" / f"{NAME}.pdf").read_bytes() == results[0].read_bytes()  # and copied in after
    assert results[2].stat().st_mtime_ns < results[0].stat().st_mtime_ns  # the website did not wait for the PDF
    assert (out / "doctrees" / "environment.pickle").exists() and not (out / "doctrees" / "html").exists()

    mtimes = {path: path.stat().st_mtime_ns for path in results}
    assert main(["--source", str(project)]) == 0
    assert {path: path.stat().st_mtime_ns for path in results} == mtimes  # nothing was built or copied again

    _touch(project / "index.md", "Data scientist.", "Data scientist and statistician.")
    assert main(["--source", str(project), "--formats", "pdf,html"]) == 0
    assert results[0].stat().st_mtime_ns != mtimes[results[0]] and results[2].stat().st_mtime_ns != mtimes[results[2]]
    assert results[1].stat().st_mtime_ns == mtimes[results[1]]  # not asked for
    assert "statistician" in results[2].read_text(encoding="utf-8")
    # The website was built while the PDF compiled: its copy of the PDF is the new one, and it is up to date
    assert (out / "html" / f"{NAME}.pdf").read_bytes() == results[0].read_bytes()
    mtimes = {path: path.stat().st_mtime_ns for path in results}
    assert main(["--source", str(project), "--formats", "pdf,html"]) == 0
    assert {path: path.stat().st_mtime_ns for path in results} == mtimes
    # The EPUB rebuilt over its last build (warnings are errors: the files left there are not packed)
    assert main(["--source", str(project), "--formats", "epub"]) == 0
    assert results[1].stat().st_mtime_ns != mtimes[results[1]]


def test_the_typst_engine_writes_the_accessible_pdf_without_latex(project) -> None:
    """conf.py's cv_pdf_engine (or --engine) picks the typst builder: the PDF is tagged, no .tex is written, and the
    website links it; --engine latex goes back to LaTeX, in its own folder."""
    conf = project / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + '\ncv_pdf_engine = "typst"\n', encoding="utf-8")
    assert pdf_engine(project, []) == "typst" and pdf_engine(project, ["cv_pdf_engine=latex"]) == "latex"
    assert main(["--source", str(project), "--formats", "pdf,html"]) == 0
    out = project / "_build"
    with pikepdf.open(out / f"{NAME}.pdf") as pdf:
        assert pdf.open_metadata()["pdfuaid:part"] == "1"
    assert not (out / "latex").exists() and (out / "typst" / f"{NAME}.typ").is_file()
    assert f'href="{NAME}.pdf"' in (out / "html" / "index.html").read_text(encoding="utf-8")
    assert main(["--source", str(project), "--formats", "pdf", "--engine", "latex"]) == 0
    assert (out / "latex" / f"{NAME}.tex").is_file()


def test_the_epub_builds_after_a_setting_changed(project) -> None:
    """Sphinx keeps the build information of the last build as .buildinfo.bak; the EPUB leaves it out."""
    assert main(["--source", str(project), "--formats", "epub"]) == 0
    assert main(["--source", str(project), "--formats", "epub", "-D", "html_title=Zoë’s CV"]) == 0
    assert (project / "_build" / "epub" / ".buildinfo.bak").is_file()


def test_a_variant_has_its_own_files(project) -> None:
    assert main(["--source", str(project), "--formats", "epub", "--variant", "short"]) == 0
    assert (project / "_build" / f"{NAME}-short.epub").is_file()
    assert (project / "_build" / "doctrees-short").is_dir()


def test_a_warning_stops_the_build_with_its_format(project) -> None:
    _touch(project / "index.md", ":dates: 2018 – 2022", ":dates: 2018 – 20222")
    with pytest.raises(SystemExit, match="the pdf build failed"):
        main(["--source", str(project)])
