"""Build the languages side by side, one process each, so a build uses every core.

mkdocs-static-i18n builds the default language, then, from that build's `on_post_build`, builds each
other language in turn in the same process. Here the default language's build forks one process
per other language as soon as its files are known (after the site folder is cleaned): each child
builds its language into the same site folder (every language writes under its own folder) and
exits, while the parent builds the default language. When mkdocs-static-i18n then asks for the
other languages, the parent waits for their processes instead of building them again. What needs
every language (the sitemap, security headers, output checks) runs after that, in the parent.

A child that fails has already printed its error; the parent then fails too, naming the language.
A parent that fails stops its children, so nothing keeps writing into a build that was refused.
Where `os.fork` does not exist, or with PORTAL_SERIAL=1 set, the languages build one after the
other as mkdocs-static-i18n does on its own.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from typing import TYPE_CHECKING

import mkdocs_static_i18n.plugin as i18n_plugin
from mkdocs import utils
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority

from portal import site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.hooks.parallel_languages")

# language -> process id of the child building it, for the running build of this process
_children: dict[str, int] = {}


def _enabled(config: "MkDocsConfig") -> bool:
    return hasattr(os, "fork") and os.environ.get("PORTAL_SERIAL", "") in ("", "0") and len(site.languages(config)) > 1


# Priority 1000: before any other hook looks at the default language's files; the site folder has
# just been cleaned, so nothing a child writes is wiped afterwards.
@event_priority(1000)
def on_files(files, config: "MkDocsConfig"):
    if not site.all_languages_built(config) or site.current_language(config) != site.default_language(config):
        return files  # inside a language's own build (a child, or a nested build)
    _stop_children()
    if not _enabled(config):
        return files
    for language in site.languages(config)[1:]:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _child(config, language)  # never returns
        _children[language] = pid
    return files


def _child(config: "MkDocsConfig", language: str) -> None:
    """Build one language in this forked process, then leave without running the parent's rest."""
    status = 1
    try:
        _children.clear()
        plugin = config.plugins["i18n"]
        plugin.current_language = language
        plugin.building = True  # as in mkdocs-static-i18n's own nested builds: no further languages from here
        utils.clean_directory = lambda path: None  # the parent cleaned the site folder; the others are writing into it
        mkdocs_build(config)
        status = 0
    except Abort:
        pass  # MkDocs has logged why
    except BaseException as error:  # noqa: BLE001 - whatever it is, the parent must learn this language failed
        log.error(f"{type(error).__name__}: {error}")
    finally:
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def _nested_build(config: "MkDocsConfig", dirty: bool = False) -> None:
    """Stands in for the build mkdocs-static-i18n runs for each other language: wait for that
    language's process if there is one, build it here if not."""
    language = site.current_language(config)
    pid = _children.pop(language, None)
    if pid is None:
        _MKDOCS_BUILD(config, dirty=dirty)
        return
    _, status = os.waitpid(pid, 0)
    if status != 0:
        _stop_children()
        raise PluginError(f"The '{language}' version of the site could not be built: its error is above.")


def on_build_error(error: Exception) -> None:
    _stop_children()


def _stop_children() -> None:
    for pid in _children.values():
        try:
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
    _children.clear()


# MkDocs loads hook files afresh for each configuration it reads (tests read several in one process):
# keep the real build function, never a previous copy of this stand-in.
_MKDOCS_BUILD = getattr(i18n_plugin.build, "portal_original", i18n_plugin.build)
_nested_build.portal_original = _MKDOCS_BUILD  # type: ignore[attr-defined]
i18n_plugin.build = _nested_build
