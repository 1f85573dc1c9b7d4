"""The build's speed-ups change nothing in what is built: one process per language
(hooks/parallel_languages.py, hooks/sitemap.py) builds the same site as one process building the
languages in turn, a language that fails fails the whole build, the templates' HTML handed to
Markdown as finished blocks (portal/rawhtml.py) renders as Markdown would have rendered it, and
the navigation rendered once per folder (portal/navcache.py) is the one Material renders per page."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from markdown.preprocessors import Preprocessor

from conftest import ROOT, build_site
from portal import parallel, rawhtml
from portal.sanitise import EDITOR_END, EDITOR_START
from test_languages import make_trilingual

# Files that carry the time they were written (Word's document properties), whichever process wrote them.
TIMESTAMPED = re.compile(r"\.docx$")


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*"))
            if path.is_file() and not TIMESTAMPED.search(path.name)}


def test_parallel_build_equals_one_language_after_another(tmp_path, monkeypatch):
    config = make_trilingual(tmp_path)
    parallel = build_site(config, tmp_path / "parallel")
    assert parallel.returncode == 0, parallel.stderr
    monkeypatch.setenv("PORTAL_SERIAL", "1")
    serial = build_site(config, tmp_path / "serial")
    assert serial.returncode == 0, serial.stderr
    built, expected = _files(tmp_path / "parallel"), _files(tmp_path / "serial")
    assert sorted(built) == sorted(expected)
    assert [name for name in expected if built[name] != expected[name]] == []
    assert not (tmp_path / "parallel" / ".portal-sitemap-parts").exists()
    sitemap = (tmp_path / "parallel" / "sitemap.xml").read_text(encoding="utf-8")
    for prefix in ("", "en/", "zh/"):
        assert sitemap.count(f"<loc>http://127.0.0.1:8000/{prefix}plans/mau-2020/</loc>") == 1


def test_the_other_languages_write_only_into_a_cleaned_site_folder(tmp_path):
    """The other languages' processes start before the site folder is cleaned of the last build and
    wait for it: a folder full of an earlier build's files ends with this build's files, all of them."""
    config = make_trilingual(tmp_path)
    first = build_site(config, tmp_path / "site")
    assert first.returncode == 0, first.stderr
    expected = _files(tmp_path / "site")
    for language in ("", "en/", "zh/"):  # enough old files that cleaning them takes a while
        for index in range(6000):
            stale = tmp_path / "site" / f"{language}stale/{index % 200}/{index}.html"
            stale.parent.mkdir(parents=True, exist_ok=True)
            stale.write_text("old", encoding="utf-8")
    again = build_site(config, tmp_path / "site")
    assert again.returncode == 0, again.stderr
    built = _files(tmp_path / "site")
    assert sorted(built) == sorted(expected)
    assert [name for name in expected if built[name] != expected[name]] == []


def test_a_language_that_fails_fails_the_build(tmp_path):
    config = make_trilingual(tmp_path)
    page = tmp_path / "docs" / "en" / "plans" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Old plan](../missing.md)\n", encoding="utf-8")
    result = build_site(config, tmp_path / "site")
    assert result.returncode != 0
    assert "The 'en' version of the site could not be built: its error is above." in result.stderr
    assert "contains a link '../missing.md'" in result.stderr  # the child's own warning, naming the broken link
    assert "zh" not in re.findall(r"The '(\w+)' version", result.stderr)


def test_a_failing_default_language_stops_the_others(tmp_path):
    """The default language's build fails while it renders its pages, long before it would wait for
    the other languages: their processes must be stopped, not left writing into a refused build."""
    config = make_trilingual(tmp_path)
    for language in ("vi", "en", "zh"):
        listing = "no-such-list" if language == "vi" else "plans"
        (tmp_path / "docs" / language / "broken.md").write_text(f"---\nportal_list: {listing}\n---\n\n# Broken\n", encoding="utf-8")
    result = build_site(config, tmp_path / "site")
    assert result.returncode != 0 and "docs/vi/broken.md: portal_list is 'no-such-list'" in result.stderr
    assert "The 'en' version" not in result.stderr  # it never got as far as waiting for them
    # (The run above returns only once every process holding its output has ended, stopped or not.)
    # Stopped: the other languages never got to the end of their builds, where each writes its index.
    assert not (tmp_path / "site" / "en" / "pagefind").exists() and not (tmp_path / "site" / "zh" / "pagefind").exists()


def _menus(site: Path) -> dict[str, str]:
    found = {}
    for path in sorted(site.rglob("*.html")):
        menu = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one("nav.md-nav--primary")
        found[path.relative_to(site).as_posix()] = str(menu)
    return found


def test_the_navigation_rendered_once_per_folder_is_materials_own(tmp_path, site):
    """The Hải Phòng site's menu (sections, section index pages, pages in and out of it) on every
    page, built with overrides/partials/nav.html and with Material's partial alone."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for name in ("docs", "data", "hooks", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "overrides" / "partials" / "nav.html").unlink()
    result = build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    cached, material = _menus(site.root), _menus(tmp_path / "site")
    assert sorted(cached) == sorted(material) and len(cached) > 300
    assert [page for page in material if cached[page] != material[page]] == []
    assert 'class="md-nav__link md-nav__link--active"' in cached["invest/projects/index.html"]  # its own entry marked
    assert "md-nav__link--active" not in cached["invest/projects/sample-waste-to-energy-plant/index.html"]


class _MkDocsScan(Preprocessor):
    """Stands in for MkDocs's raw HTML scan, which records the ids a page holds for its anchor check."""

    def __init__(self, md):
        super().__init__(md)
        self.present_anchor_ids: set[str] = set()

    def run(self, lines):
        self.present_anchor_ids = set()
        return lines


TEMPLATE_OUTPUT = f"""<p class="portal-lead">Tóm tắt &amp; bối cảnh</p>
<div class="portal-scroll">
<table id="tasks-table"><tr><td id="task-1-1">1.1</td></tr></table>
</div>

## Nhiệm vụ {{ #tasks }}

<a href="#x">inline start</a> then text

{EDITOR_START}

Editor's **Markdown** with a [link](https://example.org).

<div>editor HTML</div>

{EDITOR_END}

<ul class="portal-legal">
<li>one</li>
</ul>
"""


def _render(text: str, fast: bool) -> tuple[str, set[str]]:
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "toc", *([rawhtml.TemplateHtml()] if fast else [])])
    scan = _MkDocsScan(md)
    md.preprocessors.register(scan, "mkdocs_raw_html", 21)  # as MkDocs names it
    return md.convert(rawhtml.wrap(text) if fast else text), scan.present_anchor_ids


def test_template_html_renders_as_markdown_would():
    fast, _ = _render(TEMPLATE_OUTPUT, fast=True)
    slow, _ = _render(TEMPLATE_OUTPUT, fast=False)
    squeeze = lambda html: re.sub(r">\s+<", "><", html.strip())  # noqa: E731
    assert squeeze(fast) == squeeze(slow)
    assert '<h2 id="tasks">Nhiệm vụ' in fast  # headings stay Markdown: in the table of contents, with their anchor
    assert "<strong>Markdown</strong>" in fast  # the editor's text is Markdown
    assert "<p><a href=\"#x\">inline start</a> then text</p>" in fast  # a run starting inline is a paragraph, as before
    assert rawhtml.START not in fast and rawhtml.END not in fast


def test_ids_inside_template_html_reach_the_anchor_check():
    _, ids = _render(TEMPLATE_OUTPUT, fast=True)
    assert {"tasks-table", "task-1-1"} <= ids


def _odd(numbers) -> list[str]:
    return [f"{number} is odd" for number in numbers if number % 2]


def test_checks_shared_out_over_the_cores_answer_in_order(monkeypatch):
    numbers = list(range(1001))
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    assert parallel.problems(_odd, numbers) == _odd(numbers)  # two forked workers
    assert parallel.problems(_odd, numbers[:10]) == _odd(numbers[:10])  # a small list: in this process


def test_work_in_the_background_answers_or_raises(monkeypatch):
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    data = {"records": list(range(50))}  # the worker sees this process's data as it was when it started
    waiting = parallel.in_background(lambda: [os.getpid(), sum(data["records"])], worth_a_process=True)
    worker, total = waiting()
    assert worker != os.getpid() and total == 1225

    def broken():
        raise ValueError("data/news/x.yml: date is missing")

    failing = parallel.in_background(broken, worth_a_process=True)
    with pytest.raises(ValueError, match="date is missing"):
        failing()
    here = parallel.in_background(lambda: os.getpid(), worth_a_process=False)
    assert here() == os.getpid()
