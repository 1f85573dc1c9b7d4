"""Shared fixtures: the repository root, a scratch copy of the minimal data set, a real strict build
of the portal into a temporary folder (as parsed HTML, and served over HTTP), and a real browser."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
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


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def served(site: Site):
    """The built site over HTTP on a free local port, as a static host would serve it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site.root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (its own browser downloads need a network CI lacks)."""
    executable = os.environ.get("PORTAL_CHROMIUM") or shutil.which("chromium")
    if not executable:
        pytest.fail("Chromium is not installed: run `make test`, which installs Debian's chromium package")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield chromium
        chromium.close()


NGINX_CONF = """daemon off;
master_process off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{}}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  server {{
    listen 127.0.0.1:{port};
    root {site};
    include {site}/_nginx-headers.conf;
    location /en/ {{ error_page 404 /en/404.html; }}
    error_page 404 /404.html;
  }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def published(tmp_path_factory):
    """The portal as it is published: built for its address (PORTAL_SITE_URL, so the language
    switcher and sitemap are same-origin) and served by a real nginx with the build's security
    headers snippet. Yields (address, site folder)."""
    executable = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(executable).exists():
        pytest.fail("nginx is not installed: run `make test`, which installs Debian's nginx package")
    tmp = tmp_path_factory.mktemp("nginx")
    port = free_port()
    site = tmp / "site"
    os.environ["PORTAL_SITE_URL"] = f"http://127.0.0.1:{port}/"
    try:
        result = build_site(ROOT / "mkdocs.yml", site)
    finally:
        del os.environ["PORTAL_SITE_URL"]
    assert result.returncode == 0, result.stderr
    (tmp / "nginx.conf").write_text(NGINX_CONF.format(tmp=tmp, port=port, site=site), encoding="utf-8")
    server = subprocess.Popen([executable, "-p", str(tmp), "-c", str(tmp / "nginx.conf")], stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    for _ in range(50):
        try:
            urllib.request.urlopen(url + "/", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield url, site
    server.terminate()
    server.wait(timeout=10)
