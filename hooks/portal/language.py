"""Everything a template needs to speak one language: UI strings, bilingual fields, numbers, dates,
time frames and links between pages.

Numbers and month names come from Babel (CLDR data), so 1070 is written "1.070" in Vietnamese and
"1,070" in English, and a new language only needs its locale named in data/ui.yml.
"""

from __future__ import annotations

import posixpath
from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal

from . import clock
from .database import Database
from .timeframe import TimeFrame

# URL of each generated page kind, relative to the language root; the same slug in every language.
ROUTES = {
    "plan": "plans/{id}/",
    "agency": "agencies/{id}/",
    "legal": "legal/{id}/",
    "project": "invest/projects/{id}/",
    "zone": "invest/zones/{id}/",
    "event": "events/{id}/",
    "home": "",
    "plans": "plans/",
    "agencies": "agencies/",
    "legals": "legal/",
    "profile": "profile/",
    "invest": "invest/",
    "projects": "invest/projects/",
    "zones": "invest/zones/",
    "procedures": "invest/procedures/",
    "visit": "visit/",
    "events": "events/",
    "calendar": "events.ics",
}


class Language:
    def __init__(self, db: Database, code: str, default: str, page_url: str = ""):
        self.db = db
        self.code = code
        self.default = default
        self.page_url = page_url
        formats = db.ui["formats"][code]
        self.locale = formats["locale"]
        self._date_pattern = formats["date"]
        self._month_pattern = formats.get("month", "MMMM y")
        self.today = clock.today()

    # -- words --------------------------------------------------------------------------------
    def t(self, key: str, **values: object) -> str:
        """A UI string from data/ui.yml, with {placeholders} filled in."""
        text = self.db.ui["strings"][key][self.code]
        return text.format(**values) if values else text

    def label(self, prefix: str, value: str) -> str:
        """The label of an enum value: label('sector', 'urban-development') -> t('sector_urban_development')."""
        return self.t(f"{prefix}_{value.replace('-', '_')}")

    def labels(self, prefix: str, values: list[str]) -> str:
        return ", ".join(self.label(prefix, value) for value in values)

    def tx(self, text: dict | None) -> str:
        """The current language's side of a bilingual field."""
        return "" if not text else text[self.code]

    # -- numbers and dates ----------------------------------------------------------------------
    def number(self, value: float | None) -> str:
        return "" if value is None else format_decimal(value, locale=self.locale)

    def money(self, value: float | None) -> str:
        """A budget in million VND: '1.070 triệu đồng' / '1,070 million VND'."""
        return "" if value is None else self.t("million_vnd", amount=self.number(value))

    def currency(self, money: dict | None) -> str:
        """{amount: 50000000, currency: USD} -> '50,000,000 USD' / '50.000.000 USD'.

        The ISO code rather than a symbol: "$" or "₫" alone is ambiguous to a foreign reader.
        """
        return "" if not money else f"{self.number(money['amount'])} {money['currency']}"

    def date(self, iso: str | None) -> str:
        return "" if not iso else format_date(date.fromisoformat(iso), self._date_pattern, locale=self.locale)

    def when(self, start: str, end: str | None = None) -> str:
        """An event's dates: a day, a span of days, or only the month or year while the dates are not fixed."""
        if len(start) == 4:
            return self.t("time_year", year=start)
        if len(start) == 7:
            return format_date(date.fromisoformat(start + "-01"), self._month_pattern, locale=self.locale)
        if not end or end == start:
            return self.date(start)
        return self.t("date_span", first=self.date(start), last=self.date(end))

    def timeframe(self, time: TimeFrame | None) -> str:
        if time is None:
            return ""
        if self.code == "vi":
            return time.text  # kept as the plan writes it
        if time.kind == "month":
            return format_date(time.start, self._month_pattern, locale=self.locale)
        if time.kind == "quarter":
            return self.t("time_quarter", quarter=time.quarter, year=time.start.year)
        if time.kind == "range":
            return self.t("time_range", first=time.start.year, last=time.end.year)
        if time.kind == "whole-year":
            return self.t("time_whole_year", year=time.start.year)
        if time.kind == "annual":
            return self.t("time_annual")
        return self.t("time_year", year=time.start.year)

    # -- links ----------------------------------------------------------------------------------
    def url(self, kind: str, record_id: str = "") -> str:
        """Link from the current page to a generated page, relative so the site works in any folder."""
        target = language_prefix(self.code, self.default) + ROUTES[kind].format(id=record_id)
        return relative_url(target, self.page_url)

    def asset(self, path: str) -> str:
        """Link to a file under the site's shared assets/ folder (one copy for all languages)."""
        return relative_url("assets/" + path, self.page_url)


def language_prefix(code: str, default: str) -> str:
    return "" if code == default else f"{code}/"


def relative_url(target: str, page_url: str) -> str:
    """Both arguments are site-relative URLs of directories ('plans/x/'); returns e.g. '../../agencies/y/'."""
    base = posixpath.dirname(page_url.rstrip("/") + "/x") if page_url else ""
    rel = posixpath.relpath(target or ".", base or ".")
    return "./" if rel == "." else rel + ("/" if target.endswith("/") and not rel.endswith("/") else "")
