"""The preview's file watcher: the system's change notifications instead of MkDocs's polling.

MkDocs 1.6 polls every watched folder every 0.5 s (it went back to polling in mkdocs/mkdocs#2477
because native notifications miss changes on network and non-native Docker mounts). On a local
disk that costs an editor a quarter of a second on average before a save is even seen, and the
polling thread takes its share of the interpreter from the rebuild it started. watchdog's
`Observer` is the platform's own (inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on
Windows): a save is seen at once and nothing runs while nothing changes.

`PORTAL_POLL=1 make serve` keeps MkDocs's polling, for a site folder on a network share or a
Docker mount that does not pass notifications on.
"""

from __future__ import annotations

import logging
import os

from watchdog import events, observers

log = logging.getLogger("mkdocs.portal")

# Reading a file is an event too (inotify reports opens and closes): only changes start a rebuild,
# or the build's own reads of docs/ and data/ would start the next one.
CHANGES = [
    events.FileCreatedEvent,
    events.FileModifiedEvent,
    events.FileDeletedEvent,
    events.FileMovedEvent,
    events.FileClosedEvent,
    events.DirCreatedEvent,
    events.DirDeletedEvent,
    events.DirMovedEvent,
]


class _ChangesObserver(observers.Observer):
    """The platform's observer, told to report changes only (MkDocs schedules without a filter)."""

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        return super().schedule(event_handler, path, recursive=recursive, event_filter=CHANGES, follow_symlink=True)


def use_native(server) -> None:
    """Move the live-reload server's watches from MkDocs's polling observer to the platform's.

    Called from `on_serve`, before the server starts its observer; what is already watched (the
    docs folder, mkdocs.yml) is unwatched from the old observer and watched again on the new one
    through MkDocs's own `watch`, so its callback and bookkeeping stay MkDocs's.
    """
    if os.environ.get("PORTAL_POLL"):
        log.info("PORTAL_POLL is set: watching for saved files by polling every 0.5 s")
        return
    watched = dict(server._watched_paths)  # path -> how many watch() calls; MkDocs has no public list
    for path, count in watched.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = _ChangesObserver()
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)
