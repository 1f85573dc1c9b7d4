"""One sitemap for every language, whichever process built each language (parallel_languages.py).

mkdocs-static-i18n's sitemap template lists the pages of every language built so far in the process,
and each language's build writes it to /sitemap.xml, so the last build used to write the whole list.
With one process per language no build sees them all: each build keeps only its own language's
entries (each with its alternates in the other languages), writes them as a part, and the default
language's build joins the parts, in the configured language order, once every language is done.
"""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs import utils
from mkdocs.plugins import event_priority

from portal import site

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

PARTS = ".portal-sitemap-parts"  # under the site folder while the languages build; removed at the end
_BODY = re.compile(r"(<urlset\b[^>]*>)(.*)(</urlset>)", re.S)


@event_priority(0)  # after mkdocs-static-i18n (50) has put every built language's pages in the context
def on_template_context(context, template_name: str, config: "MkDocsConfig"):
    if template_name == "sitemap.xml" and "i18n_alternates" in context:
        language = site.current_language(config)
        context["i18n_alternates"] = {language: context["i18n_alternates"].get(language, [])}
    return context


def on_post_template(output: str, template_name: str, config: "MkDocsConfig") -> str:
    if template_name != "sitemap.xml":
        return output
    part = Path(config.site_dir) / PARTS / f"{site.current_language(config)}.xml"
    part.parent.mkdir(parents=True, exist_ok=True)
    part.write_text(output, encoding="utf-8")
    return ""  # MkDocs skips an empty template; the joined sitemap is written below


# Priority -150: after mkdocs-static-i18n (-100) has every language built, before the security
# headers (-250) and the output checks (-300) read the site.
@event_priority(-150)
def on_post_build(config: "MkDocsConfig") -> None:
    if not site.all_languages_built(config):
        return
    folder = Path(config.site_dir) / PARTS
    parts = [(folder / f"{language}.xml").read_text(encoding="utf-8") for language in site.languages(config)]
    shutil.rmtree(folder)
    sitemap = join(parts)
    target = Path(config.site_dir) / "sitemap.xml"
    target.write_text(sitemap, encoding="utf-8")
    with open(f"{target}.gz", "wb") as file, gzip.GzipFile(fileobj=file, filename="", mode="wb",
                                                          mtime=utils.get_build_timestamp()) as packed:
        packed.write(sitemap.encode("utf-8"))


def join(parts: list[str]) -> str:
    """The first part with the entries of the others added before its closing tag."""
    first = _BODY.search(parts[0])
    if first is None:
        raise ValueError("the sitemap template wrote no <urlset>")
    bodies = [match.group(2) for match in map(_BODY.search, parts) if match]
    return parts[0][:first.start(2)] + "".join(bodies) + parts[0][first.end(2):]
