"""The locality's face in the built site: home page, profile, investment, visiting, events and the
calendar files. Expected values are read straight from the YAML, not through the code under test."""

from __future__ import annotations

from datetime import date, datetime, timezone
from urllib.parse import urlsplit

import pytest
import yaml
from icalendar import Calendar

from conftest import BUILD_EPOCH, ROOT
from test_build import SITE_URL, resolve

LANGUAGES = {"vi": "", "en": "en/"}


def records(folder: str) -> list[dict]:
    found = []
    for path in sorted((ROOT / "data" / folder).glob("*.yml")):
        value = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += value if isinstance(value, list) else [value]
    return found


def labels(language: str) -> dict[str, str]:
    strings = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))["strings"]
    return {key: value[language] for key, value in strings.items()}


def grouped(number: float, language: str) -> str:
    """1234567 -> '1.234.567' (vi) or '1,234,567' (en)."""
    text = f"{number:,}"
    return text.replace(",", ".") if language == "vi" else text


# -- the calendar files ---------------------------------------------------------------------------

def calendar(site, language: str) -> tuple[bytes, dict]:
    raw = (site.root / LANGUAGES[language] / "events.ics").read_bytes()
    parsed = Calendar.from_ical(raw)
    return raw, {str(event["UID"]): event for event in parsed.walk("VEVENT")}


def test_calendar_holds_every_event_with_a_month_or_a_day(site):
    dated = {event["id"] for event in records("events") if len(event["start"]) >= 7}
    undated = {event["id"] for event in records("events") if len(event["start"]) == 4}
    assert dated and undated
    for language in LANGUAGES:
        _, events = calendar(site, language)
        assert set(events) == {f"{event_id}@127.0.0.1" for event_id in dated}
        stamp = datetime.fromtimestamp(BUILD_EPOCH, timezone.utc)
        assert all(event.decoded("dtstamp") == stamp for event in events.values())


def test_calendar_dates_status_and_links(site):
    for event in records("events"):
        if len(event["start"]) < 7:
            continue
        for language, prefix in LANGUAGES.items():
            parsed = calendar(site, language)[1][f"{event['id']}@127.0.0.1"]
            title = event["title"][language]
            if event.get("sample"):
                title = f"[{labels(language)['sample']}] {title}"
            assert str(parsed["SUMMARY"]) == title
            assert str(parsed["LOCATION"]) == event["place"][language]
            assert str(parsed["URL"]) == f"{SITE_URL}{prefix}events/{event['id']}/"
            if len(event["start"]) == 7:  # only the month is known: the whole month, tentative
                first = date.fromisoformat(event["start"] + "-01")
                assert parsed.decoded("dtstart") == first
                assert parsed.decoded("dtend") == date(first.year + first.month // 12, first.month % 12 + 1, 1)
                assert str(parsed["STATUS"]) == "TENTATIVE"
            else:
                last = date.fromisoformat(event.get("end", event["start"]))
                assert parsed.decoded("dtstart") == date.fromisoformat(event["start"])
                assert (parsed.decoded("dtend") - last).days == 1  # DTEND is exclusive
                assert str(parsed["STATUS"]) == "CONFIRMED"


def test_calendar_text_is_escaped_folded_and_crlf(site):
    for language in LANGUAGES:
        raw, _ = calendar(site, language)
        assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
        assert b"\n" not in raw.replace(b"\r\n", b"")
        assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
        unfolded = raw.replace(b"\r\n ", b"").decode("utf-8")
        assert "VERSION:2.0" in unfolded and "PRODID:" in unfolded
    # The sample fair's title has a comma and a semicolon; RFC 5545 wants them backslash-escaped.
    fair = next(event for event in records("events") if "," in event["title"]["en"] and ";" in event["title"]["en"])
    unfolded = calendar(site, "en")[0].replace(b"\r\n ", b"").decode("utf-8")
    escaped = fair["title"]["en"].replace(",", "\\,").replace(";", "\\;")
    assert f"SUMMARY:[Sample] {escaped}\r\n" in unfolded


def test_calendar_uid_is_the_same_in_both_languages(site):
    assert set(calendar(site, "vi")[1]) == set(calendar(site, "en")[1])


# -- projects, zones, procedures -------------------------------------------------------------------

def facts(html) -> dict[str, str]:
    return {row.dt.get_text(strip=True): row.dd.get_text(" ", strip=True) for row in html.select("dl.portal-facts > div")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_project_page_shows_its_fields(site, language):
    words = labels(language)
    for project in records("projects"):
        html = site.html(f"{LANGUAGES[language]}invest/projects/{project['id']}/index.html")
        shown = facts(html)
        assert html.h1.get_text(strip=True) == project["title"][language]
        assert shown[words["sector"]] == words["sector_" + project["sector"].replace("-", "_")]
        assert shown[words["project_status"]] == words["project_status_" + project["status"].replace("-", "_")]
        assert shown[words["investment_form"]] == words["investment_form_" + project["form"].replace("-", "_")]
        assert shown[words["site_location"]] == project["location"][language]
        assert shown[words["scale"]] == project["scale"][language]
        assert shown[words["capital"]] == f"{grouped(project['capital']['amount'], language)} {project['capital']['currency']}"
        contact = html.select_one(".portal-contact__name a")
        assert resolve(f"invest/projects/{project['id']}/index.html", contact["href"]).endswith(f"/agencies/{project['contact']['agency']}/")
        if "zone" in project:
            zone_link = html.select_one("dl.portal-facts a[href*='zones']")
            assert zone_link["href"].rstrip("/").endswith(project["zone"])


def test_sample_records_are_labelled_on_their_pages_and_in_lists(site):
    for folder, route in (("projects", "invest/projects"), ("zones", "invest/zones"), ("events", "events")):
        for record in records(folder):
            for language, prefix in LANGUAGES.items():
                html = site.html(f"{prefix}{route}/{record['id']}/index.html")
                notice = html.select_one(".portal-sample-notice")
                if record.get("sample"):
                    assert notice is not None and labels(language)["sample_notice"] in notice.get_text(), record["id"]
                else:
                    assert notice is None, record["id"]
                listing = site.html(f"{prefix}{route}/index.html")
                card = listing.find(id=record["id"]).find_parent(class_="portal-card")
                assert (card.select_one(".portal-sample") is not None) == bool(record.get("sample")), record["id"]
    assert any(project.get("sample") for project in records("projects"))


def test_project_directory_filters_by_sector_and_status(site):
    projects = records("projects")
    html = site.html("en/invest/projects/index.html")
    form = html.select_one("form[data-portal-filter]")
    assert not form.has_attr("hidden")  # laid out from the first paint when scripts run (nothing shifts)...
    css = (site.root / "assets" / "portal.css").read_text(encoding="utf-8")
    assert "html:not(.portal-js) .md-typeset .portal-filter { display: none; }" in css  # ...and left out without them
    assert '<script>document.documentElement.classList.add("portal-js")</script>' in str(html.head)
    options = {select["name"]: [option["value"] for option in select.select("option")] for select in form.select("select")}
    assert sorted(options["sector"][1:]) == sorted({project["sector"] for project in projects})
    assert set(options["status"][1:]) == {project["status"] for project in projects}
    cards = {card.h2["id"]: card for card in html.select("[data-portal-items] > li")}
    assert set(cards) == {project["id"] for project in projects}
    for project in projects:
        assert cards[project["id"]]["data-sector"] == project["sector"]
        assert cards[project["id"]]["data-status"] == project["status"]
    scripts = [script["src"] for script in html.select("script[src]") if "portal-filter" in script["src"]]
    assert len(scripts) == 1 and not urlsplit(scripts[0]).netloc


def test_location_diagram_draws_every_positioned_zone_and_project(site):
    positioned = [zone for zone in records("zones") if "position" in zone] + [project for project in records("projects") if "position" in project]
    for language, prefix in LANGUAGES.items():
        svg = site.html(f"{prefix}invest/zones/index.html").select_one("figure.portal-figure svg")
        assert svg["role"] == "group" and svg.title.get_text() and svg.desc.get_text()  # "group": its markers are links (axe: nested-interactive)
        markers = svg.select("g.portal-marker--zone, g.portal-marker--project")
        assert len(markers) == len(positioned)
        assert {marker.title.get_text() for marker in markers} == {(item.get("name") or item["title"])[language] for item in positioned}
        assert len(svg.select("g.portal-marker--landmark")) == len(yaml.safe_load((ROOT / "data" / "profile.yml").read_text(encoding="utf-8")).get("landmarks", []))


def test_procedures_link_to_official_government_pages(site):
    for language, prefix in LANGUAGES.items():
        html = site.html(f"{prefix}invest/procedures/index.html")
        for procedure in records("procedures"):
            item = html.find(id=procedure["id"])
            assert item.select_one("a.portal-official")["href"] == procedure["url"]
            assert urlsplit(procedure["url"]).hostname.endswith("gov.vn")


def test_incentives_cite_their_legal_source(site):
    html = site.html("en/invest/index.html")
    for incentive in records("incentives"):
        section = html.find(id=incentive["id"])
        cited = {resolve("en/invest/index.html", link["href"]) for link in section.select(".portal-sources a")}
        assert {f"/en/legal/{source['legal']}/" for source in incentive["sources"] if "legal" in source} <= cited


# -- home, profile, visiting, events ---------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_answers_the_investor_questions(site, language):
    html = site.html(f"{LANGUAGES[language]}index.html")
    profile = yaml.safe_load((ROOT / "data" / "profile.yml").read_text(encoding="utf-8"))
    assert html.select_one("p.portal-lead").get_text() == profile["summary"][language]
    assert {"why-invest", "where-to-start", "whats-on", "contacts"} <= {heading.get("id") for heading in html.select("h2")}
    # What's on: the next events after the build date, soonest first.
    today = datetime.fromtimestamp(BUILD_EPOCH, timezone.utc).date().isoformat()
    coming = sorted((event for event in records("events") if (event.get("end") or event["start"]) >= today[:len(event.get("end") or event["start"])]),
                    key=lambda event: (event["start"], event["id"]))
    shown = [link.get_text() for link in html.find(id="whats-on").find_next("ul").select("h3 a")]
    assert shown == [event["title"][language] for event in coming[:3]]
    contacts = [link["href"] for link in html.select("#contacts ~ .portal-contacts .portal-contact__name a")]
    assert [href.rstrip("/").rsplit("/", 1)[1] for href in contacts] == [item["contact"]["agency"] for item in profile["contacts"]]


def test_profile_key_facts_in_each_language_format(site):
    profile = yaml.safe_load((ROOT / "data" / "profile.yml").read_text(encoding="utf-8"))
    for language, prefix in LANGUAGES.items():
        html = site.html(f"{prefix}profile/index.html")
        for fact in profile["key_facts"]:
            value = html.find(id=f"fact-{fact['id']}").select_one(".portal-keyfacts__value").get_text(" ", strip=True)
            number = f"{fact['value']:,}"
            expected = number.replace(",", "X").replace(".", ",").replace("X", ".") if language == "vi" else number
            assert value.startswith(expected), (value, expected)
        for section in profile["sections"]:
            assert html.find("h2", id=section["id"]).get_text(strip=True).rstrip("¶") == section["title"][language]


def test_pictures_have_alt_text_in_each_language_and_exist(site):
    pictured = [item for item in records("highlights") if "image" in item]
    assert pictured
    for language, prefix in LANGUAGES.items():
        html = site.html(f"{prefix}visit/index.html")
        for item in pictured:
            image = html.find(id=item["id"]).select_one("img")
            assert image["alt"] == item["image"]["alt"][language]
            assert resolve(f"{prefix}visit/index.html", image["src"]) == f"/assets/images/{item['image']['file']}"
            assert (site.root / "assets" / "images" / item["image"]["file"]).is_file()
            assert image["loading"] == "lazy"


def test_events_page_splits_coming_and_past_at_the_build_date(site):
    html = site.html("en/events/index.html")
    def ids(anchor: str) -> list[str]:
        return [resolve("en/events/index.html", link["href"]).split("/")[-2] for link in html.find(id=anchor).find_next("ul").select("h3 a")]

    coming, past = ids("upcoming"), ids("past")
    today = datetime.fromtimestamp(BUILD_EPOCH, timezone.utc).date().isoformat()
    for event in records("events"):
        last = event.get("end") or event["start"]
        assert event["id"] in (coming if last >= today[:len(last)] else past)
    assert resolve("en/events/index.html", html.select_one("a[download]")["href"]) == "/en/events.ics"


def test_event_page_links_to_the_plan_task_that_provides_for_it(site):
    for event in (event for event in records("events") if "plan_task" in event):
        page = f"en/events/{event['id']}/index.html"
        link = site.html(page).select_one("dl.portal-facts a[href*='#task-']")
        target = resolve(page, link["href"])
        anchor = urlsplit(link["href"]).fragment
        assert target == f"/en/plans/{event['plan_task']['plan']}/"
        assert site.html(f"en/plans/{event['plan_task']['plan']}/index.html").find(id=anchor) is not None
