"""Spread a check over every file of the built site across the machine's cores.

The output checks (linkcheck.py, guard.py) read every page after all languages are built, in one
process, while the other cores wait. Each check takes a list of files and returns a list of
problems, so the list is dealt out to one forked worker per core (the modules and data are already
loaded; nothing is re-imported) and the answers are put back in order. Small sites, and systems
without `fork`, run the check in the calling process.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence, TypeVar

Item = TypeVar("Item")
SMALL = 400  # below this many files, starting workers costs more than it saves


def problems(check: Callable[[Sequence[Item]], list[str]], items: Sequence[Item]) -> list[str]:
    """check(items) split over the cores; the problems in the order `items` gives them."""
    workers = min(os.cpu_count() or 1, 8)
    if workers < 2 or len(items) < SMALL or "fork" not in multiprocessing.get_all_start_methods():
        return check(items)
    size = -(-len(items) // workers)
    parts = [items[start:start + size] for start in range(0, len(items), size)]
    with ProcessPoolExecutor(max_workers=len(parts), mp_context=multiprocessing.get_context("fork")) as pool:
        return [problem for found in pool.map(check, parts) for problem in found]
