"""Metadata on every page: schema.org JSON-LD of the right type in the page's language, linked to its
translations; Dublin Core terms; robots.txt pointing at the sitemap."""

from __future__ import annotations

import json

from test_build import SITE_URL

PAGES = {  # page -> expected @type
    "index.html": "WebPage",
    "agencies/haiphong-dic/index.html": "GovernmentOrganization",
    "events/red-flamboyant-festival-2019/index.html": "Event",
    "news/2025/sample-business-delegation-visit/index.html": "NewsArticle",
    "plans/haiphong-2019/index.html": "Dataset",
    "open-data/index.html": "Dataset",
    "about/index.html": "WebPage",
}


def jsonld(site, page: str) -> dict:
    blocks = site.html(page).select('script[type="application/ld+json"]')
    assert len(blocks) == 1, page
    return json.loads(blocks[0].string)


def test_every_page_has_json_ld_in_its_language(site):
    for page in site.pages():
        if page.endswith("404.html"):
            continue
        data = jsonld(site, page)
        code = "en" if page.startswith("en/") else "vi"
        assert data["inLanguage"] == code and data["@context"] == "https://schema.org", page
        assert data["url"] == SITE_URL + page.removesuffix("index.html"), page


def test_json_ld_types_and_translations(site):
    for page, kind in PAGES.items():
        vietnamese, english = jsonld(site, page), jsonld(site, "en/" + page)
        assert vietnamese["@type"] == english["@type"] == kind, page
        assert vietnamese["workTranslation"] == [{"@type": kind, "@id": english["url"], "inLanguage": "en"}]
        assert english["translationOfWork"] == {"@type": kind, "@id": vietnamese["url"], "inLanguage": "vi"}
    event = jsonld(site, "en/events/red-flamboyant-festival-2019/index.html")
    assert event["startDate"] == "2019-05" and event["organizer"][0]["name"] == "Hai Phong Department of Culture and Sports"
    news = jsonld(site, "news/2025/sample-business-delegation-visit/index.html")
    assert news["datePublished"] == "2025-09-12" and news["publisher"]["@type"] == "GovernmentOrganization"
    home = jsonld(site, "en/index.html")
    assert home["about"] == {"@type": "GovernmentOrganization", "name": "Hai Phong City People's Committee",
                             "alternateName": "City People's Committee", "areaServed": "Hai Phong City"}


def test_dublin_core_terms(site):
    page = site.html("en/plans/haiphong-2019/index.html")
    terms = {meta["name"]: meta["content"] for meta in page.select('meta[name^="dcterms."]')}
    assert terms["dcterms.language"] == "en" and terms["dcterms.title"] == "Hai Phong City external-information work plan for 2019"
    assert terms["dcterms.publisher"] == "Hai Phong City People's Committee"
    assert site.html("plans/haiphong-2019/index.html").select_one('meta[name="dcterms.language"]')["content"] == "vi"


def test_robots_txt_points_at_the_sitemap(site):
    assert (site.root / "robots.txt").read_text(encoding="utf-8") == f"User-agent: *\nAllow: /\n\nSitemap: {SITE_URL}sitemap.xml\n"
    assert (site.root / "sitemap.xml").is_file()
