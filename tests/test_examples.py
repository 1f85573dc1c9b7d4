"""The example localities under examples/ build strictly with the kit's code, templates, interface
words and schemas, each from content alone: Hưng Yên (vi, en), Huế (vi, en, fr) and Lạng Sơn
(vi, zh, en), each with its own plan from the seeds, identity and home page."""

from __future__ import annotations

import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_site

EXAMPLES = {  # folder -> (languages, default first; its plan)
    "hungyen": (("vi", "en"), "hungyen-2017"),
    "hue": (("vi", "en", "fr"), "thuathienhue-2020"),
    "langson": (("vi", "zh", "en"), "langson-2014-2020"),
}


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_builds_in_every_language(name, tmp_path):
    languages, plan = EXAMPLES[name]
    folder = ROOT / "examples" / name
    assert not (folder / "data" / "ui.yml").exists() and not (folder / "data" / "schemas").exists()  # the kit's are used
    result = build_site(folder / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    titles = set()
    for code in languages:
        prefix = "" if code == languages[0] else f"{code}/"
        page = BeautifulSoup((site / prefix / "plans" / plan / "index.html").read_text(encoding="utf-8"), "lxml")
        assert page.html["lang"] == code
        assert {link["hreflang"] for link in page.select('head link[rel="alternate"][hreflang]')} == set(languages) | {"x-default"}
        titles.add(page.h1.get_text(strip=True))
        home = BeautifulSoup((site / prefix / "index.html").read_text(encoding="utf-8"), "lxml")
        assert home.html["lang"] == code and home.h1 is not None
        entry = (site / prefix / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
        assert f'"{code}"' in entry
    assert len(titles) == len(languages)  # the plan's title is translated, not repeated


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_passes_make_check(name):
    run = subprocess.run([sys.executable, "-m", "portal", "check", str(ROOT / "examples" / name / "mkdocs.yml")], cwd=ROOT,
                         capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Language, terminology and links: OK" in run.stdout


def test_example_plans_keep_the_kit_transcription():
    """An example's plan is the root plan with one more language: its Vietnamese and English are unchanged."""
    import yaml

    def strip(value, keep):
        if isinstance(value, dict):
            if value and set(value) <= {"vi", "en", "fr", "zh"} and all(isinstance(item, str) for item in value.values()):
                return {code: text for code, text in value.items() if code in keep}
            return {key: strip(item, keep) for key, item in value.items()}
        if isinstance(value, list):
            return [strip(item, keep) for item in value]
        return value

    for name, (_, plan) in EXAMPLES.items():
        example = yaml.safe_load((ROOT / "examples" / name / "data" / "plans" / f"{plan}.yml").read_text(encoding="utf-8"))
        root = yaml.safe_load((ROOT / "data" / "plans" / f"{plan}.yml").read_text(encoding="utf-8"))
        assert strip(example, {"vi", "en"}) == root, name


def test_a_plan_without_budgets_time_frames_or_leads_draws_no_empty_picture(site):
    """Hưng Yên's and Huế's plans give none of these: their pages have no picture section at all;
    Lạng Sơn's gives time frames and leads but no budgets: no budget picture."""
    for plan in ("hungyen-2017", "thuathienhue-2020"):
        page = site.html(f"plans/{plan}/index.html")
        assert page.select_one("#pictures") is None and not page.select(".portal-chart__svg"), plan
    langson = site.html("plans/langson-2014-2020/index.html")
    assert langson.select_one("#pictures") is not None and len(langson.select(".portal-chart__svg")) == 2


def test_french_puts_a_no_break_space_before_a_colon(tmp_path):
    """French typography: "Fichier source : ..." (the formats of data/ui.yml give each language its colon)."""
    result = build_site(ROOT / "examples" / "hue" / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    french = (tmp_path / "site" / "fr" / "plans" / "thuathienhue-2020" / "index.html").read_text(encoding="utf-8")
    english = (tmp_path / "site" / "en" / "plans" / "thuathienhue-2020" / "index.html").read_text(encoding="utf-8")
    assert "Fichier source\u00a0: <code>" in french and "Source file: <code>" in english
