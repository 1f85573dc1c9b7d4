"""schema.org JSON-LD for each page, in the page's language, with links to its translations.

The locality's home page and agency pages describe a `GovernmentOrganization`, events an `Event`,
news a `NewsArticle`, clarifications an `Article`, plans and the open-data page a `Dataset`; every
other page a `WebPage`. Each carries `inLanguage`, and `workTranslation` (on the default language's
page) or `translationOfWork` (on the others) pointing at the same page in the other languages.
"""

from __future__ import annotations

import html
import json
from typing import Any

from markupsafe import Markup

from .database import Database
from .language import Language


def page_data(L: Language, db: Database, meta: dict, title: str, url: str, alternates: dict[str, str], base: str) -> dict:
    kind = meta.get("portal_record")
    record = None
    if kind == "plan":
        record = db.plans[meta["portal_id"]].record
    elif kind:
        record = db.kind(kind)[meta["portal_id"]]
    node: dict[str, Any] = {"@context": "https://schema.org", "@type": "WebPage", "name": title, "url": url, "inLanguage": L.code,
                            "isPartOf": {"@type": "WebSite", "name": L.tx(db.site["portal_name"]), "url": base}}
    if meta.get("description"):
        node["description"] = html.unescape(meta["description"])  # escaped for the theme's <head> (record_content.on_env)
    if kind == "agency":
        node.update(_organisation(L, db, record.id))
    elif kind == "event":
        data = record.data
        node.update({"@type": "Event", "startDate": data["start"], "location": {"@type": "Place", "name": L.tx(data.get("place"))}})
        if data.get("end"):
            node["endDate"] = data["end"]
        if data.get("organisers"):
            node["organizer"] = [_organisation(L, db, agency) for agency in data["organisers"]]
    elif kind == "news":
        node.update({"@type": "NewsArticle", "headline": title, "datePublished": record.data["date"]})
        node["publisher"] = _organisation(L, db, db.site["owner"])
    elif kind == "clarification":
        node.update({"@type": "Article", "headline": title, "datePublished": record.data["date"]})
    elif kind == "plan":
        first, last = db.plans[record.id].period
        node.update({"@type": "Dataset", "temporalCoverage": f"{first}/{last}", "creator": _organisation(L, db, record.data["issuer"])})
    elif meta.get("portal_list") == "open-data":
        node.update({"@type": "Dataset", "distribution": [{"@type": "DataDownload", "encodingFormat": "application/json",
                                                           "contentUrl": base + "data/data.json"}]})
        if db.site.get("open_data_licence"):
            node["license"] = db.site["open_data_licence"]["url"]
    elif meta.get("portal_list") == "home":
        node["about"] = {**_organisation(L, db, db.site["owner"]), "areaServed": L.tx(db.site["name"])}
    if L.code == L.default:
        translations = [{"@type": node["@type"], "@id": address, "inLanguage": code} for code, address in alternates.items() if code != L.code]
        if translations:
            node["workTranslation"] = translations
    elif L.default in alternates:
        node["translationOfWork"] = {"@type": node["@type"], "@id": alternates[L.default], "inLanguage": L.default}
    node["@id"] = url
    return node


def _organisation(L: Language, db: Database, agency_id: str) -> dict:
    data = db.agencies[agency_id].data
    node = {"@type": "GovernmentOrganization", "name": L.tx(data["name"])}
    if data.get("abbreviation"):
        node["alternateName"] = L.tx(data["abbreviation"])
    if data.get("website"):
        node["sameAs"] = data["website"]
    if data.get("parent"):
        node["parentOrganization"] = {"@type": "GovernmentOrganization", "name": L.tx(db.agencies[data["parent"]].data["name"])}
    return node


def script(data: dict) -> Markup:
    """The JSON-LD block; '<' is escaped so no text can close the script element."""
    text = json.dumps(data, ensure_ascii=False, indent=None).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')
