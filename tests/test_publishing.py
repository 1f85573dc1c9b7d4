"""Publishing: the GitHub Actions workflow is valid against its schema and runs the README's test
command before it builds and deploys; `make build` is atomic, so a failed build leaves the
published folder as it was and nothing half-built behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT
from test_languages import make_trilingual

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def test_the_workflow_is_valid():
    result = subprocess.run([str(Path(sys.executable).parent / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                             str(WORKFLOW)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflow_tests_then_builds_then_deploys():
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    tests = next(step for step in jobs["test"]["steps"] if step.get("run") == "bash .ci/run")
    assert tests["env"] == {"CI": "true"}
    build = next(step for step in jobs["build"]["steps"] if step.get("run") == "make build")
    assert build["env"]["PORTAL_SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert {"uses": "actions/upload-pages-artifact@v3", "with": {"path": "site"}} in jobs["build"]["steps"]


def make_build(config: Path, site: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    return subprocess.run(["make", "-s", "-C", str(ROOT), "build", f"CONFIG={config}", f"SITE={site}"], capture_output=True, text=True,
                          env=env, timeout=600)


def test_a_failed_build_leaves_the_published_site_untouched(tmp_path):
    config = make_trilingual(tmp_path)
    site = tmp_path / "published"
    result = make_build(config, site)
    assert result.returncode == 0, result.stderr
    assert (site / "index.html").exists() and (site / "pagefind").is_dir()
    (site / "marker.txt").write_text("yesterday's site", encoding="utf-8")
    plan = tmp_path / "data" / "plans" / "mau-2020.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("issuer: mau-pc", "issuer: mau-nobody"), encoding="utf-8")
    result = make_build(config, site)
    assert result.returncode != 0 and "names agency 'mau-nobody'" in result.stderr
    assert (site / "marker.txt").read_text(encoding="utf-8") == "yesterday's site"  # still the previous site
    assert not Path(f"{site}.new").exists() and not Path(f"{site}.old").exists()


def test_every_page_says_when_it_last_changed(site):
    """From git: the day of the last commit that touched the page's Markdown or the data it is made from."""
    dates = {}
    for page in ("index.html", "en/plans/haiphong-2019/index.html", "agencies/haiphong-dic/index.html", "open-data/index.html"):
        line = site.html(page).select_one("p.portal-updated")
        stamp = line.select_one("time")
        assert stamp is not None and stamp["datetime"][:4] == "2026", page
        dates[page] = stamp["datetime"]
        assert line.select_one("a")["href"].endswith("changelog/"), page
    plan = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "data/plans/haiphong-2019.yml"], cwd=ROOT, capture_output=True,
                          text=True).stdout.strip()
    assert dates["en/plans/haiphong-2019/index.html"] == plan


def test_the_change_log_lists_what_changed_newest_first(site):
    for page, words in (("changelog/index.html", "Dữ liệu mở có thêm"), ("en/changelog/index.html", "SQLite file")):
        entries = site.html(page).select("ul.portal-changelog > li")
        days = [entry.time["datetime"] for entry in entries]
        assert days == sorted(days, reverse=True) and len(days) >= 4
        assert any(words in entry.get_text() for entry in entries)
