"""Security headers: the build writes a Content Security Policy the pages satisfy, with HSTS,
nosniff, a referrer policy and no framing, for static hosts (`_headers`) and nginx (a snippet).
Checked the way a visitor meets them: the site served by a real nginx on 127.0.0.1 with the
snippet, pages opened in Chromium, not one CSP violation in the console, search still working."""

from __future__ import annotations

import urllib.request

from portal import headers

PAGES = ["/", "/plans/haiphong-2019/", "/invest/projects/?sector=logistics", "/en/", "/en/events/", "/open-data/", "/nowhere/"]


def test_the_headers_files_hold_the_policy(site):
    written = (site.root / headers.HEADERS_FILE).read_text(encoding="utf-8")
    assert written.startswith("/*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-")
    assert "frame-ancestors 'none'" in written and "Strict-Transport-Security: max-age=31536000" in written
    snippet = (site.root / headers.NGINX_FILE).read_text(encoding="utf-8")
    assert 'add_header X-Content-Type-Options "nosniff" always;' in snippet


def test_nginx_sends_the_headers(published):
    url, _ = published
    for path in ("/", "/assets/portal-search.js", "/nowhere/"):
        try:
            response = urllib.request.urlopen(url + path, timeout=5)
        except urllib.error.HTTPError as error:  # the 404 page carries them too ("always")
            response = error
        sent = response.headers
        assert sent["Content-Security-Policy"].startswith("default-src 'self'"), path
        assert sent["X-Content-Type-Options"] == "nosniff" and sent["Referrer-Policy"] == "strict-origin-when-cross-origin", path
        assert sent["Strict-Transport-Security"] and sent["X-Frame-Options"] == "DENY", path


def test_pages_break_no_rule_of_their_policy(published, browser):
    url, _ = published
    context = browser.new_context()
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.on("pageerror", lambda error: messages.append(str(error)))
    for path in PAGES:
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
    page.goto(url + "/")
    page.click("input.md-search__input")
    page.keyboard.insert_text("dau tu")
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__list > li", timeout=15000)  # the worker and its WebAssembly run under the policy
    context.close()
    violations = [message for message in messages if "Content Security Policy" in message or "Refused to" in message]
    assert violations == []
