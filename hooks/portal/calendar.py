"""The events calendar as an iCalendar file (RFC 5545), one per language: events.ics.

Written with the `icalendar` package, which folds long lines, escapes commas, semicolons and
newlines in text values and ends lines with CRLF, all of which phone calendars insist on.

Every event is an all-day event (VALUE=DATE). Its UID is the same in every language, so a calendar
that imports both files keeps one copy. An event whose exact dates are not fixed yet (the plan only
says "Tháng 5/2019") spans its whole month with STATUS:TENTATIVE and says so in its description;
an event known only by its year is left out of the file (a year-long entry helps nobody) and stays
on the events page. Sample events carry the sample label in their summary.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from . import clock
from .database import Database, Record
from .language import Language


def build(db: Database, language: Language, site_url: str) -> bytes:
    base = site_url.rstrip("/") + "/"
    host = urlsplit(base).hostname or "localhost"
    calendar = Calendar()
    calendar.add("prodid", f"-//{language.tx(db.site['portal_name'])}//{host}//{language.code.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", language.t("calendar_name", portal=language.tx(db.site["portal_name"])))
    calendar.add("name", language.t("calendar_name", portal=language.tx(db.site["portal_name"])))  # RFC 7986
    stamp = clock.now()
    for record in sorted(db.events(), key=lambda record: (record.data["start"], record.id)):
        span = _span(record.data)
        if span is None:
            continue
        calendar.add_component(_event(record, span, language, language.absolute(base, "event", record.id), host, stamp))
    return calendar.to_ical()


def _event(record: Record, span: tuple[date, date, bool], language: Language, url: str, host: str, stamp: datetime) -> Event:
    data = record.data
    first, after_last, tentative = span
    summary = language.tx(data["title"])
    if data.get("sample"):
        summary = f"[{language.t('sample')}] {summary}"
    lines = [language.tx(paragraph) for paragraph in data.get("description", [])]
    if tentative:
        lines.insert(0, language.t("calendar_tentative", when=language.when(data["start"])))
    organisers = ", ".join(language.tx(language.db.agencies[agency_id].data["name"]) for agency_id in data["organisers"])
    lines.append(language.t("calendar_organisers", names=organisers))
    if data.get("sample"):
        lines.append(language.t("sample_notice"))
    lines.append(url)
    event = Event()
    event.add("uid", f"{record.id}@{host}")
    event.add("dtstamp", stamp)
    event.add("dtstart", first)
    event.add("dtend", after_last)  # exclusive: the day after the last day
    event.add("summary", summary)
    event.add("location", language.tx(data["place"]))
    event.add("description", "\n\n".join(lines))
    event.add("url", url)
    event.add("categories", [language.t("event_type_" + data["type"].replace("-", "_"))])
    event.add("status", "TENTATIVE" if tentative else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    return event


def _span(data: dict) -> tuple[date, date, bool] | None:
    """(first day, day after the last, tentative) or None for an event known only by its year."""
    start = data["start"]
    if len(start) == 4:
        return None
    if len(start) == 7:
        first = date.fromisoformat(start + "-01")
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, following, True
    first = date.fromisoformat(start)
    last = date.fromisoformat(data.get("end") or start)
    return first, last + timedelta(days=1), False

