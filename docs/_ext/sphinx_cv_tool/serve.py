"""A live preview of the website: ``python -m sphinx_cv_tool.serve`` (what ``nox -s serve`` runs); with
``--letters``, of the letters' and statements' PDFs (``nox -s serve -- --letters``).

sphinx-autobuild's server: it watches the files, serves the website, and reloads the page in
the browser after each rebuild. Its rebuild starts a new Python, which spends half a second
importing Sphinx, MyST, sphinxcontrib-bibtex and the theme before it reads the one page that
changed. Here this process imports them once, and each rebuild runs in the process that
sphinx-autobuild forks for each change (fork is asked for: Python 3.14 starts workers with
forkserver by default, which would import everything again). The project's own modules (those
in the source folder, such as the extension in ``docs/_ext``) are imported afresh in every
rebuild, so an edit to them takes effect.

sphinx-autobuild has no Python API, only its command line (which cannot preload). This module is
the one seam with its internals, capped in ``pyproject.toml`` (``<2026``) and each checked by
``tests/test_serve.py``: ``server.RebuildServer(paths, ignore_filter, change_callback=...)`` with its
``lifespan`` (which runs ``change_callback(changed_paths=...)`` in a ``ProcessPoolExecutor`` of the
default start method), ``filter.IgnoreFilter(paths, regexes)``,
``middleware.JavascriptInjectorMiddleware(app, ws_url=...)`` and ``utils.show_message``.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import html
import importlib
import importlib.util
import multiprocessing
import runpy
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["main"]


def _within(path: str | None, folder: Path) -> bool:
    return path is not None and path != "" and Path(path).resolve().is_relative_to(folder)


class Rebuild:
    """One build, in the calling process: the website (``build_main(["-b", "html", ..., SOURCE, OUTDIR])``), or
    the letters (:func:`build_letters`)."""

    def __init__(self, source: Path, build: Callable[[], int]) -> None:
        self.source, self.build = source, build

    def __call__(self, *, changed_paths: Sequence[Path]) -> None:
        from sphinx_autobuild.utils import show_message

        if changed_paths:
            show_message(f"Detected changes ({', '.join(str(path) for path in changed_paths[:5])})")
        for name, module in list(sys.modules.items()):  # the project's own code, as it is now
            if name != "__main__" and _within(getattr(module, "__file__", None), self.source):
                del sys.modules[name]
        if self.build():
            show_message("The build failed: what is shown is the last one built; fix the error above and save")


def build_website(sphinx_args: list[str]) -> int:
    from sphinx.cmd.build import build_main

    return build_main(sphinx_args)


def build_letters(source: Path, out: Path, arguments: list[str]) -> int:
    """Build the letters' and statements' PDFs into ``out`` and write ``out/index.html``, which shows each."""
    from sphinx_cv_tool.build import main as build_main

    try:
        build_main(["--source", str(source), "--out", str(out), "--formats", "letter", *arguments])
    except SystemExit as error:
        print(error, file=sys.stderr)
        return 1
    pdfs = sorted(out.glob("*.pdf"))
    frames = "".join(
        f'<h2>{html.escape(pdf.stem)}</h2><iframe src="{quote(pdf.name)}?{pdf.stat().st_mtime_ns}" title="'
        f'{html.escape(pdf.stem)}"></iframe>'
        for pdf in pdfs
    )
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Letters</title><style>'
        "body{font-family:sans-serif;margin:1rem}iframe{width:100%;height:90vh;border:1px solid #ccc}"
        f"</style></head><body>{frames or '<p>No letter in the letters folder.</p>'}</body></html>\n"
    )
    (out / "index.html").write_text(page, encoding="utf-8")
    return 0


def preload(source: Path) -> None:
    """Import Sphinx, its builders, and conf.py's extensions and theme that are not the project's own."""
    import sphinx.application

    with contextlib.chdir(source):  # as Sphinx runs conf.py
        namespace = runpy.run_path(str(source / "conf.py"))
    names = [*sphinx.application.builtin_extensions, *namespace.get("extensions", []), namespace.get("html_theme")]
    for name in filter(None, names):
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        if spec is not None and not _within(spec.origin, source):
            importlib.import_module(name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sphinx_cv_tool.serve", description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the folder of conf.py")
    parser.add_argument("out", type=Path, help="where the website is built")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--watch", type=Path, action="append", default=[], help="another input, e.g. refs.bib")
    parser.add_argument("--letters", action="store_true", help="preview the letters' and statements' PDFs")
    args, sphinx_args = parser.parse_known_args(argv)
    import uvicorn
    from sphinx_autobuild.filter import IgnoreFilter
    from sphinx_autobuild.middleware import JavascriptInjectorMiddleware
    from sphinx_autobuild.server import RebuildServer
    from sphinx_autobuild.utils import show_message
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.routing import Mount, WebSocketRoute
    from starlette.staticfiles import StaticFiles

    source, out = args.source.resolve(), args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    if args.letters:  # the watched files are inputs of the letters too
        inputs = [argument for path in args.watch for argument in ("--input", str(path.resolve()))]
        build = functools.partial(build_letters, source, out, [*inputs, *sphinx_args])
    else:
        build = functools.partial(build_website, ["-b", "html", *sphinx_args, str(source), str(out)])
    rebuild = Rebuild(source, build)
    preload(source)
    multiprocessing.set_start_method("fork")  # for sphinx-autobuild's pool, which names no start method
    with ProcessPoolExecutor(max_workers=1) as pool:  # the first build, forked as the others are
        pool.submit(rebuild, changed_paths=()).result()
    ignore = IgnoreFilter([out, source / "_build"], [r"/__pycache__(/|$)", r"/\.[^/]*$"])  # and editors' dot files
    server = RebuildServer([source, *args.watch], ignore, change_callback=rebuild)
    address = f"{args.host}:{args.port}"
    app = Starlette(
        routes=[
            WebSocketRoute("/websocket-reload", server, name="reload"),
            Mount("/", app=StaticFiles(directory=out, html=True), name="static"),
        ],
        middleware=[Middleware(JavascriptInjectorMiddleware, ws_url=address)],
        lifespan=server.lifespan,
    )
    show_message(f"Serving on http://{address}")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
