"""The website's ``<head>``: the site's title as text, Open Graph tags on every page, schema.org JSON-LD on the
home page."""

from __future__ import annotations

import json
from html import escape
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..domain import cv_domain, reading_order
from ..lastupdated import display_date
from ..settings import settings
from ..translations import date_words
from .jsonld import person, profile_page

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


#: Builders whose pages are web pages (not EPUB, where these tags are not valid XHTML).
WEB_BUILDERS = frozenset({"html", "dirhtml", "singlehtml"})


def title_as_text(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """The site's title, where it is the CV's name (``html_title``'s default), as text: themes print
    ``docstitle`` as HTML (furo's sidebar and search page, pydata's header), so ``AT&T`` or ``<Ada>`` is escaped.
    Markup keeps templates that escape it themselves (``docstitle|e``) from escaping it twice."""
    name = settings(app.config).name
    if name and context.get("docstitle") == name:
        context["docstitle"] = Markup.escape(name)


def add_head_metadata(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """Add Open Graph ``<meta>`` tags to ``metatags``, and on the home page the ``ProfilePage`` JSON-LD as a script."""
    if app.builder.name not in WEB_BUILDERS or doctree is None:
        return
    config, cv = app.config, settings(app.config)
    domain = cv_domain(app.env)
    root = pagename == config.root_doc
    name = cv.title
    title = app.env.titles[pagename].astext() if pagename in app.env.titles else name
    summary = domain.intros.get(config.root_doc, "")
    tags = {
        "og:title": name if root else f"{title} – {name}",
        "og:description": summary,
        "og:type": "profile" if root else "website",
        "og:site_name": name,
    }
    if config.html_baseurl:
        tags["og:url"] = config.html_baseurl.rstrip("/") + "/" + app.builder.get_target_uri(pagename)
    head = [f'<meta property="{key}" content="{escape(value)}" />' for key, value in tags.items() if value]
    if summary:
        head.append(f'<meta name="description" content="{escape(summary)}" />')
    if root:
        records = domain.records(reading_order(app.env, config.root_doc))
        about = person(name, summary, records, cv.contact)
        data = profile_page(about, cv.script.tag, cv.last_updated or None)
        text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")  # Sphinx writes the body as is
        app.add_js_file(None, body=f"\n{text}\n", type="application/ld+json")  # this page only
    context["metatags"] = context.get("metatags", "") + "\n".join(head) + "\n"
    if cv.last_updated:  # the date of the sources, not of the build (themes show it in the footer)
        context["last_updated"] = display_date(cv.last_updated, date_words(cv.language))
