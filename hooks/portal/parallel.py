"""Work the build can give to the machine's other cores.

- `problems`: the output checks (linkcheck.py, guard.py) read every page after all languages are
  built, in one process, while the other cores wait. Each check takes a list of files and returns a
  list of problems, so the list is dealt out to one forked worker per core (the modules and data are
  already loaded; nothing is re-imported) and the answers are put back in order.
- `in_background`: one piece of work done in a forked worker while the build goes on with the rest
  (the open-data downloads, while the pages are generated from the same database).

Small jobs, and systems without `fork`, run in the calling process.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
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


def in_background(work: Callable[[], Result], worth_a_process: bool) -> Callable[[], Result]:
    """Start work() in a forked worker (it sees this process's data as it is now) and return a
    function that waits for its result, or raises its error. The worker is stopped if this process
    ends without asking. Done here, at once, if not worth_a_process or there is no spare core."""
    if not worth_a_process or (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        result = work()
        return lambda: result
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    worker = context.Process(target=_answer, args=(work, sending), daemon=True)
    worker.start()
    sending.close()

    def result() -> Result:
        try:
            failed, value = receiving.recv()
        except EOFError:
            raise RuntimeError(f"a build worker stopped without an answer (exit code {worker.exitcode})") from None
        finally:
            worker.join()
        if failed:
            raise value
        return value

    return result


def _answer(work: Callable[[], Result], sending) -> None:
    try:
        answer = (False, work())
    except BaseException as error:  # handed to the build, which reports it as its own
        answer = (True, error)
    sending.send(answer)
