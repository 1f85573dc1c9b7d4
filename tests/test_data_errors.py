"""Every mistake an editor can make in data/ stops the build with a message naming file, line and
field. One defect per case, the exact message asserted; then several defects reported at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal import database
from portal.errors import DataErrors

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
                             ["data/plans/mau-2020.yml:15: tasks[1].title: the English text (en) is missing"]),
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
                      ["data/plans/mau-2020.yml:12: budget_totl: is not a known field here (did you mean 'budget_total'?); allowed fields: budget_total, closing, date, duties, funding, id, issuer, legal_basis, locality, notes, number, period, purposes, references, reporting, requirements, scope, sections, signer, source, targets, tasks, title, type"]),
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


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_editor_mistake_is_reported(data_root, case):
    relative, old, new, expected = CASES[case]
    edit(data_root, relative, old, new)
    assert errors_of(data_root) == expected


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
