"""A real strict build of the Hai Phong portal, checked page by page on parsed HTML."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from lxml import etree

from conftest import ROOT

SITE_URL = "http://127.0.0.1:8000/"
HAND_WRITTEN = ["index.html", "about/index.html", "changelog/index.html", "plans/index.html", "agencies/index.html", "legal/index.html",
                "profile/index.html", "invest/index.html", "invest/projects/index.html", "invest/zones/index.html",
                "invest/procedures/index.html", "visit/index.html", "events/index.html", "news/index.html", "press/index.html",
                "press/foreign-press/index.html", "clarifications/index.html", "publications/index.html", "international/index.html",
                "sovereignty-exhibition/index.html", "plans/shared-documents/index.html", "open-data/index.html"]
PLANS = ["haiphong-2019", "hungyen-2017", "langson-2014-2020", "thuathienhue-2020"]


def ids_in(folder: str) -> list[str]:
    """Record ids read straight from the YAML (not through the code under test)."""
    ids = []
    for path in sorted((ROOT / "data" / folder).glob("*.yml")):
        value = yaml.safe_load(path.read_text(encoding="utf-8"))
        ids += [item["id"] for item in (value if isinstance(value, list) else [value])]
    return ids


def published_news() -> list[dict]:
    """News items on the site at the tests' build date: not awaiting translation, not scheduled for later."""
    today = "2026-11-22"
    items = []
    for path in sorted((ROOT / "data" / "news").glob("*.yml")):
        item = yaml.safe_load(path.read_text(encoding="utf-8"))
        status = item.get("status", "published")
        if status == "published" or (status == "scheduled" and item["date"] <= today):
            items.append(item)
    return items


def news_pages() -> list[str]:
    """Each item's page, and the listings by page, year and category (page 1 of all is hand-written)."""
    items = published_news()
    per_page = yaml.safe_load((ROOT / "data" / "site.yml").read_text(encoding="utf-8")).get("news_per_page", 10)
    pages = [f"news/{item['date'][:4]}/{item['id']}/index.html" for item in items]
    groups = {"news/": items}
    groups.update({f"news/{year}/": [item for item in items if item["date"][:4] == year] for year in {item["date"][:4] for item in items}})
    groups.update({f"news/category/{category}/": [item for item in items if item["category"] == category] for category in {item["category"] for item in items}})
    for folder, members in groups.items():
        count = -(-len(members) // per_page)
        pages += [folder + "index.html"] * (folder != "news/") + [f"{folder}page/{number}/index.html" for number in range(2, count + 1)]
    return pages


def report_pages() -> list[str]:
    """A compiled report for each reporting day (the plan's deadlines and its progress files' `reports`)
    up to the build date, for every plan with progress data."""
    days: dict[str, set[str]] = {}
    for path in sorted((ROOT / "data" / "progress").glob("*.yml")):
        progress = yaml.safe_load(path.read_text(encoding="utf-8"))
        plan = yaml.safe_load((ROOT / "data" / "plans" / f"{progress['plan']}.yml").read_text(encoding="utf-8"))
        found = days.setdefault(progress["plan"], set())
        found |= set(progress.get("reports", [])) | {report["deadline"] for report in plan.get("reporting", []) if "deadline" in report}
    return [f"plans/{plan}/report/{day}/index.html" for plan, found in days.items() for day in found if day <= "2026-11-22"]


def resolve(page: str, href: str) -> str:
    """The site path a link on `page` leads to."""
    return urlsplit(urljoin("/" + page, href)).path


def expected_pages(prefix: str) -> list[str]:
    pages = HAND_WRITTEN + [f"plans/{plan}/index.html" for plan in PLANS]
    pages += [f"agencies/{agency}/index.html" for agency in ids_in("agencies")]
    pages += [f"legal/{doc}/index.html" for doc in ids_in("legal")]
    pages += [f"invest/projects/{project}/index.html" for project in ids_in("projects")]
    pages += [f"invest/zones/{zone}/index.html" for zone in ids_in("zones")]
    pages += [f"events/{event}/index.html" for event in ids_in("events")]
    pages += [f"clarifications/{item}/index.html" for item in ids_in("clarifications")]
    pages += news_pages() + report_pages()
    return sorted(prefix + page for page in pages + ["404.html"])


def test_exact_pages_in_both_languages(site):
    built = site.pages()
    vietnamese = [page for page in built if not page.startswith("en/")]
    english = [page for page in built if page.startswith("en/")]
    assert vietnamese == expected_pages("")
    assert english == expected_pages("en/")
    assert sorted(plan for plan in PLANS) == sorted(path.stem for path in (ROOT / "data" / "plans").glob("*.yml"))


def test_html_lang_and_theme_language(site):
    for page, lang, search_label in [("plans/haiphong-2019/index.html", "vi", "Tìm kiếm"), ("en/plans/haiphong-2019/index.html", "en", "Search")]:
        html = site.html(page)
        assert html.html["lang"] == lang
        assert html.select_one("input.md-search__input")["placeholder"] == search_label


def test_hreflang_alternates_are_absolute_with_x_default(site):
    for page in ["plans/haiphong-2019/index.html", "en/plans/haiphong-2019/index.html"]:
        links = {link["hreflang"]: link["href"] for link in site.html(page).select('head link[rel="alternate"][hreflang]')}
        assert links == {"vi": SITE_URL + "plans/haiphong-2019/", "en": SITE_URL + "en/plans/haiphong-2019/",
                         "x-default": SITE_URL + "plans/haiphong-2019/"}


def test_language_switcher_lands_on_the_same_page(site):
    for page, targets in [("agencies/haiphong-dic/index.html", {"vi": "/agencies/haiphong-dic/", "en": "/en/agencies/haiphong-dic/"}),
                          ("en/legal/decree-72-2015-nd-cp/index.html", {"vi": "/legal/decree-72-2015-nd-cp/", "en": "/en/legal/decree-72-2015-nd-cp/"}),
                          ("en/about/index.html", {"vi": "/about/", "en": "/en/about/"})]:
        links = {link["hreflang"]: resolve(page, link["href"]) for link in site.html(page).select("a.md-select__link[hreflang]")}
        assert links == targets, page


def test_every_page_has_a_switcher_to_its_counterpart(site):
    for page in site.pages():
        if page.endswith("404.html"):
            continue
        links = site.html(page).select("a.md-select__link[hreflang]")
        counterpart = page[3:] if page.startswith("en/") else "en/" + page
        assert {resolve(page, link["href"]) for link in links} == {"/" + page.removesuffix("index.html"), "/" + counterpart.removesuffix("index.html")}, page


def task_row(html, number: str):
    row = html.select_one(f"tr#task-{number.replace('.', '-')}")
    assert row is not None, number
    return row


def test_haiphong_task_6_1_lead_agency_and_budget(site):
    for page, lead, budget in [("plans/haiphong-2019/index.html", "Sở Thông tin và Truyền thông thành phố Hải Phòng", "100"),
                               ("en/plans/haiphong-2019/index.html", "Hai Phong Department of Information and Communications", "100")]:
        row = task_row(site.html(page), "6.1")
        cells = row.find_all("td")
        lead_link = cells[1].find("a")
        assert lead_link.get_text(strip=True) == lead
        assert lead_link["href"] == "../../agencies/haiphong-dic/"
        assert cells[4].get_text(strip=True) == budget


def test_haiphong_total_in_each_language_format(site):
    vietnamese = site.html("plans/haiphong-2019/index.html")
    english = site.html("en/plans/haiphong-2019/index.html")
    assert vietnamese.select_one("td.portal-total").get_text(strip=True) == "1.070"
    assert english.select_one("td.portal-total").get_text(strip=True) == "1,070"
    assert "Tổng kinh phí dự kiến: 1.070 triệu đồng." in vietnamese.get_text()
    assert "Total estimated budget: 1,070 million VND." in english.get_text()


def test_time_frames_as_written_and_translated(site):
    vietnamese = task_row(site.html("plans/haiphong-2019/index.html"), "1").find("time")
    english = task_row(site.html("en/plans/haiphong-2019/index.html"), "1").find("time")
    assert (vietnamese.get_text(), vietnamese["datetime"]) == ("Quý II/năm 2019", "2019-04-01")
    assert english.get_text() == "Q2 2019"
    assert task_row(site.html("en/plans/haiphong-2019/index.html"), "7.1").find("time").get_text() == "May 2019"
    assert task_row(site.html("en/plans/langson-2014-2020/index.html"), "V.2").find("time").get_text() == "2014–2016"


def test_plans_index_lists_every_plan(site):
    rows = site.html("en/plans/index.html").select("table.portal-plans tbody tr")
    by_number = {row.th.get_text(strip=True): row for row in rows}
    assert {"04/KH-UBND", "224/KH-UBND", "10/Ctr-UBND"} <= set(by_number)
    assert len(rows) == len(PLANS)
    haiphong = by_number["04/KH-UBND"].find_all("td")
    assert haiphong[2].a["href"] == "haiphong-2019/"
    assert haiphong[3].get_text(strip=True) == "19"
    assert haiphong[4].get_text(strip=True) == "1,070"


def test_legal_page_lists_the_plans_citing_it(site):
    items = site.html("legal/decision-368-qd-ttg-2013/index.html").select("#cited-by ~ ul li a")
    assert {link["href"] for link in items} >= {"../../plans/langson-2014-2020/", "../../plans/hungyen-2017/", "../../plans/haiphong-2019/"}


def test_agency_page_lists_its_tasks_across_plans(site):
    html = site.html("en/agencies/haiphong-dic/index.html")
    numbers = [cell.get_text(strip=True) for cell in html.select("table.portal-list tbody th")]
    assert {"1", "2.2", "4", "5", "6.1", "6.2", "8", "9", "10"} <= set(numbers)


def test_internal_links_resolve(site):
    for page in site.pages():
        for link in site.html(page).select("a[href]"):
            href = link["href"]
            if re.match(r"^(https?:|mailto:|tel:|#)", href):
                continue
            path = urlsplit(href).path
            target = site.root / path.lstrip("/") if path.startswith("/") else (site.root / page).parent / path
            if href.endswith("/") or target.is_dir():
                target = target / "index.html"
            assert target.resolve().exists(), f"{page}: broken link {href}"


def test_no_page_loads_anything_from_another_host(site):
    own = urlsplit(SITE_URL).netloc
    for path in site.root.rglob("*"):
        if path.suffix not in (".html", ".css", ".js", ".svg"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            html = etree.HTML(text)
            urls = html.xpath("//script/@src | //img/@src | //iframe/@src | //source/@src | //video/@src | //audio/@src | //link[not(@rel='alternate') and not(@rel='canonical')]/@href")
        elif path.suffix == ".svg":
            urls = re.findall(r"""(?:href|src)\s*=\s*["']([^"']+)""", text)
        else:
            urls = re.findall(r"""url\(\s*['"]?((?:https?:)?//[^)'"]+)""", text)
        foreign = [url for url in urls if urlsplit(url).netloc not in ("", own)]
        assert not foreign, f"{path.relative_to(site.root)} loads {foreign}"
    assert "fonts.googleapis.com" not in (site.root / "index.html").read_text(encoding="utf-8")


def test_sitemap_lists_every_page_with_alternates(site):
    tree = etree.parse(str(site.root / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {url.findtext("s:loc", namespaces=ns): url for url in tree.findall("s:url", ns)}
    pages = {SITE_URL + page.removesuffix("index.html") for page in site.pages() if not page.endswith("404.html")}
    assert set(urls) == pages
    alternates = {link.get("hreflang"): link.get("href") for link in urls[SITE_URL + "en/plans/haiphong-2019/"].findall("x:link", ns)}
    assert alternates == {"vi": SITE_URL + "plans/haiphong-2019/", "en": SITE_URL + "en/plans/haiphong-2019/"}


def test_each_language_has_its_own_404(site):
    vietnamese, english = site.html("404.html"), site.html("en/404.html")
    assert vietnamese.html["lang"] == "vi" and vietnamese.h1.get_text() == "Không tìm thấy trang"
    assert english.html["lang"] == "en" and english.h1.get_text() == "Page not found"
    assert english.select_one("article a")["href"] == "/en/"
    # A 404 page has no counterpart: its language switcher leads to each language's home page.
    assert [link["href"] for link in english.select("a.md-select__link")] == ["/", "/en/"]
    assert [link["href"] for link in vietnamese.select("a.md-select__link")] == ["/", "/en/"]


def test_navigation_lists_hand_written_pages_only(site):
    """Material renders the whole navigation into every page: records must not be listed one by one."""
    page = "plans/haiphong-2019/index.html"
    targets = {resolve(page, link["href"]) for link in site.html(page).select("nav.md-nav--primary a.md-nav__link[href]")}
    hand_written = {"/" + path.removesuffix("index.html") for path in HAND_WRITTEN}
    assert targets <= hand_written
    assert len(targets) >= 15


def test_edit_link_opens_the_data_file(tmp_path):
    from conftest import build_site

    config = tmp_path / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config.write_text(text.replace("site_dir: site", "site_dir: site\nrepo_url: https://git.example.gov.vn/portal\nedit_uri: edit/main/"), encoding="utf-8")
    for folder in ("docs", "data", "hooks", "overrides"):
        (tmp_path / folder).symlink_to(ROOT / folder)
    result = build_site(config, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    from bs4 import BeautifulSoup
    plan = BeautifulSoup((tmp_path / "out/en/plans/haiphong-2019/index.html").read_text(encoding="utf-8"), "lxml")
    about = BeautifulSoup((tmp_path / "out/about/index.html").read_text(encoding="utf-8"), "lxml")
    assert plan.select_one("a.md-content__button")["href"] == "https://git.example.gov.vn/portal/edit/main/data/plans/haiphong-2019.yml"
    assert about.select_one("a.md-content__button")["href"] == "https://git.example.gov.vn/portal/edit/main/docs/vi/about.md"
