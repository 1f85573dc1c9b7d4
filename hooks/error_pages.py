"""One 404 page per language: /404.html in the default language, /<lang>/404.html for the others.

MkDocs writes the theme's 404.html to the site root on every build, and mkdocs-static-i18n builds
once per language into the same folder, so the last language would win. Here the default language
keeps the root file and each other language writes its own copy under its folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from portal import site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


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
