"""Which files the build generates from data, per language, and the data file each comes from.

- one front-matter-only Markdown page per record (`record_content.py` renders its body);
- the news listings: by page (`news/page/<n>/`), by year (`news/<year>/`), by category
  (`news/category/<category>/`), each paginated;
- `events.ics` (calendar.py) and `feed.xml` (feed.py) for each language;
- the open-data downloads under `data/` at the site root, shared by all languages (opendata.py);
- `robots.txt`, pointing crawlers at the sitemap;
- for a plan whose progress is tracked, the compiled report on each reporting day
  (`plans/<id>/report/<day>/`), with its Word and CSV files beside it (report.py).

A page's `source` is what its edit link opens: the YAML file of a record, or the data folder of a
listing.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from . import calendar, feed, opendata, parallel, report
from .database import UNAPPROVED, Database
from .language import ROUTES, Language

# kind -> folder under each language that holds its generated pages
RECORD_FOLDERS = {"plan": "plans", "agency": "agencies", "legal": "legal", "project": "invest/projects", "zone": "invest/zones",
                  "event": "events", "clarification": "clarifications"}


@dataclass(frozen=True)
class Generated:
    content: bytes
    source: str  # the file or folder an editor changes


def record_pages(db: Database, language: str) -> dict[str, tuple[str, object]]:
    """Path of each record's page in `language` (under docs/) -> its kind and record."""
    found = {f"{language}/{folder}/{record_id}.md": (kind, record)
             for kind, folder in RECORD_FOLDERS.items() for record_id, record in db.kind(kind).items()}
    found.update({f"{language}/{ROUTES['news'].format(year=record.data['date'][:4], id=record.id).rstrip('/')}.md": ("news", record)
                  for record in db.news()})
    return found


# From this many records on, the open-data downloads are made by a second process while this one
# generates the pages (parallel.in_background). Measured at 2,024 records: 0.3 to 0.6 s saved. The
# threshold itself is a judgement, not a measurement: on a small site (Hải Phòng: about 200 records)
# the downloads take about 0.15 s, and forking for them made `mkdocs serve`'s rebuilds slower, not
# faster (five alternating pairs of six edits on 2026-12-03: median 2.74 s forked, 2.30 s not).
BACKGROUND_RECORDS = 1000


def generate(db: Database, languages: tuple[str, ...], default: str, site_url: str) -> dict[str, Generated]:
    pages: dict[str, Generated] = {}
    downloads = parallel.in_background(lambda: opendata.generate(db, languages, default, site_url, db.root),
                                       db.record_count() >= BACKGROUND_RECORDS)
    for language in languages:
        for relative, (kind, record) in record_pages(db, language).items():
            pages[relative] = _page(_record_meta(kind, record, language, default), record.file)
        pages.update(_news_listings(db, language))
        speaker = Language(db, language, default)
        pages[f"{language}/{ROUTES['calendar']}"] = Generated(calendar.build(db, speaker, site_url), "data/events/")
        pages[f"{language}/{ROUTES['feed']}"] = Generated(feed.build(db, speaker, site_url), "data/news/")
        pages.update(_reports(db, speaker))
    for relative, content in downloads().items():
        pages[relative] = Generated(content, "data/")
    pages["robots.txt"] = Generated(f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n".encode(), "mkdocs.yml")
    return pages


def _reports(db: Database, speaker: Language) -> dict[str, Generated]:
    pages = {}
    source = "data/progress/"
    for plan in db.sorted_plans():
        for day in db.report_dates(plan.id):
            compiled = report.build(db, speaker, plan, day)
            folder = f"{speaker.code}/{ROUTES['report'].format(id=plan.id, day=day)}"
            meta = {"title": compiled.title, "description": compiled.subtitle, "portal_report": {"plan": plan.id, "day": day}}
            if compiled.sample:
                meta["portal_sample"] = True
            pages[folder + "index.md"] = _page(meta, source)
            pages[folder + compiled.file_name("docx")] = Generated(report.to_docx(compiled), source)
            pages[folder + compiled.file_name("csv")] = Generated(report.to_csv(compiled), source)
    return pages


def _record_meta(kind: str, record, language: str, default: str) -> dict:
    data = record.data
    meta = {"title": _title(kind, data, language, default), "portal_record": kind, "portal_id": record.id}
    summary = data.get("summary") if kind == "news" else data.get("claim") if kind == "clarification" else None
    if summary:
        meta["description"] = _side(summary, language, default)
    if data.get("image"):
        meta["portal_image"] = data["image"]["file"]
    if kind in ("news", "clarification"):
        meta["portal_date"] = data["date"]
    if data.get("sample"):
        meta["portal_sample"] = True
    if data.get("awaiting_translation"):
        meta["portal_awaiting"] = data["awaiting_translation"]
    if data.get("state") in UNAPPROVED:  # only in a preview: a build leaves such records out
        meta["portal_state"] = data["state"]
    return meta


def _title(kind: str, data: dict, language: str, default: str) -> str:
    if kind in ("agency", "zone"):
        return _side(data["name"], language, default)
    if kind == "legal":
        return data.get("number") or _side(data["title"], language, default)
    return _side(data["title"], language, default)


def _side(text: dict, language: str, default: str) -> str:
    """A text in `language`, or in the default language while the record awaits translation."""
    return text.get(language) or text[default]


def _news_listings(db: Database, language: str) -> dict[str, Generated]:
    """news/page/2/ ..., news/<year>/ (+ page/2/ ...), news/category/<c>/ (+ page/2/ ...). Page 1 of
    the whole list is the hand-written docs/<lang>/news/index.md."""
    strings = db.ui["strings"]
    pages = {}
    selections = [({}, "news/", strings["news"][language])]
    selections += [({"year": year}, f"news/{year}/", strings["news_year"][language].format(year=year)) for year in db.news_years()]
    selections += [({"category": category}, f"news/category/{category}/", strings["news_category_" + category.replace("-", "_")][language])
                   for category in db.news_categories()]
    for selection, folder, title in selections:
        for number in range(1, db.news_page_count(**selection) + 1):
            if number == 1 and not selection:
                continue  # docs/<lang>/news/index.md
            path = folder + (f"page/{number}/" if number > 1 else "")
            page_title = title if number == 1 else strings["page_title"][language].format(title=title, page=number)
            # listings repeat the articles: kept out of search (Material's front-matter switch)
            meta = {"title": page_title, "portal_list": "news", "portal_news": {**selection, "page": number}, "search": {"exclude": True}}
            pages[f"{language}/{path}index.md"] = _page(meta, "data/news/")
    return pages


# libyaml's writer where PyYAML was built with it (as pip's wheels are): the same output, several times faster.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _page(meta: dict, source: str) -> Generated:
    front = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
    return Generated(f"---\n{front}---\n".encode(), source)
