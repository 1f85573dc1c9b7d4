"""Build the languages side by side, one process each, so a build uses every core.

mkdocs-static-i18n builds the default language, then, from that build's `on_post_build`, builds each
other language in turn in the same process. Here the default language's build forks one process
per other language as soon as its configuration is done (`on_pre_build`): each child builds its
language into the same site folder (every language writes under its own folder) and exits, while
the parent builds the default language. A child reads its files and Material's (a walk of some
14,000 theme files) while the parent cleans the site folder and does the same, and writes nothing
until the parent has cleaned the folder (it waits in `on_files`), so nothing it writes is wiped.
When mkdocs-static-i18n then asks for the other languages, the parent waits for their processes
instead of building them again. What needs every language (the sitemap, security headers, output
checks) runs after that, in the parent.

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
# the write ends of the pipes the children wait on until the site folder is cleaned
_releases: list[int] = []
# in a child: the read end of the pipe it waits on
_go: list[int] = []


def _enabled(config: "MkDocsConfig") -> bool:
    return hasattr(os, "fork") and os.environ.get("PORTAL_SERIAL", "") in ("", "0") and len(site.languages(config)) > 1


# Priority -1000: after every other hook's pre_build; cleaning the site folder comes next in MkDocs.
@event_priority(-1000)
def on_pre_build(config: "MkDocsConfig") -> None:
    if not site.all_languages_built(config) or site.current_language(config) != site.default_language(config):
        return  # inside a language's own build (a child, or a nested build)
    _stop_children()
    if not _enabled(config):
        return
    for language in site.languages(config)[1:]:
        sys.stdout.flush()
        sys.stderr.flush()
        go, release = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(release)
            _child(config, language, go)  # never returns
        os.close(go)
        _children[language] = pid
        _releases.append(release)


def _clean_then_release(path: str) -> None:
    """MkDocs's cleaning of the site folder, after which the children may write into it."""
    _CLEAN(path)
    _release()


# Priority 1000: before anything is written. The parent lets its children go (a `--dirty` build,
# which does not clean, lets them go here); a child waits to be let go.
@event_priority(1000)
def on_files(files, config: "MkDocsConfig"):
    _release()
    if _go:
        _wait(_go.pop())
    return files


def _release() -> None:
    for release in _releases:
        os.write(release, b"go")
        os.close(release)
    _releases.clear()


def _child(config: "MkDocsConfig", language: str, go: int) -> None:
    """Build one language in this forked process, then leave without running the parent's rest."""
    status = 1
    try:
        for release in _releases:  # the other children's: only the parent lets them go
            os.close(release)
        _releases.clear()
        _children.clear()
        plugin = config.plugins["i18n"]
        plugin.current_language = language
        plugin.building = True  # as in mkdocs-static-i18n's own nested builds: no further languages from here
        utils.clean_directory = lambda path: None  # the parent cleans; the others are writing into it
        _go.append(go)
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


def _wait(go: int) -> None:
    """Wait for the parent to have cleaned the site folder; if it stopped before, stop too."""
    if not os.read(go, 2):
        os._exit(1)
    os.close(go)


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
    for release in _releases:
        os.close(release)
    _releases.clear()
    for pid in _children.values():
        try:
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
    _children.clear()


# MkDocs loads hook files afresh for each configuration it reads (tests read several in one process):
# keep the real functions, never a previous copy of these stand-ins.
_MKDOCS_BUILD = getattr(i18n_plugin.build, "portal_original", i18n_plugin.build)
_nested_build.portal_original = _MKDOCS_BUILD  # type: ignore[attr-defined]
i18n_plugin.build = _nested_build
_CLEAN = getattr(utils.clean_directory, "portal_original", utils.clean_directory)
_clean_then_release.portal_original = _CLEAN  # type: ignore[attr-defined]
utils.clean_directory = _clean_then_release
