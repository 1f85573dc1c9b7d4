"""An RSS 2.0 feed per language (feed.xml): the latest published news items and clarifications.

Written with the standard library's ElementTree, which escapes every text. Links are absolute (feed
readers need them); each item's date is its day of publication at 00:00 Viet Nam time (UTC+7), as
RFC 822 requires a time. The channel carries the language code and an atom:link to itself.
"""

from __future__ import annotations

from datetime import date, datetime
from email.utils import format_datetime
from xml.etree import ElementTree

from . import clock
from .database import Database
from .language import Language

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 30


def build(db: Database, language: Language, site_url: str) -> bytes:
    ElementTree.register_namespace("atom", ATOM)
    rss = ElementTree.Element("rss", {"version": "2.0"})
    channel = ElementTree.SubElement(rss, "channel")
    portal = language.tx(db.site["portal_name"])
    _text(channel, "title", language.t("feed_title", portal=portal))
    _text(channel, "link", language.absolute(site_url, "home"))
    _text(channel, "description", language.t("feed_description", portal=portal))
    _text(channel, "language", language.code)
    _text(channel, "lastBuildDate", format_datetime(clock.now()))
    ElementTree.SubElement(channel, f"{{{ATOM}}}link", {"href": language.absolute(site_url, "feed"), "rel": "self", "type": "application/rss+xml"})
    entries = [(record, "news") for record in db.news()] + [(record, "clarification") for record in db.clarifications()]
    entries.sort(key=lambda entry: (entry[0].data["date"], entry[0].id), reverse=True)
    for record, kind in entries[:LIMIT]:
        data = record.data
        item = ElementTree.SubElement(channel, "item")
        title = language.tx(data["title"])
        if data.get("sample"):
            title = f"[{language.t('sample')}] {title}"
        url = (language.absolute(site_url, "news", record.id, year=data["date"][:4]) if kind == "news"
               else language.absolute(site_url, "clarification", record.id))
        _text(item, "title", title)
        _text(item, "link", url)
        _text(item, "guid", url, isPermaLink="true")
        _text(item, "pubDate", format_datetime(datetime.combine(date.fromisoformat(data["date"]), datetime.min.time(), clock.VIET_NAM)))
        _text(item, "description", language.tx(data["summary"] if kind == "news" else data["claim"]))
        category = language.label("news_category", data["category"]) if kind == "news" else language.t("clarification")
        _text(item, "category", category)
    ElementTree.indent(rss)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(rss, encoding="utf-8") + b"\n"


def _text(parent: ElementTree.Element, tag: str, text: str, **attributes: str) -> None:
    ElementTree.SubElement(parent, tag, attributes).text = text
