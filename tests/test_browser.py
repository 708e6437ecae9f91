"""The website in a real browser: Debian's Chromium driven by Playwright, both themes, light and dark.

Screenshots of every check are saved under ``<pytest basetemp>/screenshots`` for a reviewer to look at.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import build, copy_cv, require_tool

PAGES = ["index", "education", "experience", "volunteering", "awards", "talks", "reviewing", "publications"]
THEMES = ["furo", "pydata"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
#: A stylesheet that only each theme's pages link.
THEME_STYLESHEETS = {"furo": "_static/styles/furo.css", "pydata": "_static/styles/pydata-sphinx-theme.css"}
#: Download links of the home page, and the placeholder files they must serve.
DOWNLOADS = {"PDF": b"placeholder pdf", "EPUB": b"placeholder epub"}
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


@pytest.fixture(scope="module")
def sites(tmp_path_factory, serve) -> dict[str, str]:
    """The CV's website in each theme, served on localhost; placeholder PDF/EPUB files for the links."""
    urls = {}
    for theme in THEMES:
        srcdir = copy_cv(tmp_path_factory.mktemp(theme))
        (srcdir / "_build").mkdir()
        for label, content in DOWNLOADS.items():
            (srcdir / "_build" / f"joe-benton-cv.{label.lower()}").write_bytes(content)
        previous, os.environ["CV_THEME"] = os.environ.get("CV_THEME"), theme
        try:
            urls[theme] = serve(build(srcdir, "html"))
        finally:
            os.environ.pop("CV_THEME")
            if previous is not None:
                os.environ["CV_THEME"] = previous
    return urls


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


@pytest.mark.parametrize("theme", THEMES)
def test_each_site_has_its_theme(browser, sites, theme) -> None:
    page = open_page(browser, f"{sites[theme]}/index.html")
    stylesheets = page.eval_on_selector_all('link[rel="stylesheet"]', "links => links.map(l => l.getAttribute('href'))")
    assert any(href.startswith(THEME_STYLESHEETS[theme]) for href in stylesheets), stylesheets
    other = next(name for name in THEMES if name != theme)
    assert not any(href.startswith(THEME_STYLESHEETS[other]) for href in stylesheets), stylesheets
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("theme", THEMES)
def test_no_serious_accessibility_violation(browser, sites, theme, scheme, screenshots) -> None:
    """axe-core (bundled with axe-playwright-python) on every page: no serious or critical violation."""
    axe = Axe()
    for name in PAGES:
        page = open_page(browser, f"{sites[theme]}/{name}.html", scheme=scheme)
        result = axe.run(page).response
        page.screenshot(path=screenshots / f"{theme}-{scheme}-{name}.png", full_page=True)
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


@pytest.mark.parametrize("theme", THEMES)
def test_layout_desktop_and_phone(browser, sites, theme, screenshots) -> None:
    for width in (1280, 375):
        for name in PAGES:
            page = open_page(browser, f"{sites[theme]}/{name}.html", width=width)
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{name} scrolls sideways at {width}px"
            assert page.problems == [], (name, page.problems)
            page.context.close()
        page = open_page(browser, f"{sites[theme]}/experience.html", width=width)
        page.screenshot(path=screenshots / f"{theme}-{width}-experience.png", full_page=True)
        title, dates = _box(page, ".cv-entry-title"), _box(page, ".cv-entry-dates")
        print(theme, width, title, dates)
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


@pytest.mark.parametrize("theme", THEMES)
def test_dark_mode_follows_the_reader(browser, sites, theme, screenshots) -> None:
    for scheme in ("light", "dark"):
        page = open_page(browser, f"{sites[theme]}/education.html", scheme=scheme)
        page.screenshot(path=screenshots / f"{theme}-colours-{scheme}.png")
        text = page.evaluate("getComputedStyle(document.querySelector('.cv-entry-title')).color")
        dates = page.evaluate("getComputedStyle(document.querySelector('.cv-entry-dates')).color")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        if scheme == "dark":
            assert _luminance(text) > 0.5 and _luminance(dates) > 0.2 and _luminance(background) < 0.1
        else:
            assert _luminance(text) < 0.1 and _luminance(background) > 0.9
        page.context.close()


@pytest.mark.parametrize("theme", THEMES)
def test_print_shows_only_the_cv(browser, sites, theme, screenshots) -> None:
    page = open_page(browser, f"{sites[theme]}/index.html", media="print")
    page.screenshot(path=screenshots / f"{theme}-print-index.png", full_page=True)
    for selector in [*CHROME[theme], ".cv-downloads", ".headerlink"]:
        for element in page.locator(selector).all():
            assert not element.is_visible(), selector
    assert page.locator(".cv-entry-title").first.is_visible()
    assert page.locator("h1").first.inner_text().startswith("Joe Benton")
    page.context.close()


@pytest.mark.parametrize("theme", THEMES)
def test_home_page_metadata_and_downloads(browser, sites, theme) -> None:
    page = open_page(browser, f"{sites[theme]}/index.html")
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data["@type"] == "Person" and data["name"] == "Joe Benton"
    assert data["jobTitle"] == page.locator(".cv-entry-title").first.inner_text() == "Member of Technical Staff"
    assert data["worksFor"] == {"@type": "Organization", "name": "Anthropic"}
    assert [school["name"] for school in data["alumniOf"]] == [
        "Department of Statistics, University of Oxford",
        "Trinity College, University of Cambridge",
    ]
    assert len(data["award"]) == 3
    assert page.locator('meta[property="og:title"]').get_attribute("content") == "Joe Benton"
    assert page.locator('meta[property="og:description"]').get_attribute("content") == data["description"]
    links = page.locator(".cv-downloads a")
    assert [links.nth(i).inner_text() for i in range(links.count())] == list(DOWNLOADS)
    for index, content in enumerate(DOWNLOADS.values()):
        response = page.request.get(links.nth(index).evaluate("a => a.href"))
        assert response.ok and response.body() == content
    assert page.problems == []
    page.context.close()
