"""When each source file last changed: the day of its last commit, from one `git log` over the
site's folder (a call per page would cost seconds on a large site). Outside a git checkout, or for
a file not yet committed, there is no date and pages say nothing rather than guess."""

from __future__ import annotations

import subprocess
import time
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=4)
def file_dates(root: Path, head: str) -> dict[str, str]:
    """Path relative to `root` -> YYYY-MM-DD of the last commit that touched it. `head` (the current
    commit) is only the cache key, so a new commit during `mkdocs serve` is seen."""
    try:
        log = subprocess.run(["git", "log", "--relative", "--name-only", "--format=%x00%cs"], cwd=root,
                             capture_output=True, text=True, timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, str] = {}
    for entry in log.split("\0")[1:]:
        day, *names = entry.strip().splitlines()
        for name in names:
            dates.setdefault(name, day)  # the log runs newest first
    return dates


def head(root: Path) -> str:
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


@lru_cache(maxsize=8)
def _head_now(root: Path, minute: int) -> str:
    return head(root)


def last_changed(root: Path, source: str) -> str | None:
    """The day `source` (a file, or a folder ending in /) last changed, or None. The current commit
    is looked up once a minute, not once per page (a build asks for every page)."""
    dates = file_dates(root, _head_now(root, int(time.time() // 60)))
    if source.endswith("/"):
        return max((day for name, day in dates.items() if name.startswith(source)), default=None)
    return dates.get(source)
