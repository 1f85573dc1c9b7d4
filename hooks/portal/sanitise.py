"""What editors write in Markdown may format text, not run code.

Python-Markdown passes raw HTML through, so a news body or a page could carry `<script>`, an
`onerror=` attribute or a `javascript:` link. The HTML made from an editor's Markdown is cleaned
with nh3, the Python binding of the Rust sanitiser ammonia (bleach, the older choice, is
deprecated): an allowlist of formatting tags and attributes, links to http(s), mailto and tel or
within the site. The templates' own HTML (tables, charts, forms) is not the editors' and is built
with escaping instead (record_content.py).

Markers tell the two apart in a page's HTML: a news body sits between EDITOR_START and EDITOR_END
(overrides/portal/news.html); on a hand-written page everything before DATA_START (where a data
block begins) is the editor's.
"""

from __future__ import annotations

import nh3

EDITOR_START = "<!-- portal:editor -->"
EDITOR_END = "<!-- /portal:editor -->"
DATA_START = "<!-- portal:data -->"

TAGS = set(nh3.ALLOWED_TAGS) | {"section", "figure", "figcaption", "details", "summary", "mark", "time", "caption", "tfoot",
                                "picture", "source"}
_COMMON = {"class", "id", "title", "lang", "dir"}
ATTRIBUTES = {
    "*": _COMMON,
    "a": _COMMON | {"href", "hreflang", "rel", "download", "type"},
    "img": _COMMON | {"src", "alt", "width", "height", "loading"},
    "source": {"srcset", "type", "media"},
    "td": _COMMON | {"colspan", "rowspan", "headers", "style"},  # Markdown tables align cells with style="text-align: …"
    "th": _COMMON | {"colspan", "rowspan", "headers", "scope", "style"},
    "time": _COMMON | {"datetime"},
    "details": _COMMON | {"open"},
    "ol": _COMMON | {"start", "reversed", "type"},
    "blockquote": _COMMON | {"cite"},
    "q": _COMMON | {"cite"},
    "abbr": _COMMON,
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean(fragment: str) -> str:
    return nh3.clean(fragment, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None,
                     generic_attribute_prefixes={"aria-"}, strip_comments=True)


def page(html: str, hand_written: bool) -> str:
    """A page's HTML with every part an editor wrote cleaned."""
    if hand_written:
        editor, marker, data = html.partition(DATA_START)
        return clean(editor) + marker + data
    out, rest = [], html
    while EDITOR_START in rest:
        before, _, rest = rest.partition(EDITOR_START)
        editor, _, rest = rest.partition(EDITOR_END)
        out += [before, clean(editor)]
    return "".join(out) + rest
