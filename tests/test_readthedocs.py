"""Read the Docs' build, replayed here: its install step and its commands for html, pdf and epub.

Sources of the commands (Read the Docs can't be reached from here):
- readthedocs/doc_builder/backends/sphinx.py (``BaseSphinx.build``, ``PdfBuilder.build`` and
  ``_build_latexmk``, ``EpubBuilder._post_build``): ``python -m sphinx -T [-W --keep-going] -b <builder>
  -d _build/doctrees -D language=<lang> . $READTHEDOCS_OUTPUT/<format>``, run in the folder of
  conf.py (``-W --keep-going`` only for html and epub, when ``sphinx.fail_on_warning``); for the PDF,
  ``latexmk -r latexmkrc -pdf -f -dvi- -ps- -jobname=<slug> -interaction=nonstopmode`` in the
  LaTeX output folder;
- readthedocs/doc_builder/python_environments.py: a virtualenv, ``pip install --upgrade pip setuptools``,
  ``pip install --upgrade sphinx``, then for ``python.install: [{requirements: docs/requirements.txt}]``
  ``pip install --exists-action=w -r docs/requirements.txt`` in the checkout;
- the configuration file reference (docs/user/config-file/v2.rst) for the keys checked below; ``build.jobs``
  commands run in the checkout's root, after the formats are built, with the virtualenv's ``bin`` first on PATH.
Read the Docs adds ``--no-cache-dir`` to its pip commands; here pip's cache is kept, to spare CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import venv
from pathlib import Path

import pikepdf
import pytest
import yaml
from conftest import EPUBCHECK, REPO, conf_value, pdf_text, require_tool
from pypdf import PdfReader

#: A Read the Docs project's slug, which names its PDF and EPUB downloads (whatever the CV calls them).
RTD_SLUG = "my-cv"
BUILD_OS = {"ubuntu-20.04", "ubuntu-22.04", "ubuntu-24.04", "ubuntu-lts-latest"}
PYTHONS = {"3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14", "3", "latest"}


@pytest.fixture(scope="module")
def config() -> dict:
    return yaml.safe_load((REPO / ".readthedocs.yaml").read_text())


def test_config_file(config) -> None:
    assert config["version"] == 2
    assert config["build"]["os"] in BUILD_OS
    assert config["build"]["tools"]["python"] in PYTHONS
    assert config["sphinx"] == {"configuration": "docs/conf.py", "fail_on_warning": True}
    assert set(config["formats"]) == {"pdf", "epub"}
    assert config["python"]["install"] == [{"requirements": "docs/requirements.txt"}]
    requirements = (REPO / "docs" / "requirements.txt").read_text().splitlines()
    assert "-c ../constraints.txt" in requirements and ".[site,typst]" in requirements
    assert config["build"]["jobs"] == {"post_build": ["python -m sphinx_cv_tool.readthedocs"]}
    assert "fonts-linuxlibertine" in config["build"]["apt_packages"]


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def test_read_the_docs_build(config, tmp_path) -> None:
    require_tool("latexmk", "xelatex", "java")
    checkout = tmp_path / "checkout"
    shutil.copytree(
        REPO,
        checkout,
        ignore=shutil.ignore_patterns(".git", ".nox", "_build", "__pycache__", "*.egg-info", ".pytest_cache"),
    )
    output = checkout / "_readthedocs"
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = str(environment / "bin" / "python")
    env = {
        **os.environ,
        "READTHEDOCS": "True",
        "READTHEDOCS_OUTPUT": str(output),
        "READTHEDOCS_VIRTUALENV_PATH": str(environment),
        "READTHEDOCS_LANGUAGE": "en",
        "PATH": f"{environment / 'bin'}{os.pathsep}{os.environ['PATH']}",  # as Read the Docs runs build.jobs
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    env.pop("PYTHONPATH", None)

    pip = [python, "-m", "pip", "install", "--quiet", "--upgrade"]
    _run([*pip, "pip", "setuptools"], checkout, env)
    _run([*pip, "sphinx"], checkout, env)
    for step in config["python"]["install"]:
        requirements = ["-r", step["requirements"]]
        _run([python, "-m", "pip", "install", "--quiet", "--exists-action=w", *requirements], checkout, env)
    installed = _run([python, "-m", "pip", "freeze"], checkout, env).stdout.splitlines()
    pinned = [line for line in (REPO / "constraints.txt").read_text().splitlines() if line.startswith("furo==")]
    assert pinned and pinned[0] in installed  # the versions the tests passed with, not the newest

    confdir = checkout / Path(config["sphinx"]["configuration"]).parent
    strict = ["-W", "--keep-going"] if config["sphinx"]["fail_on_warning"] else []

    def sphinx(builder: str, fmt: str, *flags: str, language: str = "en") -> Path:
        outdir = output / fmt
        _run(
            [
                python,
                "-m",
                "sphinx",
                "-T",
                *flags,
                "-b",
                builder,
                "-d",
                "_build/doctrees",
                "-D",
                f"language={language}",
                ".",
                str(outdir),
            ],
            confdir,
            env,
        )
        return outdir

    name = conf_value(REPO / "docs" / "conf.py", "cv_name")
    html = sphinx("html", "html", *strict)
    assert f"<title>{name}</title>" in (html / "index.html").read_text(encoding="utf-8")

    def latexmk(latex: Path, slug: str) -> Path:
        command = ["latexmk", "-r", "latexmkrc", "-pdf", "-f", "-dvi-", "-ps-", f"-jobname={slug}"]
        _run([*command, "-interaction=nonstopmode"], latex, env)
        return latex / f"{slug}.pdf"

    pdf = latexmk(sphinx("latex", "pdf"), RTD_SLUG)
    reader = PdfReader(pdf)
    assert reader.metadata.subject == "Curriculum Vitae" and reader.metadata.title == name
    text = pdf_text(pdf)
    assert text.splitlines()[0] == name and "Contents" not in text

    def post_build() -> None:
        for command in config["build"]["jobs"]["post_build"]:
            _run(["sh", "-c", command], checkout, env)

    latex_pdf = pdf.read_bytes()
    post_build()  # the LaTeX engine: Read the Docs' PDF stays
    assert [path.name for path in (output / "pdf").glob("*.pdf")] == [f"{RTD_SLUG}.pdf"]
    assert pdf.read_bytes() == latex_pdf
    conf = confdir / "conf.py"
    written = conf.read_text(encoding="utf-8")
    conf.write_text(written + 'cv_pdf_engine = "typst"\n', encoding="utf-8")
    post_build()  # the accessible PDF in its place, under Read the Docs' name
    assert [path.name for path in (output / "pdf").glob("*.pdf")] == [f"{RTD_SLUG}.pdf"]
    with pikepdf.open(output / "pdf" / f"{RTD_SLUG}.pdf") as document:
        assert "/StructTreeRoot" in document.Root and str(document.Root.Lang) == "en"
        assert set(document.attachments) == {"resume.json", "refs.bib"}
    assert pdf_text(output / "pdf" / f"{RTD_SLUG}.pdf").splitlines()[0] == name
    conf.write_text(written, encoding="utf-8")

    epub = next(sphinx("epub", "epub", *strict).glob("*.epub"))
    check = subprocess.run(["java", "-jar", str(EPUBCHECK), str(epub)], capture_output=True, text=True, check=False)
    assert check.returncode == 0 and "No errors or warnings detected" in check.stdout, check.stdout + check.stderr

    # A translation project of the same repository: Read the Docs builds it with -D language=de (the translated
    # pages come from docs/locales/de, tests/test_languages.py checks them; the extension's words are German).
    page = (sphinx("html", "html-de", *strict, language="de") / "index.html").read_text(encoding="utf-8")
    assert 'lang="de"' in page and "Diesen Lebenslauf herunterladen:" in page
    german = latexmk(sphinx("latex", "pdf-de", language="de"), f"{RTD_SLUG}-de")
    assert PdfReader(german).metadata.subject == "Lebenslauf" and "Seite 1 von" in pdf_text(german)
