"""The user's daily loop, timed in a clone of this repository, beside RenderCV rendering its own sample.

- ``nox -s all`` on a fresh clone (environments created), then with nothing changed, after
  editing one entry, and after deleting ``docs/_build`` (environments kept);
- ``nox -s serve``: from saving a page to the reloaded page in Chromium (Playwright);
- ``nox -s letter``: the example cover letter of ``nox -s new`` rebuilt after an edit of its body;
- the accessible PDF: ``nox -s pdf`` and ``nox -s all`` with ``--engine typst`` after deleting ``docs/_build``;
- RenderCV (when a Python ≥ 3.12 is here to install it) rendering the sample that
  ``rendercv new`` writes, with a stand-in for the one Typst package it downloads
  (``@preview/fontawesome``), so that it renders offline.

Every figure is a median; the ratios to RenderCV are what the targets of
``benchmarks/README.md`` are about. RenderCV renders between the rounds of ``nox -s all`` and of
``nox -s letter``, so that a machine that speeds up or slows down meanwhile changes both.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
STEPS = ("fresh", "nothing", "edit", "deleted", "serve", "letter", "typst", "rendercv")
#: The targets, as multiples of RenderCV's time (the fresh clone: seconds); a letter is held to an entry's edit.
TARGETS = {
    "nothing": 1.5,
    "edit": 2.0,
    "deleted": 2.5,
    "serve": None,
    "fresh": None,
    "letter": 2.0,
    "typst-pdf": 1.0,
    "typst-all": 1.5,
}
#: The accessible PDF (Typst), after deleting docs/_build: alone, and with the EPUB and the website.
TYPST = {"typst-pdf": "pdf", "typst-all": "all"}
TYPST_STAND_IN = """// A stand-in for @preview/fontawesome (no icons), so that RenderCV renders without the internet.
#let fa-icon(name, size: 1em, ..args) = box(width: size, height: size)
"""


def _seconds(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return elapsed


def _entry_page(docs: Path) -> Path:
    """The first page (after the home page) with an entry: the one a user edits."""
    return next(path for path in sorted(docs.glob("*.md")) if path.stem != "index" and "{cv-entry}" in path.read_text())


def _edit(page: Path, count: int) -> None:
    """Change the first entry's title, as a user fixing a word would (alternately adding and removing a word)."""
    text = page.read_text(encoding="utf-8")
    title = re.search(r"^:::\{cv-entry\} (.*)$", text, flags=re.M)
    new = f"{title[1]} (edited)" if count % 2 == 0 else title[1].removesuffix(" (edited)")
    page.write_text(text.replace(title[0], f":::{{cv-entry}} {new}", 1), encoding="utf-8")


def measure_nox(clone: Path, repeats: int, steps: list[str], between: Callable[[], None]) -> dict[str, float]:
    """``nox -s all`` in ``clone``: fresh, nothing changed, after an edit, after deleting docs/_build; ``between``
    runs before each round."""
    nox = [shutil.which("nox") or "nox", "-s", "all"]
    figures: dict[str, list[float]] = {}
    first = _seconds(nox, clone)
    if "fresh" in steps:
        figures["fresh"] = [first]
    page = _entry_page(clone / "docs")
    for count in range(repeats):
        between()
        if "nothing" in steps:
            figures.setdefault("nothing", []).append(_seconds(nox, clone))
        if "edit" in steps:
            _edit(page, count)
            figures.setdefault("edit", []).append(_seconds(nox, clone))
        if "deleted" in steps:
            shutil.rmtree(clone / "docs" / "_build")
            figures.setdefault("deleted", []).append(_seconds(nox, clone))
    return {step: statistics.median(values) for step, values in figures.items()}


def measure_typst(clone: Path, repeats: int, between: Callable[[], None]) -> dict[str, float]:
    """``nox -s pdf`` and ``nox -s all`` with ``--engine typst`` after deleting docs/_build; ``between`` runs before
    each round."""
    _seconds([shutil.which("nox") or "nox", "-s", "pdf", "--", "--engine", "typst"], clone)  # installs the extra
    figures: dict[str, list[float]] = {}
    for _count in range(repeats):
        between()
        for step, session in TYPST.items():
            shutil.rmtree(clone / "docs" / "_build", ignore_errors=True)
            command = [shutil.which("nox") or "nox", "-s", session, "--", "--engine", "typst"]
            figures.setdefault(step, []).append(_seconds(command, clone))
    return {step: statistics.median(values) for step, values in figures.items()}


def measure_letter(clone: Path, repeats: int, between: Callable[[], None]) -> float:
    """``nox -s letter`` after an edit of the body of the example letter that ``nox -s new`` writes; ``between``
    runs before each edit."""
    from sphinx_cv_tool.sources.starter import EXAMPLE_LETTER

    letter = clone / "docs" / "letters" / "example.md"
    letter.parent.mkdir(exist_ok=True)
    letter.write_text(EXAMPLE_LETTER, encoding="utf-8")
    nox = [shutil.which("nox") or "nox", "-s", "letter"]
    _seconds(nox, clone)  # its first build
    seconds = []
    for count in range(repeats):
        between()
        text = letter.read_text(encoding="utf-8")
        words = ("Why you write", "Why I write") if count % 2 == 0 else ("Why I write", "Why you write")
        letter.write_text(text.replace(*words), encoding="utf-8")
        seconds.append(_seconds(nox, clone))
    letter.unlink()
    return statistics.median(seconds)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def measure_serve(clone: Path, repeats: int) -> float | None:
    """Seconds from saving a page to Chromium showing the rebuilt page (``nox -s serve``), or None without Chromium."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        return None
    from playwright.sync_api import sync_playwright

    port = _free_port()
    server = subprocess.Popen(
        [shutil.which("nox") or "nox", "-s", "serve", "--", "--port", str(port)],
        cwd=clone,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        for line in server.stdout:  # type: ignore[union-attr]
            if "Serving on" in line:
                break
        page_file = _entry_page(clone / "docs")
        seconds = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(chromium), args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/{page_file.stem}.html")
            for count in range(repeats):
                time.sleep(1)  # let the server settle after the last rebuild
                marker = f"edited {count}"
                text = page_file.read_text(encoding="utf-8")
                started = time.perf_counter()
                page_file.write_text(text.replace(":::{cv-entry} ", f":::{{cv-entry}} {marker} ", 1), encoding="utf-8")
                page.wait_for_function(f"document.body.innerText.includes({marker!r})", timeout=60000)
                seconds.append(time.perf_counter() - started)
                page_file.write_text(text, encoding="utf-8")
                page.wait_for_function(f"!document.body.innerText.includes({marker!r})", timeout=60000)
            browser.close()
        return statistics.median(seconds)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()


def _python_for_rendercv() -> str | None:
    """A Python ≥ 3.12 here: pyenv's own installs first (its shims on PATH run only the activated ones)."""
    for version in ("3.13", "3.12"):
        installed = sorted(Path.home().glob(f".pyenv/versions/{version}.*/bin/python{version}"))
        for found in [*installed, shutil.which(f"python{version}")]:
            if found and subprocess.run([str(found), "-c", ""], capture_output=True).returncode == 0:
                return str(found)
    return None


def prepare_rendercv(workdir: Path) -> tuple[Callable[[], float], str] | None:
    """RenderCV ready to render its own sample (PDF, HTML, Markdown, PNG): a function that times one render, and
    RenderCV's version; or None."""
    python = _python_for_rendercv()
    if python is None:
        return None
    environment = workdir / "rendercv-venv"
    if not (environment / "bin" / "rendercv").exists():
        subprocess.run([python, "-m", "venv", str(environment)], check=True)
        result = subprocess.run(
            [str(environment / "bin" / "pip"), "install", "--quiet", "rendercv[full]"],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode:
            return None
    cache = workdir / "typst-cache"
    package = cache / "typst" / "packages" / "preview" / "fontawesome" / "0.6.0"
    package.mkdir(parents=True, exist_ok=True)
    (package / "typst.toml").write_text('[package]\nname = "fontawesome"\nversion = "0.6.0"\nentrypoint = "lib.typ"\n')
    (package / "lib.typ").write_text(TYPST_STAND_IN)
    sample = workdir / "rendercv-sample"
    shutil.rmtree(sample, ignore_errors=True)
    sample.mkdir()
    rendercv = str(environment / "bin" / "rendercv")
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    _seconds([rendercv, "new", "John Doe"], sample, env)
    _seconds([rendercv, "render", "John_Doe_CV.yaml"], sample, env)  # the first render fills Typst's caches
    version = subprocess.run([rendercv, "--version"], capture_output=True, text=True).stdout.strip()
    return (lambda: _seconds([rendercv, "render", "John_Doe_CV.yaml"], sample, env)), version


def measure_workflow(workdir: Path, repeats: int, steps: list[str]) -> dict:
    """Every figure of the user's loop, in a fresh clone of this repository's last commit."""
    clone = workdir / "clone"
    shutil.rmtree(clone, ignore_errors=True)
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True)
    ready = prepare_rendercv(workdir) if "rendercv" in steps else None
    renders: list[float] = []

    def render() -> None:
        """One render of RenderCV's between the rounds, so that a machine that speeds up or slows down changes
        both sides of a ratio."""
        if ready:
            renders.append(ready[0]())

    figures: dict = {"nox": measure_nox(clone, repeats, steps, render)}
    if "serve" in steps:
        figures["nox"]["serve"] = measure_serve(clone, repeats)
    if "letter" in steps:
        figures["nox"]["letter"] = measure_letter(clone, repeats, render)
    if "typst" in steps:
        figures["nox"] |= measure_typst(clone, repeats, render)
    figures["rendercv"] = (statistics.median(renders), ready[1]) if ready else None
    return figures


def report_workflow(figures: dict) -> list[str]:
    """The section of RESULTS.md on the user's loop."""
    rendercv = figures.get("rendercv")
    lines = ["", "## The user's build (`nox -s all` on the seed CV) against RenderCV", ""]
    if rendercv:
        lines += [
            f"RenderCV ({rendercv[1]}) renders its own sample (PDF, HTML, Markdown, PNG) in "
            f"**{rendercv[0]:.2f} s** (median of its renders, one before each round of ours).",
            "",
        ]
    else:
        lines += ["RenderCV could not be installed here (it needs Python ≥ 3.12).", ""]
    lines += ["| step | seconds | × RenderCV | target |", "| --- | ---: | ---: | --- |"]
    names = {
        "fresh": "first run on a fresh clone (environments created)",
        "nothing": "nothing changed",
        "edit": "after editing one entry",
        "deleted": "after deleting docs/_build",
        "serve": "`nox -s serve`: saving a page → the reloaded page",
        "letter": "`nox -s letter` after editing a letter",
        "typst-pdf": "`nox -s pdf -- --engine typst` (the accessible PDF) after deleting docs/_build",
        "typst-all": "`nox -s all -- --engine typst` after deleting docs/_build",
    }
    for step, seconds in figures["nox"].items():
        if seconds is None:
            continue
        ratio = f"{seconds / rendercv[0]:.2f}" if rendercv and TARGETS[step] else "–"  # the others are in seconds
        target = {"fresh": "≤ 60 s", "serve": "≤ 1 s"}.get(step, f"≤ {TARGETS[step]} ×")
        lines.append(f"| {names[step]} | {seconds:.2f} | {ratio} | {target} |")
    return lines


if __name__ == "__main__":
    import json

    work = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "benchmarks" / "_work"
    print(json.dumps(measure_workflow(work, 3, list(STEPS)), indent=1))
