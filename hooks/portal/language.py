"""Everything a template needs to speak one language: UI strings, bilingual fields, numbers, dates,
time frames and links between pages.

Numbers and month names come from Babel (CLDR data), so 1070 is written "1.070" in Vietnamese and
"1,070" in English, and a new language only needs its locale named in data/ui.yml.
"""

from __future__ import annotations

import posixpath
from datetime import date
from functools import lru_cache

from babel import Locale
from babel.core import get_global
from babel.dates import format_date
from babel.numbers import format_decimal

from . import pictures
from .database import IMAGES, Database
from .timeframe import TimeFrame

# URL of each generated page kind, relative to the language root; the same slug in every language.
ROUTES = {
    "plan": "plans/{id}/",
    "report": "plans/{id}/report/{day}/",
    "shared-documents": "plans/shared-documents/",
    "agency": "agencies/{id}/",
    "legal": "legal/{id}/",
    "project": "invest/projects/{id}/",
    "zone": "invest/zones/{id}/",
    "event": "events/{id}/",
    "news": "news/{year}/{id}/",
    "clarification": "clarifications/{id}/",
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
    "feed": "feed.xml",
    "news-index": "news/",
    "news-page": "news/page/{page}/",
    "news-year": "news/{year}/",
    "news-category": "news/category/{category}/",
    "press": "press/",
    "foreign-press": "press/foreign-press/",
    "clarifications": "clarifications/",
    "publications": "publications/",
    "international": "international/",
    "changelog": "changelog/",
}


class Language:
    def __init__(self, db: Database, code: str, default: str, page_url: str = ""):
        self.db = db
        self.code = code
        self.default = default
        self.page_url = page_url
        formats = db.ui["formats"][code]
        self.locale = formats["locale"]
        self._babel = _babel_locale(self.locale)  # parsed once: Babel parses a locale string again on every call
        self._date_pattern = formats["date"]
        self._month_pattern = formats.get("month", "MMMM y")
        self.colon = formats.get("colon", ":")  # after a label: "Source:", in French "Source :"

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
        """The current language's side of a bilingual field; the default language's while a record
        awaits translation (`awaiting_translation:`, announced on its page)."""
        return "" if not text else text.get(self.code) or text[self.default]

    def plan_name(self, plan) -> str:
        """A plan named briefly: "Kế hoạch 04/KH-UBND", or without a number its locality and period."""
        kind = self.label("plan_type", plan.data["type"])
        if plan.data.get("number"):
            return f"{kind} {plan.data['number']}"
        start, end = plan.period
        return f"{kind} {self.tx(plan.data['locality']['name'])} {start if start == end else f'{start}–{end}'}"

    # -- numbers and dates ----------------------------------------------------------------------
    def number(self, value: float | None) -> str:
        return "" if value is None else format_decimal(value, locale=self._babel)

    def money(self, value: float | None) -> str:
        """A budget in million VND: '1.070 triệu đồng' / '1,070 million VND'."""
        return "" if value is None else self.t("million_vnd", amount=self.number(value))

    def filesize(self, size: int) -> str:
        """1234567 -> '1,2 MB' / '1.2 MB'; under a megabyte in kB."""
        if size >= 1_000_000:
            return f"{format_decimal(round(size / 1_000_000, 1), locale=self._babel)} MB"
        return f"{format_decimal(max(1, round(size / 1000)), locale=self._babel)} kB"

    @property
    def og_locale(self) -> str:
        """The Open Graph locale, language_TERRITORY: 'vi_VN', 'en_GB' (CLDR likely subtags fill a missing territory)."""
        return _og_locale(self.locale)

    def language_name(self, code: str) -> str:
        """A language's name in the page's language (Babel/CLDR): 'tiếng Anh' / 'English'."""
        return Locale.parse(code.replace("-", "_")).get_display_name(self.locale) or code

    def currency(self, money: dict | None) -> str:
        """{amount: 50000000, currency: USD} -> '50,000,000 USD' / '50.000.000 USD'.

        The ISO code rather than a symbol: "$" or "₫" alone is ambiguous to a foreign reader.
        """
        return "" if not money else f"{self.number(money['amount'])} {money['currency']}"

    def date(self, iso: str | None) -> str:
        return "" if not iso else format_date(date.fromisoformat(iso), self._date_pattern, locale=self._babel)

    def when(self, start: str, end: str | None = None) -> str:
        """An event's dates: a day, a span of days, or only the month or year while the dates are not fixed."""
        if len(start) == 4:
            return self.t("time_year", year=start)
        if len(start) == 7:
            return format_date(date.fromisoformat(start + "-01"), self._month_pattern, locale=self._babel)
        if not end or end == start:
            return self.date(start)
        return self.t("date_span", first=self.date(start), last=self.date(end))

    def timeframe(self, time: TimeFrame | None) -> str:
        if time is None:
            return ""
        if self.code == "vi":
            return time.text  # kept as the plan writes it
        if time.kind == "month":
            return format_date(time.start, self._month_pattern, locale=self._babel)
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
    def url(self, kind: str, record_id: str = "", **fields: object) -> str:
        """Link from the current page to a generated page, relative so the site works in any folder."""
        target = language_prefix(self.code, self.default) + ROUTES[kind].format(id=record_id, **fields)
        return relative_url(target, self.page_url)

    def record_url(self, record) -> str:
        """Link to a record's page; a news item's address includes its year."""
        if record.kind == "news":
            return self.url("news", record.id, year=record.data["date"][:4])
        return self.url(record.kind, record.id)

    def absolute(self, site_url: str, kind: str, record_id: str = "", **fields: object) -> str:
        """The full address of a page, for feeds, calendars and link previews."""
        return site_url.rstrip("/") + "/" + language_prefix(self.code, self.default) + ROUTES[kind].format(id=record_id, **fields)

    def asset(self, path: str) -> str:
        """Link to a file under the site's shared assets/ folder (one copy for all languages)."""
        return self.shared("assets/" + path)

    def picture_size(self, file: str) -> tuple[int, int] | None:
        """(width, height) of a picture in docs/assets/images/, for its <img> attributes."""
        return pictures.size(self.db.root / IMAGES / file)

    def shared(self, path: str) -> str:
        """Link to a file at the site root that all languages share: 'data/plans.json'."""
        return relative_url(path, self.page_url)


def language_prefix(code: str, default: str) -> str:
    return "" if code == default else f"{code}/"


def relative_url(target: str, page_url: str) -> str:
    """Both arguments are site-relative URLs of directories ('plans/x/'); returns e.g. '../../agencies/y/'.

    Worked out on the strings: posixpath.relpath asks the operating system for the working folder
    on every call, and templates call this some ten times per page."""
    base, goal = _segments(page_url), _segments(target)
    common = 0
    while common < len(base) and common < len(goal) and base[common] == goal[common]:
        common += 1
    rel = "/".join([".."] * (len(base) - common) + goal[common:]) or "."
    folder = target.endswith("/") or not target  # "" is the site root, a folder too
    return "./" if rel == "." else rel + ("/" if folder and not rel.endswith("/") else "")


def _segments(url: str) -> list[str]:
    return [segment for segment in posixpath.normpath(url or ".").split("/") if segment not in ("", ".")]


@lru_cache(maxsize=None)
def _babel_locale(code: str) -> Locale:
    return Locale.parse(code)


@lru_cache(maxsize=None)
def _og_locale(code: str) -> str:
    locale = _babel_locale(code)
    if not locale.territory:
        locale = Locale.parse(get_global("likely_subtags").get(locale.language, locale.language))
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language
