"""How the preview (`mkdocs serve`) notices saved files, and how it stops.

Watching: the system's change notifications instead of MkDocs's polling.

MkDocs 1.6 polls every watched folder every 0.5 s (it went back to polling in mkdocs/mkdocs#2477
because native notifications miss changes on network and non-native Docker mounts). On a local
disk that costs an editor a quarter of a second on average before a save is even seen, and the
polling thread takes its share of the interpreter from the rebuild it started. watchdog's
`Observer` is the platform's own (inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on
Windows): a save is seen at once and nothing runs while nothing changes.

`PORTAL_POLL=1 make serve` keeps MkDocs's polling, for a site folder on a network share or a
Docker mount that does not pass notifications on.

Stopping: MkDocs deletes the preview's site folder (in memory with `make serve`) when it is stopped
with Ctrl+C, but a process stopped by SIGTERM or SIGHUP (an editor's stop button, a closed
terminal, `docker stop`) leaves it behind; `stop_like_ctrl_c` makes those stop the same way.
"""

from __future__ import annotations

import logging
import os
import signal
import threading

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
    if os.environ.get("PORTAL_POLL", "") not in ("", "0"):
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


def stop_like_ctrl_c() -> None:
    """SIGTERM and SIGHUP end the preview as Ctrl+C does, so MkDocs cleans up after it. Processes
    the preview forks (one per language) keep the default: they just stop."""
    preview = os.getpid()

    def stop(signum, frame):
        if os.getpid() != preview:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        return  # (only the main thread may set handlers; MkDocs runs the preview there)
    for name in ("SIGTERM", "SIGHUP"):  # (Windows has no SIGHUP)
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)
