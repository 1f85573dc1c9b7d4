"""Site search: one Pagefind index per language, answering Material's own search box.

Why Pagefind rather than the lunr index Material's search plugin writes:
- an index per language folder (`/pagefind/`, `/en/pagefind/`, ...), so a Vietnamese page searches
  Vietnamese pages and an English page English ones; the stock plugin writes one mixed index;
- it folds diacritics ("hai phong" finds "Hải Phòng") and ranks exact-diacritic matches first,
  where lunr's Vietnamese trimmer even cuts "ở" off "phở"; its extended build segments Chinese;
- the index is cut into small fragments fetched as a query needs them, so a phone downloads a few
  tens of kilobytes instead of the whole site's text;
- the binary comes from PyPI (`pagefind[extended]`), so the build needs neither Node nor a network.

"đ" is a letter of its own, not "d" with a mark, so Unicode folding keeps it apart from "d" and
"dau tu" would miss "đầu tư". Pagefind is therefore given "d" + U+0335 (a combining stroke), which
it folds to "d"; the search worker writes queries the same way and turns results back into "đ".

Material keeps its search box, keyboard use and labels: its UI talks to a web worker in four
messages (setup, ready, query, result), and overrides/assets/portal-search-worker.js answers them
from this language's Pagefind index. Data records are pages and so are indexed like pages; a plan's
tasks, which are rows of the plan page, are indexed as pages of their own (task_pages) so that a
search finds a task by its number or words and opens the plan at that row.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html import escape
from pathlib import Path

from .database import Database
from .language import ROUTES, Language, language_prefix

STROKE = "\u0335"  # COMBINING SHORT STROKE OVERLAY: "d" + STROKE folds to "d" and displays like "đ"
INDEX_FOLDER = "pagefind"  # under each language's root
# Page parts that are not content: heading permalinks, the charts' axis labels.
EXCLUDED = (".headerlink", ".portal-chart")
# The folded copy of a language's pages is scratch: one folder and one file per page, written, read
# once by Pagefind and deleted. In memory where the system has a tmpfs for it (Linux's /dev/shm),
# that is about a tenth of the time it takes on this machine's disk (1,430 pages: 0.2 s against 1.9 s).
SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
# The listing page whose navigation section a record belongs to.
LISTINGS = {"plan": "plans", "report": "plans", "agency": "agencies", "legal": "legals", "project": "projects",
            "zone": "zones", "event": "events", "news": "news-index", "clarification": "clarifications"}
_TEXT = re.compile(r">([^<đĐ]*[đĐ][^<]*)<")  # text between tags that has something to fold
# Pagefind joins the text of neighbouring cells and list items ("Type of eventFestival"): the indexed
# copy gets a space after each block element.
_BLOCK_END = re.compile(r"(</(?:p|div|li|dt|dd|td|th|tr|caption|figcaption|h[1-6]|blockquote|section|table|ul|ol|dl)>)")


def fold(text: str) -> str:
    """Write đ/Đ as d/D + combining stroke, which Pagefind's diacritic folding turns into d."""
    return text.replace("đ", "d" + STROKE).replace("Đ", "D" + STROKE)


def fold_html(page: str) -> str:
    """The copy of a page Pagefind indexes: fold() on the text between tags only (ids, links and
    attribute values keep their "đ"), and a space after each block element."""
    return _BLOCK_END.sub(r"\1 ", _TEXT.sub(lambda match: ">" + fold(match.group(1)) + "<", page))


def nav_sections(nav) -> dict[str, str]:
    """Page URL -> the title of the top-level navigation section it sits in ("Đầu tư", "Báo chí").
    A page at the top level has none: its own title says where it is."""
    sections: dict[str, str] = {}

    def visit(item, top: str) -> None:
        if item.is_page:
            sections[item.url] = top
        for child in getattr(item, "children", None) or []:
            visit(child, top)

    for item in nav.items:
        if item.is_section:
            visit(item, item.title or "")
    return sections


def facets(language: Language, meta: dict, url: str, sections: dict[str, str]) -> dict[str, str] | None:
    """What a search result says about a page: its kind and the part of the site it belongs to.
    None for a page kept out of search (front matter `search: {exclude: true}`, as in Material)."""
    if (meta.get("search") or {}).get("exclude"):
        return None
    kind = "report" if meta.get("portal_report") else meta.get("portal_record")
    if not kind:  # a hand-written page: its section says enough
        return {"kind": "", "section": sections.get(url, "")}
    listing = language_prefix(language.code, language.default) + ROUTES[LISTINGS[kind]]
    return {"kind": language.t(f"search_kind_{kind}"), "section": sections.get(listing, "")}


def task_pages(db: Database, language: Language) -> dict[str, str]:
    """One small search page per task of every plan, never published: its path under the site
    (a folder beside the plan page) -> its HTML. `target` is where the result leads: the task's row
    on the plan page; `page_title` names the plan the result is listed under. A task's words weigh
    half a page's, so a short task does not outrank the page written about the same subject."""
    pages = {}
    prefix = language_prefix(language.code, language.default)
    for plan in db.sorted_plans():
        plan_page = prefix + ROUTES["plan"].format(id=plan.id)
        for task in plan.all_tasks:
            title = f"{language.t('task')} {task.number}. {language.tx(task.data['title'])}"
            words = [language.tx(text) for text in task.data.get("content", [])]
            words += [language.tx(db.agencies[agency].data["name"]) for agency in task.lead + task.partners]
            if task.data.get("partners_other"):
                words.append(language.tx(task.data["partners_other"]))
            if task.time:
                words.append(language.timeframe(task.time))
            meta = {"title": shorten(title), "kind": language.t("search_kind_task"), "section": language.plan_name(plan),
                    "page_title": language.tx(plan.data["title"]), "target": f"/{plan_page}#{task.anchor}"}
            pages[f"{plan_page}{task.anchor}/index.html"] = _TASK_PAGE.format(
                code=language.code, title=escape(title), body="".join(f"<p>{escape(text)}</p>" for text in words),
                meta="".join(f'<span data-pagefind-meta="{key}">{escape(value)}</span>' for key, value in meta.items()))
    return pages


_TASK_PAGE = ('<!doctype html><html lang="{code}"><head><meta charset="utf-8"><title>{title}</title></head>'
              '<body><main data-pagefind-body><div data-pagefind-weight="0.5"><h1>{title}</h1>{body}</div>'
              '<p hidden data-pagefind-ignore>{meta}</p></main></body></html>')


def shorten(text: str, limit: int = 100) -> str:
    """A long task title cut at a word for the result list (the whole title is still searched)."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def page_language(relative: str, languages: tuple[str, ...]) -> str:
    """The language of a built file from its folder: /en/... is English, the rest the default."""
    first = relative.split("/", 1)[0]
    return first if first in languages[1:] else languages[0]


def write_index(site_dir: Path, db: Database, code: str, languages: tuple[str, ...]) -> None:
    """Index one language's built pages into <language root>/pagefind/.

    The pages (with "đ" folded) and the plan tasks are staged in a scratch folder, and the Pagefind
    command indexes that folder. (Its Python API was tried first: it answers one request per 0.1 s,
    and its closing step stops the binary without waiting for the files to be written, which left a
    truncated index now and then.) Pages opt in with data-pagefind-body (overrides/main.html), so 404
    pages and excluded listings stay out. Each language's build calls this for its own pages as soon
    as they are written, while the other languages may still be building.
    """
    default = languages[0]
    root = site_dir / language_prefix(code, default)
    output = root / INDEX_FOLDER
    shutil.rmtree(output, ignore_errors=True)
    built = [f"{language_prefix(code, default)}{path.relative_to(root).as_posix()}" for path in sorted(root.rglob("*.html"))]
    pages = {relative: (site_dir / relative).read_text(encoding="utf-8") for relative in built
             if page_language(relative, languages) == code and f"/{INDEX_FOLDER}/" not in f"/{relative}"}
    pages.update(task_pages(db, Language(db, code, default)))
    with tempfile.TemporaryDirectory(prefix=f"portal-search-{code}-", dir=SCRATCH) as folder:
        staging = Path(folder) / "site"
        for relative, content in pages.items():
            (staging / relative).parent.mkdir(parents=True, exist_ok=True)
            (staging / relative).write_text(fold_html(content), encoding="utf-8")
        # Pagefind reads its settings from pagefind.json in its working folder.
        settings = {"site": str(staging), "output_path": str(output), "force_language": code,
                    "exclude_selectors": list(EXCLUDED), "quiet": True}
        (Path(folder) / "pagefind.json").write_text(json.dumps(settings), encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "pagefind"], cwd=folder, capture_output=True, text=True, timeout=600)
        if result.returncode != 0 or not (output / "pagefind-entry.json").is_file():
            raise RuntimeError(f"Pagefind could not index the {code} pages: {(result.stderr or result.stdout).strip()[-2000:]}")
    for name in UNUSED:
        (output / name).unlink(missing_ok=True)


# Pagefind's own search interfaces, which the portal does not use (Material's box does the job).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


def empty_lunr_index(site_dir: Path, languages: tuple[str, ...]) -> None:
    """Material's search box fetches search/search_index.json before it starts its worker; ours
    ignores the documents, so the mixed-language index the search plugin wrote is replaced by none."""
    stock = site_dir / "search" / "search_index.json"
    stock.parent.mkdir(parents=True, exist_ok=True)
    stock.write_text(json.dumps({"config": lunr_settings(languages), "docs": []}), encoding="utf-8")


def lunr_settings(languages: tuple[str, ...]) -> dict:
    """The settings of the (empty) lunr index Material's search box reads before it starts its
    worker; ours ignores them."""
    return {"lang": list(languages), "separator": r"[\s\-]+", "pipeline": []}
