"""Every link and picture in the built site leads somewhere: the output check for broken internal
links, anchors and missing images (MkDocs checks the links written in Markdown; this also covers
the ones the templates and data make). External addresses are not fetched: the build is offline.

Attributes are read with a regular expression, not an HTML parser: Material and the templates
always quote attributes with double quotes, and a parser would make a 2,000-page site's check take
minutes instead of seconds.
"""

from __future__ import annotations

import re
from functools import lru_cache, partial
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from . import parallel

LINK = re.compile(r'<(a|img|link|script|source|iframe)\b[^>]*?\s(href|src)="([^"]*)"')
ID = re.compile(r'\sid="([^"]+)"')
NOT_PAGES = ("mailto:", "tel:", "javascript:", "data:")


def broken(site_dir: Path, site_url: str) -> list[str]:
    """One line per broken link: the page, the address, and what is wrong (pages shared out over the
    cores, portal/parallel.py)."""
    return parallel.problems(partial(_check, site_dir, site_url), sorted(site_dir.rglob("*.html")))


def _check(site_dir: Path, site_url: str, pages: list[Path]) -> list[str]:
    base = urlsplit(site_url)
    problems = []
    ids = _ids_reader(site_dir)
    for page in pages:
        relative = page.relative_to(site_dir).as_posix()
        page_url = "/" + relative
        html = page.read_text(encoding="utf-8", errors="ignore")
        for tag, _, address in LINK.findall(html):
            if not address or address.startswith(NOT_PAGES):
                continue
            target = urlsplit(urljoin(page_url, address))
            if target.scheme in ("http", "https"):
                if target.netloc != base.netloc or not target.path.startswith(base.path or "/"):
                    continue  # another site: not checked offline
                target = target._replace(path="/" + target.path[len(base.path or "/"):])
            path = unquote(target.path)
            file = site_dir / path.lstrip("/")
            if path.endswith("/") or file.is_dir():
                file = file / "index.html"
            if not file.is_file():
                problems.append(f"{relative}: <{tag}> {address} leads to nothing ({path} is not in the site)")
                continue
            if target.fragment and file.suffix == ".html" and unquote(target.fragment) not in ids(file):
                problems.append(f"{relative}: <{tag}> {address} names #{unquote(target.fragment)}, which {path} does not have")
    return problems


def _ids_reader(site_dir: Path):
    @lru_cache(maxsize=None)
    def ids(file: Path) -> frozenset[str]:
        return frozenset(ID.findall(file.read_text(encoding="utf-8", errors="ignore")))
    return ids
