"""Load the whole database from data/, check it, and index it for the pages.

`load()` either returns a consistent `Database` or raises `DataErrors` listing every problem it
found, each with file, line and field. Nothing downstream has to re-check anything.

Layout (one folder per kind; a file holds one record or a list of records):
    data/site.yml         the locality's identity          site.schema.json
    data/ui.yml           interface strings and formats    ui.schema.json
    data/agencies/*.yml   agency registry                  agency.schema.json
    data/legal/*.yml      legal and policy documents       legal.schema.json
    data/plans/*.yml      plans and action programmes      plan.schema.json
    data/profile.yml      the locality today: facts, contacts  profile.schema.json
    data/zones/*.yml      industrial and economic zones    zone.schema.json
    data/projects/*.yml   projects calling for investment  project.schema.json
    data/incentives/*.yml investment incentives            incentive.schema.json
    data/procedures/*.yml procedures an investor meets     procedure.schema.json
    data/highlights/*.yml places, dishes, crafts to visit  highlight.schema.json
    data/events/*.yml     festivals, fairs, conferences    event.schema.json
    data/news/*.yml       news, press releases, statements news.schema.json
    data/clarifications/*.yml  false claims and the facts   clarification.schema.json
    data/spokespersons/*.yml   spokespersons, press contacts spokesperson.schema.json
    data/publications/*.yml    brochures, overviews, videos  publication.schema.json
    data/partners/*.yml   sister cities, organisations     partner.schema.json
    data/progress/*.yml   dated progress updates on a plan progress.schema.json (record id: the file name)
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from babel import Locale, UnknownLocaleError

from . import clock, timeframe, yamlfile
from .errors import DataError, DataErrors, relative
from .paths import describe
from .schemas import SchemaSet

# folder -> schema kind, in load order (later kinds refer to earlier ones)
KINDS = {"agencies": "agency", "legal": "legal", "plans": "plan", "zones": "zone", "projects": "project",
         "incentives": "incentive", "procedures": "procedure", "highlights": "highlight", "events": "event",
         "news": "news", "clarifications": "clarification", "spokespersons": "spokesperson", "publications": "publication",
         "partners": "partner", "progress": "progress"}
# Where each kind names another record: (path with * for every list item, kind of the target).
REFERENCES = {
    "agency": [("parent", "agency")],
    "legal": [("issuer", "agency")],
    "zone": [("contact.agency", "agency"), ("sources.*.legal", "legal")],
    "project": [("contact.agency", "agency"), ("zone", "zone"), ("documents.*.legal", "legal")],
    "incentive": [("sources.*.legal", "legal")],
    "procedure": [("agency", "agency"), ("legal.*", "legal")],
    "highlight": [("sources.*.legal", "legal")],
    "event": [("organisers.*", "agency"), ("plan_task.plan", "plan")],
    "news": [("related.plans.*", "plan"), ("related.agencies.*", "agency"), ("related.events.*", "event")],
    "clarification": [("sources.*.legal", "legal"), ("legal.*", "legal"), ("agency", "agency")],
    "spokesperson": [("agency", "agency")],
    "publication": [("publisher", "agency"), ("plan_task.plan", "plan")],
    "partner": [("sources.*.legal", "legal"), ("plan_task.plan", "plan")],
    "progress": [("plan", "plan"), ("updates.*.agency", "agency")],
    "profile": [("key_facts.*.source.legal", "legal"), ("administrative_units.source.legal", "legal"),
                ("sections.*.sources.*.legal", "legal"), ("contacts.*.contact.agency", "agency")],
    "site": [("owner", "agency"), ("operator", "agency")],
}
FOLDER_OF = {kind: folder for folder, kind in KINDS.items()}
# Record kinds that may be published before they are translated (`awaiting_translation: [en]`).
AWAITABLE = {"agency", "legal", "plan", "zone", "project", "incentive", "procedure", "highlight", "event", "clarification",
             "spokesperson", "publication", "partner"}
NOUNS = {"agency": "agency", "legal": "legal document", "plan": "plan", "zone": "zone", "event": "event"}
# The kit's own data/ folder: a locality's site that has no data/ui.yml or data/schemas/ uses the
# kit's (examples/<name>/ and a new locality's starter carry only their own content).
KIT_DATA = Path(__file__).resolve().parents[2] / "data"
IMAGES = Path("docs") / "assets" / "images"  # where pictures named in data live
PUBLICATIONS = Path("docs") / "assets" / "publications"  # where publication files live
_LANGUAGE_CODE = re.compile(r"^[a-z]{2}(-[A-Za-z]{2,4})?$")


@dataclass
class Record:
    kind: str
    id: str
    data: dict
    document: yamlfile.YamlDocument
    path: tuple  # where the record sits in its file: () or (index,)
    valid: bool = True  # False: failed its schema; kept only so that references to its id resolve

    @property
    def file(self) -> str:
        return self.document.file

    def line(self, *path: Any) -> int | None:
        return self.document.line_of(self.path + tuple(path))

    def field(self, *path: Any) -> str:
        return describe(tuple(path), self.data)


@dataclass
class Task:
    plan: "Plan"
    data: dict
    parent: "Task | None"
    children: list["Task"] = field(default_factory=list)
    time: timeframe.TimeFrame | None = None

    @property
    def number(self) -> str:
        return self.data["number"]

    @property
    def depth(self) -> int:
        return 0 if self.parent is None else self.parent.depth + 1

    @property
    def budget(self) -> float | None:
        return self.data.get("budget")

    @property
    def lead(self) -> list[str]:
        return self.data.get("lead", [])

    @property
    def partners(self) -> list[str]:
        return self.data.get("partners", [])

    @property
    def anchor(self) -> str:
        return "task-" + self.number.replace(".", "-")

    def walk(self) -> Iterator["Task"]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Plan:
    record: Record
    tasks: list[Task] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def data(self) -> dict:
        return self.record.data

    @property
    def all_tasks(self) -> list[Task]:
        return [task for top in self.tasks for task in top.walk()]

    @property
    def budget_sum(self) -> float | None:
        budgets = [task.budget for task in self.all_tasks if task.budget is not None]
        return sum(budgets) if budgets else None

    @property
    def period(self) -> tuple[int, int]:
        return self.data["period"]["start"], self.data["period"]["end"]

    @property
    def sort_key(self) -> tuple:
        return (-self.period[1], self.data.get("date") or "", self.id)


@dataclass(frozen=True)
class Update:
    """One progress report on one task (an item of a data/progress/ file's `updates`)."""
    task: str
    date: str
    agency: str
    status: str
    percent: float | None
    note: dict
    record: Record  # the progress file it comes from
    index: int  # its position in that file's `updates`

    @property
    def sample(self) -> bool:
        return bool(self.record.data.get("sample"))


@dataclass(frozen=True)
class Citations:
    legal: Record
    plans: list[tuple[Plan, str]]  # (plan, 'basis' or 'reference')

    @property
    def shared(self) -> bool:
        return len(self.plans) > 1


@dataclass
class Database:
    root: Path
    languages: tuple[str, ...]
    site: dict
    ui: dict
    agencies: dict[str, Record]
    legal: dict[str, Record]
    plans: dict[str, Plan]
    profile: dict
    collections: dict[str, dict[str, Record]]  # every other kind of KINDS, by kind then id
    # Records kept off the site: restricted ones (`access:`), and drafts or records in review outside
    # a preview. Kept only so that the output guard (guard.py) can check that none of it leaked.
    withheld: list[Record] = field(default_factory=list)
    changelog: list[dict] = field(default_factory=list)  # data/changelog.yml, newest first (optional)

    def kind(self, kind: str) -> dict[str, Record]:
        """Every record of a kind, by id (plans as their records)."""
        if kind == "plan":
            return {key: plan.record for key, plan in self.plans.items()}
        if kind == "agency":
            return self.agencies
        if kind == "legal":
            return self.legal
        return self.collections[kind]

    def record_count(self) -> int:
        """How many records the database holds, of every kind (a measure of the build's size)."""
        return len(self.agencies) + len(self.legal) + len(self.plans) + sum(len(records) for records in self.collections.values())

    def updates(self, plan_id: str) -> list[Update]:
        """Every progress update on a plan, from all its progress files, oldest first (same day: file order)."""
        return self._updates.get(plan_id, [])

    @cached_property
    def _updates(self) -> dict[str, list[Update]]:
        found: dict[str, list[Update]] = {}
        for record in sorted(self.collections["progress"].values(), key=lambda record: record.id):
            found.setdefault(record.data["plan"], []).extend(
                Update(item["task"], item["date"], item["agency"], item["status"], item.get("percent"), item["note"], record, index)
                for index, item in enumerate(record.data["updates"]))
        return {plan_id: sorted(updates, key=lambda update: update.date) for plan_id, updates in found.items()}

    def report_dates(self, plan_id: str) -> list[str]:
        """The days a compiled report is published for: the plan's reporting deadlines and the dates its
        progress files list, for a plan whose progress is tracked, up to today."""
        records = [record for record in self.collections["progress"].values() if record.data["plan"] == plan_id]
        if not records:
            return []
        dates = {report["deadline"] for report in self.plans[plan_id].data.get("reporting", []) if "deadline" in report}
        dates |= {day for record in records for day in record.data.get("reports", [])}
        return sorted(day for day in dates if day <= clock.today())

    def sample_count(self) -> int:
        return sum(1 for records in self.collections.values() for record in records.values() if record.data.get("sample"))

    # -- the locality's face -------------------------------------------------------------------
    def zones(self) -> list[Record]:
        return sorted(self.collections["zone"].values(), key=lambda record: (record.data.get("sample", False), record.id))

    def projects(self) -> list[Record]:
        order = ("calling", "preparing", "investor-selected", "closed")
        return sorted(self.collections["project"].values(), key=lambda record: (order.index(record.data["status"]), record.id))

    def projects_in_zone(self, zone_id: str) -> list[Record]:
        return [record for record in self.projects() if record.data.get("zone") == zone_id]

    def incentives(self) -> list[Record]:
        return sorted(self.collections["incentive"].values(), key=lambda record: record.id)

    def procedures(self) -> list[Record]:
        return sorted(self.collections["procedure"].values(), key=lambda record: (record.data.get("order", 999), record.id))

    def highlights(self, category: str | None = None) -> list[Record]:
        return [record for record in sorted(self.collections["highlight"].values(), key=lambda record: record.id)
                if category is None or record.data["category"] == category]

    def events(self) -> list[Record]:
        """Newest first."""
        return sorted(self.collections["event"].values(), key=lambda record: (record.data["start"], record.id), reverse=True)

    # -- the press room ---------------------------------------------------------------------------
    def published(self, record: Record) -> bool:
        """False for a news item awaiting translation, or scheduled for a later day than the build's."""
        status = record.data.get("status", "published")
        if status == "awaiting-translation":
            return False
        return status != "scheduled" or record.data["date"] <= clock.today()

    def news(self, year: int | None = None, category: str | None = None) -> list[Record]:
        """Published news, newest first."""
        items = [record for record in self.collections["news"].values() if self.published(record)
                 and (year is None or record.data["date"].startswith(str(year)))
                 and (category is None or record.data["category"] == category)]
        return sorted(items, key=lambda record: (record.data["date"], record.id), reverse=True)

    @property
    def news_per_page(self) -> int:
        return self.site.get("news_per_page", 10)

    def news_page_count(self, year: int | None = None, category: str | None = None) -> int:
        return max(1, -(-len(self.news(year, category)) // self.news_per_page))

    def news_years(self) -> list[int]:
        return sorted({int(record.data["date"][:4]) for record in self.news()}, reverse=True)

    def news_categories(self) -> list[str]:
        order = ("press-release", "statement", "news")
        return [category for category in order if self.news(category=category)]

    def publication_size(self, file: str) -> int:
        return (self.root / PUBLICATIONS / file).stat().st_size

    def clarifications(self) -> list[Record]:
        return sorted(self.collections["clarification"].values(), key=lambda record: (record.data["date"], record.id), reverse=True)

    def spokespersons(self) -> list[Record]:
        return sorted(self.collections["spokesperson"].values(), key=lambda record: (record.data["role"] != "spokesperson", record.id))

    def publications(self) -> list[Record]:
        return sorted(self.collections["publication"].values(), key=lambda record: (-record.data["year"], record.id))

    def partners(self, kind: str | None = None) -> list[Record]:
        return [record for record in sorted(self.collections["partner"].values(), key=lambda record: (record.data.get("since", 9999), record.id))
                if kind is None or record.data["type"] == kind]

    def events_split(self) -> tuple[list[Record], list[Record]]:
        """(coming or running, soonest first; past, newest first) on the build's day. An event known
        only by its month or year counts as coming until that month or year is over."""
        today = clock.today()

        def running(record: Record) -> bool:
            last = record.data.get("end") or record.data["start"]
            return last >= today[:len(last)]
        events = self.events()
        return [record for record in reversed(events) if running(record)], [record for record in events if not running(record)]

    # -- indexes used by the agency and legal pages ----------------------------------------
    def tasks_of_agency(self, agency_id: str) -> list[tuple[Task, str]]:
        """(task, 'lead' or 'partner') for every task that names the agency, in plan order."""
        return self._tasks_by_agency.get(agency_id, [])

    @cached_property
    def _tasks_by_agency(self) -> dict[str, list[tuple[Task, str]]]:
        """Worked out once for all agency pages (each would otherwise walk every task of every plan)."""
        found: dict[str, list[tuple[Task, str]]] = {}
        for plan in self.sorted_plans():
            for task in plan.all_tasks:
                for agency_id in dict.fromkeys([*task.lead, *task.partners]):
                    found.setdefault(agency_id, []).append((task, "lead" if agency_id in task.lead else "partner"))
        return found

    def duties_of_agency(self, agency_id: str) -> list[tuple[Plan, dict]]:
        return [(plan, duty) for plan in self.sorted_plans() for duty in plan.data.get("duties", []) if agency_id in duty["agencies"]]

    def plans_citing(self, legal_id: str) -> list[tuple[Plan, str]]:
        """(plan, 'basis' or 'reference') for every plan that cites the document."""
        found = []
        for plan in self.sorted_plans():
            if legal_id in plan.data.get("legal_basis", []):
                found.append((plan, "basis"))
            elif legal_id in plan.data.get("references", []) or any(legal_id in task.data.get("legal", []) for task in plan.all_tasks):
                found.append((plan, "reference"))
        return found

    def legal_citations(self) -> list["Citations"]:
        """Every legal document some plan cites, with the plans, the most widely shared first."""
        found = [Citations(record, self.plans_citing(record.id)) for record in self.sorted_legal()]
        found = [item for item in found if item.plans]
        return sorted(found, key=lambda item: (-len(item.plans), -sum(how == "basis" for _, how in item.plans)))

    def documents_issued_by(self, agency_id: str) -> list[Record]:
        return [record for record in self.sorted_legal() if record.data["issuer"] == agency_id]

    def plans_issued_by(self, agency_id: str) -> list[Plan]:
        return [plan for plan in self.sorted_plans() if plan.data["issuer"] == agency_id]

    def sorted_plans(self) -> list[Plan]:
        return sorted(self.plans.values(), key=lambda plan: plan.sort_key)

    def sorted_legal(self) -> list[Record]:
        return sorted(self.legal.values(), key=lambda record: (record.data.get("date") or "0000", record.id), reverse=True)

    def agencies_by_level(self) -> list[tuple[str, list[Record]]]:
        """Agencies grouped national first, then by locality level, each group by locality and id."""
        groups: dict[str, list[Record]] = {level: [] for level in ("national", "city", "province", "district", "commune", "international")}
        for record in sorted(self.agencies.values(), key=lambda record: (record.data.get("locality", ""), record.id)):
            groups[record.data["level"]].append(record)
        return [(level, records) for level, records in groups.items() if records]


def load(root: Path, languages: tuple[str, ...], preview: bool = False) -> Database:
    """Load and check everything under `root` (the repository folder that holds data/). A preview
    (`mkdocs serve`) keeps drafts and records in review; the published site never has them."""
    return _Loader(root, languages, preview).load()


def schema_dir(root: Path) -> Path:
    """The JSON Schemas a site's data is checked against: its own data/schemas/, or the kit's."""
    own = root / "data" / "schemas"
    return own if own.is_dir() else KIT_DATA / "schemas"


UNAPPROVED = ("draft", "review")  # editorial states shown only in the preview (`mkdocs serve`)


def withholding(record: Record, preview: bool) -> str:
    """Why a record stays off the site, in words for an error message; "" when it is published."""
    data = record.data if isinstance(record.data, dict) else {}
    if data.get("access"):
        return f"is marked `access: {data['access']}` and is never published"
    if data.get("state") in UNAPPROVED and not preview:
        return f"is not approved for publication yet (`state: {data['state']}`)"
    return ""


class _Loader:
    def __init__(self, root: Path, languages: tuple[str, ...], preview: bool = False):
        self.root = root
        self.preview = preview
        self.data_dir = root / "data"
        self.languages = languages
        self.schemas = SchemaSet(schema_dir(root))
        self.errors: list[DataError] = []
        self.unreadable: set[str] = set()  # folders with a file that is not valid YAML
        self.broken_plans: set[str] = set()  # plans with errors of their own: progress on them is checked once they are fixed

    def error(self, record_or_file: Record | str, path: tuple, message: str, line: int | None = None) -> None:
        if isinstance(record_or_file, Record):
            record = record_or_file
            self.errors.append(DataError(record.file, line or record.line(*path), record.field(*path), message))
        else:
            self.errors.append(DataError(record_or_file, line, describe(path), message))

    # -- reading ----------------------------------------------------------------------------
    def load(self) -> Database:
        site = self._single("site")
        ui = self._single("ui")
        profile = self._single("profile")
        changelog = self._single("changelog") if (self.data_dir / "changelog.yml").exists() else None
        records = {KINDS[folder]: self._folder(folder, kind) for folder, kind in KINDS.items()}
        if ui is not None:
            self._check_ui(ui)
        plans = {record.id: Plan(record) for record in records["plan"].values() if record.valid}
        for plan in plans.values():
            before = len(self.errors)
            self._check_plan(plan, records["agency"], records["legal"])
            if len(self.errors) > before:
                self.broken_plans.add(plan.id)
        for kind, registry in records.items():
            for record in registry.values():
                if record.valid:
                    self._references(record, records)
        for record in (site, profile):
            if record is not None:
                self._references(record, records)
        self.plans = plans
        checks = {"event": self._check_event, "news": self._check_news, "publication": self._check_publication,
                  "progress": self._check_progress}
        for record in [profile, *(record for registry in records.values() for record in registry.values())]:
            if record is None or not record.valid:
                continue
            if record.kind in checks:
                checks[record.kind](record)
            if "plan_task" in record.data:
                self._plan_task(record, plans)
            self._images(record, record.data, ())
        if self.errors:
            raise DataErrors(self.errors)
        withheld = [record for registry in records.values() for record in registry.values() if withholding(record, self.preview)]
        hidden = {(record.kind, record.id) for record in withheld}
        records = {kind: {key: record for key, record in registry.items() if (kind, key) not in hidden} for kind, registry in records.items()}
        plans = {key: plan for key, plan in plans.items() if ("plan", key) not in hidden}
        return Database(self.root, self.languages, site.data, ui.data, records["agency"], records["legal"], plans,
                        profile.data, {kind: records[kind] for kind in KINDS.values() if kind not in ("agency", "legal", "plan")},
                        withheld, sorted(changelog.data["entries"], key=lambda entry: entry["date"], reverse=True) if changelog else [])

    def _read(self, path: Path) -> yamlfile.YamlDocument | None:
        document, errors = yamlfile.load(path, relative(path, self.root))
        self.errors.extend(errors)
        return document

    def _single(self, kind: str) -> Record | None:
        path = self.data_dir / f"{kind}.yml"
        if kind == "ui" and not path.exists():
            path = KIT_DATA / "ui.yml"
        if not path.exists():
            self.error(relative(path, self.root), (), f"is missing; the portal needs it (see data/schemas/{kind}.schema.json)")
            return None
        document = self._read(path)
        if document is None:
            return None
        record = Record(kind, kind, document.value, document, ())
        if self._valid(record):
            self._languages(record)
            if kind != "ui":  # ui.yml's `date` is a date pattern, not a date
                self._dates(record, record.data, ())
            return record
        return None

    def _folder(self, folder: str, kind: str) -> dict[str, Record]:
        found: dict[str, Record] = {}
        for path in sorted((self.data_dir / folder).glob("*.y*ml")):
            document = self._read(path)
            if document is None:
                self.unreadable.add(folder)
                continue
            items = document.value if isinstance(document.value, list) else [document.value]
            for index, data in enumerate(items):
                key = path.stem if kind == "progress" else data.get("id", "") if isinstance(data, dict) else ""
                record = Record(kind, key, data, document,
                                (index,) if isinstance(document.value, list) else ())
                if not self._valid(record):
                    # Still known by its id, so that records naming it are not reported too.
                    if isinstance(record.id, str) and record.id and record.id not in found:
                        record.valid = False
                        found[record.id] = record
                    continue
                self._languages(record)
                self._dates(record, record.data, ())
                if record.id in found:
                    first = found[record.id]
                    self.error(record, ("id",), f"'{record.id}' is already used by {first.file}:{first.line('id')}; every {kind} needs its own id")
                    continue
                found[record.id] = record
        return found

    def _valid(self, record: Record) -> bool:
        if not isinstance(record.data, dict):
            self.error(record, (), "should be a block of fields (key: value lines)")
            return False
        problems = self.schemas.check(record.kind, record.data)
        for problem in problems:
            self.error(record, problem.path, problem.message)
        return not problems

    # -- checks -----------------------------------------------------------------------------
    def _languages(self, record: Record) -> None:
        """Every text must exist in every configured language (a news item awaiting translation: in the
        default language; it stays off the site until the others are written)."""
        required = self.languages
        data = record.data if isinstance(record.data, dict) else {}
        if record.kind == "news" and data.get("status") == "awaiting-translation":
            required = self.languages[:1]
        awaiting = data.get("awaiting_translation") or []
        for language in awaiting:
            if language == self.languages[0] or language not in self.languages:
                self.error(record, ("awaiting_translation",), f"lists '{language}'; list only languages of this site other than "
                           f"the default ({', '.join(self.languages[1:])}): the {_language_name(self.languages[0])} text is the original")
        required = tuple(language for language in required if language not in awaiting)
        for path, text in _texts(record.data, ()):
            for language in required:
                if language not in text:
                    hint = ("; write it, or add `status: awaiting-translation` to hold the item back until it is translated" if record.kind == "news"
                            else f"; write it, or add `awaiting_translation: [{language}]` to publish the record with its "
                                 f"{_language_name(self.languages[0])} text and a notice until it is translated"
                            if record.kind in AWAITABLE else "")
                    self.error(record, path, f"the {_language_name(language)} text ({language}) is missing{hint}")
            for language in text:
                if language not in self.languages and record.kind != "ui":  # ui.yml holds every language the kit knows
                    self.error(record, path + (language,), f"is a text in '{language}', which is not a language of this site ({', '.join(self.languages)})")

    def _dates(self, record: Record, value: Any, path: tuple) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in DATE_FIELDS and isinstance(item, str) and not _real_date(item):
                    self.error(record, path + (key,), f"'{item}' is not a real date; write it as YYYY-MM-DD, e.g. \"2019-01-05\"")
                elif key in DATE_LISTS and isinstance(item, list):
                    for index, day in enumerate(item):
                        if isinstance(day, str) and not _real_date(day):
                            self.error(record, path + (key, index), f"'{day}' is not a real date; write it as YYYY-MM-DD, e.g. \"2019-06-15\"")
                else:
                    self._dates(record, item, path + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self._dates(record, item, path + (index,))

    def _references(self, record: Record, records: dict[str, dict[str, Record]]) -> None:
        for pattern, kind in REFERENCES.get(record.kind, []):
            for path, target in _matches(record.data, pattern.split("."), ()):
                self._reference(record, path, target, records[kind], NOUNS[kind], FOLDER_OF[kind])

    def _check_event(self, record: Record) -> None:
        data = record.data
        start, end = data["start"], data.get("end")
        if end is not None and len(start) != 10:
            self.error(record, ("end",), f"is set, but start '{start}' is not a full date; give the first day as YYYY-MM-DD too, or remove end")
        elif end is not None and end < start:
            self.error(record, ("end",), f"'{end}' is before the start '{start}'; the last day cannot come before the first")

    def _check_news(self, record: Record) -> None:
        """A news item dated after the build's day must say it is scheduled (it is then published on that day)."""
        data, today = record.data, clock.today()
        status = data.get("status", "published")
        if data["date"] > today and status == "published":
            self.error(record, ("date",), f"'{data['date']}' is in the future (today is {today}); add `status: scheduled` to publish it on that day, or correct the date")

    def _check_publication(self, record: Record) -> None:
        for index, version in enumerate(record.data["versions"]):
            if "file" in version and not (self.root / PUBLICATIONS / version["file"]).is_file():
                self.error(record, ("versions", index, "file"), f"'{version['file']}' is not in {PUBLICATIONS.as_posix()}/; add the file there or correct the name")

    def _check_progress(self, record: Record) -> None:
        """Each update names a task of its plan that has no sub-tasks, is dated between the plan's issue
        and today, agrees with its own percent, and comes after the earlier updates on the same task."""
        plan = self.plans.get(record.data["plan"])
        if plan is None or plan.id in self.broken_plans:
            return  # reported as a reference error, or the plan's own errors come first
        today = clock.today()
        opened = plan.data.get("date") or f"{plan.period[0]}-01-01"
        tasks = {task.number: task for task in plan.all_tasks}
        last: dict[str, int] = {}
        for index, update in enumerate(record.data["updates"]):
            where = ("updates", index)
            number, day = update["task"], update["date"]
            task = tasks.get(number)
            if task is None:
                close = difflib.get_close_matches(number, list(tasks), n=3, cutoff=0.5)
                hint = f"; did you mean {' or '.join(close)}?" if close else f"; its tasks are {', '.join(tasks)}"
                self.error(record, where + ("task",), f"plan '{plan.id}' has no task {number}{hint}")
            elif task.children:
                parts = ", ".join(child.number for child in task.children)
                self.error(record, where + ("task",), f"task {number} is made of tasks {parts}; report on those, and the portal adds them up")
            if day < opened:
                self.error(record, where + ("date",), f"'{day}' is before the plan was issued ({opened}); an update reports on work done under the plan")
            elif day > today:
                self.error(record, where + ("date",), f"'{day}' is in the future (today is {today}); report progress once it has happened")
            percent, status = update.get("percent"), update["status"]
            if percent is not None and status == "done" and percent != 100:
                self.error(record, where + ("percent",), f"is {_plain(percent)} but the status is done; a done task is 100 percent, so correct one of them")
            elif percent is not None and status == "not-started" and percent != 0:
                self.error(record, where + ("percent",), f"is {_plain(percent)} but the status is not-started; correct one of them")
            if number in last and day < record.data["updates"][last[number]]["date"]:
                earlier = record.data["updates"][last[number]]
                self.error(record, where + ("date",), f"'{day}' is before the update on task {number} at line {record.line('updates', last[number])} "
                           f"({earlier['date']}); add new updates at the end of the list and leave earlier ones as they are")
            last[number] = index
        for index, day in enumerate(record.data.get("reports", [])):
            if day < opened:
                self.error(record, ("reports", index), f"'{day}' is before the plan was issued ({opened})")

    def _plan_task(self, record: Record, plans: dict[str, Plan]) -> None:
        link = record.data["plan_task"]
        if link["plan"] in plans:
            plan = plans[link["plan"]]
            numbers = [task.number for task in plan.all_tasks]
            if link["task"] not in numbers:
                close = difflib.get_close_matches(link["task"], numbers, n=3, cutoff=0.5)
                hint = f"; did you mean {' or '.join(close)}?" if close else ""
                self.error(record, ("plan_task", "task"), f"plan '{plan.id}' has no task {link['task']}{hint}")

    def _images(self, record: Record, value: Any, path: tuple) -> None:
        """Every picture named in data exists in docs/assets/images/."""
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "image" and isinstance(item, dict) and not (self.root / IMAGES / item["file"]).is_file():
                    self.error(record, path + (key, "file"), f"'{item['file']}' is not in {IMAGES.as_posix()}/; add the picture there or correct the name")
                else:
                    self._images(record, item, path + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self._images(record, item, path + (index,))

    def _reference(self, record: Record, path: tuple, target: str, registry: dict, noun: str, folder: str) -> None:
        if target in registry:
            named = registry[target]
            why = withholding(named, self.preview) if named.valid else ""
            if why and not withholding(record, self.preview):
                advice = ("remove the reference: a published page cannot name it" if named.data.get("access")
                          else "approve it first (remove its `state:` line), or remove the reference")
                self.error(record, path, f"names {noun} '{target}', which {why} ({named.file}:{named.line('id') or named.line()}); {advice}")
            return
        if folder in self.unreadable:
            return  # perhaps in the unreadable file, whose error is already reported
        close = difflib.get_close_matches(target, list(registry), n=3, cutoff=0.5)
        hint = f"; did you mean {' or '.join(repr(name) for name in close)}?" if close else f"; add it to data/{folder}/ or correct the id"
        self.error(record, path, f"names {noun} '{target}', which is not in data/{folder}/{hint}")

    def _check_ui(self, ui: Record) -> None:
        for language in self.languages:
            if language not in ui.data["formats"]:
                self.error(ui, ("formats",), f"has no formats for '{language}'; add a locale and a date pattern for it")
                continue
            try:
                Locale.parse(ui.data["formats"][language]["locale"])
            except (UnknownLocaleError, ValueError):
                self.error(ui, ("formats", language, "locale"), f"'{ui.data['formats'][language]['locale']}' is not a locale Babel knows (e.g. vi, en_GB, zh_Hans, fr)")

    def _check_plan(self, plan: Plan, agencies: dict, legal: dict) -> None:
        record = plan.record
        data = record.data
        first, last = plan.period
        if first > last:
            self.error(record, ("period",), f"starts in {first} but ends in {last}; write the earlier year first")
        self._reference(record, ("issuer",), data["issuer"], agencies, "agency", "agencies")
        for key in ("legal_basis", "references"):
            for index, target in enumerate(data.get(key, [])):
                self._reference(record, (key, index), target, legal, "legal document", "legal")
        for index, duty in enumerate(data.get("duties", [])):
            for position, target in enumerate(duty["agencies"]):
                self._reference(record, ("duties", index, "agencies", position), target, agencies, "agency", "agencies")
        for index, report in enumerate(data.get("reporting", [])):
            if "to" in report:
                self._reference(record, ("reporting", index, "to"), report["to"], agencies, "agency", "agencies")
        seen: dict[str, tuple] = {}
        plan.tasks = [self._task(plan, item, None, ("tasks", index), seen, agencies, legal) for index, item in enumerate(data["tasks"])]
        self._budget(plan)

    def _task(self, plan: Plan, data: dict, parent: Task | None, path: tuple, seen: dict, agencies: dict, legal: dict) -> Task:
        record = plan.record
        task = Task(plan, data, parent)
        number = data["number"]
        if number in seen:
            self.error(record, path + ("number",), f"task number {number} is used twice in this plan (also at line {record.line(*seen[number])}); each task needs its own number")
        seen.setdefault(number, path + ("number",))
        if parent is not None and not number.startswith(parent.number + "."):
            self.error(record, path + ("number",), f"task {number} sits under task {parent.number}, so its number should start with '{parent.number}.'")
        for key in ("lead", "partners"):
            for index, target in enumerate(data.get(key, [])):
                self._reference(record, path + (key, index), target, agencies, "agency", "agencies")
        for index, target in enumerate(data.get("legal", [])):
            self._reference(record, path + ("legal", index), target, legal, "legal document", "legal")
        if "time" in data:
            try:
                task.time = timeframe.parse(data["time"], plan.period)
            except timeframe.TimeFrameError as error:
                self.error(record, path + ("time",), str(error))
            else:
                first, last = plan.period
                if task.time.first_year < first or task.time.last_year > last:
                    self.error(record, path + ("time",), f"'{data['time']}' falls outside the plan's period {first}-{last}")
        task.children = [self._task(plan, child, task, path + ("tasks", index), seen, agencies, legal) for index, child in enumerate(data.get("tasks", []))]
        return task

    def _budget(self, plan: Plan) -> None:
        declared = plan.data.get("budget_total")
        if declared is None:
            return
        computed = plan.budget_sum or 0
        if abs(computed - declared) < 1e-6:
            return
        parts = ", ".join(f"{task.number}: {_plain(task.budget)}" for task in plan.all_tasks if task.budget is not None)
        hint = ""
        if abs(declared * 1000 - computed) < 1e-6:
            hint = f" It looks as if {_plain(computed)} was written with a dot as thousands separator; write {_plain(computed)} without a dot."
        self.error(plan.record, ("budget_total",),
                   f"declares {_plain(declared)} million VND but the task budgets add up to {_plain(computed)} ({parts}).{hint}")


DATE_FIELDS = ("date", "deadline", "start", "end", "published", "as_of")
DATE_LISTS = ("reports",)  # lists of dates: a progress file's reporting days


def _real_date(text: str) -> bool:
    """A full date must exist in the calendar; a month (YYYY-MM) must be 01-12; a year is always real."""
    try:
        date.fromisoformat(text if len(text) == 10 else text + "-01" if len(text) == 7 else text + "-01-01")
    except ValueError:
        return False
    return True


def _matches(value: Any, parts: list[str], path: tuple) -> Iterator[tuple[tuple, str]]:
    """Values at a dotted path in a record, '*' standing for every item of a list."""
    if not parts:
        if isinstance(value, str):
            yield path, value
        return
    head, rest = parts[0], parts[1:]
    if head == "*":
        for index, item in enumerate(value if isinstance(value, list) else []):
            yield from _matches(item, rest, path + (index,))
    elif isinstance(value, dict) and head in value:
        yield from _matches(value[head], rest, path + (head,))


def _texts(value: Any, path: tuple) -> Iterator[tuple[tuple, dict]]:
    """Every bilingual text in a record: a mapping whose keys are all language codes and values all text."""
    if isinstance(value, dict):
        if value and all(isinstance(key, str) and _LANGUAGE_CODE.match(key) for key in value) and all(isinstance(item, str) for item in value.values()):
            yield path, value
            return
        for key, item in value.items():
            yield from _texts(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, path + (index,))


def _language_name(code: str) -> str:
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name("en")
    except (UnknownLocaleError, ValueError):
        return code


def _plain(number: float | None) -> str:
    if number is None:
        return "none"
    return str(int(number)) if float(number).is_integer() else str(number)
