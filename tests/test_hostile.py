"""Hostile strings: what editors write (Markdown with raw HTML, data texts) cannot inject scripts.
News bodies and hand-written pages are cleaned with nh3 (portal/sanitise.py); data texts are escaped
by the templates. Checked on a real build and, for the sanitiser, on generated input (hypothesis)."""

from __future__ import annotations

import yaml
from bs4 import BeautifulSoup
from hypothesis import given, settings, strategies as st

from conftest import build_site
from portal import sanitise
from test_languages import make_trilingual

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src="https://evil.example/x.png" onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    '<iframe src="https://evil.example/"></iframe>',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<div style="background:url(javascript:alert(1))" onclick="alert(1)">x</div>',
    "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
    '<form action="https://evil.example/"><input name="p"></form>',
    "<style>body{display:none}</style>",
    '<a href="data:text/html,<script>alert(1)</script>">d</a>',
    '"><script>alert(1)</script>',
    "</script><script>alert(1)</script>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
]
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "form", "input", "style", "svg", "math", "base", "meta", "link"}
NEVER_IN_A_PAGE = {"iframe", "object", "embed", "base", "math"}  # the theme's own frame uses the rest (scripts, search form)


def problems(html: str, whole_page: bool = False) -> list[str]:
    """Anything in `html` that could run code or leave the page: in editor content any of
    DANGEROUS_TAGS; in a whole page (theme and templates included) event handlers, script links,
    scripts carrying content, and NEVER_IN_A_PAGE."""
    soup = BeautifulSoup(html, "lxml")
    found = []
    for tag in soup.find_all(True):
        if tag.name in (NEVER_IN_A_PAGE if whole_page else DANGEROUS_TAGS):
            found.append(f"<{tag.name}>")
        data_block = tag.get("type") in ("application/ld+json", "application/json")  # never run; "<" is written \u003c
        if tag.name == "script" and "alert(" in (tag.string or "") and not data_block:
            found.append("inline script from content")
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name.startswith("on"):
                found.append(f"{name}= on <{tag.name}>")
            if name in ("href", "src", "action", "data", "xlink:href") and value.strip().lower().startswith(("javascript:", "data:")):
                found.append(f"{name}={value[:30]} on <{tag.name}>")
    return found


def test_hostile_markup_is_cleaned_but_formatting_kept():
    html = "<p>Đầu tư <strong>mạnh</strong> <a href=\"https://haiphong.gov.vn/\">cổng</a> <a href=\"#x\">neo</a></p>" + "".join(HOSTILE)
    cleaned = sanitise.clean(html)
    assert problems(cleaned) == []
    assert '<strong>mạnh</strong>' in cleaned and 'href="https://haiphong.gov.vn/"' in cleaned and 'href="#x"' in cleaned


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(alphabet="<>\"'=/ :;abcdefghijklmnoprstuvxyzđươ()", max_size=40)), max_size=12))
def test_no_mix_of_hostile_fragments_survives(pieces):
    assert problems(sanitise.clean("".join(pieces))) == []


def test_only_the_editors_part_of_a_page_is_cleaned():
    template = '<table data-label="x"><tr><td>data</td></tr></table>'
    news = f"<p>a</p>{sanitise.EDITOR_START}<p>b</p><script>alert(1)</script>{sanitise.EDITOR_END}{template}"
    assert sanitise.page(news, hand_written=False) == f"<p>a</p><p>b</p>{template}"
    page = f"<p>c</p><script>alert(1)</script>{sanitise.DATA_START}{template}"
    assert sanitise.page(page, hand_written=True) == f"<p>c</p>{sanitise.DATA_START}{template}"


def test_hostile_content_in_a_real_build(tmp_path):
    config = make_trilingual(tmp_path)
    payload = "\n\n".join(HOSTILE)
    news = tmp_path / "data" / "news" / "mau-news-1.yml"
    item = yaml.safe_load(news.read_text(encoding="utf-8"))
    item["body"] = {code: text + "\n\n" + payload for code, text in item["body"].items()}
    item["title"] = {code: text + ' <script>alert(1)</script>' for code, text in item["title"].items()}
    news.write_text(yaml.safe_dump(item, allow_unicode=True), encoding="utf-8")
    agencies = tmp_path / "data" / "agencies" / "mau.yml"
    records = yaml.safe_load(agencies.read_text(encoding="utf-8"))
    records[0]["name"] = {code: text + ' "><img src=x onerror=alert(1)>' for code, text in records[0]["name"].items()}
    agencies.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
    for code in ("vi", "en", "zh"):
        page = tmp_path / "docs" / code / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n\n" + payload + "\n", encoding="utf-8")
    result = build_site(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    checked = 0
    for path in site.rglob("*.html"):
        assert problems(path.read_text(encoding="utf-8"), whole_page=True) == [], path  # head, navigation, footer too
        checked += 1
    assert checked > 40
    for page in ("index.html", "en/index.html", "news/2020/mau-news-1/index.html", "zh/news/2020/mau-news-1/index.html"):
        article = BeautifulSoup((site / page).read_text(encoding="utf-8"), "lxml").select_one("article")
        assert problems(str(article)) == [], page  # where the editors' hostile Markdown went
    page = BeautifulSoup((site / "news/2020/mau-news-1/index.html").read_text(encoding="utf-8"), "lxml")
    assert "<script>alert(1)</script>" in page.h1.get_text()  # shown as text, not run
    assert "<script>alert(1)</script>" in page.title.get_text()  # escaped once: no "&lt;" shown to the reader
