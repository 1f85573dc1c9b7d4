"""Checks on the built site, before it may be published: no restricted text in any output file
(portal/guard.py), and no internal link, anchor or picture that leads nowhere (portal/linkcheck.py).

Runs last, once every language and the search index are written. `make build` builds into a
scratch folder and publishes it only when the build succeeds, so a refused build publishes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from portal import guard, linkcheck, site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


@event_priority(-300)
def on_post_build(config: "MkDocsConfig") -> None:
    if not site.all_languages_built(config) or site.previewing():
        return  # `mkdocs serve` is a preview, never published: it shows an edit without waiting for these checks
    site_dir = Path(config.site_dir)
    leaks = guard.leaks(site_dir, guard.secrets(site.current_database(config), site.restricted_pages))
    if leaks:
        raise PluginError("Restricted content (access: internal or confidential) would be published; nothing may be published "
                          "until it is removed:\n  " + "\n  ".join(leaks))
    broken = linkcheck.broken(site_dir, config.site_url or "http://localhost/")
    if broken:
        raise PluginError(f"{len(broken)} link(s) in the built site lead nowhere; fix the page or data they come from:\n  " +
                          "\n  ".join(broken))
