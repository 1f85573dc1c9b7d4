"""Make Material's HTML valid where its templates are not (the Nu HTML Checker's findings):

- `autocomplete="off"` on its checkbox toggles (drawer, search, navigation sections): the attribute
  is not allowed on checkboxes;
- `tabindex=""` on navigation section labels: an empty tabindex is not an integer;
- `for="__toc"` on the table-of-contents title where the page has no `__toc` toggle (pages that are
  not in the navigation, such as record pages): a label must point at a control;
- and one accessibility fix (axe): with `navigation.indexes` each section's sub-navigation is named by
  a label holding only an icon, so every section's <nav> has an empty name; it is named by its title;
- and one for search engines (Lighthouse): mkdocs-static-i18n makes Material write each page's
  language alternates with relative addresses, which hreflang does not allow; overrides/main.html
  writes them with absolute addresses, so the relative copies are dropped.

Copying Material's templates to change three attributes would freeze dozens of lines of its
markup; these exact, narrow substitutions leave the rest of Material as it is, and
tests/test_quality.py holds the whole site to zero vnu errors so a Material upgrade that changes
them is noticed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex=""')
_TOC_LABEL = '<label class="md-nav__title" for="__toc">'
# (No leading \s* to take the line's indent too: a pattern that may start at any blank made this the
# slowest step of the whole page pipeline.)
_RELATIVE_HREFLANG = re.compile(r'<link rel="alternate" (?:href="(?!https?://)[^"]*" hreflang="[^"]*"|'
                                r'hreflang="[^"]*" href="(?!https?://)[^"]*"\s*/?)>')
_SECTION_NAV = re.compile(r'(<nav class="md-nav" data-md-level="\d+") aria-labelledby="(__nav_[\d_]+)_label"([^>]*>\s*'
                          r'<label class="md-nav__title" for="\2">\s*<span class="md-nav__icon md-icon"></span>\s*)([^<]+?)(\s*</label>)')


def fix(html: str) -> str:
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    html = _RELATIVE_HREFLANG.sub("", html)
    if 'id="__toc"' not in html:
        html = html.replace(_TOC_LABEL, '<label class="md-nav__title">')
    return _SECTION_NAV.sub(lambda m: f'{m.group(1)} aria-label="{m.group(4).strip()}"{m.group(3)}{m.group(4)}{m.group(5)}', html)


@event_priority(-100)
def on_post_page(output: str, page, config: "MkDocsConfig") -> str:
    return fix(output)


@event_priority(100)  # before error_pages.py writes the other languages' 404 pages
def on_post_template(output: str, template_name: str, config: "MkDocsConfig") -> str:
    return fix(output) if output else output
