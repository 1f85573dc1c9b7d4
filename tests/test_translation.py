"""Both languages are equal: a record or page published in one language exists in the other, or is
explicitly marked as awaiting translation, shown with a notice and listed by make check."""

from __future__ import annotations

import yaml

from conftest import build_site
from portal import database, editorial
from test_data_errors import AGENCIES, LANGS, errors_of
from test_languages import make_trilingual


def test_a_record_awaiting_translation_is_published_with_a_notice(tmp_path):
    config = make_trilingual(tmp_path)
    path = tmp_path / "data" / "zones" / "mau.yml"
    zones = yaml.safe_load(path.read_text(encoding="utf-8"))
    zones[0]["awaiting_translation"] = ["en"]
    zones[0]["name"] = {"vi": zones[0]["name"]["vi"], "zh": zones[0]["name"]["zh"]}  # no English name yet
    path.write_text(yaml.safe_dump(zones, allow_unicode=True), encoding="utf-8")
    page = tmp_path / "docs" / "zh" / "plans" / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("---\n\n", "awaiting_translation: true\n---\n\n", 1), encoding="utf-8")
    result = build_site(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    english = (site / "en/invest/zones/mau-zone/index.html").read_text(encoding="utf-8")
    assert "This page is awaiting translation; the text below is the Vietnamese original." in english
    assert "Khu công nghiệp Mẫu" in english  # the Vietnamese name stands in
    assert "portal-awaiting-notice" not in (site / "zh/invest/zones/mau-zone/index.html").read_text(encoding="utf-8")
    assert "本页尚待翻译，以下为越南语原文。" in (site / "zh/plans/index.html").read_text(encoding="utf-8")
    waiting = editorial.awaiting_translation(database.load(tmp_path, ("vi", "en", "zh")))
    assert any(item.startswith("data/zones/mau.yml:") and "(mau-zone, shown in Vietnamese)" in item for item in waiting["en"])
    assert "docs/zh/plans/index.md (page)" in waiting["zh"]


def test_the_original_language_cannot_await_translation(data_root):
    agencies = data_root / AGENCIES
    agencies.write_text(agencies.read_text(encoding="utf-8").replace("- id: mau-dofa\n", "- id: mau-dofa\n  awaiting_translation: [vi]\n", 1),
                        encoding="utf-8")
    assert any("awaiting_translation: lists 'vi'; list only languages of this site other than the default (en): "
               "the Vietnamese text is the original" in error for error in errors_of(data_root))


def test_a_vietnamese_page_cannot_be_marked_awaiting_translation():
    from data_pages import _front_matter_problems
    page = "---\ntitle: Giới thiệu\nawaiting_translation: true\n---\n".encode()
    assert _front_matter_problems("vi/about.md", page, "vi") == [
        "docs/vi/about.md:3: awaiting_translation: write `awaiting_translation: true` in a translation that is not ready yet "
        "(not in the original Vietnamese page), or remove the line"]
    assert _front_matter_problems("en/about.md", page, "vi") == []


def test_without_the_mark_a_missing_translation_is_an_error(data_root):
    agencies = data_root / AGENCIES
    text = agencies.read_text(encoding="utf-8")
    agencies.write_text(text.replace('en: "Mau Department of Foreign Affairs"', 'fr: "x"', 1).replace(', fr: "x"', "", 1), encoding="utf-8")
    assert any("name: the English text (en) is missing; write it, or add `awaiting_translation: [en]`" in error for error in errors_of(data_root))
