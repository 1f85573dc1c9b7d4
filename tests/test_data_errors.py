"""Every mistake an editor can make in data/ stops the build with a message naming file, line and
field. One defect per case, the exact message asserted; then several defects reported at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from portal import database
from portal.database import KINDS
from portal.errors import DataErrors
from portal.schemas import SchemaSet
from portal.yamlfile import load

PLAN = "data/plans/mau-2020.yml"
AGENCIES = "data/agencies/mau.yml"
LANGS = ("vi", "en")


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def errors_of(root: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        database.load(root, LANGS)
    return [str(error) for error in caught.value.errors]


def test_minimal_fixture_is_valid(data_root):
    db = database.load(data_root, LANGS)
    plan = db.plans["mau-2020"]
    assert [task.number for task in plan.all_tasks] == ["1", "2", "2.1"]
    assert plan.budget_sum == 150
    assert plan.all_tasks[0].time.start.isoformat() == "2020-04-01"


CASES = {
    "invalid YAML": (PLAN, 'number: "01/KH-UBND"', "number: Số: 01",
                     ['data/plans/mau-2020.yml:3: is not valid YAML: mapping values are not allowed here. A text containing ": " must be put in double quotes.']),
    "missing English text": (PLAN, ', en: "Professional training"}', "}",
                             ["data/plans/mau-2020.yml:15: tasks[1].title: the English text (en) is missing; write it, or add `awaiting_translation: [en]` "
                              "to publish the record with its Vietnamese text and a notice until it is translated"]),
    "unknown agency": (PLAN, "lead: [mau-dic]", "lead: [mau-dit]",
                       ["data/plans/mau-2020.yml:17: tasks[1].lead[1]: names agency 'mau-dit', which is not in data/agencies/; did you mean 'mau-dic' or 'mau-dofa' or 'mau-pc'?"]),
    "unknown legal document": (PLAN, "legal_basis: [decree-72-2015-nd-cp]", "legal_basis: [decree-72-2051-nd-cp]",
                               ["data/plans/mau-2020.yml:11: legal_basis[1]: names legal document 'decree-72-2051-nd-cp', which is not in data/legal/; did you mean 'decree-72-2015-nd-cp'?"]),
    "duplicate id": (AGENCIES, "  parent: mau-pc\n- id: mau-dofa", "  parent: mau-pc\n- id: mau-dic\n  name: {vi: \"Sở Ngoại vụ\", en: \"Department of Foreign Affairs\"}\n  level: province\n  type: department\n- id: mau-dofa",
                     ["data/agencies/mau.yml:12: id: 'mau-dic' is already used by data/agencies/mau.yml:6; every agency needs its own id"]),
    "malformed date": (PLAN, 'date: "2020-01-02"', 'date: "02/01/2020"',
                       ["data/plans/mau-2020.yml:4: date: '02/01/2020' is not in the expected form (A calendar date written YYYY-MM-DD, in quotes)"]),
    "impossible date": (PLAN, 'date: "2020-01-02"', 'date: "2020-02-30"',
                        ['data/plans/mau-2020.yml:4: date: \'2020-02-30\' is not a real date; write it as YYYY-MM-DD, e.g. "2019-01-05"']),
    "malformed time frame": (PLAN, 'time: "Quý II/năm 2020"', 'time: "Qúy 2 2020"',
                             ["data/plans/mau-2020.yml:16: tasks[1].time: 'Qúy 2 2020' is not a time frame the portal can read; write it like 'Năm 2019', 'cả năm 2019', 'Quý II/năm 2019', 'Tháng 5/2019', 'Hàng năm' or '2014 - 2016'"]),
    "time frame outside the plan": (PLAN, 'time: "Tháng 5/2020"', 'time: "Tháng 5/2021"',
                                    ["data/plans/mau-2020.yml:25: tasks[2].tasks[2.1].time: 'Tháng 5/2021' falls outside the plan's period 2020-2020"]),
    "budget not a number": (PLAN, "budget: 50", "budget: năm mươi",
                            ["data/plans/mau-2020.yml:19: tasks[1].budget: should be a number, not 'năm mươi' (write digits only, e.g. 1070, without dots, commas or units) (Estimated budget in million VND)"]),
    "declared total disagrees": (PLAN, "budget_total: 150", "budget_total: 160",
                                 ["data/plans/mau-2020.yml:12: budget_total: declares 160 million VND but the task budgets add up to 150 (1: 50, 2.1: 100)."]),
    "unknown field": (PLAN, "budget_total: 150", "budget_totl: 150",
                      ["data/plans/mau-2020.yml:12: budget_totl: is not a known field here (did you mean 'budget_total'?); allowed fields: access, awaiting_translation, budget_total, closing, date, duties, funding, id, issuer, legal_basis, locality, notes, number, period, purposes, references, reporting, requirements, scope, sections, signer, source, state, targets, tasks, title, type"]),
    "missing required field": (PLAN, "issuer: mau-pc\n", "",
                               ["data/plans/mau-2020.yml:1: issuer: is missing; this field is required"]),
    "value outside the list": (AGENCIES, "type: department\n  locality: mau\n  parent: mau-pc\n- id: mau-dofa", "type: departmnt\n  locality: mau\n  parent: mau-pc\n- id: mau-dofa",
                               ["data/agencies/mau.yml:9: type: is 'departmnt', which is not allowed (did you mean 'department'?); use one of: government, people-committee, people-council, ministry, central-agency, department, office, police, military, party, press, public-service-unit, association, steering-committee, group"]),
    "key written twice": (PLAN, 'type: plan\n', 'type: plan\ntype: plan\n',
                          ["data/plans/mau-2020.yml:3: type: is written twice in the same block (first on line 2); keep one"]),
    "child task numbering": (PLAN, 'number: "2.1"', 'number: "3.1"',
                             ["data/plans/mau-2020.yml:23: tasks[2].tasks[3.1].number: task 3.1 sits under task 2, so its number should start with '2.'"]),
    "task number twice": (PLAN, 'number: "2.1"', 'number: "1"',
                          ["data/plans/mau-2020.yml:23: tasks[2].tasks[1].number: task 1 sits under task 2, so its number should start with '2.'",
                           "data/plans/mau-2020.yml:23: tasks[2].tasks[1].number: task number 1 is used twice in this plan (also at line 14); each task needs its own number"]),
    "text in a language the site does not have": (PLAN, 'en: "Street festival"}', 'en: "Street festival", fr: "Fête de rue"}',
                                                   ["data/plans/mau-2020.yml:24: tasks[2].tasks[2.1].title.fr: is a text in 'fr', which is not a language of this site (vi, en)"]),
}


# The locality's face: profile, projects, zones, events, procedures, incentives, highlights.
PROJECT = "data/projects/mau.yml"
EVENT = "data/events/mau.yml"
FACE_CASES = {
    'project names an unknown contact agency': (PROJECT, 'contact: {agency: mau-pc}', 'contact: {agency: mau-pcc}',
        ["data/projects/mau.yml:10: contact.agency: names agency 'mau-pcc', which is not in data/agencies/; did you mean 'mau-pc' or 'mau-dic' or 'mau-dofa'?"]),
    'project names an unknown zone': (PROJECT, 'zone: mau-zone', 'zone: mau-zon',
        ["data/projects/mau.yml:7: zone: names zone 'mau-zon', which is not in data/zones/; did you mean 'mau-zone'?"]),
    'project capital written with words': (PROJECT, 'amount: 50000000', 'amount: "50 triệu"',
        ["data/projects/mau.yml:9: capital.amount: should be a number, not '50 triệu' (write digits only, e.g. 1070, without dots, commas or units)"]),
    'project capital without currency': (PROJECT, 'capital: {amount: 50000000, currency: USD}', 'capital: {amount: 50000000}',
        ['data/projects/mau.yml:9: capital.currency: is missing; this field is required']),
    'project currency not a code': (PROJECT, 'currency: USD', 'currency: đô la',
        ["data/projects/mau.yml:9: capital.currency: 'đô la' is not in the expected form (a three-letter currency code such as VND, USD, EUR, JPY)"]),
    'project sector outside the list': (PROJECT, 'sector: logistics', 'sector: logistic',
        ["data/projects/mau.yml:3: sector: is 'logistic', which is not allowed (did you mean 'logistics'?); use one of: logistics, manufacturing, energy, infrastructure, urban-development, tourism, agriculture, fisheries, services, technology, education, health, environment"]),
    'event names a task the plan lacks': (EVENT, 'task: "2"', 'task: "2.2"',
        ["data/events/mau.yml:7: plan_task.task: plan 'mau-2020' has no task 2.2; did you mean 2.1 or 2?"]),
    'event names an unknown plan': (EVENT, 'plan: mau-2020', 'plan: mau-2021',
        ["data/events/mau.yml:7: plan_task.plan: names plan 'mau-2021', which is not in data/plans/; did you mean 'mau-2020'?"]),
    'event ends before it starts': (EVENT, 'end: "2020-10-03"', 'end: "2020-09-30"',
        ["data/events/mau.yml:12: end: '2020-09-30' is before the start '2020-10-01'; the last day cannot come before the first"]),
    'event month that does not exist': (EVENT, 'start: "2020-05"', 'start: "2020-13"',
        ['data/events/mau.yml:4: start: \'2020-13\' is not a real date; write it as YYYY-MM-DD, e.g. "2019-01-05"']),
    'event end without a full start date': (EVENT, 'start: "2020-05"', 'start: "2020-05"\n  end: "2020-05-20"',
        ["data/events/mau.yml:5: end: is set, but start '2020-05' is not a full date; give the first day as YYYY-MM-DD too, or remove end"]),
    'event organiser unknown': (EVENT, 'organisers: [mau-pc, mau-dofa]', 'organisers: [mau-pc, mau-dofa, mau-docst]',
        ["data/events/mau.yml:14: organisers[3]: names agency 'mau-docst', which is not in data/agencies/; did you mean 'mau-dic' or 'mau-dofa' or 'mau-pc'?"]),
    'procedure links outside government sites': ('data/procedures/mau.yml', 'url: "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh.html"', 'url: "https://example.com/thu-tuc"',
        ["data/procedures/mau.yml:5: url: 'https://example.com/thu-tuc' is not in the expected form (its official page on a government site ending in gov.vn, e.g. https://dichvucong.gov.vn/)"]),
    'incentive without its legal source': ('data/incentives/mau.yml', '  sources:\n    - {legal: decree-72-2015-nd-cp, articles: {vi: "Điều 1", en: "Article 1"}}\n', '',
        ['data/incentives/mau.yml:1: sources: is missing; this field is required']),
    'source with neither document nor address': ('data/incentives/mau.yml', '{legal: decree-72-2015-nd-cp, articles:', '{title: {vi: "Trang web", en: "Web page"}, articles:',
        ['data/incentives/mau.yml:6: sources[1]: is incomplete (Where a fact comes from. Give either legal: (the id of a document in data/legal/, with articles: if useful) or both title: and url: (a public web page))']),
    'picture file missing': ('data/highlights/mau.yml', '  category: scenic\n', '  category: scenic\n  image: {file: bai-bien.jpg, alt: {vi: "Bãi biển", en: "The beach"}, licence: CC-BY-4.0, credit: "Sở Du lịch"}\n',
        ["data/highlights/mau.yml:4: image.file: 'bai-bien.jpg' is not in docs/assets/images/; add the picture there or correct the name"]),
    'picture without licence': ('data/highlights/mau.yml', '  category: scenic\n', '  category: scenic\n  image: {file: bai-bien.jpg, alt: {vi: "Bãi biển", en: "The beach"}, credit: "Sở Du lịch"}\n',
        ['data/highlights/mau.yml:4: image.licence: is missing; this field is required']),
    'profile text missing its English': ('data/profile.yml', ', en: "Mau Province is the province the tests use."}', '}',
        ['data/profile.yml:1: summary: the English text (en) is missing']),
    'profile contact unknown': ('data/profile.yml', 'contact: {agency: mau-pc}', 'contact: {agency: mau-dpi}',
        ["data/profile.yml:15: contacts[1].contact.agency: names agency 'mau-dpi', which is not in data/agencies/; did you mean 'mau-dic' or 'mau-pc' or 'mau-dofa'?"]),
}


# The press room: news, clarifications, spokespersons, publications.
PRESS_CASES = {
    'news dated in the future': ('data/news/mau-news-1.yml', 'date: "2020-06-01"', 'date: "2099-06-01"',
        ["data/news/mau-news-1.yml:2: date: '2099-06-01' is in the future (today is 2026-11-22); add `status: scheduled` to publish it on that day, or correct the date"]),
    'news without its English text': ('data/news/mau-news-1.yml', 'en: "The street festival has opened."}', '}',
        ['data/news/mau-news-1.yml:5: summary: the English text (en) is missing; write it, or add `status: awaiting-translation` to hold the item back until it is translated']),
    'news category outside the list': ('data/news/mau-news-1.yml', 'category: news', 'category: tin-tuc',
        ["data/news/mau-news-1.yml:3: category: is 'tin-tuc', which is not allowed; use one of: press-release, news, statement"]),
    'news names an unknown event': ('data/news/mau-news-1.yml', 'events: [mau-festival]', 'events: [mau-festivl]',
        ["data/news/mau-news-1.yml:11: related.events[1]: names event 'mau-festivl', which is not in data/events/; did you mean 'mau-festival' or 'mau-fair'?"]),
    'clarification without where it appeared': ('data/clarifications/mau-claim.yml', 'appeared:\n  - where: {vi: "một bài đăng trên mạng xã hội", en: "a social-media post"}\n    date: "2020-08-28"\n', '',
        ['data/clarifications/mau-claim.yml:1: appeared: is missing; this field is required']),
    'clarification without its English text': ('data/clarifications/mau-claim.yml', ', en: "The port is operating normally."}', '}',
        ['data/clarifications/mau-claim.yml:10: facts[1]: the English text (en) is missing; write it, or add `awaiting_translation: [en]` '
         'to publish the record with its Vietnamese text and a notice until it is translated']),
    'spokesperson of an unknown agency': ('data/spokespersons/mau.yml', 'agency: mau-pc', 'agency: mau-ubnd',
        ["data/spokespersons/mau.yml:5: agency: names agency 'mau-ubnd', which is not in data/agencies/; did you mean 'mau-dic' or 'mau-dofa' or 'mau-pc'?"]),
    'spokesperson without the confirmation date': ('data/spokespersons/mau.yml', '  confirmed: "2020-01-15"\n', '',
        ['data/spokespersons/mau.yml:1: confirmed: is missing; this field is required']),
    'publication file missing': ('data/publications/mau.yml', '{language: vi, format: pdf}', '{language: vi, format: pdf, file: toan-canh-2020.pdf}',
        ["data/publications/mau.yml:6: versions[1].file: 'toan-canh-2020.pdf' is not in docs/assets/publications/; add the file there or correct the name"]),
    'publication names a task the plan lacks': ('data/publications/mau.yml', 'task: "2"', 'task: "9"',
        ["data/publications/mau.yml:9: plan_task.task: plan 'mau-2020' has no task 9"]),
}


# Progress updates on a plan (data/progress/), as the agencies report them.
PROGRESS = "data/progress/mau-2020.yml"
PROGRESS_CASES = {
    'update on a task the plan lacks': (PROGRESS, 'task: "2.1"', 'task: "2.2"',
        ["data/progress/mau-2020.yml:11: updates[2].task: plan 'mau-2020' has no task 2.2; did you mean 2.1 or 2?"]),
    'update on a task that has sub-tasks': (PROGRESS, 'task: "2.1"', 'task: "2"',
        ["data/progress/mau-2020.yml:11: updates[2].task: task 2 is made of tasks 2.1; report on those, and the portal adds them up"]),
    'task number written without quotes': (PROGRESS, 'task: "2.1"', 'task: 2.1',
        ["data/progress/mau-2020.yml:11: updates[2].task: should be a text, not 2.1 (The task's number as in the plan, in quotes, e.g. \"6.1\")"]),
    'status outside the list': (PROGRESS, 'status: in-progress', 'status: ongoing',
        ["data/progress/mau-2020.yml:8: updates[1].status: is 'ongoing', which is not allowed; use one of: not-started, in-progress, done, delayed, cancelled"]),
    'percent above 100': (PROGRESS, 'percent: 40', 'percent: 140',
        ["data/progress/mau-2020.yml:9: updates[1].percent: is 140; it must be at most 100"]),
    'percent below 0': (PROGRESS, 'percent: 40', 'percent: -5',
        ["data/progress/mau-2020.yml:9: updates[1].percent: is -5; it must be at least 0"]),
    'percent written with a sign': (PROGRESS, 'percent: 40', 'percent: "40%"',
        ["data/progress/mau-2020.yml:9: updates[1].percent: should be a number, not '40%' (write digits only, e.g. 1070, without dots, commas or units) (Share of the task completed, 0 to 100, where it makes sense)"]),
    'done but not 100 percent': (PROGRESS, 'status: done\n    note: {vi: "Lễ hội', 'status: done\n    percent: 60\n    note: {vi: "Lễ hội',
        ["data/progress/mau-2020.yml:15: updates[2].percent: is 60 but the status is done; a done task is 100 percent, so correct one of them"]),
    'update dated before the plan': (PROGRESS, 'date: "2020-03-10"', 'date: "2019-12-20"',
        ["data/progress/mau-2020.yml:6: updates[1].date: '2019-12-20' is before the plan was issued (2020-01-02); an update reports on work done under the plan"]),
    'update dated in the future': (PROGRESS, 'date: "2020-07-15"', 'date: "2099-07-15"',
        ["data/progress/mau-2020.yml:17: updates[3].date: '2099-07-15' is in the future (today is 2026-11-22); report progress once it has happened"]),
    'update dated on an impossible day': (PROGRESS, 'date: "2020-05-31"', 'date: "2020-06-31"',
        ['data/progress/mau-2020.yml:12: updates[2].date: \'2020-06-31\' is not a real date; write it as YYYY-MM-DD, e.g. "2019-01-05"']),
    'update from an unknown agency': (PROGRESS, 'agency: mau-dofa', 'agency: mau-sngv',
        ["data/progress/mau-2020.yml:13: updates[2].agency: names agency 'mau-sngv', which is not in data/agencies/; did you mean 'mau-pc' or 'mau-dic' or 'mau-dofa'?"]),
    'update overwrites history': (PROGRESS, 'date: "2020-07-15"', 'date: "2020-02-01"',
        ["data/progress/mau-2020.yml:17: updates[3].date: '2020-02-01' is before the update on task 1 at line 5 (2020-03-10); add new updates at the end of the list and leave earlier ones as they are"]),
    'progress on an unknown plan': (PROGRESS, 'plan: mau-2020', 'plan: mau-2002',
        ["data/progress/mau-2020.yml:1: plan: names plan 'mau-2002', which is not in data/plans/; did you mean 'mau-2020'?"]),
    'update without a note': (PROGRESS, '    note: {vi: "Lễ hội đã diễn ra.", en: "The festival took place."}\n', '',
        ['data/progress/mau-2020.yml:11: updates[2].note: is missing; this field is required']),
    'note without its English text': (PROGRESS, ', en: "The festival took place."}', '}',
        ['data/progress/mau-2020.yml:15: updates[2].note: the English text (en) is missing']),
    'reporting day that does not exist': (PROGRESS, 'reports: ["2020-06-30"]', 'reports: ["2020-06-31"]',
        ['data/progress/mau-2020.yml:3: reports[1]: \'2020-06-31\' is not a real date; write it as YYYY-MM-DD, e.g. "2019-06-15"']),
    'reporting day before the plan': (PROGRESS, 'reports: ["2020-06-30"]', 'reports: ["2019-06-30"]',
        ["data/progress/mau-2020.yml:3: reports[1]: '2019-06-30' is before the plan was issued (2020-01-02)"]),
}


# Every case above, by group: one defect each, its exact message.
GROUPS = {"plans": CASES, "face": FACE_CASES, "press": PRESS_CASES, "progress": PROGRESS_CASES}
ALL_CASES = [(group, name, *case) for group, cases in GROUPS.items() for name, case in cases.items()]


@pytest.mark.parametrize(("group", "name", "relative", "old", "new", "expected"), ALL_CASES, ids=[f"{group}: {name}" for group, name, *_ in ALL_CASES])
def test_editor_mistake_is_reported(data_root, group, name, relative, old, new, expected):
    edit(data_root, relative, old, new)
    assert errors_of(data_root) == expected


def test_held_back_news_is_not_published(data_root):
    db = database.load(data_root, LANGS)
    assert [record.id for record in db.news()] == ["mau-release", "mau-news-1"]  # not mau-future, not mau-draft
    edit(data_root, "data/news/mau-future.yml", 'date: "2099-01-01"', 'date: "2026-11-23"')
    assert "mau-future" not in [record.id for record in database.load(data_root, LANGS).news()]


def test_scheduled_news_appears_at_midnight_viet_nam_time(data_root, monkeypatch):
    edit(data_root, "data/news/mau-future.yml", 'date: "2099-01-01"', 'date: "2026-11-23"')
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1795366800 - 1))  # 2026-11-22T23:59:59+07:00
    assert "mau-future" not in [record.id for record in database.load(data_root, LANGS).news()]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1795366800))  # 2026-11-23T00:00:00+07:00, still the 22nd in UTC
    assert "mau-future" in [record.id for record in database.load(data_root, LANGS).news()]


def test_dot_as_thousands_separator_gets_a_hint(data_root):
    edit(data_root, PLAN, "budget_total: 150", "budget_total: 0.150")
    assert errors_of(data_root) == [
        "data/plans/mau-2020.yml:12: budget_total: declares 0.15 million VND but the task budgets add up to 150 (1: 50, 2.1: 100). "
        "It looks as if 150 was written with a dot as thousands separator; write 150 without a dot."]


def test_all_errors_are_listed_at_once(data_root):
    edit(data_root, PLAN, 'date: "2020-01-02"', 'date: "2020"')
    edit(data_root, PLAN, "budget: 50", 'budget: "50"')
    edit(data_root, PLAN, "budget: 100", "budget: -100")
    edit(data_root, AGENCIES, "parent: mau-pc", "parent: mau-ubnd")
    messages = errors_of(data_root)
    assert [message.split(": ")[0] for message in messages] == [
        "data/agencies/mau.yml:11", "data/plans/mau-2020.yml:4", "data/plans/mau-2020.yml:19", "data/plans/mau-2020.yml:27"]


def test_report_says_nothing_was_published(data_root):
    edit(data_root, PLAN, "lead: [mau-dic]", "lead: [mau-dit]")
    with pytest.raises(DataErrors) as caught:
        database.load(data_root, LANGS)
    assert caught.value.report().startswith("The data has 1 error; nothing was published:\n  data/plans/mau-2020.yml:17:")


def _broken(value):
    """Every text turned into a number, every list into a text, and a field nobody knows added."""
    if isinstance(value, dict):
        return {**{key: _broken(item) for key, item in value.items()}, "unknown_field": 1}
    if isinstance(value, list):
        return "not a list" if not value else [_broken(item) for item in value]
    return 5 if isinstance(value, str) else value


def test_schemas_with_shared_pieces_written_in_place_find_the_same_problems():
    """SchemaSet.validator writes each $ref in place for speed; the problems an editor reads are
    those of the schema as written, checked through the registry."""
    root = Path(__file__).resolve().parent.parent
    schemas = SchemaSet(root / "data" / "schemas")
    compared = 0
    for folder, kind in KINDS.items():
        for path in sorted((root / "data" / folder).glob("*.yml"))[:3]:
            document, _ = load(path, path.name)
            for record in document.value if isinstance(document.value, list) else [document.value]:
                written = Draft202012Validator(schemas._schemas[f"{kind}.schema.json"], registry=schemas._registry)
                for data in (record, _broken(record)):
                    expected = sorted((tuple(map(str, error.absolute_path)), error.validator, error.message) for error in written.iter_errors(data))
                    found = sorted((tuple(map(str, error.absolute_path)), error.validator, error.message)
                                   for error in schemas.validator(kind).iter_errors(data))
                    assert found == expected, f"{path.name} ({kind})"
                    compared += bool(expected)
    assert compared > 20  # broken records of every kind were compared, not only valid ones
