"""Lighthouse (mobile) scores of the portal as published: built for its address, served by nginx
with the build's headers snippet (gzip on, as a host would), one run per page.

    make lighthouse            # or: PYTHONPATH=hooks .venv/bin/python bench/lighthouse.py

Needs Debian's chromium and nginx (installed by `make test`) and npm (Lighthouse 12.8.2 is
installed into bench/node_modules on first use; 13.x needs a newer Node). Prints one row per
page; bench/README.md records the last run. Scores wobble by a point or two between runs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
LIGHTHOUSE = "12.8.2"
PAGES = ["", "en/", "plans/haiphong-2019/", "en/invest/projects/", "news/2025/sample-business-delegation-visit/", "en/open-data/"]
NGINX = """daemon off; master_process off; worker_processes 1; pid {tmp}/nginx.pid; error_log {tmp}/error.log;
events {{}}
http {{ include /etc/nginx/mime.types; default_type application/octet-stream; access_log off;
  client_body_temp_path {tmp}/b; proxy_temp_path {tmp}/p; fastcgi_temp_path {tmp}/f; uwsgi_temp_path {tmp}/u; scgi_temp_path {tmp}/s;
  gzip on; gzip_types text/css application/javascript application/json image/svg+xml application/xml text/xml;
  server {{ listen 127.0.0.1:{port}; root {site}; include {site}/_nginx-headers.conf;
    location /en/ {{ error_page 404 /en/404.html; }} error_page 404 /404.html; }} }}
"""


def main() -> int:
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "install", "--prefix", str(BENCH), "--no-audit", "--no-fund", "--loglevel=error", f"lighthouse@{LIGHTHOUSE}"],
                       check=True)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        port = 8000 + os.getpid() % 1000
        site = tmp / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks"), "PORTAL_SITE_URL": f"http://127.0.0.1:{port}/"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
                       check=True, env=env)
        (tmp / "nginx.conf").write_text(NGINX.format(tmp=tmp, port=port, site=site), encoding="utf-8")
        server = subprocess.Popen([shutil.which("nginx") or "/usr/sbin/nginx", "-p", str(tmp), "-c", str(tmp / "nginx.conf")])
        time.sleep(0.5)
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
        print("| page | performance | accessibility | best practices | SEO | FCP s | LCP s | TBT ms | CLS |\n|---|---|---|---|---|---|---|---|---|")
        try:
            for path in PAGES:
                report = tmp / "report.json"
                subprocess.run([str(binary), f"http://127.0.0.1:{port}/{path}", "--quiet", "--output=json", f"--output-path={report}",
                                "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                               check=True, env={**os.environ, "CHROME_PATH": shutil.which("chromium") or "/usr/bin/chromium"})
                result = json.loads(report.read_text())
                scores = {key: round(value["score"] * 100) for key, value in result["categories"].items()}
                metric = {key: result["audits"][key]["numericValue"] for key in
                          ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")}
                print(f"| /{path} | {scores['performance']} | {scores['accessibility']} | {scores['best-practices']} | {scores['seo']} | "
                      f"{metric['first-contentful-paint'] / 1000:.1f} | {metric['largest-contentful-paint'] / 1000:.1f} | "
                      f"{metric['total-blocking-time']:.0f} | {metric['cumulative-layout-shift']:.3f} |", flush=True)
                if scores["performance"] < 95:  # what Lighthouse says to fix, for the next person to look at
                    for key, audit in result["audits"].items():
                        if audit.get("score") is not None and audit["score"] < 0.9 and audit.get("details", {}).get("type") == "opportunity":
                            print(f"  - {key}: {audit.get('displayValue', '')}", flush=True)
        finally:
            server.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
