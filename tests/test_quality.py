"""Quality as visitors' browsers and the web's checkers see it, on the site as published (nginx,
security headers, its own address): for a sample of every page type in both languages, axe-core
finds no accessibility violation (no rule disabled), the browser logs no error and asks no other
host for anything; the Nu HTML Checker finds no error in the whole site; the language switcher,
the mobile menu and keyboard navigation work. Screenshots at phone and desktop widths are saved to
test-results/screenshots/ for people to look at."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT

NODE = ROOT / "node_modules"
SHOTS = ROOT / "test-results" / "screenshots"
PAGE_TYPES = [  # one page of every type; each is checked in Vietnamese and in English
    "", "profile/", "invest/", "invest/projects/", "invest/projects/sample-logistics-cold-storage-centre/", "invest/zones/",
    "invest/zones/vsip-hai-phong/", "invest/procedures/", "visit/", "events/", "events/red-flamboyant-festival-2019/", "press/",
    "press/foreign-press/", "news/", "news/2025/sample-business-delegation-visit/", "clarifications/",
    "clarifications/sample-cat-ba-ferry-rumour/", "publications/", "international/", "plans/", "plans/haiphong-2019/",
    "plans/haiphong-2019/report/2019-06-15/", "plans/shared-documents/", "agencies/", "agencies/haiphong-dic/", "legal/",
    "legal/decree-72-2015-nd-cp/", "open-data/", "about/", "changelog/", "sovereignty-exhibition/", "404.html",
]


def tool(relative: str) -> Path:
    path = NODE / relative
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make test`, which installs the checkers with `npm ci`")
    return path


def test_the_whole_site_is_valid_html(published):
    _, site = published
    java = shutil.which("java")
    assert java, "Java is missing: run `make test`, which installs it"
    result = subprocess.run([java, "-jar", str(tool("vnu-jar/build/dist/vnu.jar")), "--skip-non-html", "--errors-only", str(site)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[:5000]


@pytest.mark.parametrize("language", ["", "en/"])
def test_every_page_type_is_accessible_and_stays_at_home(published, browser, language):
    url, _ = published
    axe = tool("axe-core/axe.min.js")
    # axe is injected as a script: the test lets it past the site's own CSP (tests/test_headers.py checks the CSP)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    errors: list[str] = []
    elsewhere: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(f"{page.url}: {message.text}"))
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    page.on("request", lambda request: urlsplit(request.url).netloc != urlsplit(url).netloc and elsewhere.append(request.url))
    found = {}
    for path in PAGE_TYPES:
        address = f"{url}/{language}{path}"
        page.goto(address, wait_until="load")
        page.add_script_tag(path=str(axe))
        violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                                   ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))")
        if violations:
            found[language + path] = violations
    context.close()
    assert found == {}
    # the not-found page logs its own 404, as it should; nothing else may fail
    assert [error for error in errors if not (error.startswith(f"{url}/{language}404.html") and "404" in error)] == []
    assert elsewhere == []


def test_language_switcher_mobile_menu_and_keyboard(published, browser):
    url, _ = published
    SHOTS.mkdir(parents=True, exist_ok=True)
    phone = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1, is_mobile=True, has_touch=True)
    page = phone.new_page()
    page.goto(f"{url}/plans/haiphong-2019/")
    page.screenshot(path=str(SHOTS / "phone-vi-plan.png"), animations="disabled")
    page.click("label.md-header__button[for=__drawer]")  # the menu
    page.wait_for_function("() => document.getElementById('__drawer').checked")
    assert page.locator("nav.md-nav--primary").is_visible()
    page.screenshot(path=str(SHOTS / "phone-vi-menu.png"), animations="disabled")
    phone.close()

    desktop = browser.new_context(viewport={"width": 1280, "height": 900})
    page = desktop.new_page()
    asked: list[tuple[int, str]] = []
    page.on("response", lambda response: asked.append((response.status, urlsplit(response.url).path)))
    page.goto(f"{url}/invest/projects/", wait_until="networkidle")
    page.screenshot(path=str(SHOTS / "desktop-vi-projects.png"), full_page=True, animations="disabled")
    page.locator("a.md-select__link[hreflang=en]").dispatch_event("click")  # the switcher lands on the same page in English
    page.wait_for_url("**/en/invest/projects/", wait_until="networkidle")
    assert urlsplit(page.url).path == "/en/invest/projects/" and page.locator("html").get_attribute("lang") == "en"
    # straight there (Material's sitemap re-route would redirect), and no page asks for a sitemap (portal-alternate.js)
    assert [(status, path) for status, path in asked if status in (301, 302, 303, 307, 308) or path.endswith("sitemap.xml")] == []
    page.screenshot(path=str(SHOTS / "desktop-en-projects.png"), full_page=True, animations="disabled")

    page.goto(f"{url}/en/plans/haiphong-2019/")
    page.keyboard.press("Tab")  # the first stop skips to the content
    assert page.evaluate("() => document.activeElement.classList.contains('md-skip')")
    reached = set()
    for _ in range(40):  # then the keyboard reaches the search box and the language switcher
        page.keyboard.press("Tab")
        reached |= {name for name, selector in (("search", "input.md-search__input"), ("languages", ".md-select *, .md-select"))
                    if page.evaluate(f"() => document.activeElement.matches({selector!r})")}
    assert reached == {"search", "languages"}
    page.goto(f"{url}/en/plans/haiphong-2019/")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash !== ''", timeout=5000)  # skipped to the content
    page.screenshot(path=str(SHOTS / "desktop-en-plan.png"), animations="disabled")
    desktop.close()
