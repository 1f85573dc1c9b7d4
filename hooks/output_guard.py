"""Refuse to finish a build whose output holds restricted text (portal/guard.py explains the check).

Runs last, once every language and the search index are written. `make build` builds into a
scratch folder and publishes it only when the build succeeds, so a refused build publishes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from portal import guard, site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


@event_priority(-300)
def on_post_build(config: "MkDocsConfig") -> None:
    if not site.all_languages_built(config):
        return
    found = guard.secrets(site.current_database(config), site.restricted_pages)
    problems = guard.leaks(Path(config.site_dir), found)
    if problems:
        raise PluginError("Restricted content (access: internal or confidential) would be published; nothing may be published "
                          "until it is removed:\n  " + "\n  ".join(problems))
