"""``nox -s bench``: what the extension costs, against plain Sphinx building the same text.

For each size, a synthetic CV and its baseline (``generate.py``) are built clean with each
builder, alternately, ``--repeats`` times; the medians and their ratio are reported, with the
PDF compile (and its number of LaTeX passes), an incremental html rebuild after editing one
entry (also the median of ``--repeats``), and the peak memory of each build. Writes
``RESULTS.md`` and a plot beside it; ``README.md`` says what profiling found and changed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from generate import ENTRY_KEY, REAL_FILES, generate, real
from workflow import STEPS, measure_workflow, report_workflow

HERE = Path(__file__).parent
#: A child process that builds and prints its own peak memory (whole process, KiB), so builds don't share it.
BUILD = (
    "import resource, sys\n"
    "from sphinx.cmd.build import build_main\n"
    "strict = ['-W'] if sys.argv[5] == 'strict' else []\n"
    "code = build_main(['-q', *strict, '-b', sys.argv[1], '-d', sys.argv[4], sys.argv[2], sys.argv[3]])\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    "sys.exit(code)\n"
)
LATEXMK = ["latexmk", "-r", "latexmkrc", "-pdfxe", "-interaction=nonstopmode", "-halt-on-error", "cv.tex"]


def build(source: Path, builder: str, outdir: Path, *, clean: bool = True, strict: bool = True) -> tuple[float, int]:
    """Seconds and peak KiB of one sphinx-build run (with ``-W`` when ``strict``)."""
    doctrees = outdir.with_name(f"{outdir.name}-doctrees")
    if clean:
        shutil.rmtree(outdir, ignore_errors=True)
        shutil.rmtree(doctrees, ignore_errors=True)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", BUILD, builder, str(source), str(outdir), str(doctrees), "strict" if strict else ""],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(f"{builder} build of {source} failed:\n{result.stderr[-3000:]}")
    return elapsed, int(result.stdout.split()[-1])


def compile_pdf(outdir: Path) -> tuple[float, int]:
    """Seconds and number of xelatex passes of a clean latexmk run."""
    started = time.perf_counter()
    result = subprocess.run(LATEXMK, cwd=outdir, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(f"latexmk failed in {outdir}:\n{result.stdout[-3000:]}")
    return elapsed, (result.stdout + result.stderr).count("Running 'xelatex")


def edit_one_entry(source: Path) -> None:
    """Change one word of the first entry's body, as a user fixing a typo would."""
    page = source / "page000.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Model", "Models", 1) if "Model" in text else text + "\nEdited.\n", encoding="utf-8")


def edit_one_publication(source: Path) -> None:
    """Change one word of the first title of refs.bib."""
    bib = source / "refs.bib"
    bib.write_text(
        re.sub(r"(title\s*=\s*[{\"]+)", r"\g<1>Edited ", bib.read_text(encoding="utf-8"), count=1), encoding="utf-8"
    )


def measure(workdir: Path, entries: int, publications: int, builders: list[str], repeats: int) -> dict:
    """Every figure for one size: medians per project and builder, incremental rebuild, memory, passes."""
    projects = dict(
        zip(("cv", "baseline"), generate(workdir / f"{entries}-{publications}", entries, publications), strict=True)
    )
    return {
        "entries": entries,
        "publications": publications,
        **measure_projects(projects, builders, repeats, edit_one_entry, strict={"cv", "baseline"}),
    }


def measure_real(workdir: Path, copies: int, builders: list[str], repeats: int) -> dict:
    """The same figures for the real refs.bib files, ``copies`` times: the CV with ``-W``, and a plain
    ``bibliography`` without (sphinxcontrib-bibtex warns about the fields the files lack)."""
    projects = dict(zip(("cv", "baseline"), real(workdir / f"real-{copies}", copies), strict=True))
    entries = len(ENTRY_KEY.findall((projects["cv"] / "refs.bib").read_text(encoding="utf-8")))
    return {
        "entries": 0,
        "publications": entries,
        **measure_projects(projects, builders, repeats, edit_one_publication, strict={"cv"}),
    }


def measure_projects(
    projects: dict[str, Path], builders: list[str], repeats: int, edit: Callable[[Path], None], strict: set[str]
) -> dict:
    """Medians per project and builder, the html rebuild after ``edit``, peak memory and LaTeX passes."""
    times: dict[str, dict[str, list[float]]] = {name: {} for name in projects}
    memory: dict[str, int] = {name: 0 for name in projects}
    passes: dict[str, int] = {}
    for repeat in range(repeats):
        order = list(projects.items())[:: -1 if repeat % 2 else 1]  # each first in turn: neither pays for going first
        for builder in builders:
            sphinx_builder = "latex" if builder == "pdf" else builder
            for name, source in order:  # alternately, so that a noisy moment hits both
                outdir = source.parent / f"_build-{name}-{sphinx_builder}"
                seconds, peak = build(source, sphinx_builder, outdir, strict=name in strict)
                memory[name] = max(memory[name], peak)
                if builder == "pdf":
                    seconds, passes[name] = compile_pdf(outdir)
                times[name].setdefault(builder, []).append(seconds)
    rebuilds: dict[str, dict[str, list[float]]] = {name: {"clean": [], "incremental": []} for name in projects}
    for _ in range(repeats):
        for name, source in projects.items():
            outdir = source.parent / f"_build-{name}-incremental"
            rebuilds[name]["clean"].append(build(source, "html", outdir, strict=name in strict)[0])
            edit(source)
            rebuilds[name]["incremental"].append(build(source, "html", outdir, clean=False, strict=name in strict)[0])
    incremental = {
        name: {step: statistics.median(values) for step, values in steps.items()} for name, steps in rebuilds.items()
    }
    medians = {
        name: {builder: statistics.median(values) for builder, values in by_builder.items()}
        for name, by_builder in times.items()
    }
    return {
        "median": medians,
        "incremental": incremental,
        "peak_mib": {name: round(kib / 1024) for name, kib in memory.items()},
        "pdf_passes": passes,
    }


def versions() -> str:
    from importlib.metadata import version

    packages = ("sphinx", "myst-parser", "sphinxcontrib-bibtex", "pybtex", "furo")
    return ", ".join(f"{name} {version(name)}" for name in packages)


def report_real(result: dict, builders: list[str], copies: int) -> list[str]:
    """The section of RESULTS.md on the real refs.bib files."""
    lines = [
        "",
        f"## Real refs.bib files: {result['publications']} entries (target ≤ 1.3× a plain `bibliography`)",
        "",
        f"`tests/data/bib/real`'s {len(REAL_FILES)} files that build with `-W` as they are, {copies} times over "
        "(keys prefixed), as the example's publications page (groups, the `cv` style, `-W`) and as one plain "
        "`bibliography` in pybtex's `plain` style (without `-W`: it warns about the fields the files lack).",
        "",
        "| builder | extension | baseline | ratio |",
        "| --- | ---: | ---: | ---: |",
    ]
    for builder in builders:
        cv, base = result["median"]["cv"][builder], result["median"]["baseline"][builder]
        lines.append(f"| {builder} | {cv:.2f} | {base:.2f} | {cv / base:.2f} |")
    cv, base = result["incremental"]["cv"], result["incremental"]["baseline"]
    lines += [
        "",
        f"After editing one entry of refs.bib, the html rebuild takes {cv['incremental']:.2f} s (clean "
        f"{cv['clean']:.2f} s; baseline {base['incremental']:.2f} s of {base['clean']:.2f} s). "
        f"Peak memory: {result['peak_mib']['cv']} MiB (baseline {result['peak_mib']['baseline']} MiB).",
    ]
    return lines


def report(
    results: list[dict],
    builders: list[str],
    repeats: int,
    plot: Path | None,
    workflow: dict | None,
    real_result: tuple[dict, int] | None = None,
) -> str:
    """RESULTS.md: every figure, the targets, and where they were measured."""
    lines = [
        "# Benchmark: the extension against plain Sphinx",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d} on {platform.platform()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; {versions()}. Every time is the median of {repeats} run(s), "
        "the extension's CV and its baseline (the same text as plain MyST, the same refs.bib in a plain "
        "`bibliography`) built alternately. Regenerate with `nox -s bench`; "
        "what profiling found and changed is in [README.md](README.md).",
        "",
        "## Build time (seconds) and overhead",
        "",
        "| entries / publications | builder | extension | baseline | ratio (target ≤ 1.15) |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for result in results:
        for builder in builders:
            cv, base = result["median"]["cv"][builder], result["median"]["baseline"][builder]
            lines.append(
                f"| {result['entries']} / {result['publications']} | {builder} | {cv:.2f} | {base:.2f} | "
                f"{cv / base:.2f} |"
            )
    lines += [
        "",
        "## Growth: time when the entries double (target ≤ 2.2×)",
        "",
        "| from | to | builder | extension | baseline |",
        "| --- | --- | --- | ---: | ---: |",
    ]
    for small, large in itertools.pairwise(results):
        if large["entries"] == 2 * small["entries"]:
            for builder in builders:
                growth = {
                    name: large["median"][name][builder] / small["median"][name][builder] for name in ("cv", "baseline")
                }
                lines.append(
                    f"| {small['entries']} | {large['entries']} | {builder} | {growth['cv']:.2f}× | "
                    f"{growth['baseline']:.2f}× |"
                )
    lines += [
        "",
        "## Incremental html rebuild after editing one entry (target ≤ 35 % of a clean build)",
        "",
        "| entries | extension: clean → incremental | share | baseline: clean → incremental | share |",
        "| --- | --- | ---: | --- | ---: |",
    ]
    for result in results:
        cv, base = result["incremental"]["cv"], result["incremental"]["baseline"]
        lines.append(
            f"| {result['entries']} | {cv['clean']:.2f} s → {cv['incremental']:.2f} s | "
            f"{cv['incremental'] / cv['clean']:.0%} | {base['clean']:.2f} s → {base['incremental']:.2f} s | "
            f"{base['incremental'] / base['clean']:.0%} |"
        )
    lines += [
        "",
        "## Peak memory of a build (target < 1 GiB) and LaTeX passes",
        "",
        "| entries | extension | baseline | xelatex passes (extension / baseline) |",
        "| --- | ---: | ---: | --- |",
    ]
    for result in results:
        passes = result["pdf_passes"]
        lines.append(
            f"| {result['entries']} | {result['peak_mib']['cv']} MiB | {result['peak_mib']['baseline']} MiB | "
            f"{passes.get('cv', '–')} / {passes.get('baseline', '–')} |"
        )
    if real_result:
        lines += report_real(real_result[0], builders, real_result[1])
    if plot:
        lines += ["", f"![Build time against size]({plot.name})"]
    if workflow:
        lines += report_workflow(workflow)
    return "\n".join(lines) + "\n"


def draw(results: list[dict], builders: list[str], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(7, 4.2))
    sizes = [result["entries"] for result in results]
    for index, builder in enumerate(builders):
        for name, style in (("cv", "-o"), ("baseline", "--x")):
            axes.plot(
                sizes,
                [result["median"][name][builder] for result in results],
                style,
                color=f"C{index}",
                label=f"{builder}, {'extension' if name == 'cv' else 'baseline'}",
            )
    axes.set(
        xlabel="entries (publications: twice as many)",
        ylabel="clean build (s)",
        xscale="log",
        yscale="log",
        title="Build time against the size of the CV",
    )
    axes.legend(fontsize=7, ncols=2)
    figure.tight_layout()
    figure.savefig(path, dpi=110, metadata={"Software": None})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="15:7,100:200,500:1000,1000:2000", help="entries:publications,...")
    parser.add_argument("--builders", default="html,epub,latex,pdf")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=HERE / "_work")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--no-plot", action="store_true")
    parser.add_argument("--workflow", default=",".join(STEPS), help=f"steps of the user's loop to time, of {STEPS}")
    parser.add_argument("--real", type=int, default=3, help="copies of the real .bib files to time (0: none)")
    args = parser.parse_args(argv)
    builders = args.builders.split(",")
    results = []
    for size in filter(None, args.sizes.split(",")):
        entries, publications = map(int, size.split(":"))
        print(f"measuring {entries} entries, {publications} publications ...", flush=True)
        results.append(measure(args.workdir, entries, publications, builders, args.repeats))
    real_result = None
    if args.real:
        print(f"measuring the real .bib files, {args.real} times over ...", flush=True)
        real_result = (measure_real(args.workdir, args.real, builders, args.repeats), args.real)
    steps = [step for step in args.workflow.split(",") if step]
    workflow = None
    if steps:
        print("timing the user's loop (nox -s all, nox -s serve, RenderCV) ...", flush=True)
        workflow = measure_workflow(args.workdir, args.repeats, steps)
    plot = None if args.no_plot or not results else args.results.with_name("build-time.png")
    if plot:
        draw(results, builders, plot)
    args.results.write_text(report(results, builders, args.repeats, plot, workflow, real_result), encoding="utf-8")
    data = {"sizes": results, "workflow": workflow, "real": real_result[0] if real_result else None}
    args.results.with_suffix(".json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"results: {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
