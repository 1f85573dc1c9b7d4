"""Write the hosting's security headers (`_headers`, `_nginx-headers.conf`) from the built pages,
once every language and the search index are written (portal/headers.py explains the policy)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from portal import headers, site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


@event_priority(-250)
def on_post_build(config: "MkDocsConfig") -> None:
    if site.all_languages_built(config) and not site.previewing():  # `mkdocs serve` sends no such headers
        headers.write(Path(config.site_dir))
