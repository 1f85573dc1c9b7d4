"""Where a plan stands on a given day, from the dated updates in data/progress/.

The rules, which the plan page and the report state in words (ui.yml `progress_rule`):

- A task's status is that of its latest update on or before the day; with no update it is
  "not yet reported".
- A task's percent is the percent of its latest update that gives one; an update without a percent
  keeps the previous figure, "done" counts as 100 and "not started" as 0.
- A task with sub-tasks (6 over 6.1-6.3) and the plan as a whole roll up their parts: each part
  counts in proportion to its estimated budget; a part without a budget counts as much as the
  average budgeted part beside it; where no part has a budget they count equally. A part's budget is
  its own or the sum of its sub-tasks'. Cancelled tasks are left out.
- A task is overdue when the plan's progress is tracked, its time frame ended before the day and it
  is neither done nor cancelled. A task with sub-tasks is overdue when one of them is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .database import Database, Plan, Task, Update

FINISHED = ("done", "cancelled")


@dataclass
class TaskProgress:
    task: Task
    status: str  # unreported, not-started, in-progress, done, delayed, cancelled
    percent: float | None  # 0-100; None for a cancelled task, which the roll-up leaves out
    overdue: bool
    weight_budget: float | None  # the budget the roll-up weighs it by (its own or its sub-tasks')
    history: list[Update] = field(default_factory=list)  # on or before the day, oldest first

    @property
    def latest(self) -> Update | None:
        return self.history[-1] if self.history else None


class Progress:
    """One plan's progress as of `day` (YYYY-MM-DD)."""

    def __init__(self, plan: Plan, updates: list[Update], day: str):
        self.plan = plan
        self.day = day
        self.tracked = bool(updates)
        self.sample = any(update.sample for update in updates)  # made-up progress: every page and report using it says so
        self.updates = [update for update in updates if update.date <= day]
        self.tasks: dict[str, TaskProgress] = {}
        for task in plan.tasks:
            self._measure(task)
        self.percent = _roll_up([self.tasks[task.number] for task in plan.tasks])

    def of(self, task: Task) -> TaskProgress:
        return self.tasks[task.number]

    @property
    def top(self) -> list[TaskProgress]:
        return [self.tasks[task.number] for task in self.plan.tasks]

    @property
    def all(self) -> list[TaskProgress]:
        return [self.tasks[task.number] for task in self.plan.all_tasks]

    @property
    def leaves(self) -> list[TaskProgress]:
        return [self.tasks[task.number] for task in self.plan.all_tasks if not task.children]

    @property
    def overdue(self) -> list[TaskProgress]:
        return [item for item in self.leaves if item.overdue]

    def counts(self) -> dict[str, int]:
        """How many tasks without sub-tasks are in each status."""
        found: dict[str, int] = {}
        for item in self.leaves:
            found[item.status] = found.get(item.status, 0) + 1
        return found

    def by_agency(self) -> list[tuple[str, list[TaskProgress]]]:
        """(agency id, the tasks it leads) in order of first appearance in the plan."""
        led: dict[str, list[TaskProgress]] = {}
        for item in self.all:
            for agency in item.task.lead:
                led.setdefault(agency, []).append(item)
        return list(led.items())

    def _measure(self, task: Task) -> TaskProgress:
        if task.children:
            parts = [self._measure(child) for child in task.children]
            budgets = [part.weight_budget for part in parts if part.weight_budget is not None]
            own = task.budget if task.budget is not None else (sum(budgets) if budgets else None)
            item = TaskProgress(task, _group_status(parts), _roll_up(parts), any(part.overdue for part in parts), own)
        else:
            history = [update for update in self.updates if update.task == task.number]
            history.sort(key=lambda update: update.date)  # stable: same-day updates keep file order
            status, percent = "unreported", 0.0
            for update in history:
                status = update.status
                if update.percent is not None:
                    percent = float(update.percent)
                elif update.status == "done":
                    percent = 100.0
                elif update.status == "not-started":
                    percent = 0.0
            ended = task.time is not None and task.time.end.isoformat() < self.day
            overdue = self.tracked and ended and status not in FINISHED
            item = TaskProgress(task, status, None if status == "cancelled" else percent, overdue, task.budget, history)
        self.tasks[task.number] = item
        return item


def progress(db: Database, plan: Plan, day: str) -> Progress:
    return Progress(plan, db.updates(plan.id), day)


def weights(parts: list[TaskProgress]) -> list[float]:
    """The roll-up weight of each part (0 for a cancelled one); see the module's rules."""
    counted = [part for part in parts if part.percent is not None]
    budgets = [part.weight_budget for part in counted if part.weight_budget]
    average = sum(budgets) / len(budgets) if budgets else 1.0
    return [0.0 if part.percent is None else (part.weight_budget or average) if budgets else 1.0 for part in parts]


def _roll_up(parts: list[TaskProgress]) -> float | None:
    shares = weights(parts)
    total = sum(shares)
    if not total:
        return None
    return sum(share * part.percent for share, part in zip(shares, parts) if share) / total


def _group_status(parts: list[TaskProgress]) -> str:
    statuses = {part.status for part in parts}
    if statuses == {"cancelled"}:
        return "cancelled"
    if statuses <= {"done", "cancelled"}:
        return "done"
    if "delayed" in statuses:
        return "delayed"
    if statuses & {"in-progress", "done"}:
        return "in-progress"
    if "not-started" in statuses:
        return "not-started"
    return "unreported"
