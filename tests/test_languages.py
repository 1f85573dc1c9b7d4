"""A third language is a configuration change: the same hooks and templates build a vi/en/zh site
when mkdocs.yml lists zh and the data carries zh texts. Plus the number, date and time-frame
formats of each language."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from datetime import date
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from conftest import FIXTURES, ROOT, build_site
from portal import database
from portal.language import Language, relative_url
from portal.timeframe import parse


def add_chinese(value):
    """Give every bilingual text of the minimal fixture a Chinese side (a test stand-in translation)."""
    if isinstance(value, dict):
        if set(value) == {"vi", "en"} and all(isinstance(text, str) for text in value.values()):
            return {**value, "zh": "中文：" + value["en"]}
        return {key: add_chinese(item) for key, item in value.items()}
    if isinstance(value, list):
        return [add_chinese(item) for item in value]
    return value


def make_trilingual(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "trilingual" / "docs", tmp_path / "docs")
    shutil.copytree(FIXTURES / "minimal" / "data", tmp_path / "data")
    shutil.copytree(ROOT / "data" / "schemas", tmp_path / "data" / "schemas")
    for path in list((tmp_path / "data").rglob("*.yml")):
        path.write_text(yaml.safe_dump(add_chinese(yaml.safe_load(path.read_text(encoding="utf-8"))), allow_unicode=True), encoding="utf-8")
    ui = add_chinese(yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8")))
    ui["formats"]["zh"] = {"locale": "zh_Hans", "date": "y年M月d日", "month": "y年M月"}
    (tmp_path / "data" / "ui.yml").write_text(yaml.safe_dump(ui, allow_unicode=True), encoding="utf-8")
    config = (FIXTURES / "trilingual" / "mkdocs.yml.in").read_text(encoding="utf-8").replace("@ROOT@", str(ROOT))
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def test_third_language_is_a_configuration_change(tmp_path):
    result = build_site(make_trilingual(tmp_path), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    per_language = ["404.html", "agencies/mau-dic/index.html", "agencies/mau-dofa/index.html", "agencies/mau-pc/index.html",
                    "events/mau-fair/index.html", "events/mau-festival/index.html", "index.html", "invest/projects/mau-port/index.html",
                    "invest/zones/mau-zone/index.html", "legal/decree-72-2015-nd-cp/index.html", "plans/index.html", "plans/mau-2020/index.html",
                    "plans/mau-2020/report/2020-06-30/index.html",
                    "clarifications/mau-claim/index.html", "news/index.html", "news/page/2/index.html", "news/2020/index.html",
                    "news/2020/page/2/index.html", "news/2020/mau-news-1/index.html", "news/2020/mau-release/index.html",
                    "news/category/news/index.html", "news/category/press-release/index.html",
                    "clarifications/index.html", "events/index.html", "invest/projects/index.html", "invest/zones/index.html"]
    assert pages == sorted(per_language + [f"en/{page}" for page in per_language] + [f"zh/{page}" for page in per_language])
    for code in ("vi", "en", "zh"):  # the report's Word and CSV files in every language
        folder = site / ("" if code == "vi" else f"{code}/") / "plans/mau-2020/report/2020-06-30"
        assert sorted(path.name for path in folder.glob("*.*") if path.suffix != ".html") == [
            f"mau-2020-report-2020-06-30-{code}.csv", f"mau-2020-report-2020-06-30-{code}.docx"]
    plan = BeautifulSoup((site / "zh/plans/mau-2020/index.html").read_text(encoding="utf-8"), "lxml")
    assert plan.html["lang"] == "zh"
    assert plan.h1.get_text(strip=True) == "中文：Mau Province external-information plan for 2020"
    assert plan.select_one("td.portal-total").get_text(strip=True) == "150"
    assert plan.select_one("tr#task-2-1 time").get_text() == "2020年5月"
    assert {link["hreflang"] for link in plan.select('head link[rel="alternate"][hreflang]')} == {"vi", "en", "zh", "x-default"}
    assert {link["hreflang"] for link in plan.select("a.md-select__link")} == {"vi", "en", "zh"}
    calendar = (site / "zh/events.ics").read_text(encoding="utf-8")
    assert "SUMMARY:中文：Street festival" in calendar and "/zh/events/mau-festival/" in calendar.replace("\r\n ", "")
    event = BeautifulSoup((site / "zh/events/mau-fair/index.html").read_text(encoding="utf-8"), "lxml")
    assert event.select_one(".portal-sample-notice") is not None
    for code in ("vi", "en", "zh"):  # a search index per language, Chinese segmented by Pagefind's extended build
        entry = json.loads((site / ("" if code == "vi" else f"{code}/") / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == [code]
    not_found = BeautifulSoup((site / "zh/404.html").read_text(encoding="utf-8"), "lxml")
    assert not_found.html["lang"] == "zh" and not_found.h1.get_text() == "页面未找到"  # the kit's own Chinese strings (data/ui.yml)


def test_a_page_missing_in_one_language_stops_the_build(tmp_path):
    config = make_trilingual(tmp_path)
    (tmp_path / "docs" / "zh" / "plans" / "index.md").unlink()
    result = build_site(config, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/vi/plans/index.md has no zh version: add docs/zh/plans/index.md" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_unreadable_front_matter_stops_the_build(tmp_path):
    config = make_trilingual(tmp_path)
    page = tmp_path / "docs" / "en" / "news" / "index.md"
    page.write_text("---\ntitle: News\ndescription: News: the latest\nportal_list: news\n---\n\n# News\n", encoding="utf-8")
    result = build_site(config, tmp_path / "site")
    assert result.returncode != 0
    assert ("docs/en/news/index.md:3: mapping values are not allowed here. "
            'A value containing ": " must be put in double quotes.') in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_data_error_stops_the_build_before_anything_is_written(tmp_path):
    config = make_trilingual(tmp_path)
    plan = tmp_path / "data" / "plans" / "mau-2020.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("budget_total: 150", "budget_total: 160"), encoding="utf-8")
    result = build_site(config, tmp_path / "site")
    assert result.returncode != 0
    assert "The data has 1 error; nothing was published:" in result.stderr
    assert re.search(r"data/plans/mau-2020\.yml:\d+: budget_total: declares 160 million VND but the task budgets add up to 150", result.stderr)
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_formats_per_language(data_root):
    db = database.load(data_root, ("vi", "en"))
    vi, en = Language(db, "vi", "vi"), Language(db, "en", "vi")
    assert (vi.money(1070), en.money(1070)) == ("1.070 triệu đồng", "1,070 million VND")
    assert (vi.date("2019-01-05"), en.date("2019-01-05")) == ("05/01/2019", "5 January 2019")
    period = (2014, 2020)
    cases = {"Quý II/năm 2019": "Q2 2019", "Tháng 5/2019": "May 2019", "Hàng năm": "Every year", "2014 - 2016": "2014–2016",
             "cả năm 2019": "Throughout 2019", "Năm 2019": "2019"}
    for written, english in cases.items():
        time = parse(written, period)
        assert vi.timeframe(time) == written
        assert en.timeframe(time) == english
    assert (parse("Hàng năm", period).start, parse("Hàng năm", period).end) == (date(2014, 1, 1), date(2020, 12, 31))
    assert parse("Quý IV/năm 2019", period).end == date(2019, 12, 31)


def test_links_between_generated_pages_are_relative(data_root):
    db = database.load(data_root, ("vi", "en"))
    assert Language(db, "vi", "vi", "plans/mau-2020/").url("agency", "mau-dic") == "../../agencies/mau-dic/"
    assert Language(db, "en", "vi", "en/plans/").url("plan", "mau-2020") == "mau-2020/"
    assert Language(db, "en", "vi", "en/").url("legals") == "legal/"


def test_relative_links_are_those_posixpath_works_out():
    """language.relative_url works on the strings; posixpath.relpath (which asks for the working
    folder on every call) is the reference, on pages and targets at every depth."""
    urls = ["", "plans/", "plans/x/", "plans/x/report/2019-06-15/", "en/", "en/plans/x/", "data/plans.json", "en/data/x.csv",
            "404.html", "en/404.html", "plans", "assets/images/a.svg", "news/2025/a/", "news/2025/b/", "news/", "p/./q/", "a//b/"]

    def reference(target: str, page_url: str) -> str:
        base = posixpath.dirname(page_url.rstrip("/") + "/x") if page_url else ""
        rel = posixpath.relpath(target or ".", base or ".")
        folder = target.endswith("/") or not target
        return "./" if rel == "." else rel + ("/" if folder and not rel.endswith("/") else "")

    assert [(target, page) for target in urls for page in urls if relative_url(target, page) != reference(target, page)] == []
    assert relative_url("agencies/y/", "plans/x/") == "../../agencies/y/" and relative_url("", "") == "./"
