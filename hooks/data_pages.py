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

from portal import pages, site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

STAGING = Path(".build") / "docs"
# generated file (relative to the staging folder) -> the data file or folder its edit link opens
_sources: dict[str, str] = {}


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
    broken = [problem for relative, content in files.items() if relative.endswith(".md") for problem in _front_matter_problems(relative, content)]
    if broken:
        raise PluginError("A page's front matter (the block between the --- lines) is not valid YAML:\n  " + "\n  ".join(broken))
    return files


def _front_matter_problems(relative: str, content: bytes) -> list[str]:
    """MkDocs silently treats unreadable front matter as page text; say so instead."""
    text = content.decode("utf-8")
    if not text.startswith("---"):
        return []
    head, separator, _ = text[3:].partition("\n---")
    if not separator:
        return [f"docs/{relative}: the front matter starts with --- but has no closing --- line"]
    try:
        meta = yaml.safe_load(head)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        return [f"docs/{relative}{line}: {getattr(error, 'problem', error)}. A value containing \": \" must be put in double quotes."]
    if not isinstance(meta, dict):
        return [f"docs/{relative}: the front matter should be fields (key: value lines)"]
    search = meta.get("search")
    if search is not None and not (isinstance(search, dict) and set(search) == {"exclude"} and isinstance(search["exclude"], bool)):
        line = next((number for number, text in enumerate(head.splitlines(), start=1) if text.startswith("search:")), 0)
        return [f"docs/{relative}:{line}: search: write `search: {{exclude: true}}` to keep this page out of the search "
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
    """Watch what editors change, not the staging folder the build rewrites."""
    base = site.root(config)
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
