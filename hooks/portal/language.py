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

from .database import Database
from .timeframe import TimeFrame

# URL of each generated page kind, relative to the language root; the same slug in every language.
ROUTES = {
    "plan": "plans/{id}/",
    "agency": "agencies/{id}/",
    "legal": "legal/{id}/",
    "plans": "plans/",
    "agencies": "agencies/",
    "legals": "legal/",
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

    # -- words --------------------------------------------------------------------------------
    def t(self, key: str, **values: object) -> str:
        """A UI string from data/ui.yml, with {placeholders} filled in."""
        text = self.db.ui["strings"][key][self.code]
        return text.format(**values) if values else text

    def tx(self, text: dict | None) -> str:
        """The current language's side of a bilingual field."""
        return "" if not text else text[self.code]

    # -- numbers and dates ----------------------------------------------------------------------
    def number(self, value: float | None) -> str:
        return "" if value is None else format_decimal(value, locale=self.locale)

    def money(self, value: float | None) -> str:
        """A budget in million VND: '1.070 triệu đồng' / '1,070 million VND'."""
        return "" if value is None else self.t("million_vnd", amount=self.number(value))

    def date(self, iso: str | None) -> str:
        return "" if not iso else format_date(date.fromisoformat(iso), self._date_pattern, locale=self.locale)

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
        prefix = "" if self.code == self.default else f"{self.code}/"
        target = prefix + ROUTES[kind].format(id=record_id)
        return relative_url(target, self.page_url)


def relative_url(target: str, page_url: str) -> str:
    """Both arguments are site-relative URLs of directories ('plans/x/'); returns e.g. '../../agencies/y/'."""
    base = posixpath.dirname(page_url.rstrip("/") + "/x") if page_url else ""
    rel = posixpath.relpath(target or ".", base or ".")
    return "./" if rel == "." else rel + ("/" if target.endswith("/") and not rel.endswith("/") else "")
