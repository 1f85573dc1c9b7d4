"""What the hooks share: the languages MkDocs is configured for and the checked database.

The database is memoised on the data files' names, sizes and modification times, so the several
per-language builds of one `mkdocs build` (mkdocs-static-i18n builds the site once per language)
load and check it once, and `mkdocs serve` reloads it after an edit. No other state is kept.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from . import database
from .errors import DataErrors

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def root(config: "MkDocsConfig") -> Path:
    return _folder_of(config.config_file_path)


@lru_cache(maxsize=16)
def _folder_of(config_file: str) -> Path:
    """The site's folder (asked for by every page event: resolved once)."""
    return Path(config_file).resolve().parent


def _i18n(config: "MkDocsConfig"):
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("mkdocs.yml: the i18n plugin (mkdocs-static-i18n) is not configured; the portal needs it to build each language")
    return plugin


def languages(config: "MkDocsConfig") -> tuple[str, ...]:
    """The site's languages, default first, as configured under plugins.i18n.languages."""
    configured = [language for language in _i18n(config).config.languages if language.build and language.locale != "null"]
    configured.sort(key=lambda language: not language.default)
    return tuple(language.locale for language in configured)


def default_language(config: "MkDocsConfig") -> str:
    return languages(config)[0]


def current_language(config: "MkDocsConfig") -> str:
    return _i18n(config).current_language or default_language(config)


def all_languages_built(config: "MkDocsConfig") -> bool:
    """True in the default language's on_post_build once mkdocs-static-i18n has built the others;
    False inside those nested builds."""
    return not getattr(_i18n(config), "building", False)


def set_preview(preview: bool) -> None:
    """`mkdocs serve` previews drafts and records in review (with a banner); a build never has them."""
    global _preview
    _preview = preview


def previewing() -> bool:
    return _preview


def load_database(config: "MkDocsConfig") -> database.Database:
    """Load (or reuse) the checked database; called once per language build, from on_config."""
    base = root(config)
    try:
        db = _cached(base, languages(config), _stamp(base / "data"), _preview)
    except DataErrors as errors:
        raise PluginError(errors.report()) from None
    _current[(base, db.languages)] = db
    return db


def current_database(config: "MkDocsConfig") -> database.Database:
    """The database on_config loaded for this build, without looking at the files again.

    Page events fire hundreds of times per build; re-stat'ing data/ for each would be wasted work.
    """
    return _current.get((root(config), languages(config))) or load_database(config)


# The database of the running build, keyed by site folder and languages (several sites may build
# in one process, e.g. in tests); replaced whenever on_config loads a newer one.
_current: dict[tuple[Path, tuple[str, ...]], database.Database] = {}


_preview = False
# This process, or the process that forked it: the `mkdocs serve` session a preview belongs to.
SESSION = os.getpid()
# Restricted hand-written pages data_pages.py left out of this build: path under docs/ -> their text,
# for the output guard (guard.py) to look for in the built site.
restricted_pages: dict[str, str] = {}


@lru_cache(maxsize=4)
def _cached(base: Path, langs: tuple[str, ...], stamp: tuple, preview: bool) -> database.Database:
    return database.load(base, langs, preview)


def _stamp(data_dir: Path) -> tuple:
    return tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in sorted(data_dir.rglob("*")) if path.is_file())
