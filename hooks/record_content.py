"""Render the body of data pages, and the record lists on index pages, from data through Jinja
templates in overrides/portal/.

A generated page (front matter `portal_record: plan|agency|legal|project|zone|event`, see data_pages.py) gets its whole
body from `overrides/portal/<kind>.html`; a hand-written page with `portal_list: <name>` (see LISTS)
gets that data block appended after its own text. The templates emit Markdown headings (so the table of
contents, anchors and search see them) around HTML blocks; every value from data is escaped.
Templates get `L` (portal.language.Language) for words, numbers, dates and links, and `db`.
"""

from __future__ import annotations

import html
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from markupsafe import Markup
from mkdocs.exceptions import PluginError

from portal import charts, clock, figures, history, navcache, opendata, plancharts, progress, rawhtml, report, sanitise, site, structured
from portal.language import Language

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# What `portal_list:` in a page's front matter may name: overrides/portal/list-<name>.html
LISTS = ("home", "profile", "invest", "projects", "zones", "procedures", "visit", "events", "news", "press", "clarifications",
         "publications", "international", "plans", "shared-documents", "agencies", "legal", "open-data", "changelog")


def on_config(config: "MkDocsConfig") -> None:
    """Markdown takes the templates' HTML blocks as they are (portal/rawhtml.py); the data
    templates are read afresh for each build (an edit under `mkdocs serve` shows on the next one)."""
    if not any(isinstance(extension, rawhtml.TemplateHtml) for extension in config.markdown_extensions):
        config.markdown_extensions.append(rawhtml.TemplateHtml())
    _environment.cache_clear()


def on_page_markdown(markdown: str, page, config: "MkDocsConfig", files) -> str:
    kind = page.meta.get("portal_record")
    listing = page.meta.get("portal_list")
    compiled = page.meta.get("portal_report")
    if not kind and not listing and not compiled:
        return markdown
    charts.restart_ids()  # the charts' and figures' ids are numbered per page
    db = site.current_database(config)
    language = Language(db, site.current_language(config), site.default_language(config), page.url)
    env = _environment(config.theme.custom_dir, _compiled(site.root(config)))
    states: dict[str, progress.Progress] = {}

    def state_of(plan) -> progress.Progress:
        """A plan's progress on the build day, worked out once per page."""
        if plan.id not in states:
            states[plan.id] = progress.progress(db, plan, clock.today())
        return states[plan.id]

    tools = {"L": language, "db": db, "figures": figures, "plancharts": plancharts, "progress": state_of,
             "opendata": opendata}
    if compiled:
        plan = db.plans[compiled["plan"]]
        return rawhtml.wrap(env.get_template("report.html").render(report=report.build(db, language, plan, compiled["day"]), **tools))
    if kind == "plan":
        plan = db.plans[page.meta["portal_id"]]
        return rawhtml.wrap(env.get_template("plan.html").render(record=plan, state=state_of(plan), reports=db.report_dates(plan.id), **tools))
    if kind:
        record = db.kind(kind)[page.meta["portal_id"]]
        # A news item's body is the editor's Markdown, in the page's language: rendered by MkDocs, not escaped.
        body = Markup(record.data["body"][language.code]) if kind == "news" else ""
        return rawhtml.wrap(env.get_template(f"{kind}.html").render(record=record, body=body, **tools))
    if listing not in LISTS:
        raise PluginError(f"docs/{page.file.src_uri}: portal_list is '{listing}'; use one of {', '.join(LISTS)}")
    block = env.get_template(f"list-{listing}.html").render(meta=page.meta, **tools)
    return markdown.rstrip() + f"\n\n{sanitise.DATA_START}\n\n" + rawhtml.wrap(block)


def on_page_content(html: str, page, config: "MkDocsConfig", files) -> str:
    """Clean what editors wrote (portal/sanitise.py); the data blocks are the templates' own."""
    hand_written = not (page.meta.get("portal_record") or page.meta.get("portal_report"))
    return sanitise.page(html, hand_written)


def on_env(env, config: "MkDocsConfig", files):
    """MkDocs renders theme templates without autoescaping, and Material writes a page's title and
    description into <head> and the navigation as they are. Titles and descriptions come from data
    and front matter, so each is escaped once, for every page, before any page is rendered."""
    for file in files.documentation_pages():
        page = file.page
        if page is None:
            continue
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = html.escape(page.meta[key])
        if "title" not in page.meta and page.title:  # a title taken from the page's first heading (plain text)
            page.title = html.escape(page.title)
    _fast(env, config)
    navcache.install(env, config.theme.dirs, config.theme.custom_dir)
    return env


def on_page_context(context, page, config: "MkDocsConfig", nav):
    db = site.current_database(config)
    language = Language(db, site.current_language(config), site.default_language(config), page.url)
    context["L"] = language
    context["portal"] = db
    # The day the page's source (its Markdown file, or the data it is made from) last changed.
    context["portal_updated"] = history.last_changed(site.root(config), page.file.edit_uri or f"docs/{page.file.src_uri}")
    if config.site_url and page.canonical_url:
        base = config.site_url.rstrip("/") + "/"
        alternates = {code: base + (alternate.url if alternate.url != "./" else "")
                      for code, alternate in (getattr(page.file, "alternates", None) or {}).items()}
        context["portal_jsonld"] = structured.script(structured.page_data(language, db, page.meta, html.unescape(page.title or ""), page.canonical_url, alternates, base))
    return context


def on_template_context(context, template_name, config: "MkDocsConfig"):
    # Theme-level templates (404.html) have no page; links there are absolute from the site root.
    db = site.current_database(config)
    context["L"] = Language(db, site.current_language(config), site.default_language(config), "")
    context["portal"] = db
    return context


@lru_cache(maxsize=4)
def _environment(custom_dir: str, compiled: jinja2.BytecodeCache) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(Path(custom_dir) / "portal")),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # a fresh environment per build (on_config), so no need to look at the files for each page
        bytecode_cache=compiled,
    )
    environment.filters["heading"] = _heading
    return environment


def _fast(env: jinja2.Environment, config: "MkDocsConfig") -> None:
    """Material's templates render each page's header, navigation and footer through some thirty
    includes. MkDocs makes a new environment for each build, so the files need not be checked again
    for every include (auto_reload), and compiled templates are kept for the next build, the other
    languages' processes and `mkdocs serve`."""
    env.auto_reload = False
    env.bytecode_cache = _compiled(site.root(config))


@lru_cache(maxsize=4)
def _compiled(root: Path) -> jinja2.BytecodeCache:
    """Compiled templates in .build/templates/; Jinja checks each against its source before use."""
    folder = root / ".build" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


def _heading(text: str) -> str:
    """Text safe inside a Markdown heading: no Markdown syntax survives, HTML is escaped."""
    escaped = html.escape(str(text), quote=False)  # quotes are harmless in a heading and must stay readable
    for char in "\\`*_{}[]<>#+!|":
        escaped = escaped.replace(char, "\\" + char)
    return escaped
