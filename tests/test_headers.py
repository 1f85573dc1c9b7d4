"""Security headers: the build writes a Content Security Policy the pages satisfy, with HSTS,
nosniff, a referrer policy and no framing, for static hosts (`_headers`) and nginx (a snippet).
Checked the way a visitor meets them: the site served by a real nginx on 127.0.0.1 with the
snippet, pages opened in Chromium, not one CSP violation in the console, search still working."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, build_site
from portal import headers

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
PAGES = ["/", "/plans/haiphong-2019/", "/invest/projects/?sector=logistics", "/en/", "/en/events/", "/open-data/", "/nowhere/"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    executable = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(executable).exists():
        pytest.fail("nginx is not installed: run `make test`, which installs Debian's nginx package")
    tmp = tmp_path_factory.mktemp("nginx")
    port = free_port()
    site = tmp / "site"
    # Built for its address, as for publication: the language switcher and sitemap are then same-origin.
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


def test_the_headers_files_hold_the_policy(site):
    written = (site.root / headers.HEADERS_FILE).read_text(encoding="utf-8")
    assert written.startswith("/*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-")
    assert "frame-ancestors 'none'" in written and "Strict-Transport-Security: max-age=31536000" in written
    snippet = (site.root / headers.NGINX_FILE).read_text(encoding="utf-8")
    assert 'add_header X-Content-Type-Options "nosniff" always;' in snippet


def test_nginx_sends_the_headers(nginx):
    url, _ = nginx
    for path in ("/", "/assets/portal-search.js", "/nowhere/"):
        try:
            response = urllib.request.urlopen(url + path, timeout=5)
        except urllib.error.HTTPError as error:  # the 404 page carries them too ("always")
            response = error
        sent = response.headers
        assert sent["Content-Security-Policy"].startswith("default-src 'self'"), path
        assert sent["X-Content-Type-Options"] == "nosniff" and sent["Referrer-Policy"] == "strict-origin-when-cross-origin", path
        assert sent["Strict-Transport-Security"] and sent["X-Frame-Options"] == "DENY", path


def test_pages_break_no_rule_of_their_policy(nginx, browser):
    url, _ = nginx
    context = browser.new_context()
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.on("pageerror", lambda error: messages.append(str(error)))
    for path in PAGES:
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
    page.goto(url + "/")
    page.click("input.md-search__input")
    page.keyboard.insert_text("dau tu")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__list > li", timeout=15000)  # the worker and its WebAssembly run under the policy
    context.close()
    violations = [message for message in messages if "Content Security Policy" in message or "Refused to" in message]
    assert violations == []
