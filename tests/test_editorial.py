"""make check's editorial checks: a text in the wrong language (with a way to mark a deliberate
exception), wordings the termbase forbids, agencies not named by their registered name, and the
report of what awaits translation. Each failing case asserts its message."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from portal import database, editorial
from test_data_errors import LANGS, PLAN, edit

CASES = {
    "English in a Vietnamese field": (
        '{vi: "Quảng bá hình ảnh", en: "Promoting the province\'s image"}',
        '{vi: "Promote the image of the province abroad", en: "Promoting the province\'s image"}',
        ["data/plans/mau-2020.yml:21: tasks[2].title.vi: reads as English, not Vietnamese; put the text in its own language, "
         "or, if it is meant to be so, end the line with `# lang: en`"]),
    "Vietnamese in an English field": (
        '{vi: "Tập huấn nghiệp vụ", en: "Professional training"}',
        '{vi: "Tập huấn nghiệp vụ", en: "Tập huấn nghiệp vụ cho cán bộ thông tin"}',
        ["data/plans/mau-2020.yml:15: tasks[1].title.en: reads as Vietnamese, not English; put the text in its own language, "
         "or, if it is meant to be so, end the line with `# lang: vi`"]),
    "a wording the termbase forbids": (
        '{vi: "Tập huấn nghiệp vụ", en: "Professional training"}',
        '{vi: "Tập huấn nghiệp vụ thông tin đối ngoại", en: "Professional training in foreign information"}',
        ["data/plans/mau-2020.yml:15: tasks[1].title.en: writes 'foreign information' for 'thông tin đối ngoại'; "
         "the termbase (data/termbase.yml) says 'external information'"]),
    "an agency not named by its registered name": (
        '{vi: "Tập huấn nghiệp vụ", en: "Professional training"}',
        '{vi: "Sở Thông tin và Truyền thông tỉnh Mẫu tập huấn", en: "Training by the Mau Information Department"}',
        ["data/plans/mau-2020.yml:15: tasks[1].title.en: names Sở Thông tin và Truyền thông tỉnh Mẫu without its registered English "
         "name 'Mau Department of Information and Communications' (data/agencies/, id mau-dic); use that name"]),
}


def editorial_errors(root) -> list[str]:
    db = database.load(root, LANGS)
    return [str(error) for error in editorial.wrong_language(db) + editorial.terminology(db)]


def test_the_fixture_passes(data_root):
    assert editorial_errors(data_root) == []


@pytest.mark.parametrize("name", CASES)
def test_editorial_mistake_is_reported(data_root, name):
    old, new, expected = CASES[name]
    edit(data_root, PLAN, old, new)
    assert editorial_errors(data_root) == expected


def test_a_deliberate_exception_is_marked_on_its_line(data_root):
    edit(data_root, PLAN, '{vi: "Quảng bá hình ảnh", en: "Promoting the province\'s image"}',
         '{vi: "Promote the image of the province abroad", en: "Promoting the province\'s image"}  # lang: en')
    assert editorial_errors(data_root) == []


def test_make_check_reports_and_fails(tmp_path):
    run = subprocess.run([sys.executable, "-m", "portal", "check"], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Language, terminology and links: OK" in run.stdout
    assert "Awaiting translation into en: 1\n  data/news/sample-awaiting-translation.yml:" in run.stdout


def test_every_data_file_names_its_schema_for_the_editor():
    """VS Code (YAML extension) and other editors complete fields and underline mistakes from this header."""
    folders = {folder: kind for folder, kind in database.KINDS.items()}
    for path in sorted((ROOT / "data").rglob("*.yml")):
        relative = path.relative_to(ROOT / "data")
        kind = folders.get(relative.parts[0], relative.stem) if len(relative.parts) > 1 else relative.stem
        schema = (path.parent / path.read_text(encoding="utf-8").splitlines()[0].split("$schema=", 1)[-1]).resolve()
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema="), relative
        assert schema == ROOT / "data" / "schemas" / f"{kind}.schema.json", relative


def test_a_link_or_picture_leading_nowhere(data_root):
    for code in ("vi", "en"):
        (data_root / "docs" / code / "plans").mkdir(parents=True)
        (data_root / "docs" / code / "plans" / "index.md").write_text(
            "# Plans\n\n[Mau 2020](mau-2020.md) · [about](../about.md#team) · [site](https://example.org/x.md)\n\n"
            "![Map](../assets/images/ban-do.png)\n", encoding="utf-8")
    (data_root / "docs" / "vi" / "about.md").write_text("# About\n", encoding="utf-8")
    errors = [str(error) for error in editorial.markdown_links(database.load(data_root, LANGS))]
    assert errors == [  # mau-2020.md is made from data/plans/mau-2020.yml: found
        "docs/vi/plans/index.md:5: link: '../assets/images/ban-do.png' leads to nothing: no page or file docs/vi/assets/images/ban-do.png (nor a page made from data)",
        "docs/en/plans/index.md:3: link: '../about.md' leads to nothing: no page or file docs/en/about.md (nor a page made from data)",
        "docs/en/plans/index.md:5: link: '../assets/images/ban-do.png' leads to nothing: no page or file docs/en/assets/images/ban-do.png (nor a page made from data)",
    ]
