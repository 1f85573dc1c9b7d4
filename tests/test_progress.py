"""Plan progress: roll-up arithmetic, overdue tasks on a fixed day, the charts as SVG, and the
compiled report as page, Word document and CSV, checked against the data."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import docx
import pytest
import yaml
from lxml import etree

from conftest import ROOT
from portal import charts, database, plancharts, progress, report
from portal.__main__ import main
from portal.language import Language

LANGS = ("vi", "en")
SVG = "{http://www.w3.org/2000/svg}"

WEIGHTS_PLAN = """
id: mau-2021
type: plan
date: "2021-01-04"
issuer: mau-pc
title: {vi: "Kế hoạch năm 2021", en: "Plan for 2021"}
locality: {id: mau, name: {vi: "Tỉnh Mẫu", en: "Mau Province"}, level: province}
period: {start: 2021, end: 2021}
legal_basis: [decree-72-2015-nd-cp]
tasks:
  - {number: "1", title: {vi: "Một", en: "One"}, time: "Quý I/năm 2021", lead: [mau-dic], budget: 100}
  - {number: "2", title: {vi: "Hai", en: "Two"}, time: "Năm 2021", lead: [mau-dic, mau-dofa]}
  - {number: "3", title: {vi: "Ba", en: "Three"}, time: "Tháng 6/2021", lead: [mau-dofa], partners: [mau-dic], budget: 300}
  - {number: "4", title: {vi: "Bốn", en: "Four"}, time: "Quý II/năm 2021", lead: [mau-dic], budget: 1000}
  - number: "5"
    title: {vi: "Năm", en: "Five"}
    tasks:
      - {number: "5.1", title: {vi: "Năm một", en: "Five one"}, time: "Quý III/năm 2021", lead: [mau-dofa]}
      - {number: "5.2", title: {vi: "Năm hai", en: "Five two"}, time: "Quý IV/năm 2021", lead: [mau-dofa]}
source: {file: "mau.txt", description: {vi: "Bản mẫu.", en: "A sample copy."}}
"""


def update(task: str, day: str, status: str, percent: float | None = None, agency: str = "mau-dic") -> dict:
    item = {"task": task, "date": day, "agency": agency, "status": status, "note": {"vi": "Ghi chú.", "en": "A note."}}
    if percent is not None:
        item["percent"] = percent
    return item


@pytest.fixture
def weighted(data_root: Path) -> database.Database:
    """The minimal data plus a plan whose tasks have budgets, no budget, a cancelled task and sub-tasks."""
    (data_root / "data" / "plans" / "mau-2021.yml").write_text(WEIGHTS_PLAN, encoding="utf-8")
    updates = [update("1", "2021-02-01", "done"), update("2", "2021-05-01", "in-progress", 50), update("3", "2021-05-02", "in-progress", 20),
               update("4", "2021-05-03", "cancelled"), update("5.1", "2021-08-01", "in-progress", 60), update("5.2", "2021-08-02", "not-started"),
               update("2", "2021-09-01", "delayed")]
    (data_root / "data" / "progress" / "mau-2021.yml").write_text(yaml.safe_dump({"plan": "mau-2021", "updates": updates}, allow_unicode=True), encoding="utf-8")
    return database.load(data_root, LANGS)


def test_roll_up_weighs_by_budget_with_the_average_for_a_task_without_one(weighted):
    state = progress.progress(weighted, weighted.plans["mau-2021"], "2021-12-31")
    one, two, three, four, five = state.top
    assert (one.status, one.percent) == ("done", 100)
    assert (two.status, two.percent) == ("delayed", 50)  # the delayed update gives no percent: the earlier 50 stands
    assert four.status == "cancelled" and four.percent is None
    # 5.1 and 5.2 have no budget: they count equally; 5 itself then has no budget either.
    assert five.percent == pytest.approx(30) and five.weight_budget is None and five.status == "in-progress"
    # Budgets 100 and 300 average 200, given to tasks 2 and 5; the cancelled task 4 is left out.
    assert progress.weights(state.top) == [100, 200, 300, 0, 200]
    assert state.percent == pytest.approx((100 * 100 + 200 * 50 + 300 * 20 + 200 * 30) / 800)


def test_parts_count_equally_where_no_part_has_a_budget(weighted):
    state = progress.progress(weighted, weighted.plans["mau-2021"], "2021-12-31")
    assert progress.weights([state.tasks["5.1"], state.tasks["5.2"]]) == [1, 1]


def test_roll_up_of_the_minimal_plan_on_its_reporting_day(data_root):
    db = database.load(data_root, LANGS)
    state = progress.progress(db, db.plans["mau-2020"], "2020-06-30")
    # Task 1 (budget 50) is 40 % done, task 2.1 (budget 100) is done: (50 x 40 + 100 x 100) / 150.
    assert state.percent == pytest.approx(80)
    assert [item.task.number for item in state.overdue] == []
    assert state.counts() == {"in-progress": 1, "done": 1}


def test_overdue_is_computed_from_the_day(weighted):
    plan = weighted.plans["mau-2021"]
    # Task 1 (first quarter) is done before it ends; task 3 (June) is not done by 1 July.
    assert [item.task.number for item in progress.progress(weighted, plan, "2021-06-30").overdue] == []
    assert [item.task.number for item in progress.progress(weighted, plan, "2021-07-01").overdue] == ["3"]
    late = progress.progress(weighted, plan, "2022-01-01")
    assert [item.task.number for item in late.overdue] == ["2", "3", "5.1", "5.2"]  # cancelled task 4 is never overdue
    assert late.tasks["5"].overdue and not late.tasks["4"].overdue
    # Updates after the day do not count: on 1 March only task 1 has reported.
    early = progress.progress(weighted, plan, "2021-03-01")
    assert early.tasks["2"].status == "unreported" and early.tasks["1"].status == "done"


def test_untracked_plan_has_no_overdue_task(weighted):
    (weighted.root / "data" / "progress" / "mau-2021.yml").unlink()
    db = database.load(weighted.root, LANGS)
    state = progress.progress(db, db.plans["mau-2021"], "2030-01-01")
    assert not state.tracked and state.overdue == [] and state.percent == 0


def svg_of(markup: str) -> etree._Element:
    return etree.fromstring(str(markup).encode())


def test_budget_chart_has_one_bar_per_budgeted_task_and_the_total(weighted):
    L = Language(weighted, "en", "vi")
    plan = weighted.plans["mau-2021"]
    chart = plancharts.budget_by_task(L, plan, progress.progress(weighted, plan, "2021-12-31"))
    svg = svg_of(chart.svg)
    assert svg.find(f"{SVG}title").text == "Budget by task"
    assert "1,400 million VND in total" in svg.find(f"{SVG}desc").text
    bars = svg.findall(f".//{SVG}rect[@class='portal-chart__bar']")
    assert len(bars) == 3  # tasks 1, 3 and 4 have budgets
    widths = [float(bar.get("width")) for bar in bars]
    assert widths[2] == max(widths) and widths[0] == pytest.approx(widths[2] / 10)
    labels = [text.text for text in svg.iter(f"{SVG}text")]
    assert "1. One" in labels and "1,000" in labels
    assert chart.table.foot == ["Total budget", "", "1,400"]
    assert chart.table.rows[1] == ["2", "Two", "Not given"]


def test_budget_by_agency_shares_a_joint_task_equally(weighted):
    L = Language(weighted, "en", "vi")
    chart = plancharts.budget_by_agency(L, weighted, weighted.plans["mau-2021"])
    assert chart.table.rows == [["Mau Department of Information and Communications", "1, 4", "1,100"],
                                ["Mau Department of Foreign Affairs", "3", "300"]]


def test_timeline_colours_each_task_by_status_and_marks_overdue(weighted):
    L = Language(weighted, "vi", "vi")
    plan = weighted.plans["mau-2021"]
    chart = plancharts.timeline(L, plan, progress.progress(weighted, plan, "2022-01-01"))
    svg = svg_of(chart.svg)
    spans = svg.findall(f".//{SVG}rect")
    classes = [span.get("class") for span in spans if span.get("class", "").startswith("portal-chart__span")]
    assert classes == ["portal-chart__span portal-chart--done", "portal-chart__span portal-chart--delayed",
                       "portal-chart__span portal-chart--in-progress", "portal-chart__span portal-chart--cancelled",
                       "portal-chart__span portal-chart--in-progress", "portal-chart__span portal-chart--not-started"]
    headers = [text.text for text in svg.iter(f"{SVG}text")][:4]
    assert headers == ["Quý 1", "Quý 2", "Quý 3", "Quý 4"]
    assert [text.text for text in svg.iter(f"{SVG}text")].count("!") == 4
    # Task 3 (June) spans the third month of the second quarter.
    june = spans[[span.get("class", "") for span in spans].index("portal-chart__span portal-chart--in-progress")]
    assert "Tháng 6/2021" in june.find(f"{SVG}title").text
    assert [row[3] for row in chart.table.rows] == ["", "Có", "Có", "", "Có", "Có"]


def test_responsibility_matrix_marks_lead_and_coordinating_agencies(weighted):
    L = Language(weighted, "en", "vi")
    chart = plancharts.responsibility(L, weighted, weighted.plans["mau-2021"])
    svg = svg_of(chart.svg)
    marks = [group.get("class") for group in svg.iter(f"{SVG}g")]
    assert marks.count("portal-chart__mark portal-chart--lead") == 7  # 1, 2 (two leads), 3, 4, 5.1, 5.2
    assert marks.count("portal-chart__mark portal-chart--partner") == 1  # mau-dic on task 3
    # Agencies that lead more tasks come first.
    assert chart.table.rows == [["Mau Department of Foreign Affairs", "2, 3, 5.1, 5.2", ""],
                                ["Mau Department of Information and Communications", "1, 2, 4", "3"]]


def test_shared_legal_documents_picture_lists_what_several_plans_implement(site):
    db = database.load(ROOT, LANGS)
    L = Language(db, "en", "vi")
    chart = plancharts.shared_legal(L, db)
    shared = [item for item in db.legal_citations() if item.shared]
    assert [row[0] for row in chart.table.rows[:len(shared)]] == [item.legal.data.get("number") or item.legal.data["title"]["en"] for item in shared]
    assert "368/QĐ-TTg" in " ".join(row[0] for row in chart.table.rows[:len(shared)])
    svg = svg_of(chart.svg)
    filled = sum(1 for group in svg.iter(f"{SVG}g") if group.get("class") == "portal-chart__mark portal-chart--basis")
    assert filled == sum(len(plan.data["legal_basis"]) for plan in db.plans.values())
    page = site.html("en/plans/shared-documents/index.html")
    assert page.select_one("svg.portal-chart__svg title").get_text() == "Documents the plans implement and cite"
    listed = [item.select_one("a").get_text() for item in page.select("#shared ~ ul.portal-shared > li")][:len(shared)]
    expected = [item.legal.data.get("number") or item.legal.data["title"]["en"] for item in shared]
    assert len(listed) == len(expected) and all(text.endswith(number) for text, number in zip(listed, expected))


def test_report_numbers_match_the_data(data_root):
    db = database.load(data_root, LANGS)
    compiled = report.build(db, Language(db, "en", "vi"), db.plans["mau-2020"], "2020-06-30")
    assert dict(compiled.summary())["Percent complete"] == "80%"
    assert dict(compiled.summary())["Overdue tasks"] == "0"
    rows = {row["number"]: row for row in compiled.rows()}
    assert rows["1"]["status"] == "In progress" and rows["1"]["percent"] == "40%"
    assert rows["1"]["note"] == "The training programme has been drawn up." and rows["1"]["latest_date"] == "10 March 2020"
    assert rows["2"]["status"] == "Done" and rows["2.1"]["latest_agency"] == "Mau Department of Foreign Affairs"
    assert [name for name, _ in compiled.agencies()] == ["Mau Department of Information and Communications", "Mau Department of Foreign Affairs"]
    late = report.build(db, Language(db, "en", "vi"), db.plans["mau-2020"], "2020-07-01")
    assert [item.task.number for item in late.progress.overdue] == ["1"]


def test_report_csv_opens_with_the_csv_module(data_root):
    db = database.load(data_root, LANGS)
    compiled = report.build(db, Language(db, "vi", "vi"), db.plans["mau-2020"], "2020-06-30")
    content = report.to_csv(compiled)
    assert content.startswith(b"\xef\xbb\xbf")  # the byte-order mark spreadsheet programs need for UTF-8
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert list(rows[0]) == report.CSV_COLUMNS
    assert [row["task"] for row in rows] == ["1", "2", "2.1"]
    assert rows[0]["title"] == "Tập huấn nghiệp vụ" and rows[0]["status"] == "in-progress" and rows[0]["percent"] == "40"
    assert rows[0]["status_label"] == "Đang thực hiện" and rows[0]["time_start"] == "2020-04-01" and rows[0]["time_end"] == "2020-06-30"
    assert rows[2]["budget_million_vnd"] == "100" and rows[2]["reported_by"] == "mau-dofa" and rows[2]["overdue"] == "no"


def test_report_docx_opens_and_holds_the_task_rows(data_root):
    db = database.load(data_root, LANGS)
    compiled = report.build(db, Language(db, "en", "vi"), db.plans["mau-2020"], "2020-07-01")
    document = docx.Document(io.BytesIO(report.to_docx(compiled)))
    assert document.paragraphs[0].text == "Implementation report: Mau Province external-information plan for 2020"
    assert document.core_properties.language == "en"
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert "As of 1 July 2020" in texts and any(text.startswith("SAMPLE DATA") for text in texts)
    summary, tasks = document.tables
    assert [cell.text for cell in summary.rows[3].cells] == ["Percent complete", "80%"]
    assert [cell.text for cell in tasks.rows[1].cells][:8] == ["1", "Professional training", "Mau Department of Information and Communications",
                                                            "Q2 2020", "50", "In progress", "40%", "Yes"]
    assert [row.cells[0].text for row in tasks.rows[1:]] == ["1", "2", "2.1"]
    overdue = texts[texts.index("Overdue tasks") + 1]
    assert overdue.startswith("1. Professional training (Q2 2020; In progress)")


def test_make_report_writes_word_and_csv_in_every_language(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["report", "haiphong-2019", "2019-06-15", "--out", str(tmp_path)]) == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == [f"haiphong-2019-report-2019-06-15-{code}.{ext}" for code in ("en", "vi") for ext in ("csv", "docx")]
    db = database.load(ROOT, LANGS)
    state = progress.progress(db, db.plans["haiphong-2019"], "2019-06-15")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "haiphong-2019-report-2019-06-15-en.csv").read_text(encoding="utf-8-sig"))))
    assert [row["task"] for row in rows] == [task.number for task in db.plans["haiphong-2019"].all_tasks]
    leaves = {item.task.number for item in state.leaves}
    assert [row["task"] for row in rows if row["overdue"] == "yes" and row["task"] in leaves] == [item.task.number for item in state.overdue] == ["4"]
    assert docx.Document(str(tmp_path / "haiphong-2019-report-2019-06-15-vi.docx")).paragraphs[0].text.startswith("Báo cáo kết quả thực hiện")


def test_report_command_names_an_unknown_plan(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["report", "haiphong-2109", "2019-06-15", "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip() == "There is no plan 'haiphong-2109' in data/plans/; did you mean haiphong-2019?"
    assert main(["report", "haiphong-2019", "15/06/2019", "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip() == "'15/06/2019' is not a date; write it as YYYY-MM-DD, e.g. 2019-06-15"


def test_plan_page_shows_progress_and_pictures_in_each_language(site):
    db = database.load(ROOT, LANGS)
    plan = db.plans["haiphong-2019"]
    for prefix, code in (("", "vi"), ("en/", "en")):
        page = site.html(f"{prefix}plans/haiphong-2019/index.html")
        figures = page.select("figure.portal-chart")
        assert len(figures) == 5  # progress, budget by task, by agency, timeline, matrix
        for figure in figures:
            svg = etree.fromstring(str(figure.select_one("svg")).encode())
            labelled = svg.get("aria-labelledby").split()
            assert svg.get("role") == "img" and [svg.find(f"{SVG}title").get("id"), svg.find(f"{SVG}desc").get("id")] == labelled
            assert figure.select("details table tbody tr")
        assert page.select_one(".portal-sample-notice")  # the progress is sample data
        state = progress.progress(db, plan, "2026-11-22")
        overdue = [row.select_one("th").get_text() for row in page.select("table.portal-tasks tbody tr") if row.select_one(".portal-overdue")]
        assert overdue == [task.number for task in plan.all_tasks if state.of(task).overdue] == ["6", "6.2", "6.3", "8"]  # 6: its sub-tasks are
        log = page.select("table.portal-log tbody tr")
        assert len(log) == len(db.updates("haiphong-2019"))
    english = site.html("en/plans/haiphong-2019/index.html")
    assert english.select_one(".portal-progress-summary").get_text() == (
        f"As of 22 November 2026, the plan is {round(state.percent)}% complete: 11 of 16 tasks done, 3 overdue.")


def test_report_pages_link_their_downloads(site):
    for prefix, code in (("", "vi"), ("en/", "en")):
        folder = f"{prefix}plans/haiphong-2019/report/2019-06-15/"
        page = site.html(folder + "index.html")
        links = [link["href"] for link in page.select(".portal-downloads a")]
        assert links == [f"haiphong-2019-report-2019-06-15-{code}.docx", f"haiphong-2019-report-2019-06-15-{code}.csv"]
        document = docx.Document(str(site.root / folder / links[0]))
        assert [row.cells[0].text for row in document.tables[1].rows[1:4]] == ["1", "2", "2.1"]
        overdue = [item.get_text(" ", strip=True) for item in page.select("#overdue + ul li")]
        assert len(overdue) == 1 and overdue[0].startswith("4 .")
        assert page.select_one(".portal-sample-notice")
    plan = site.html("en/plans/haiphong-2019/index.html")
    assert [link["href"] for link in plan.select(".portal-reports a")] == ["report/2019-06-15/", "report/2019-11-15/"]


def test_charts_escape_their_text():
    svg = charts.bars("<script>", "a & b", [charts.Bar("<b>x</b>", 3, "3")])
    assert "<script>" not in svg and "&lt;b&gt;x&lt;/b&gt;" in svg
    assert re.search(r"<desc [^>]*>a &amp; b</desc>", svg)


def test_agency_page_shows_the_progress_of_its_tasks(site):
    page = site.html("en/agencies/haiphong-dic/index.html")
    rows = {row.select_one("th").get_text(): row for row in page.select("#tasks ~ div table tbody tr")
            if "04/KH-UBND" in row.select_one("td").get_text()}
    assert rows["6.2"].select_one(".portal-overdue").get_text() == "Overdue"
    assert rows["6.2"].select_one(".portal-status").get_text() == "Delayed"
    assert rows["9"].select_one(".portal-status").get_text() == "Done" and not rows["9"].select_one(".portal-overdue")
