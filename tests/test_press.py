"""The press room in the built site: news pages and listings, the feeds read back by a real feed
parser, link previews, clarifications, spokespersons and publications. Expected values come from the
YAML; pagination is checked on the small fixture site, whose `news_per_page` is 1."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, build_site
from test_build import SITE_URL, published_news, resolve
from test_face import LANGUAGES, labels, records
from test_languages import make_trilingual


def clarification_records() -> list[dict]:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((ROOT / "data" / "clarifications").glob("*.yml"))]


# -- feeds -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_feed_lists_published_news_and_clarifications(site, language):
    prefix = LANGUAGES[language]
    parsed = feedparser.parse((site.root / prefix / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.language == language
    assert parsed.feed.link == SITE_URL + prefix
    expected = {f"{SITE_URL}{prefix}news/{item['date'][:4]}/{item['id']}/": item for item in published_news()}
    expected |= {f"{SITE_URL}{prefix}clarifications/{item['id']}/": item for item in clarification_records()}
    assert {entry.link for entry in parsed.entries} == set(expected)
    dates = []
    for entry in parsed.entries:
        item = expected[entry.link]
        title = item["title"][language]
        assert entry.title == (f"[{labels(language)['sample']}] {title}" if item.get("sample") else title)
        assert entry.id == entry.link
        published = datetime(*entry.published_parsed[:6], tzinfo=timezone.utc)
        assert published == datetime.fromisoformat(item["date"]).replace(tzinfo=timezone(timedelta(hours=7)))
        dates.append(published)
    assert dates == sorted(dates, reverse=True)


def test_each_language_links_only_its_own_feed(site):
    for page, feed in [("index.html", "/feed.xml"), ("en/index.html", "/en/feed.xml"),
                       ("en/press/index.html", "/en/feed.xml"), ("events/index.html", "/feed.xml")]:
        links = site.html(page).select('head link[rel="alternate"][type="application/rss+xml"]')
        assert [resolve(page, link["href"]) for link in links] == [feed], page


def test_held_back_news_has_no_page(site):
    held = [path.stem for path in (ROOT / "data" / "news").glob("*.yml")
            if yaml.safe_load(path.read_text(encoding="utf-8"))["id"] not in {item["id"] for item in published_news()}]
    assert held, "the data should show a scheduled or untranslated item"
    built = site.pages()
    assert not [page for page in built if any(f"/{item}/" in page for item in held)]


# -- news pages and link previews --------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_news_page_has_its_body_and_link_preview(site, language):
    prefix = LANGUAGES[language]
    for item in published_news():
        page = f"{prefix}news/{item['date'][:4]}/{item['id']}/index.html"
        html = site.html(page)
        assert html.h1.get_text(strip=True) == item["title"][language]
        assert html.select_one("p.portal-lead").get_text() == item["summary"][language]
        meta = {tag.get("property") or tag.get("name"): tag["content"] for tag in html.select("head meta[content]")}
        assert meta["og:title"] == item["title"][language]
        assert meta["og:description"] == item["summary"][language] == meta["twitter:description"]
        assert meta["og:type"] == "article" and meta["article:published_time"] == item["date"]
        assert meta["og:locale"] == {"vi": "vi_VN", "en": "en_GB"}[language]
        assert meta["og:url"] == SITE_URL + page.removesuffix("index.html")
        if "image" in item:
            assert meta["og:image"] == f"{SITE_URL}assets/images/{item['image']['file']}"
            assert meta["twitter:card"] == "summary_large_image"
        assert (html.select_one(".portal-sample-notice") is not None) == bool(item.get("sample"))


def test_news_index_lists_newest_first_with_links_by_year_and_category(site):
    html = site.html("en/news/index.html")
    shown = [resolve("en/news/index.html", link["href"]) for link in html.select("ul.portal-news h2 a")]
    newest = sorted(published_news(), key=lambda item: (item["date"], item["id"]), reverse=True)
    assert shown == [f"/en/news/{item['date'][:4]}/{item['id']}/" for item in newest][:len(shown)]
    filters = {resolve("en/news/index.html", link["href"]) for link in html.select("nav.portal-news-filters a")}
    assert {f"/en/news/{item['date'][:4]}/" for item in newest} <= filters
    assert {f"/en/news/category/{item['category']}/" for item in newest} <= filters


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("small")
    result = build_site(make_trilingual(root), root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_pagination_walks_every_item_once(small_site):
    """news_per_page is 1 in the fixture: two published items make two pages, in every listing."""
    def page(relative: str) -> BeautifulSoup:
        return BeautifulSoup((small_site / relative).read_text(encoding="utf-8"), "lxml")

    for first, second in [("en/news/index.html", "en/news/page/2/index.html"), ("en/news/2020/index.html", "en/news/2020/page/2/index.html")]:
        one, two = page(first), page(second)
        assert [link.get_text() for link in one.select("ul.portal-news h2 a")] == ["Press release: fair & exhibition <2020>"]
        assert [link.get_text() for link in two.select("ul.portal-news h2 a")] == ["Street festival opens"]
        assert resolve(first, one.select_one("nav.portal-pagination a[rel=next]")["href"]) == "/" + second.removesuffix("index.html")
        assert resolve(second, two.select_one("nav.portal-pagination a[rel=prev]")["href"]) == "/" + first.removesuffix("index.html")
        assert two.select_one("nav.portal-pagination [aria-current=page]").get_text() == "2"
    assert page("zh/news/page/2/index.html").html["lang"] == "zh"
    assert not (small_site / "news/2099").exists() and not (small_site / "news/2020/mau-draft").exists()


# -- clarifications, spokespersons, publications ----------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_clarification_page_structure(site, language):
    prefix = LANGUAGES[language]
    for item in clarification_records():
        page = f"{prefix}clarifications/{item['id']}/index.html"
        html = site.html(page)
        assert [heading["id"] for heading in html.select("article h2")] == ["claim", "facts", "sources"]
        assert html.select_one("blockquote.portal-claim").get_text(strip=True) == item["claim"][language]
        assert len(html.select("ul.portal-appeared li")) == len(item["appeared"])
        facts = [paragraph.get_text() for paragraph in html.find(id="facts").find_next_siblings("p", limit=len(item["facts"]))]
        assert facts == [fact[language] for fact in item["facts"]]
        cited = {resolve(page, link["href"]) for link in html.find(id="sources").find_next("ul").select("a")}
        assert {f"/{prefix}legal/{source['legal']}/" for source in item["sources"] if "legal" in source} <= cited
        # Published in both languages on the same day: the date shown is the record's, in each format.
        day = datetime.fromisoformat(item["date"])
        shown = f"{day:%d/%m/%Y}" if language == "vi" else f"{day.day} {day:%B %Y}"
        assert html.select_one("dl.portal-facts dd").get_text(strip=True) == shown


def test_spokespersons_show_agency_and_confirmation_date(site):
    html = site.html("en/press/index.html")
    for person in records("spokespersons"):
        card = html.find(id=person["id"])
        assert person["name"] in card.get_text()
        assert resolve("en/press/index.html", card.select_one("a[href*='agencies']")["href"]) == f"/en/agencies/{person['agency']}/"
        day = datetime.fromisoformat(person["confirmed"])
        assert f"Confirmed on {day.day} {day:%B %Y}" in card.get_text()
        assert (card.select_one(".portal-sample") is not None) == bool(person.get("sample"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_publications_list_every_edition(site, language):
    prefix = LANGUAGES[language]
    page = f"{prefix}publications/index.html"
    html = site.html(page)
    for publication in records("publications"):
        card = html.find(id=publication["id"])
        editions = card.select("ul.portal-versions li")
        assert len(editions) == len(publication["versions"])
        for edition, version in zip(editions, publication["versions"]):
            if "file" in version:
                link = edition.select_one("a[download]")
                target = site.root / resolve(page, link["href"]).lstrip("/")
                assert target.is_file() and link["hreflang"] == version["language"]
                assert "kB" in edition.get_text() or "MB" in edition.get_text()
            elif "url" in version:
                assert edition.select_one("a")["href"] == version["url"]
            else:
                assert labels(language)["not_online"] in edition.get_text()
        assert (card.select_one(".portal-sample") is not None) == bool(publication.get("sample"))


def test_partner_websites_are_links_not_requests(site):
    html = site.html("en/international/index.html")
    for partner in records("partners"):
        card = html.find(id=partner["id"])
        assert card.h3.get_text(" ", strip=True).startswith(partner["name"]["en"])
        if "website" in partner:
            assert card.select_one("a[rel=external]")["href"] == partner["website"]
            assert urlsplit(partner["website"]).scheme == "https"
