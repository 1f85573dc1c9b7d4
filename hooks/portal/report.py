"""The compiled implementation report of a plan on a reporting day, in one language: per task the
latest status and note on that day, per lead agency what it led and its results, totals and overdue
tasks. The same `Report` feeds the web page (overrides/portal/report.html), the Word document an
official edits (python-docx) and the CSV file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache

from . import clock
from .database import Database, Plan
from .language import Language
from .plancharts import percent
from .progress import Progress, TaskProgress, progress

CSV_COLUMNS = ["plan", "as_of", "task", "level", "title", "lead", "coordinating", "time_frame", "time_start", "time_end",
               "budget_million_vnd", "status", "status_label", "percent", "overdue", "last_update", "reported_by", "note"]


@dataclass
class Report:
    L: Language
    db: Database
    plan: Plan
    progress: Progress

    @property
    def day(self) -> str:
        return self.progress.day

    @property
    def sample(self) -> bool:
        return self.progress.sample

    @property
    def title(self) -> str:
        return self.L.t("report_title", plan=self.L.tx(self.plan.data["title"]))

    @property
    def subtitle(self) -> str:
        return self.L.t("report_as_of", date=self.L.date(self.day))

    def agency_names(self, ids: list[str]) -> str:
        return "; ".join(self.L.tx(self.db.agencies[agency].data["name"]) for agency in ids)

    def summary(self) -> list[tuple[str, str]]:
        L, counts = self.L, self.progress.counts()
        rows = [(L.t("document"), f"{self.plan.data.get('number') or ''} {L.tx(self.plan.data['title'])}".strip()),
                (L.t("report_day"), L.date(self.day)),
                (L.t("percent_done"), percent(L, self.progress.percent)),
                (L.t("task_count"), L.number(len(self.progress.leaves)))]
        rows += [(L.label("status", status), L.number(counts[status])) for status in
                 ("done", "in-progress", "delayed", "not-started", "unreported", "cancelled") if counts.get(status)]
        rows += [(L.t("overdue_count"), L.number(len(self.progress.overdue))),
                 (L.t("total_budget"), L.money(self.plan.budget_sum) if self.plan.budget_sum is not None else L.t("no_budget")),
                 (L.t("updates_counted"), L.number(len(self.progress.updates)))]
        return rows

    def rows(self) -> list[dict]:
        """One row per task, in plan order, with the words in the report's language."""
        L = self.L
        found = []
        for item in self.progress.all:
            task, latest = item.task, item.latest
            found.append({
                "item": item,
                "number": task.number,
                "depth": task.depth,
                "title": L.tx(task.data["title"]),
                "lead": self.agency_names(task.lead),
                "coordinating": self.agency_names(task.partners),
                "time": L.timeframe(task.time),
                "budget": L.number(task.budget),
                "status": L.label("status", item.status),
                "percent": "" if item.status == "unreported" else percent(L, item.percent),
                "overdue": L.t("answer_yes") if item.overdue else "",
                "latest_date": L.date(latest.date) if latest else "",
                "latest_agency": self.agency_names([latest.agency]) if latest else "",
                "note": L.tx(latest.note) if latest else "",
            })
        return found

    def agencies(self) -> list[tuple[str, list[TaskProgress]]]:
        return [(self.L.tx(self.db.agencies[agency].data["name"]), items) for agency, items in self.progress.by_agency()]

    def file_name(self, extension: str) -> str:
        return f"{self.plan.id}-report-{self.day}-{self.L.code}.{extension}"


def build(db: Database, L: Language, plan: Plan, day: str) -> Report:
    return Report(L, db, plan, progress(db, plan, day))


def to_csv(report: Report) -> bytes:
    """UTF-8 with a byte-order mark, so that spreadsheet programs show the Vietnamese text intact."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in report.rows():
        item: TaskProgress = row["item"]
        task, latest = item.task, item.latest
        writer.writerow({
            "plan": report.plan.id, "as_of": report.day, "task": task.number, "level": task.depth + 1, "title": row["title"],
            "lead": row["lead"], "coordinating": row["coordinating"], "time_frame": row["time"],
            "time_start": task.time.start.isoformat() if task.time else "", "time_end": task.time.end.isoformat() if task.time else "",
            "budget_million_vnd": "" if task.budget is None else _plain(task.budget), "status": item.status, "status_label": row["status"],
            "percent": "" if item.percent is None else _plain(round(item.percent, 1)), "overdue": "yes" if item.overdue else "no",
            "last_update": latest.date if latest else "", "reported_by": latest.agency if latest else "", "note": row["note"],
        })
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_docx(report: Report) -> bytes:
    """A Word document with the same content as the page, in plain styles an official can edit.

    Its content is worked out first, as plain values, and the document is made from those: python-
    docx takes a few tenths of a second per document, so `mkdocs serve` makes it again only when
    what it says has changed."""
    L = report.L
    blocks: list[tuple] = [("heading", 0, report.title), ("paragraph", report.subtitle, "")]
    if report.sample:
        blocks.append(("bold", L.t("report_sample_notice")))
    blocks.append(("table", (L.t("field"), L.t("value")), tuple(tuple(row) for row in report.summary())))
    blocks.append(("paragraph", L.t("progress_rule"), ""))
    blocks.append(("heading", 1, L.t("report_tasks")))
    head = (L.t("task_number"), L.t("task"), L.t("lead_agency"), L.t("time_frame"), L.t("budget_million"), L.t("status"),
            L.t("percent_done"), L.t("overdue"), L.t("latest_report"))
    rows = tuple((row["number"], row["title"], row["lead"], row["time"], row["budget"], row["status"], row["percent"], row["overdue"],
                  f"{row['latest_date']} — {row['latest_agency']}: {row['note']}" if row["note"] else "") for row in report.rows())
    blocks.append(("table", head, rows))
    blocks.append(("heading", 1, L.t("report_agencies")))
    for name, items in report.agencies():
        blocks.append(("heading", 2, name))
        for item in items:
            latest = item.latest
            text = f"{item.task.number}. {L.tx(item.task.data['title'])} — {L.label('status', item.status)}"
            if item.percent is not None and not item.task.children:
                text += f", {percent(L, item.percent)}"
            if latest:
                text += f". {L.date(latest.date)}: {L.tx(latest.note)}"
            blocks.append(("paragraph", text, "List Bullet"))
    blocks.append(("heading", 1, L.t("report_overdue")))
    if report.progress.overdue:
        for item in report.progress.overdue:
            blocks.append(("paragraph", f"{item.task.number}. {L.tx(item.task.data['title'])} ({L.timeframe(item.task.time)}; "
                                        f"{L.label('status', item.status)})", "List Bullet"))
    else:
        blocks.append(("paragraph", L.t("report_no_overdue"), ""))
    blocks.append(("paragraph", L.t("report_generated", date=L.date(clock.today())), ""))
    author = L.tx(report.db.agencies[report.plan.data["issuer"]].data["name"])
    return _docx(tuple(blocks), report.title, L.code, author, clock.now().date())


@lru_cache(maxsize=64)
def _docx(blocks: tuple, title: str, language: str, author: str, day: date) -> bytes:
    from docx import Document  # imported here: only report builds need it
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(12)
    properties = document.core_properties
    properties.title, properties.language = title, language
    properties.author = author
    properties.created = properties.modified = datetime.combine(day, time())
    for kind, *values in blocks:
        if kind == "heading":
            document.add_heading(values[1], level=values[0])
        elif kind == "paragraph":
            document.add_paragraph(values[0], style=values[1] or None)
        elif kind == "bold":
            document.add_paragraph(values[0]).runs[0].bold = True
        else:
            _table(document, list(values[0]), [list(row) for row in values[1]])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document, head: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, head):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)
