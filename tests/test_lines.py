"""``cv-line``, ``:area:`` and ``cv-contact``: one-line entries, degrees' fields, the contact line, everywhere."""

from __future__ import annotations

import json
import re
from html import unescape
from urllib.parse import unquote

import pytest
from conftest import compile_pdf, pdf_text


@pytest.mark.sphinx("html", testroot="lines", freshenv=True)
def test_html(app, warning) -> None:
    app.build()
    assert warning.getvalue() == ""
    html = re.sub(r">\s+<", "><", (app.outdir / "index.html").read_text(encoding="utf-8"))
    assert (
        '<h3 class="cv-entry-title">Ph.D.<span class="cv-entry-area"> in Statistics &amp; <em>Machine</em> Learning'
        in html
    )
    assert (
        '<dl class="cv-line" id="cv-Programming"><dt class="cv-line-label">Programming<span class="cv-line-level"> '
        'Expert</span></dt><dd class="cv-line-details">Python, R, C++</dd></dl>'
    ) in html
    assert '<dl class="cv-line cv-line-numbered"' in html
    # a line without details has an empty <dd>: HTML (and so epubcheck) requires one after each <dt>
    assert '<span class="cv-line-level"> C2</span></dt><dd class="cv-line-details"></dd></dl>' in html
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids)) and {"cv-Ph.D.", "cv-0"} <= set(ids)  # two entries, one title
    contact = re.search(r'<p class="cv-contact">(.*?)</p>', html, flags=re.S)[1]
    assert [unquote(unescape(url)) for url in re.findall(r'href="([^"]+)"', contact)] == [
        "mailto:zoe@example.org",
        "mailto:z.obrien@example.ac.uk",
        "tel:+442079460000",
        "https://www.linkedin.com/in/zoe-lob",
        "https://scholar.social/@zoe",
        "https://www.kaggle.com/zoelob",
    ]
    assert ">Kaggle</a>" in contact and "+44 20 7946 0000" in contact


@pytest.mark.sphinx("latex", testroot="lines", freshenv=True)
def test_latex_and_pdf(app, warning) -> None:
    app.build()
    assert warning.getvalue() == ""
    tex = (app.outdir / "zoe-lukasiewicz-obrien-cv.tex").read_text(encoding="utf-8")
    assert r"\sphinxcvtitle{Ph.D.\sphinxcvarea{Statistics \& \sphinxstyleemphasis{Machine} Learning}}" in tex
    assert (
        r"\sphinxcvlinelabel{Programming\sphinxcvlevel{Expert}}\sphinxcvlinedetails{Python, R, C++}\sphinxcvline" in tex
    )
    assert r"\sphinxcvline[\sphinxcvnumberwidth]" in tex
    assert r"\sphinxcvcontact" in tex and "cv-contact" not in tex  # the contact line is in the head, once
    layout = pdf_text(compile_pdf(app, "zoe-lukasiewicz-obrien-cv.tex"), layout=True)
    assert re.search(r"Ph\.D\. in Statistics & Machine Learning +2018 – 2022", layout)
    assert re.search(r"^Programming +Python, R, C\+\+$", layout, flags=re.M)  # label and details on one line
    assert re.search(r"^2\. +Second talk", layout, flags=re.M)
    assert layout.count("zoe@example.org") == 1


@pytest.mark.sphinx("text", testroot="lines", freshenv=True)
def test_text(app) -> None:
    app.build()
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert "Ph.D. in Statistics & *Machine* Learning — University of Warsaw (2018 – 2022)" in " ".join(text.split())
    assert "Programming (Expert): Python, R, C++" in text
    assert "English (C2)\n" in text and "2. Second talk" in text


@pytest.mark.sphinx("jsonresume", testroot="lines", freshenv=True)
def test_json_resume(app) -> None:
    app.build()
    data = json.loads((app.outdir / "resume.json").read_text(encoding="utf-8"))
    assert data["education"][0]["studyType"] == "Ph.D." and data["education"][0]["area"].startswith("Statistics &")
    assert data["education"][0]["highlights"] == ["Thesis on sparse models", "Teaching assistant"]
    assert data["skills"][0] == {"name": "Programming", "level": "Expert", "keywords": ["Python", "R", "C++"]}
    assert data["languages"] == [{"language": "Polish", "fluency": "Native"}, {"language": "English", "fluency": "C2"}]
    assert data["basics"]["email"] == "zoe@example.org" and data["basics"]["phone"] == "+44 20 7946 0000"
    assert {"network": "Kaggle", "url": "https://www.kaggle.com/zoelob"} in data["basics"]["profiles"]
