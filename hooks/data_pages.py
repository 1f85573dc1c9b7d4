"""Stage the docs tree plus one generated Markdown page per record, and build from there.

Why staging: mkdocs-static-i18n only pairs pages (language switcher, sitemap alternates, nav) that
exist as files in each language folder when its `on_files` runs; files generated in memory are
either dropped or mis-paired. So `on_config` writes `docs/` plus, for each language, a small
Markdown file per record (and the other files `portal.pages` generates) into `.build/docs/` and points `docs_dir` there.
The generated files carry only front matter; `record_content.py` renders their body from data.

`mkdocs serve` watches the real `docs/` and `data/` instead of the staging folder (`on_serve`),
and each page's edit link opens the file an editor actually changes (`on_files`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from portal import frontmatter, pages, site, watching
from portal.database import UNAPPROVED

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

STAGING = Path(".build") / "docs"
# generated file (relative to the staging folder) -> the data file or folder its edit link opens
_sources: dict[str, str] = {}
STATES = (*UNAPPROVED, "published")
ACCESS = ("internal", "confidential")


def on_startup(command: str, dirty: bool) -> None:
    """`mkdocs serve` is the editors' preview: drafts show there, with a banner, and nowhere else."""
    site.set_preview(command == "serve")
    if command == "serve":
        watching.stop_like_ctrl_c()


# Priority 100: docs_dir must point at the staging folder before mkdocs-static-i18n (-100) and any
# other plugin look at it. i18n calls on_config again for each language: stage only once.
@event_priority(100)
def on_config(config: "MkDocsConfig") -> "MkDocsConfig | None":
    base = site.root(config)
    staging = base / STAGING
    db = site.load_database(config)
    if Path(config.docs_dir).resolve() == staging.resolve():
        return config
    source = Path(config.docs_dir).resolve()
    wanted = _hand_written(source, site.languages(config))
    _withhold(wanted, site.languages(config), _nav_pages(config.nav or []))
    generated = pages.generate(db, site.languages(config), site.default_language(config), config.site_url or "http://localhost/")
    for relative, page in generated.items():
        if relative in wanted:
            raise PluginError(f"docs/{relative}: this page is generated from data/; remove the hand-written file or rename it")
        wanted[relative] = page.content
    _sources.clear()
    _sources.update({relative: page.source for relative, page in generated.items()})
    _sync(staging, wanted)
    config.docs_dir = str(staging)
    return config


def _hand_written(source: Path, languages: tuple[str, ...]) -> dict[str, bytes]:
    """Every file under docs/, checking that each page exists in every language."""
    files = {path.relative_to(source).as_posix(): path.read_bytes() for path in sorted(source.rglob("*")) if path.is_file()}
    missing = []
    for relative in files:
        language, _, rest = relative.partition("/")
        if language in languages and relative.endswith(".md"):
            missing += [f"docs/{relative} has no {other} version: add docs/{other}/{rest}" for other in languages if f"{other}/{rest}" not in files]
    if missing:
        raise PluginError("Every page must exist in every language:\n  " + "\n  ".join(missing))
    broken = [problem for relative, content in files.items() if relative.endswith(".md") for problem in _front_matter_problems(relative, content, languages[0])]
    if broken:
        raise PluginError("A page's front matter (the block between the --- lines) is not valid YAML:\n  " + "\n  ".join(broken))
    return files


def _withhold(files: dict[str, bytes], languages: tuple[str, ...], in_nav: set[str]) -> None:
    """Leave out every language version of a page any version of which is restricted, or, outside a
    preview, a draft or in review (a page exists in all languages or in none)."""
    site.restricted_pages.clear()
    held: dict[str, str] = {}  # path inside a language folder -> why
    for relative, content in files.items():
        language, _, rest = relative.partition("/")
        if language not in languages or not relative.endswith(".md"):
            continue
        meta = frontmatter.meta(content.decode("utf-8"))
        if meta.get("access") in ACCESS:
            held[rest] = f"is marked `access: {meta['access']}` (docs/{relative})"
            site.restricted_pages[relative] = content.decode("utf-8")
        elif meta.get("state") in UNAPPROVED and not site.previewing():
            held.setdefault(rest, f"is not approved for publication yet (`state: {meta['state']}` in docs/{relative})")
    listed = sorted(f"docs/{{{','.join(languages)}}}/{rest} {why}, but mkdocs.yml lists it in nav: take it out of nav until it is published"
                    for rest, why in held.items() if rest in in_nav)
    if listed:
        raise PluginError("A page left out of the site is still in the menu:\n  " + "\n  ".join(listed))
    for rest in held:
        for language in languages:
            files.pop(f"{language}/{rest}", None)


def _nav_pages(nav: list) -> set[str]:
    """Every page path named in mkdocs.yml's nav."""
    found: set[str] = set()
    for item in nav:
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            for value in item.values():
                found |= _nav_pages(value) if isinstance(value, list) else {value} if isinstance(value, str) else set()
    return found


def _front_matter_problems(relative: str, content: bytes, default: str = "vi") -> list[str]:
    """MkDocs silently treats unreadable front matter as page text; say so instead."""
    text = content.decode("utf-8")
    head, _ = frontmatter.split(text)
    if head is None:
        return []
    if not frontmatter.closed(text):
        return [f"docs/{relative}: the front matter starts with --- but has no closing --- line"]
    try:
        meta = yaml.safe_load(head)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        return [f"docs/{relative}{line}: {getattr(error, 'problem', error)}. A value containing \": \" must be put in double quotes."]
    if not isinstance(meta, dict):
        return [f"docs/{relative}: the front matter should be fields (key: value lines)"]
    lines = head.splitlines()

    def line_of(key: str) -> int:
        return next((number for number, text in enumerate(lines, start=1) if text.startswith(f"{key}:")), 0)

    for key, allowed in (("state", STATES), ("access", ACCESS)):
        if key in meta and meta[key] not in allowed:
            return [f"docs/{relative}:{line_of(key)}: {key}: '{meta[key]}' is not one of {', '.join(allowed)}"]
    awaiting = meta.get("awaiting_translation")
    if awaiting is not None and (awaiting is not True or relative.split("/", 1)[0] == default):
        return [f"docs/{relative}:{line_of('awaiting_translation')}: awaiting_translation: write `awaiting_translation: true` in a "
                "translation that is not ready yet (not in the original Vietnamese page), or remove the line"]
    search = meta.get("search")
    if search is not None and not (isinstance(search, dict) and set(search) == {"exclude"} and isinstance(search["exclude"], bool)):
        return [f"docs/{relative}:{line_of('search')}: search: write `search: {{exclude: true}}` to keep this page out of the search "
                "results, or remove the line"]
    return []


def _sync(staging: Path, wanted: dict[str, bytes]) -> None:
    """Make the staging folder hold exactly `wanted`, touching only files whose content changed."""
    staging.mkdir(parents=True, exist_ok=True)
    for path in sorted(staging.rglob("*"), reverse=True):
        relative = path.relative_to(staging).as_posix()
        if path.is_file() and relative not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    for relative, content in wanted.items():
        target = staging / relative
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def on_serve(server, config: "MkDocsConfig", builder) -> None:
    """Watch what editors change, not the staging folder the build rewrites, with the system's
    change notifications rather than MkDocs's polling (`portal.watching`)."""
    base = site.root(config)
    watching.use_native(server)
    server.unwatch(config.docs_dir)
    for folder in ("docs", "data"):
        server.watch(str(base / folder))
    return server


# Priority -110: after mkdocs-static-i18n (-100) has replaced the File objects, before MkDocs
# creates the pages (which read edit_uri once).
@event_priority(-110)
def on_files(files: "Files", config: "MkDocsConfig") -> "Files":
    for file in files.documentation_pages():
        # docs/<path> for hand-written pages; the record's YAML file (or the data folder) for generated ones
        file.edit_uri = _sources.get(file.src_uri, f"docs/{file.src_uri}")
    return files
