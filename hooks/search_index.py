"""Search: tell each page's template what a search result should say about it, and index the
built pages of each language with Pagefind (portal/search.py explains the design)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from portal import search, site
from portal.language import Language, language_prefix

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


# Priority 50: before the search plugin's own on_config (0), which would otherwise compile Material's
# language templates three times per build, in every language's process, to look up lunr settings.
@event_priority(50)
def on_config(config: "MkDocsConfig") -> None:
    """Material's search plugin stays configured because its templates draw the search box (and
    its keyboard use) only when it is; but its lunr index is never used, and building it parses
    every page's HTML again (an eighth of a large site's build). Its per-page and final steps are
    taken out of the build; search/search_index.json is written empty by portal/search.py, with the
    lunr settings given to the plugin here."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    events = getattr(config.plugins, "events", None)
    if plugin is None or not isinstance(events, dict):
        return
    for name in ("page_context", "post_build"):
        events[name] = [method for method in events.get(name, []) if getattr(method, "__self__", None) is not plugin]
    lunr = search.lunr_settings(site.languages(config))
    for key in ("lang", "separator", "pipeline"):
        if not plugin.config.get(key):
            plugin.config[key] = lunr[key]


# Page URL -> its navigation section, for the language being built (set once per build by on_nav,
# read for every page).
_sections: dict[str, str] = {}


@event_priority(-200)  # after mkdocs-static-i18n has translated the section titles
def on_nav(nav, config: "MkDocsConfig", files):
    _sections.clear()
    _sections.update(search.nav_sections(nav))
    return nav


def on_page_context(context, page, config: "MkDocsConfig", nav):
    db = site.current_database(config)
    language = Language(db, site.current_language(config), site.default_language(config), page.url)
    context["portal_search"] = search.facets(language, page.meta, page.url, _sections)
    return context


# Priority 0: each language's build indexes its own pages as soon as they are written, before
# mkdocs-static-i18n (-100) goes on to (or, with parallel_languages.py, waits for) the other languages.
@event_priority(0)
def on_post_build(config: "MkDocsConfig") -> None:
    site_dir = Path(config.site_dir)
    language = site.current_language(config)
    output = site_dir / language_prefix(language, site.default_language(config)) / search.INDEX_FOLDER
    # `mkdocs serve` indexes the preview once, when it starts, and gives each rebuild after an edit
    # that index again: an edit shows in a second or two instead of after indexing the whole site.
    kept = site.root(config) / ".build" / "preview-search" / str(site.SESSION) / language
    if site.previewing() and kept.is_dir():
        if not output.is_symlink():  # (MkDocs's cleaning leaves a link in the site folder's root in place)
            output.parent.mkdir(parents=True, exist_ok=True)
            output.symlink_to(kept, target_is_directory=True)
    else:
        try:
            search.write_index(site_dir, site.current_database(config), language, site.languages(config))
        except Exception as error:  # the Pagefind binary is missing or failed: say so, in one line
            raise PluginError(f"Search index (Pagefind): {error}. Run `make build`, which installs it from requirements.txt.") from error
        if site.previewing():
            for earlier in kept.parent.parent.glob("*"):
                if earlier.name != str(site.SESSION):
                    shutil.rmtree(earlier, ignore_errors=True)
            shutil.copytree(output, kept, dirs_exist_ok=True)
    if language == site.default_language(config):
        search.empty_lunr_index(site_dir, site.languages(config))
