"""The open-data downloads under /data/: every data kind as JSON and CSV, bilingual and per
language, the JSON Schemas, and a DCAT catalogue (/data/data.json) that another system (the national
external-information database) can harvest.

Everything comes from the same validated `Database` the pages use: there is no second loader, and
what is not on the site (news awaiting translation or scheduled for later) is not in the exports.

- `data/<dataset>.json`: a list of records exactly as written in data/ (texts as {vi: ..., en: ...}).
- `data/<lang>/<dataset>.json`: the same with each text in that language only.
- `data/<dataset>.csv`, `data/<lang>/<dataset>.csv`: one row per record; nested fields become
  dotted columns (`contact.agency`), a text becomes one column per language (`title.vi`) or one
  column in a language file; lists of values are joined with " | "; lists of blocks are written as
  JSON in their cell. UTF-8 with a byte-order mark so spreadsheet programs keep the diacritics.
- `tasks`: the plans' tasks flattened, one row per task, with its status on the build day.
- `data/portal.sqlite`: the whole database in one SQLite file, a table per dataset with the
  bilingual CSV's columns (numbers stay numbers), for Datasette, DB Browser or any SQL client.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from . import clock
from .database import KINDS, Database, _texts, schema_dir
from .language import Language
from .progress import progress

FOLDER = "data"
SCHEMAS = "data/schemas"
CATALOGUE = "data/data.json"
DATABASE = "data/portal.sqlite"
LIST_JOIN = " | "


@dataclass(frozen=True)
class Dataset:
    name: str  # file stem: plans, tasks, agencies ...
    kind: str  # schema kind, or "task"
    records: list[dict]
    source: str  # the data folder it comes from

    @property
    def schema(self) -> str:
        return f"{self.kind}.schema.json" if self.kind != "task" else "plan.schema.json"


def datasets(db: Database) -> list[Dataset]:
    found = []
    for folder, kind in KINDS.items():
        records = db.kind(kind).values()
        if kind == "news":
            records = [record for record in records if db.published(record)]
        found.append(Dataset(folder, kind, [record.data for record in sorted(records, key=lambda record: record.id)], f"data/{folder}/"))
    found.append(Dataset("tasks", "task", _tasks(db), "data/plans/"))
    return found


def _tasks(db: Database) -> list[dict]:
    rows = []
    today = clock.today()
    for plan in db.sorted_plans():
        state = progress(db, plan, today)
        for task in plan.all_tasks:
            item = state.of(task)
            rows.append({
                "plan": plan.id, "number": task.number, "parent": task.parent.number if task.parent else None, "level": task.depth + 1,
                "title": task.data["title"], "time": task.data.get("time"),
                "time_start": task.time.start.isoformat() if task.time else None, "time_end": task.time.end.isoformat() if task.time else None,
                "lead": task.lead, "partners": task.partners, "budget_million_vnd": task.budget,
                "status": item.status if state.tracked else None,
                "percent": round(item.percent, 1) if state.tracked and item.percent is not None else None,
                "overdue": item.overdue if state.tracked else None, "as_of": today if state.tracked else None,
            })
    return rows


def generate(db: Database, languages: tuple[str, ...], default: str, site_url: str, root: Path) -> dict[str, bytes]:
    """Every file under /data/, by path relative to the site root."""
    files: dict[str, bytes] = {}
    found = datasets(db)
    for dataset in found:
        files[f"{FOLDER}/{dataset.name}.json"] = _json(dataset.records)
        files[f"{FOLDER}/{dataset.name}.csv"] = _csv(dataset.records, None)
        for language in languages:
            localised = [_localise(record, language) for record in dataset.records]
            files[f"{FOLDER}/{language}/{dataset.name}.json"] = _json(localised)
            files[f"{FOLDER}/{language}/{dataset.name}.csv"] = _csv(dataset.records, language)
    for path in sorted(schema_dir(root).glob("*.schema.json")):
        files[f"{SCHEMAS}/{path.name}"] = path.read_bytes()
    files[DATABASE] = _sqlite(found)
    files[CATALOGUE] = _json(catalogue(db, found, languages, default, site_url, root))
    return files


def catalogue(db: Database, found: list[Dataset], languages: tuple[str, ...], default: str, site_url: str, root: Path) -> dict:
    """A DCAT catalogue in the Project Open Data v1.1 form (dcat:Catalog, dataset[], distribution[].downloadURL)."""
    base = site_url.rstrip("/") + "/"
    L = Language(db, default, default)
    publisher = {"@type": "org:Organization", "name": L.tx(db.agencies[db.site["owner"]].data["name"])} if db.site.get("owner") else None
    licence = db.site.get("open_data_licence", {}).get("url")
    common = {"accessLevel": "public", "language": list(languages)}
    if publisher:
        common["publisher"] = publisher
    if licence:
        common["license"] = licence
    entries = []
    for dataset in found:
        distributions = [_distribution(base, f"{dataset.name}.json", "application/json", "JSON", L.t("open_data_bilingual")),
                         _distribution(base, f"{dataset.name}.csv", "text/csv", "CSV", L.t("open_data_bilingual"))]
        for language in languages:
            name = L.language_name(language)
            distributions += [_distribution(base, f"{language}/{dataset.name}.json", "application/json", "JSON", name),
                              _distribution(base, f"{language}/{dataset.name}.csv", "text/csv", "CSV", name)]
        for distribution in distributions:
            distribution["describedBy"] = f"{base}{SCHEMAS}/{dataset.schema}"
            distribution["describedByType"] = "application/schema+json"
        entries.append({
            "@type": "dcat:Dataset", "identifier": f"{base}{FOLDER}/{dataset.name}",
            "title": L.t(f"dataset_{dataset.name}"), "description": L.t(f"dataset_{dataset.name}_description"),
            "keyword": [L.t("open_data_keyword"), dataset.name], "modified": _modified(root, dataset.source),
            **common, "distribution": distributions,
        })
    entries.append({
        "@type": "dcat:Dataset", "identifier": f"{base}{DATABASE}",
        "title": L.t("dataset_database"), "description": L.t("dataset_database_description"),
        "keyword": [L.t("open_data_keyword"), "sqlite"], "modified": max(entry["modified"] for entry in entries),
        **common, "distribution": [{"@type": "dcat:Distribution", "downloadURL": f"{base}{DATABASE}",
                                    "mediaType": "application/vnd.sqlite3", "format": "SQLite", "title": L.t("open_data_bilingual")}],
    })
    return {
        "@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
        "@type": "dcat:Catalog",
        "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
        "title": L.t("open_data_catalogue", portal=L.tx(db.site["portal_name"])),
        "dataset": entries,
    }


def _distribution(base: str, path: str, media_type: str, format_: str, title: str) -> dict:
    return {"@type": "dcat:Distribution", "downloadURL": f"{base}{FOLDER}/{path}", "mediaType": media_type, "format": format_, "title": title}


def _modified(root: Path, source: str) -> str:
    """The day the data last changed: its last commit, or the build day outside a git checkout."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", source], cwd=root, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return clock.today()
    return result.stdout.strip() or clock.today()


def _localise(value: Any, language: str) -> Any:
    """Each bilingual text replaced by its side in `language`."""
    texts = {path for path, _ in _texts(value, ())}
    return _replace(value, (), texts, language)


def _replace(value: Any, path: tuple, texts: set, language: str) -> Any:
    if path in texts:
        return value.get(language)
    if isinstance(value, dict):
        return {key: _replace(item, path + (key,), texts, language) for key, item in value.items()}
    if isinstance(value, list):
        return [_replace(item, path + (index,), texts, language) for index, item in enumerate(value)]
    return value


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


def _csv(records: list[dict], language: str | None) -> bytes:
    rows = [dict(_flatten(record, "", language)) for record in records]
    columns: list[str] = []
    for row in rows:
        columns += [column for column in row if column not in columns]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _sqlite(found: list[Dataset]) -> bytes:
    """Every dataset as a table of the same name, columns as in its bilingual CSV."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "portal.sqlite"
        connection = sqlite3.connect(path)
        with connection:
            for dataset in found:
                rows = [dict(_flatten(record, "", None, _sql_value)) for record in dataset.records]
                columns: list[str] = []
                for row in rows:
                    columns += [column for column in row if column not in columns]
                if not columns:
                    continue
                quoted = ", ".join(_quote(column) for column in columns)
                connection.execute(f"CREATE TABLE {_quote(dataset.name)} ({quoted})")
                connection.executemany(f"INSERT INTO {_quote(dataset.name)} ({quoted}) VALUES ({', '.join('?' * len(columns))})",
                                       [[row.get(column) for column in columns] for row in rows])
        connection.close()
        return path.read_bytes()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_value(value: Any) -> Any:
    """A cell for SQLite: numbers stay numbers, true/false become 1/0, the rest text."""
    if value is None or isinstance(value, (int, float, str)):
        return int(value) if isinstance(value, bool) else value
    return str(value)


def _flatten(value: Any, prefix: str, language: str | None, cell=None) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        if value and list(_texts(value, ())) == [((), value)]:  # a bilingual text
            if language is None:
                for code, text in value.items():
                    yield f"{prefix}.{code}", text
            else:
                yield prefix, value.get(language, "")
            return
        for key, item in value.items():
            yield from _flatten(item, f"{prefix}.{key}" if prefix else key, language, cell)
    elif isinstance(value, list):
        if all(not isinstance(item, (dict, list)) for item in value):
            yield prefix, LIST_JOIN.join(_cell(item) for item in value)
        else:
            yield prefix, json.dumps(_localise(value, language) if language else value, ensure_ascii=False)
    else:
        yield prefix, (cell or _cell)(value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
