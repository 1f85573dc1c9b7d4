"""Shared fixtures: the repository root, a scratch copy of the minimal data set, and a real strict
build of the portal into a temporary folder, served to the tests as parsed HTML."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BUILD_EPOCH = 1795305600  # 2026-11-22T00:00:00Z: the tests' "today" (what is upcoming or scheduled, the calendar's DTSTAMP)
os.environ["SOURCE_DATE_EPOCH"] = str(BUILD_EPOCH)


def build_site(config_file: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` in a subprocess, as `make build` runs it (i18n keeps state per process)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks"), "SOURCE_DATE_EPOCH": str(BUILD_EPOCH)}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file),
                           "--site-dir", str(site_dir)], capture_output=True, text=True, env=env, timeout=600)


@pytest.fixture
def data_root(tmp_path: Path) -> Path:
    """A repository folder holding the minimal data set, the real schemas and the real UI strings."""
    shutil.copytree(FIXTURES / "minimal" / "data", tmp_path / "data")
    shutil.copytree(ROOT / "data" / "schemas", tmp_path / "data" / "schemas")
    shutil.copy(ROOT / "data" / "ui.yml", tmp_path / "data" / "ui.yml")
    return tmp_path


class Site:
    def __init__(self, root: Path):
        self.root = root

    def pages(self) -> list[str]:
        return sorted(path.relative_to(self.root).as_posix() for path in self.root.rglob("*.html"))

    def html(self, relative: str) -> BeautifulSoup:
        return BeautifulSoup((self.root / relative).read_text(encoding="utf-8"), "lxml")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    target = tmp_path_factory.mktemp("site")
    result = build_site(ROOT / "mkdocs.yml", target)
    assert result.returncode == 0, result.stderr
    return Site(target)
