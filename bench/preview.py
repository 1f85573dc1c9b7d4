"""How long an editor waits under `make serve`: from saving a data file to the changed page being served.

    PYTHONPATH=hooks .venv/bin/python bench/preview.py [--runs 5]

Copies the site (mkdocs.yml, docs/, data/, hooks/, overrides/) into a scratch folder on disk
(/var/tmp), starts `mkdocs serve` there on a free port with its site folder where `make serve` puts
it (in memory, /dev/shm, where the system has it; `--site-in /tmp` for the disk), waits for the
first build, then edits one zone's description in
data/zones/haiphong.yml a number of times. Each wait ends when the browser would reload the page:
MkDocs's live-reload script long-polls /livereload/<epoch>/<id>, which answers once the rebuild is
complete; the page is then checked to carry the new text. Reports each wait and their median.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZONE_FILE = Path("data") / "zones" / "haiphong.yml"
ZONE_PAGE = "/invest/zones/dinh-vu-cat-hai-economic-zone/"
ANCHOR = "gắn với cảng biển Hải Phòng."
# Where `make serve` has MkDocs make the preview's site folder: the Makefile's SERVE_TMP, asked of make.
SERVE_TMP = subprocess.run(["make", "-s", "--no-print-directory", "-C", str(ROOT), "--eval", "portal-serve-tmp: ; @echo $(SERVE_TMP)",
                            "portal-serve-tmp"], capture_output=True, text=True, check=True).stdout.strip()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> str:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, limit: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {text!r} within {limit} s")


def epoch(page: str) -> int:
    """The build epoch MkDocs writes into each served page's live-reload script."""
    match = re.search(r"livereload\((\d+),\s*(\d+)\)", page)
    if match is None:
        raise RuntimeError("the served page has no live-reload script")
    return int(match.group(1))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site-in", default=SERVE_TMP, help=f"the folder mkdocs serve makes its site folder in (default: {SERVE_TMP}, as make serve)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir="/var/tmp") as folder:
        work = Path(folder)
        shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
        for name in ("docs", "data", "hooks", "overrides"):
            shutil.copytree(ROOT / name, work / name, ignore=shutil.ignore_patterns("__pycache__"))
        port = free_port()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(work / "hooks"), "TMPDIR": args.site_in}
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            url = f"http://127.0.0.1:{port}{ZONE_PAGE}"
            first = wait_for(url, ANCHOR, 300)
            print(f"first build served after {first:.1f} s")
            waits = []
            for run in range(args.runs):
                marker = f"(preview check {run})"
                before = epoch(fetch(url))
                source = (work / ZONE_FILE).read_text(encoding="utf-8")
                start = time.perf_counter()
                (work / ZONE_FILE).write_text(source.replace(ANCHOR, f"{ANCHOR} {marker}", 1), encoding="utf-8")
                fetch(f"http://127.0.0.1:{port}/livereload/{before}/{run}", timeout=120)  # answers when the rebuild is done
                waits.append(time.perf_counter() - start)
                page = fetch(url)
                if marker not in page:
                    raise RuntimeError("the rebuilt page does not show the edit")
                (work / ZONE_FILE).write_text(source, encoding="utf-8")
                fetch(f"http://127.0.0.1:{port}/livereload/{epoch(page)}/{run}", timeout=120)  # back to the original
                print(f"edit {run + 1}: {waits[-1]:.2f} s", flush=True)
            print(f"median: {statistics.median(waits):.2f} s over {len(waits)} edits")
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
