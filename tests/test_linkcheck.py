"""The output check for links: every internal link, anchor and picture in the built site leads
somewhere; a page that links nowhere stops the build with the page and the address."""

from __future__ import annotations

from conftest import build_site
from portal import linkcheck
from test_languages import make_trilingual

SITE_URL = "http://127.0.0.1:8000/"


def write(root, relative, html):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


def test_links_anchors_and_pictures(tmp_path):
    write(tmp_path, "index.html", '<a href="plans/">p</a> <a href="plans/#tasks">t</a> <img src="logo.png" alt="">'
                                  '<a href="https://example.org/x">ext</a> <a href="mailto:a@b.vn">m</a>'
                                  f'<a href="{SITE_URL}en/">en</a> <a href="#top">top</a><p id="top"></p>')
    write(tmp_path, "plans/index.html", '<h2 id="tasks">Tasks</h2><a href="../">home</a>')
    write(tmp_path, "en/index.html", '<a href="../plans/#budget">b</a> <img src="../missing.png" alt=""> <a href="nowhere/">n</a>')
    write(tmp_path, "logo.png", "")
    assert linkcheck.broken(tmp_path, SITE_URL) == [
        "en/index.html: <a> ../plans/#budget names #budget, which /plans/ does not have",
        "en/index.html: <img> ../missing.png leads to nothing (/missing.png is not in the site)",
        "en/index.html: <a> nowhere/ leads to nothing (/en/nowhere/ is not in the site)",
    ]


def test_the_real_site_has_no_broken_link(site):
    assert linkcheck.broken(site.root, SITE_URL) == []


def test_a_broken_link_stops_the_build(tmp_path):
    config = make_trilingual(tmp_path)
    for code in ("vi", "en", "zh"):
        page = tmp_path / "docs" / code / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + '\n\n<p><a href="../khong-co/">Xem thêm</a></p>\n', encoding="utf-8")
    result = build_site(config, tmp_path / "site")
    assert result.returncode != 0
    assert "link(s) in the built site lead nowhere; fix the page or data they come from" in result.stderr
    assert "en/index.html: <a> ../khong-co/ leads to nothing (/khong-co/ is not in the site)" in result.stderr
