"""The open data under /data/: exports parse back to the source data, CSV opens with the csv module,
every address in the DCAT catalogue exists, and unpublished news stays out."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from urllib.parse import urljoin, urlsplit

import yaml

from conftest import ROOT
from test_build import SITE_URL, published_news

FOLDERS = ["agencies", "legal", "plans", "zones", "projects", "incentives", "procedures", "highlights", "events", "news",
           "clarifications", "spokespersons", "publications", "partners", "progress"]


def source_records(folder: str) -> list[dict]:
    """The records as written in data/<folder>/, read with PyYAML (not through the code under test)."""
    records = []
    for path in sorted((ROOT / "data" / folder).glob("*.yml")):
        value = yaml.safe_load(path.read_text(encoding="utf-8"))
        records += [(item.get("id", path.stem), item) for item in (value if isinstance(value, list) else [value])]
    if folder == "news":
        published = {item["id"] for item in published_news()}
        records = [(key, item) for key, item in records if key in published]
    return [item for _, item in sorted(records, key=lambda pair: pair[0])]


def read_csv(site, relative: str) -> list[dict]:
    content = (site.root / relative).read_bytes()
    assert content.startswith(b"\xef\xbb\xbf"), relative
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_bilingual_json_equals_the_source_data(site):
    for folder in FOLDERS:
        assert json.loads((site.root / "data" / f"{folder}.json").read_text(encoding="utf-8")) == source_records(folder), folder


def test_language_json_keeps_one_side_of_every_text(site):
    plans = {plan["id"]: plan for plan in source_records("plans")}
    for code in ("vi", "en"):
        exported = {plan["id"]: plan for plan in json.loads((site.root / "data" / code / "plans.json").read_text(encoding="utf-8"))}
        assert exported.keys() == plans.keys()
        for plan_id, plan in plans.items():
            assert exported[plan_id]["title"] == plan["title"][code]
            assert exported[plan_id]["tasks"][0]["title"] == plan["tasks"][0]["title"][code]
            assert exported[plan_id]["period"] == plan["period"]


def test_unpublished_news_is_not_exported(site):
    exported = {item["id"] for item in json.loads((site.root / "data" / "news.json").read_text(encoding="utf-8"))}
    every = {yaml.safe_load(path.read_text(encoding="utf-8"))["id"] for path in (ROOT / "data" / "news").glob("*.yml")}
    assert exported == {item["id"] for item in published_news()} and exported < every


def test_csv_has_the_expected_columns_and_keeps_vietnamese(site):
    agencies = read_csv(site, "data/agencies.csv")
    # Columns in the order fields first appear; a text has one column per language.
    assert list(agencies[0]) == ["id", "name.vi", "name.en", "level", "type", "parent", "abbreviation.vi", "abbreviation.en", "locality", "notes", "website"]
    assert len(agencies) == len(source_records("agencies"))
    english = read_csv(site, "data/en/agencies.csv")
    assert list(english[0]) == ["id", "name", "level", "type", "parent", "abbreviation", "locality", "notes", "website"]
    vietnamese = {row["id"]: row for row in read_csv(site, "data/vi/agencies.csv")}
    assert vietnamese["haiphong-dic"]["name"] == "Sở Thông tin và Truyền thông thành phố Hải Phòng"
    tasks = read_csv(site, "data/en/tasks.csv")
    assert list(tasks[0]) == ["plan", "number", "parent", "level", "title", "time", "time_start", "time_end", "lead", "partners",
                              "budget_million_vnd", "status", "percent", "overdue", "as_of"]
    row = next(row for row in tasks if row["plan"] == "haiphong-2019" and row["number"] == "2.1")
    assert (row["parent"], row["level"], row["time_start"], row["budget_million_vnd"], row["status"]) == ("2", "2", "2019-01-01", "50", "done")
    assert row["lead"] == "haiphong-newspaper | haiphong-radio-tv | haiphong-portal"
    assert sum(len(list(_walk(plan["tasks"]))) for plan in source_records("plans")) == len(tasks)


def _walk(tasks):
    for task in tasks:
        yield task
        yield from _walk(task.get("tasks", []))


def test_catalogue_lists_every_dataset_with_addresses_that_exist(site):
    catalogue = json.loads((site.root / "data" / "data.json").read_text(encoding="utf-8"))
    assert catalogue["@type"] == "dcat:Catalog"
    names = [dataset["identifier"].rsplit("/", 1)[1] for dataset in catalogue["dataset"]]
    assert names == FOLDERS + ["tasks", "portal.sqlite"]
    for dataset in catalogue["dataset"]:
        assert dataset["title"] and dataset["description"] and dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", dataset["modified"]) and dataset["language"] == ["vi", "en"]
        assert len(dataset["distribution"]) == (1 if names[-1] in dataset["identifier"] else 6)
        for distribution in dataset["distribution"]:
            for url in (distribution["downloadURL"], distribution.get("describedBy", distribution["downloadURL"])):
                assert url.startswith(SITE_URL) and (site.root / url[len(SITE_URL):]).is_file(), url
    schema = json.loads((site.root / "data" / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads((ROOT / "data" / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))


def test_open_data_page_links_every_download_in_both_languages(site):
    for page in ("open-data/index.html", "en/open-data/index.html"):
        html = site.html(page)
        links = [link["href"] for link in html.select(".portal-open-data a")]
        assert len(links) == 16 * 7  # per dataset: bilingual JSON and CSV, JSON and CSV per language, schema
        cell = html.select_one("#dataset-plans td:last-child").get_text(" ", strip=True)
        assert ("Tiếng Việt: JSON · CSV Tiếng Anh: JSON" if page.startswith("open") else "Vietnamese: JSON · CSV English: JSON") in cell
        for href in links + [html.find("a", string=re.compile("DCAT"))["href"]]:
            assert (site.root / urlsplit(urljoin("/" + page, href)).path.lstrip("/")).is_file(), (page, href)


def test_sqlite_holds_every_dataset(site, tmp_path):
    database = tmp_path / "portal.sqlite"
    database.write_bytes((site.root / "data" / "portal.sqlite").read_bytes())
    connection = sqlite3.connect(database)
    tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == set(FOLDERS) | {"tasks"}
    for folder in FOLDERS:
        assert connection.execute(f'SELECT count(*) FROM "{folder}"').fetchone()[0] == len(source_records(folder)), folder
    plan = {plan["id"]: plan for plan in source_records("plans")}["haiphong-2019"]
    assert connection.execute('SELECT "title.vi", "title.en", "period.start" FROM plans WHERE id = ?', ("haiphong-2019",)).fetchone() == (
        plan["title"]["vi"], plan["title"]["en"], 2019)
    budget = connection.execute("SELECT budget_million_vnd FROM tasks WHERE plan = 'haiphong-2019' AND number = '1'").fetchone()[0]
    assert budget == 40
    connection.close()
