"""The pictures of a plan page and of the cross-plan page, in the page's language: what to draw and
the same numbers as a table. Drawing is charts.py's job; the numbers come from the plan and from
progress.py.
"""

from __future__ import annotations

import calendar
from datetime import date

from . import charts
from .charts import Bar, Chart, Meter, Span, Table
from .database import Database, Plan
from .language import Language
from .progress import Progress

STATUSES = ("done", "in-progress", "delayed", "not-started", "unreported", "cancelled")


def agency_label(L: Language, db: Database, agency_id: str) -> str:
    data = db.agencies[agency_id].data
    return L.tx(data.get("abbreviation") or data["name"])


def budget_by_task(L: Language, plan: Plan, progress: Progress) -> Chart:
    rows, table = [], []
    for item in progress.top:
        task = item.task
        title = f"{task.number}. {L.tx(task.data['title'])}"
        if item.weight_budget is not None:
            rows.append(Bar(title, item.weight_budget, L.number(item.weight_budget)))
        table.append([task.number, L.tx(task.data["title"]), L.number(item.weight_budget) if item.weight_budget is not None else L.t("no_budget_short")])
    total = plan.budget_sum or 0
    svg = charts.bars(L.t("chart_budget_task"), L.t("chart_budget_task_desc", total=L.money(total), count=L.number(len(rows))), rows)
    return Chart(svg, Table(L.t("chart_budget_task"), [L.t("task_number"), L.t("task"), L.t("budget_million")], table,
                            [L.t("total"), "", L.number(total)], numeric=(2,)))


def budget_by_agency(L: Language, db: Database, plan: Plan) -> Chart:
    """A task led by several agencies counts its budget in equal shares (ui `budget_shared_rule`)."""
    amounts: dict[str, float] = {}
    tasks: dict[str, list[str]] = {}
    for task in plan.all_tasks:
        if task.children or task.budget is None or not task.lead:
            continue
        for agency in task.lead:
            amounts[agency] = amounts.get(agency, 0) + task.budget / len(task.lead)
            tasks.setdefault(agency, []).append(task.number)
    order = sorted(amounts, key=lambda agency: (-amounts[agency], agency))
    rows = [Bar(agency_label(L, db, agency), amounts[agency], L.number(round(amounts[agency], 1))) for agency in order]
    total = sum(amounts.values())
    svg = charts.bars(L.t("chart_budget_agency"), L.t("chart_budget_agency_desc", total=L.money(round(total, 1)), count=L.number(len(rows))), rows)
    table = [[L.tx(db.agencies[agency].data["name"]), ", ".join(tasks[agency]), L.number(round(amounts[agency], 1))] for agency in order]
    return Chart(svg, Table(L.t("chart_budget_agency"), [L.t("lead_agency"), L.t("tasks"), L.t("budget_million")], table,
                            [L.t("total"), "", L.number(round(total, 1))], numeric=(2,)))


def columns(L: Language, plan: Plan) -> list[tuple[str, date, date]]:
    """Quarters for a plan of up to three years, otherwise years."""
    first, last = plan.period
    if last - first < 3:
        return [(L.t("quarter_short", quarter=quarter) + ("" if first == last else f"/{year % 100:02d}"), date(year, quarter * 3 - 2, 1),
                 date(year, quarter * 3, calendar.monthrange(year, quarter * 3)[1]))
                for year in range(first, last + 1) for quarter in (1, 2, 3, 4)]
    return [(str(year), date(year, 1, 1), date(year, 12, 31)) for year in range(first, last + 1)]


def timeline(L: Language, plan: Plan, progress: Progress) -> Chart:
    spans, table = [], []
    for item in progress.leaves:
        task = item.task
        status = L.label("status", item.status)
        spans.append(Span(task.number, f"{task.number}. {L.tx(task.data['title'])} ({L.timeframe(task.time) or L.t('no_time_frame')}; {status})",
                          task.time.start if task.time else None, task.time.end if task.time else None, item.status, item.overdue))
        table.append([task.number, L.timeframe(task.time) or L.t("no_time_frame"), status, L.t("answer_yes") if item.overdue else ""])
    first, last = plan.period
    span = str(first) if first == last else L.t("time_range", first=first, last=last)
    svg = charts.timeline(L.t("chart_timeline"), L.t("chart_timeline_desc", period=span, day=L.date(progress.day)), columns(L, plan), spans)
    return Chart(svg, Table(L.t("chart_timeline"), [L.t("task_number"), L.t("time_frame"), L.t("status"), L.t("overdue")], table),
                 legend=[(status, L.label("status", status)) for status in STATUSES] + [("overdue", L.t("overdue"))])


def responsibility(L: Language, db: Database, plan: Plan) -> Chart:
    tasks = [task for task in plan.all_tasks if task.lead or task.partners]
    agencies: list[str] = []
    for task in tasks:
        for agency in task.lead + task.partners:
            if agency not in agencies:
                agencies.append(agency)
    led = {agency: [task.number for task in tasks if agency in task.lead] for agency in agencies}
    helped = {agency: [task.number for task in tasks if agency in task.partners and agency not in task.lead] for agency in agencies}
    first_seen = {agency: index for index, agency in enumerate(agencies)}
    agencies.sort(key=lambda agency: (-len(led[agency]), -len(helped[agency]), first_seen[agency]))
    cells = {}
    for row, agency in enumerate(agencies):
        for column, task in enumerate(tasks):
            if agency in task.lead:
                cells[(row, column)] = "lead"
            elif agency in task.partners:
                cells[(row, column)] = "partner"
    rows = [(agency_label(L, db, agency), L.tx(db.agencies[agency].data["name"])) for agency in agencies]
    svg = charts.matrix(L.t("chart_matrix"), L.t("chart_matrix_desc", agencies=L.number(len(agencies)), tasks=L.number(len(tasks))),
                        rows, [task.number for task in tasks], cells, charts.MARKS)
    table = [[L.tx(db.agencies[agency].data["name"]), ", ".join(led[agency]), ", ".join(helped[agency])] for agency in agencies]
    return Chart(svg, Table(L.t("chart_matrix"), [L.t("agency"), L.t("leads_tasks"), L.t("coordinates_tasks")], table),
                 legend=[("lead", L.t("lead_agency")), ("partner", L.t("coordinating_agencies"))])


def progress_chart(L: Language, progress: Progress) -> Chart:
    plan_title = L.t("whole_plan")
    meters = [Meter(plan_title, progress.percent, _status_of_plan(progress), percent(L, progress.percent))]
    table = [[plan_title, "", percent(L, progress.percent), L.number(len(progress.overdue))]]
    for item in progress.top:
        task = item.task
        late = sum(1 for leaf in item.task.walk() if not leaf.children and progress.of(leaf).overdue)
        label = f"{task.number}. {L.tx(task.data['title'])}"
        meters.append(Meter(label, item.percent, item.status, percent(L, item.percent) if item.percent is not None else L.label("status", item.status), item.overdue))
        table.append([label, L.label("status", item.status), percent(L, item.percent), L.number(late) if late else ""])
    svg = charts.meters(L.t("chart_progress"), L.t("chart_progress_desc", day=L.date(progress.day), percent=percent(L, progress.percent)), meters)
    return Chart(svg, Table(L.t("chart_progress"), [L.t("task"), L.t("status"), L.t("percent_done"), L.t("overdue_count")], table, numeric=(2, 3)),
                 legend=[(status, L.label("status", status)) for status in ("done", "in-progress", "delayed")] + [("overdue", L.t("overdue"))])


def shared_legal(L: Language, db: Database) -> Chart:
    """Legal documents the plans cite (rows, the most shared first) against the plans (columns)."""
    plans = db.sorted_plans()
    items = db.legal_citations()
    place = {plan.id: index for index, plan in enumerate(plans)}
    cells = {(row, place[plan.id]): how for row, item in enumerate(items) for plan, how in item.plans}
    rows = [(item.legal.data.get("number") or L.tx(item.legal.data["title"]), L.tx(item.legal.data["title"])) for item in items]
    names = [plan.data.get("number") or plan.id for plan in plans]
    svg = charts.matrix(L.t("chart_shared_legal"), L.t("chart_shared_legal_desc", documents=L.number(len(items)), plans=L.number(len(plans))),
                        rows, names, cells, charts.MARKS)
    words = {"basis": L.t("implements"), "reference": L.t("mentions")}
    table = [[rows[row][0], L.number(len(item.plans)), *[words.get(cells.get((row, column)), "") for column in range(len(plans))]]
             for row, item in enumerate(items)]
    return Chart(svg, Table(L.t("chart_shared_legal"), [L.t("document"), L.t("plan_count")] + names, table, numeric=(1,)),
                 legend=[("basis", L.t("implements")), ("reference", L.t("mentions"))])


def percent(L: Language, value: float | None) -> str:
    return "" if value is None else L.t("percent", value=L.number(round(value)))


def _status_of_plan(progress: Progress) -> str:
    if progress.percent is not None and progress.percent >= 100:
        return "done"
    return "delayed" if progress.overdue else "in-progress"
