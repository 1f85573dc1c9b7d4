"""Time frames as the plans write them ("Quý II/năm 2019", "Hàng năm", "2014 - 2016"), parsed into
a machine-readable start and end.

The Vietnamese text is kept as written; other languages are rendered from the parsed form with
patterns from data/ui.yml, so adding a language needs translations, not code.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

EXAMPLES = "'Năm 2019', 'cả năm 2019', 'Quý II/năm 2019', 'Tháng 5/2019', 'Hàng năm' or '2014 - 2016'"

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_YEAR = r"(?P<year>\d{4})"
_FORMS = [
    ("annual", re.compile(r"^hàng năm$")),
    ("whole-year", re.compile(rf"^(?:trong )?cả năm {_YEAR}$")),
    ("year", re.compile(rf"^(?:năm )?{_YEAR}$")),
    ("quarter", re.compile(rf"^quý (?P<quarter>iv|iii|ii|i|[1-4])\s*(?:/|\s)\s*(?:năm )?{_YEAR}$")),
    ("month", re.compile(rf"^tháng (?P<month>\d{{1,2}})\s*(?:/|\s)\s*(?:năm )?{_YEAR}$")),
    ("range", re.compile(r"^(?:giai đoạn |từ năm |năm )?(?P<first>\d{4})\s*(?:-|–|đến(?: hết)?(?: năm)?)\s*(?P<last>\d{4})$")),
]


class TimeFrameError(ValueError):
    pass


@dataclass(frozen=True)
class TimeFrame:
    text: str
    kind: str  # annual, whole-year, year, quarter, month, range
    start: date
    end: date
    quarter: int | None = None
    month: int | None = None

    @property
    def first_year(self) -> int:
        return self.start.year

    @property
    def last_year(self) -> int:
        return self.end.year


def parse(text: str, period: tuple[int, int]) -> TimeFrame:
    """Parse `text`; `period` (first and last year of the plan) gives "Hàng năm" its span."""
    spoken = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).strip().lower()).rstrip(".")
    for kind, pattern in _FORMS:
        match = pattern.match(spoken)
        if not match:
            continue
        if kind == "annual":
            return TimeFrame(text, kind, date(period[0], 1, 1), date(period[1], 12, 31))
        if kind == "range":
            first, last = int(match["first"]), int(match["last"])
            if first > last:
                raise TimeFrameError(f"{text!r} ends before it starts; write the earlier year first")
            return TimeFrame(text, kind, date(first, 1, 1), date(last, 12, 31))
        year = int(match["year"])
        if kind == "quarter":
            quarter = _ROMAN.get(match["quarter"]) or int(match["quarter"])
            last_month = quarter * 3
            return TimeFrame(text, kind, date(year, last_month - 2, 1),
                             date(year, last_month, calendar.monthrange(year, last_month)[1]), quarter=quarter)
        if kind == "month":
            month = int(match["month"])
            if not 1 <= month <= 12:
                raise TimeFrameError(f"{text!r} names month {month}; months run from 1 to 12")
            return TimeFrame(text, kind, date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), month=month)
        return TimeFrame(text, kind, date(year, 1, 1), date(year, 12, 31))
    raise TimeFrameError(f"{text!r} is not a time frame the portal can read; write it like {EXAMPLES}")
