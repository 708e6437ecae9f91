"""Synthetic CVs of a given size, each with a baseline: the same text without the extension.

``generate(folder, entries, publications)`` writes two Sphinx projects:

- ``cv/``: MyST pages of ``cv-entry`` directives in ``cv-timeline``s, and a ``refs.bib``
  set by the extension's ``cv`` style;
- ``baseline/``: the same words as plain MyST paragraphs, and the same ``refs.bib`` in a plain
  sphinxcontrib-bibtex ``bibliography``.

Entries are spread over pages of at most 50; texts have realistic lengths and characters
(accents, Greek, ``& % $ # _``). The output depends only on the arguments.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ENTRIES_PER_PAGE = 50
WORDS = [
    "model",
    "diffusion",
    "statistics",
    "learning",
    "inference",
    "Bayesian",
    "kernel",
    "sampling",
    "gradient",
    "theory",
    "robust",
    "causal",
    "sparse",
    "estimator",
    "variational",
    "Markov",
    "stochastic",
    "optimal",
    "transport",
    "é",
    "à",
    "ü",
    "ß",
    "α",
    "β",
    "&",
    "%",
    "$",
    "#",
    "_",
]
SEASONS = ("", "Spring ", "Summer ", "Fall ", "Winter ", "Mar ", "Sep ")
KINDS = ("Professional Experience", "Education", "Volunteering", "Awards", "Invited Talks")

CONF = """extensions = ["myst_parser", "sphinxcontrib.bibtex"{extension}]
myst_enable_extensions = ["colon_fence"]
project = author = copyright = "Ada Lovelace"
version = "1"
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "{style}"
latex_engine = "xelatex"
latex_documents = [("index", "cv.tex", "Ada Lovelace", "Ada Lovelace", "howto")]
html_theme = "furo"
{extra}"""


#: The extension's fonts (Debian has no FreeSerif, xelatex's default in Sphinx), for a fair comparison.
BASELINE_FONTS = 'latex_elements = {"fontpkg": r"\\setmainfont{Linux Libertine O}\\setsansfont{Linux Biolinum O}"}\n'


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _escape(text: str) -> str:
    return "".join(f"\\{char}" if char in "&%$#_*[]`<>" else char for char in text)


def _entry(rng: random.Random, number: int) -> dict[str, str]:
    start = rng.randint(1980, 2020)
    end = "Present" if rng.random() < 0.1 else str(start + rng.randint(0, 4))
    return {
        "title": f"{_sentence(rng, rng.randint(2, 6))[:-1]} {number}",
        "org": f"Institute of {_sentence(rng, 2)[:-1]}, Université {number % 97}",
        "dates": f"{rng.choice(SEASONS)}{start} – {end}",
        "body": " ".join(_sentence(rng, rng.randint(8, 25)) for _ in range(rng.randint(1, 3))),
    }


def _bib(rng: random.Random, count: int) -> str:
    entries = []
    for number in range(count):
        authors = " and ".join(
            f"{rng.choice(['Lovelace', 'Babbage', 'Kamélia', 'Noether', 'Gauß'])}, "
            f"{rng.choice(['Ada', 'Charles', 'Emmy', 'J.'])}"
            for _ in range(rng.randint(1, 6))
        )
        kind = rng.choice(["article", "inproceedings", "misc"])
        venue = {"article": "journal", "inproceedings": "booktitle", "misc": "howpublished"}[kind]
        entries.append(
            f"@{kind}{{key{number},\n  title = {{{_sentence(rng, rng.randint(5, 12))[:-1]}}},\n"
            f"  author = {{{authors}}},\n  {venue} = {{{_sentence(rng, 4)[:-1]}}},\n"
            f"  year = {{{rng.randint(1990, 2024)}}},\n}}\n"
        )
    return "\n".join(entries)


def generate(folder: Path, entries: int, publications: int, seed: int = 0) -> tuple[Path, Path]:
    """Write the ``cv`` and ``baseline`` projects under ``folder``; return their source folders."""
    rng = random.Random(seed)
    items = [_entry(rng, number) for number in range(1, entries + 1)]
    bib = _bib(rng, publications)
    pages = [items[start : start + ENTRIES_PER_PAGE] for start in range(0, len(items), ENTRIES_PER_PAGE)]
    projects = {
        "cv": (
            CONF.format(
                extension=', "sphinx_cv"',
                style="cv",
                extra='cv_name = "Ada Lovelace"\nimport sys; sys.path.insert(0, "{ext}")\n',
            ),
            _cv_page,
        ),
        "baseline": (CONF.format(extension="", style="plain", extra=BASELINE_FONTS), _baseline_page),
    }
    ext = Path(__file__).resolve().parents[1] / "docs" / "_ext"
    for name, (conf, page) in projects.items():
        root = folder / name
        root.mkdir(parents=True, exist_ok=True)
        (root / "conf.py").write_text(conf.replace("{ext}", str(ext)), encoding="utf-8")
        (root / "refs.bib").write_text(bib, encoding="utf-8")
        names = [f"page{number:03d}" for number in range(len(pages))]
        for number, chunk in enumerate(pages):
            (root / f"{names[number]}.md").write_text(page(KINDS[number % len(KINDS)], chunk), encoding="utf-8")
        bibliography = "```{bibliography}\n:all:\n```\n" if publications else ""
        (root / "publications.md").write_text(f"# Publications\n\n{bibliography}", encoding="utf-8")
        toctree = "\n".join([*names, "publications"])
        (root / "index.md").write_text(
            f"# Ada Lovelace\n\nStatistician.\n\n```{{toctree}}\n{toctree}\n```\n", encoding="utf-8"
        )
    return folder / "cv", folder / "baseline"


#: The researchers' files of ``tests/data/bib/real`` that are right as they are (a ``-W`` build takes them).
REAL_FILES = (
    "casas-inspire-cosmo",
    "hu-jilin-dblp",
    "rashid-alfolio-papers",
    "seo-biblatex-journal",
    "seo-biblatex-proceedings",
    "sunyer-zotero",
    "usai-inspire-cms",
    "weaver-ads",
)
#: Where an entry's key begins (not a ``@string``'s, a ``@preamble``'s or a ``@comment``'s).
ENTRY_KEY = re.compile(r"^(\s*@\s*(?!string|preamble|comment)\w+\s*[{(]\s*)", flags=re.MULTILINE | re.IGNORECASE)


def real(folder: Path, copies: int) -> tuple[Path, Path]:
    """The ``cv`` and ``baseline`` projects of a refs.bib made of :data:`REAL_FILES`, ``copies`` times (each copy's
    keys prefixed): the publications page of ``nox -s new`` in the CV (whatever docs/ holds), one plain
    ``bibliography`` in the baseline."""
    from sphinx_cv_tool.sources.starter import starter

    repo = Path(__file__).resolve().parents[1]
    files = [
        (repo / "tests" / "data" / "bib" / "real" / f"{name}.bib").read_text(encoding="utf-8") for name in REAL_FILES
    ]
    bib = "\n".join(ENTRY_KEY.sub(rf"\g<1>copy{copy}-", text) for copy in range(copies) for text in files)
    pages = {
        "cv": starter("Santiago Casas").pages()["publications.md"],
        "baseline": "# Publications\n\n```{bibliography}\n:all:\n```\n",
    }
    confs = {
        "cv": CONF.format(extension=', "sphinx_cv"', style="cv", extra='cv_name = "Santiago Casas"\n'),
        "baseline": CONF.format(extension="", style="plain", extra=BASELINE_FONTS),
    }
    ext = repo / "docs" / "_ext"
    for name in ("cv", "baseline"):
        root = folder / name
        root.mkdir(parents=True, exist_ok=True)
        conf = confs[name] + (f"import sys; sys.path.insert(0, {str(ext)!r})\n" if name == "cv" else "")
        (root / "conf.py").write_text(conf, encoding="utf-8")
        (root / "refs.bib").write_text(bib, encoding="utf-8")
        (root / "index.md").write_text(pages[name], encoding="utf-8")
    return folder / "cv", folder / "baseline"


def _cv_page(title: str, items: list[dict[str, str]]) -> str:
    blocks = [
        f":::{{cv-entry}} {_escape(item['title'])}\n:org: {_escape(item['org'])}\n:dates: {item['dates']}\n\n"
        f"{_escape(item['body'])}\n:::\n"
        for item in items
    ]
    return f"# {title}\n\n::::{{cv-timeline}}\n" + "\n".join(blocks) + "::::\n"


def _baseline_page(title: str, items: list[dict[str, str]]) -> str:
    blocks = [
        f"**{_escape(item['title'])}** {item['dates']}\n\n*{_escape(item['org'])}*\n\n{_escape(item['body'])}\n"
        for item in items
    ]
    return f"# {title}\n\n" + "\n".join(blocks)


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
