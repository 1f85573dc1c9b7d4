"""Material's navigation rendered once per folder instead of once per page.

Material writes the whole site navigation (its `partials/nav.html`) into every page: about a fifth
of the time MkDocs spends building a page of the Hải Phòng site under the profiler, and it grows
with the menu (on the whole build of that site, whose menu is small, about 1 %: within the noise).
Most pages (every record: news, projects, agencies, ...) are not in the menu, so nothing in it is
marked as theirs, and its links differ only by where the page sits: pages in one folder get the
same HTML.
`overrides/partials/nav.html` asks `portal_nav()` for it; a page in the menu, or one with menu
entries below its own address (whose links would be written relative to it), is rendered as
Material renders it, every time. The cache lives as long as the build's Jinja environment.
"""

from __future__ import annotations

import posixpath
from typing import Any, Iterable

import jinja2
from markupsafe import Markup

TEMPLATE = "partials/nav.html"


def install(env: jinja2.Environment, theme_dirs: Iterable[str], custom_dir: str | None) -> None:
    """Give the environment `portal_nav()`, which renders the theme's own navigation template."""
    theme = [folder for folder in theme_dirs if folder != custom_dir]
    original = env.overlay(loader=jinja2.FileSystemLoader(theme)).get_template(TEMPLATE)
    rendered: dict[str, Markup] = {}
    menus: dict[int, frozenset[str]] = {}

    @jinja2.pass_context
    def portal_nav(context: jinja2.runtime.Context) -> Markup:
        page, nav = context.get("page"), context.get("nav")
        if nav is not None and id(nav) not in menus:
            menus[id(nav)] = _addresses(nav)
        folder = _shared_folder(page, menus.get(id(nav), frozenset()))
        if folder is None:
            return Markup(original.render(context.get_all()))
        if folder not in rendered:
            rendered[folder] = Markup(original.render(context.get_all()))
        return rendered[folder]

    env.globals["portal_nav"] = portal_nav


def _shared_folder(page: Any, menu: frozenset[str]) -> str | None:
    """The folder whose pages share this page's navigation, or None if it must be rendered for it."""
    url = getattr(page, "url", None)
    if not url or not url.endswith("/") or not menu:
        return None
    if any(address.startswith(url) for address in menu):  # the page itself, or entries below it
        return None
    return posixpath.dirname(url.rstrip("/"))


def _addresses(nav: Any) -> frozenset[str]:
    """Every address the menu links to (pages, section indexes and plain links)."""
    found: set[str] = set()
    stack = list(nav.items)
    while stack:
        item = stack.pop()
        url = getattr(item, "url", None)
        if isinstance(url, str):
            found.add(url)
        stack.extend(getattr(item, "children", None) or [])
    return frozenset(found)
