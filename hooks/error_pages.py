"""One 404 page per language: /404.html in the default language, /<lang>/404.html for the others.

MkDocs writes the theme's 404.html to the site root on every build, and mkdocs-static-i18n builds
once per language into the same folder, so the last language would win. Here the default language
keeps the root file and each other language writes its own copy under its folder.

A 404 page has no counterpart page in another language, so its language switcher leads to each
language's home page (mkdocs-static-i18n would leave it pointing at the last page built before it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from portal import site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def on_template_context(context, template_name: str, config: "MkDocsConfig"):
    if template_name == "404.html":
        base = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        default = site.default_language(config)
        # What Material's template reads as config.extra.alternate: mkdocs-static-i18n sets it as an
        # attribute on each page, which then hides the configured list.
        alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
        for alternate in alternates:
            alternate["link"] = base + ("" if alternate.get("lang") == default else f"{alternate.get('lang')}/")
    return context


def on_post_template(output: str, template_name: str, config: "MkDocsConfig") -> str:
    if template_name != "404.html":
        return output
    language = site.current_language(config)
    if language == site.default_language(config):
        return output
    target = Path(config.site_dir) / language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""  # MkDocs skips writing an empty template, so the root 404.html stays in the default language
