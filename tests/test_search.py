"""Search: one Pagefind index per language behind Material's search box, diacritic folding (đ too),
data records (tasks by number) with their kind and plan, tried with real queries in Chromium."""

from __future__ import annotations

import json
import unicodedata
from urllib.parse import unquote, urlsplit

import pytest

from portal import search

RESULTS = ".md-search-result__list > li"


def bare(word: str) -> str:
    """A word without its diacritics, "đ" as "d": how someone types it on a phone in a hurry."""
    return "".join(char for char in unicodedata.normalize("NFD", word) if not unicodedata.combining(char)).replace("đ", "d")


# -- what is indexed ----------------------------------------------------------------------------
def test_fold_writes_d_with_stroke_in_text_but_not_in_attributes():
    page = '<h2 id="đầu-tư"><a href="/đ/">Đầu tư</a></h2><dl><dt>Nơi</dt><dd>Đồ Sơn</dd></dl>'
    assert search.fold_html(page) == ('<h2 id="đầu-tư"><a href="/đ/">D\u0335ầu tư</a></h2> '
                                      '<dl><dt>Nơi</dt> <dd>D\u0335ồ Sơn</dd> </dl> ')
    assert search.fold("đường Đình") == "d\u0335ường D\u0335ình"


def test_one_index_per_language(site):
    vietnamese = json.loads((site.root / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    english = json.loads((site.root / "en" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(vietnamese["languages"]) == ["vi"] and list(english["languages"]) == ["en"]
    # Material's own (mixed-language) lunr index is not shipped: its box is answered by Pagefind
    assert json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"] == []
    assert not (site.root / "pagefind" / "pagefind-ui.js").exists()


def test_only_page_content_is_indexed(site):
    plan = site.html("plans/haiphong-2019/index.html")
    body = plan.select_one("[data-pagefind-body]")
    assert body is not None and body.find_parent("article") is not None  # not the menus or the footer
    assert {span["data-pagefind-meta"]: span.get_text() for span in body.select("[data-pagefind-meta]")} == {
        "kind": "Kế hoạch", "section": "Kế hoạch thông tin đối ngoại"}
    assert plan.select_one("table.portal-tasks")["data-pagefind-ignore"] is not None  # tasks are indexed one by one
    for listing in ("news/2025/index.html", "news/category/press-release/index.html"):
        assert site.html(listing).select_one("[data-pagefind-body]") is None, listing


# -- in the browser ----------------------------------------------------------------------------
@pytest.fixture
def page(browser, served):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == []


def ask(page, served: str, path: str, query: str) -> list[dict]:
    """Type a query into Material's search box on a page; return the results as shown.

    The box is cleared first (Material then shows its placeholder line), and the query is entered
    at once and sent with one key press, so the list that replaces the placeholder is this query's."""
    if urlsplit(page.url).path != path:
        page.goto(served + path)
    box, meta = page.locator("input.md-search__input"), page.locator(".md-search-result__meta")
    box.click()
    box.fill("")
    box.press("End")
    page.wait_for_function("() => document.querySelector('.md-search-result__list').children.length === 0")
    placeholder = meta.inner_text()
    page.keyboard.insert_text(query)
    box.press("End")
    page.wait_for_function("placeholder => document.querySelector('.md-search-result__meta').innerText !== placeholder",
                           arg=placeholder, timeout=15000)
    results = []
    for item in page.locator(RESULTS).all():
        links = [(link, urlsplit(link.get_attribute("href"))) for link in item.locator("a.md-search-result__link").all()]
        results.append({
            "url": unquote(links[0][1].path),
            "title": item.locator("h1").inner_text(),
            "tags": [tag.inner_text() for tag in links[0][0].locator(".md-tag").all()],
            "sections": [{"url": unquote(href.path) + "#" + unquote(href.fragment), "title": link.locator("h2").inner_text(),
                          "tags": [tag.inner_text() for tag in link.locator(".md-tag").all()]} for link, href in links[1:]],
            "marks": [mark.text_content().lower().strip(".,;:!?()“”\"'") for mark in item.locator("mark").all()],
        })
    return results


def test_vietnamese_without_diacritics(page, served):
    results = ask(page, served, "/", "dau tu")
    assert results and all(not result["url"].startswith("/en/") for result in results)
    assert "/invest/" in [result["url"] for result in results[:3]]
    marks = {mark for result in results for mark in result["marks"]}
    assert "đầu" in marks and "tư" in marks  # "d" found "đ", and "u" found "ư"
    assert all(bare(mark) == "dau" or bare(mark).startswith("tu") for mark in marks), marks  # the last word may be a prefix
    festival = ask(page, served, "/", "le hoi hoa phuong")
    assert "/events/red-flamboyant-festival-2019/" in [result["url"] for result in festival[:3]]
    assert "Hải Phòng" in ask(page, served, "/", "hai phong")[0]["title"]


def test_a_different_vowel_is_a_different_word(page, served):
    marks = {mark for result in ask(page, served, "/", "phở") for mark in result["marks"]}
    assert marks and not {mark for mark in marks if mark.startswith(("phần", "phan"))}


def test_exact_diacritics_rank_first(page, served):
    """"phượng" (the flamboyant flower) and "phương" (as in "địa phương", locality) fold to the same
    letters; typed with their marks, each finds its own word first."""
    festival = "/events/red-flamboyant-festival-2019/"
    flower = ask(page, served, "/", "phượng")
    assert flower[0]["url"] == festival and "phượng" in flower[0]["marks"]
    locality = ask(page, served, "/", "phương")
    assert locality[0]["url"] != festival and "phương" in locality[0]["marks"]
    assert {"phượng", "phương"} <= {mark for result in ask(page, served, "/", "phuong") for mark in result["marks"]}


def test_each_language_searches_its_own_pages(page, served):
    results = ask(page, served, "/en/", "investment")
    assert results and all(result["url"].startswith("/en/") for result in results)
    assert "/en/invest/procedures/" in [result["url"] for result in results]
    vietnamese = ask(page, served, "/", "Hai Phong")  # the same words, from a Vietnamese page
    assert vietnamese and not [result for result in vietnamese if result["url"].startswith("/en/")]


def test_a_task_is_found_by_number_under_its_plan(page, served):
    results = ask(page, served, "/plans/", "Nhiệm vụ 7.1 Hoa Phượng Đỏ")
    plan = next(result for result in results if result["url"] == "/plans/haiphong-2019/")
    assert plan["title"] == "Kế hoạch công tác thông tin đối ngoại thành phố Hải Phòng năm 2019"
    task = next(section for section in plan["sections"] if section["url"] == "/plans/haiphong-2019/#task-7-1")
    assert task["title"].startswith("Nhiệm vụ 7.1. Tiếp tục tổ chức Lễ hội Hoa Phượng Đỏ")
    assert task["tags"] == ["Nhiệm vụ", "Kế hoạch 04/KH-UBND"]
    english = ask(page, served, "/en/plans/", "Red Flamboyant Festival")
    plan = next(result for result in english if result["url"] == "/en/plans/haiphong-2019/")
    assert {"url": "/en/plans/haiphong-2019/#task-7-1", "title": plan["sections"][0]["title"], "tags": ["Task", "Plan 04/KH-UBND"]} \
        in plan["sections"]


def test_a_record_shows_its_kind_and_section(page, served):
    results = {result["url"]: result for result in ask(page, served, "/", "Khu công nghiệp VSIP")}
    assert results["/invest/zones/vsip-hai-phong/"]["tags"] == ["Khu công nghiệp, khu kinh tế", "Đầu tư"]
    agency = {result["url"]: result for result in ask(page, served, "/en/", "Department of Tourism")}
    assert agency["/en/agencies/haiphong-dot/"]["tags"] == ["Agency", "External-information plans"]


def test_keyboard_and_screen_reader_use(page, served):
    page.goto(served + "/about/")
    assert page.get_attribute(".md-search[role=dialog]", "aria-label") == "Tìm kiếm trên cổng thông tin"
    assert page.get_attribute("input.md-search__input", "aria-label")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.keyboard.press("/")  # Material's shortcut opens the search
    page.wait_for_function("() => document.activeElement.matches('input.md-search__input')")
    page.keyboard.insert_text("Cát Bà")
    page.keyboard.press("End")
    page.wait_for_selector(RESULTS)
    searching = list(requests)
    assert searching and all(url.startswith(served + "/") for url in searching), searching  # nothing from another host
    page.keyboard.press("ArrowDown")
    href = page.evaluate("() => document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(href)


def test_a_wrong_search_switch_in_front_matter_is_explained():
    from data_pages import _front_matter_problems
    page = "---\ntitle: Tin cũ\nsearch: no\n---\n\n# Tin cũ\n".encode()
    assert _front_matter_problems("vi/old.md", page) == [
        "docs/vi/old.md:3: search: write `search: {exclude: true}` to keep this page out of the search results, or remove the line"]
    assert _front_matter_problems("vi/old.md", "---\ntitle: Tin cũ\nsearch: {exclude: true}\n---\n".encode()) == []
