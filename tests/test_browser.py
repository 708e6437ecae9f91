"""The CV's website in a real browser: Debian's Chromium driven by Playwright, both themes, light and dark.

The checks hold for anybody's CV: pages, entries and metadata come from the build.
Screenshots of every check are saved under ``<pytest basetemp>/screenshots`` for a reviewer to look at.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import build_app, make_project, require_tool
from sphinx_cv.domain import reading_order
from sphinx_cv.model import CvRecord, current_positions
from sphinx_cv.pdf.designs import ACCENT
from sphinx_cv.settings import settings
from sphinx_cv.web.accent import DARK_BACKGROUND, LIGHT_BACKGROUND, readable

THEMES = ["furo", "pydata"]
#: The CV of docs/ in both themes, and an imported CV with one-line entries and a contact line.
SITES = ["docs-furo", "docs-pydata", "rendercv-furo"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
#: A stylesheet that only each theme's pages link.
THEME_STYLESHEETS = {"furo": "_static/styles/furo.css", "pydata": "_static/styles/pydata-sphinx-theme.css"}
#: Download links of the home page, and the placeholder files they must serve.
DOWNLOADS = {"PDF": b"placeholder pdf", "EPUB": b"placeholder epub", "Word": b"placeholder docx"}
#: Elements of each theme that a printed CV must not show.
CHROME = {
    "furo": [".sidebar-drawer", ".toc-drawer", ".mobile-header", ".theme-toggle-container", ".related-pages"],
    "pydata": [".bd-header", ".bd-sidebar-primary", ".bd-footer", ".prev-next-area", ".theme-switch-button"],
}


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    folder = tmp_path_factory.getbasetemp() / "screenshots"
    folder.mkdir(exist_ok=True)
    return folder


@dataclass
class Site:
    """The CV's website in one theme, served on localhost, with what its sources say."""

    url: str
    theme: str
    name: str
    pages: list[str]  #: in the CV's reading order
    records: list[CvRecord]
    entry_page: str  #: the first page with a dated entry


@pytest.fixture(scope="module")
def sites(tmp_path_factory, serve) -> dict[str, Site]:
    """Each site of ``SITES``, with placeholder PDF and EPUB files (named as the build names them) to link."""
    found = {}
    for key in SITES:
        project, theme = key.split("-")
        srcdir = make_project(project, tmp_path_factory.mktemp(key))
        previous, os.environ["CV_THEME"] = os.environ.get("CV_THEME"), theme
        try:
            app = build_app(srcdir, "html")
            for name, (label, content) in zip(settings(app.config).download_files, DOWNLOADS.items(), strict=True):
                assert name.endswith({"Word": "docx"}.get(label, label.lower()))
                Path(app.srcdir, name).parent.mkdir(parents=True, exist_ok=True)
                Path(app.srcdir, name).write_bytes(content)
            app = build_app(srcdir, "html")  # now with the download links
        finally:
            os.environ.pop("CV_THEME")
            if previous is not None:
                os.environ["CV_THEME"] = previous
        domain = app.env.get_domain("cv")
        order = reading_order(app.env, app.config.root_doc)
        dated = [docname for docname in order if any(entry.record.dates for entry in domain.entries.get(docname, []))]
        found[key] = Site(serve(app.outdir), theme, settings(app.config).name, order, domain.records(order), dated[0])
    return found


@pytest.fixture(scope="module")
def browser():
    require_tool("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_page(browser, url: str, *, width: int = 1280, scheme: str = "light", media: str = "screen"):
    """A page at ``url`` with a fresh context; console errors and failed requests are collected on it."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.problems = []
    # Failed requests are caught as responses (where the browser's own favicon request can be told apart).
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and not message.text.startswith("Failed to load resource")
            and page.problems.append(message.text)
        ),
    )
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and not response.url.endswith("/favicon.ico")
            and page.problems.append(f"{response.status} {response.url}")
        ),
    )
    page.emulate_media(media=media, color_scheme=scheme)
    page.goto(url)
    return page


@pytest.mark.parametrize("site", SITES)
def test_each_site_has_its_theme(browser, sites, site) -> None:
    page = open_page(browser, f"{sites[site].url}/index.html")
    stylesheets = page.eval_on_selector_all('link[rel="stylesheet"]', "links => links.map(l => l.getAttribute('href'))")
    assert any(href.startswith(THEME_STYLESHEETS[sites[site].theme]) for href in stylesheets), stylesheets
    other = next(name for name in THEMES if name != sites[site].theme)
    assert not any(href.startswith(THEME_STYLESHEETS[other]) for href in stylesheets), stylesheets
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("site", SITES)
def test_no_serious_accessibility_violation(browser, sites, site, scheme, screenshots) -> None:
    """axe-core (bundled with axe-playwright-python) on every page: no serious or critical violation."""
    axe = Axe()
    for name in sites[site].pages:
        page = open_page(browser, f"{sites[site].url}/{name}.html", scheme=scheme)
        result = axe.run(page).response
        page.screenshot(path=screenshots / f"{site}-{scheme}-{name}.png", full_page=True)
        assert (
            result["testEngine"]["name"] == "axe-core" and result["passes"] and result["url"].endswith(name + ".html")
        )
        serious = [
            (v["id"], v["impact"], len(v["nodes"]))
            for v in result["violations"]
            if v["impact"] in {"serious", "critical"}
        ]
        assert serious == [], name
        page.context.close()


def _box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("site", SITES)
def test_layout_desktop_and_phone(browser, sites, site, screenshots) -> None:
    for width in (1280, 375):
        for name in sites[site].pages:
            page = open_page(browser, f"{sites[site].url}/{name}.html", width=width)
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{name} scrolls sideways at {width}px"
            assert page.problems == [], (name, page.problems)
            page.context.close()
        page = open_page(browser, f"{sites[site].url}/{sites[site].entry_page}.html", width=width)
        page.screenshot(path=screenshots / f"{site}-{width}-{sites[site].entry_page}.png", full_page=True)
        title, dates = _box(page, ".cv-entry-title"), _box(page, ".cv-entry-dates")
        if width == 1280:  # dates on the title's line, at the right
            assert dates["x"] > title["x"] + title["width"] and abs(dates["y"] - title["y"]) < 12
        else:  # under the title, inside the screen
            assert dates["y"] > title["y"] and dates["x"] + dates["width"] <= 375
        marker = page.evaluate("getComputedStyle(document.querySelector('.cv-timeline-item'), '::before').content")
        assert marker == '""'  # the timeline's dots
        page.context.close()


def _luminance(css_colour: str) -> float:
    channels = [float(part) / 255 for part in css_colour[css_colour.index("(") + 1 : -1].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("site", SITES)
def test_dark_mode_follows_the_reader(browser, sites, site, screenshots) -> None:
    for scheme in ("light", "dark"):
        page = open_page(browser, f"{sites[site].url}/{sites[site].entry_page}.html", scheme=scheme)
        page.screenshot(path=screenshots / f"{site}-colours-{scheme}.png")
        text = page.evaluate("getComputedStyle(document.querySelector('.cv-entry-title')).color")
        dates = page.evaluate("getComputedStyle(document.querySelector('.cv-entry-dates')).color")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        if scheme == "dark":
            assert _luminance(text) > 0.5 and _luminance(dates) > 0.2 and _luminance(background) < 0.1
        else:
            assert _luminance(text) < 0.1 and _luminance(background) > 0.9
        page.context.close()


def _rgb(colour: str) -> str:
    return "rgb({}, {}, {})".format(*(int(colour[index : index + 2], 16) for index in (0, 2, 4)))


@pytest.mark.parametrize("site", SITES)
def test_the_accent_of_the_pdf_colours_links_and_timeline(browser, sites, site) -> None:
    """The PDF's accent (the default one here) on the website, lighter in dark mode, where it must still read."""
    for scheme, background in (("light", LIGHT_BACKGROUND), ("dark", DARK_BACKGROUND)):
        colour = _rgb(readable(ACCENT, background))
        page = open_page(browser, f"{sites[site].url}/{sites[site].entry_page}.html", scheme=scheme)
        dot = page.evaluate("getComputedStyle(document.querySelector('.cv-timeline-item'), '::before').backgroundColor")
        link = page.evaluate(
            "(() => { const a = document.createElement('a'); a.href = '#nowhere'; a.textContent = 'link';"
            " document.querySelector('.cv-timeline').append(a); return getComputedStyle(a).color; })()"
        )
        assert dot == link == colour, (scheme, dot, link)
        page.context.close()


@pytest.mark.parametrize("site", SITES)
def test_print_shows_only_the_cv(browser, sites, site, screenshots) -> None:
    for name in ("index", sites[site].entry_page):
        page = open_page(browser, f"{sites[site].url}/{name}.html", media="print")
        page.screenshot(path=screenshots / f"{site}-print-{name}.png", full_page=True)
        for selector in [*CHROME[sites[site].theme], ".cv-downloads", ".headerlink"]:
            for element in page.locator(selector).all():
                assert not element.is_visible(), selector
        if name == "index":
            assert page.locator("h1").first.inner_text().startswith(sites[site].name)
        else:
            assert page.locator(".cv-entry-title").first.is_visible()
        page.context.close()


@pytest.mark.parametrize("site", SITES)
def test_home_page_metadata_and_downloads(browser, sites, site) -> None:
    page = open_page(browser, f"{sites[site].url}/index.html")
    site = sites[site]
    profile = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert profile["@type"] == "ProfilePage" and profile["inLanguage"] == page.locator("html").get_attribute("lang")
    data = profile["mainEntity"]
    assert data["@type"] == "Person" and data["name"] == site.name
    current = current_positions(site.records)
    if current:
        assert data["jobTitle"] == current[0].title
        organisations = [{"@type": "Organization", "name": org} for org in dict.fromkeys(r.org for r in current) if org]
        assert data["worksFor"] == (organisations[0] if len(organisations) == 1 else organisations)
    schools = dict.fromkeys(record.org for record in site.records if record.kind == "education" and record.org)
    assert [school["name"] for school in data.get("alumniOf", [])] == list(schools)
    assert len(data.get("award", [])) == sum(record.kind == "awards" for record in site.records)
    assert page.locator('meta[property="og:title"]').get_attribute("content") == site.name
    description = page.locator('meta[property="og:description"]')
    assert (description.get_attribute("content") if description.count() else None) == data.get("description")
    links = page.locator(".cv-downloads a")
    assert [links.nth(i).inner_text() for i in range(links.count())] == list(DOWNLOADS)
    for index, content in enumerate(DOWNLOADS.values()):
        response = page.request.get(links.nth(index).evaluate("a => a.href"))
        assert response.ok and response.body() == content
    assert page.problems == []
    page.context.close()
