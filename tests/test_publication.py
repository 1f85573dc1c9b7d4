"""Editorial states and information security: drafts and records in review stay out of the
published site (and show with a banner in the preview); restricted records and pages never reach
the output, and a build whose output holds restricted text fails. Canaries are planted in a
restricted record of every kind and in a restricted page, and looked for in every output file."""

from __future__ import annotations

import copy
import gzip
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import BUILD_EPOCH, ROOT, build_site
from test_data_errors import errors_of
from test_languages import make_trilingual
from data_pages import _front_matter_problems, _withhold

LANGUAGES = ("vi", "en", "zh")


def canary(kind: str) -> str:
    return f"CANARY {kind} 5b7d1e must never be published"


def plant(value, text: str) -> bool:
    """Replace the first multilingual text in a record with `text` in every language."""
    if isinstance(value, dict):
        if value and set(value) <= set(LANGUAGES) and all(isinstance(item, str) for item in value.values()):
            for code in value:
                value[code] = text
            return True
        return any(plant(item, text) for item in value.values())
    if isinstance(value, list):
        return any(plant(item, text) for item in value)
    return False


def restrict_a_record_of_every_kind(root: Path) -> list[str]:
    """A confidential copy of the first record of each data folder, with a canary in its text."""
    planted = []
    for folder in sorted(path for path in (root / "data").iterdir() if path.is_dir() and path.name != "schemas"):
        source = sorted(folder.glob("*.yml"))[0]
        value = yaml.safe_load(source.read_text(encoding="utf-8"))
        record = copy.deepcopy(value[0] if isinstance(value, list) else value)
        if "id" in record:
            record["id"] = record["id"] + "-secret"
        record["access"] = "confidential"
        assert plant(record, canary(folder.name)), folder
        (folder / f"zz-secret.yml").write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
        planted.append(canary(folder.name))
    for code in LANGUAGES:
        (root / "docs" / code / "secret.md").write_text(
            f"---\ntitle: Secret\naccess: confidential\n---\n\n# Secret\n\n{canary('page')}\n", encoding="utf-8")
    planted.append(canary("page"))
    return planted


def output_texts(site: Path):
    """Every output file as text, as a reader or crawler could get it (zip and gzip opened)."""
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as archive:
                yield path, " ".join(archive.read(name).decode("utf-8", "ignore") for name in archive.namelist())
            continue
        if path.suffix.startswith(".pf_"):
            data = gzip.decompress(data)
        yield path, data.decode("utf-8", "ignore")


def test_restricted_content_never_reaches_the_site(tmp_path):
    config = make_trilingual(tmp_path)
    planted = restrict_a_record_of_every_kind(tmp_path)
    assert len(planted) >= 16
    result = build_site(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    leaked = [(path.name, text) for path, content in output_texts(tmp_path / "site") for text in ["CANARY", "5b7d1e"] if text in content]
    assert leaked == []
    assert not (tmp_path / "site" / "secret").exists() and not (tmp_path / "site" / "agencies" / "mau-dic-secret").exists()


def test_restricted_text_copied_into_a_public_page_stops_the_build(tmp_path):
    config = make_trilingual(tmp_path)
    restrict_a_record_of_every_kind(tmp_path)
    home = tmp_path / "docs" / "en" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + f"\n{canary('agencies')}\n", encoding="utf-8")
    result = build_site(config, tmp_path / "site")
    assert result.returncode != 0
    assert "Restricted content (access: internal or confidential) would be published" in result.stderr
    assert "en/index.html: holds restricted text from data/agencies/zz-secret.yml:" in result.stderr


def test_drafts_stay_out_of_the_published_site(tmp_path):
    config = make_trilingual(tmp_path)
    for folder in ("zones", "projects"):  # the project in the zone waits for approval with it
        path = tmp_path / "data" / folder / "mau.yml"
        records = yaml.safe_load(path.read_text(encoding="utf-8"))
        records[0]["state"] = "review"
        path.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
    for code in LANGUAGES:
        (tmp_path / "docs" / code / "draft.md").write_text("---\ntitle: Draft\nstate: draft\n---\n\n# Draft\n", encoding="utf-8")
    result = build_site(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert (site / "index.html").exists()
    for prefix in ("", "en/", "zh/"):
        assert not (site / prefix / "invest/zones/mau-zone").exists() and not (site / prefix / "draft").exists()
        assert not (site / prefix / "invest/projects/mau-port").exists()


def test_a_published_record_cannot_name_a_draft_or_a_restricted_one(data_root):
    agencies = data_root / "data" / "agencies" / "mau.yml"
    text = agencies.read_text(encoding="utf-8")
    agencies.write_text(text.replace("- id: mau-dofa\n", "- id: mau-dofa\n  state: draft\n", 1), encoding="utf-8")
    errors = errors_of(data_root)
    assert any("names agency 'mau-dofa', which is not approved for publication yet (`state: draft`) (data/agencies/mau.yml:" in error
               and "approve it first (remove its `state:` line), or remove the reference" in error for error in errors), errors
    agencies.write_text(text.replace("- id: mau-dofa\n", "- id: mau-dofa\n  access: internal\n", 1), encoding="utf-8")
    errors = errors_of(data_root)
    assert any("names agency 'mau-dofa', which is marked `access: internal` and is never published" in error
               and "remove the reference: a published page cannot name it" in error for error in errors), errors


def test_page_state_and_access_are_checked():
    page = "---\ntitle: Tin\nstate: drafted\n---\n".encode()
    assert _front_matter_problems("vi/tin.md", page) == ["docs/vi/tin.md:3: state: 'drafted' is not one of draft, review, published"]
    page = "---\ntitle: Tin\naccess: secret\n---\n".encode()
    assert _front_matter_problems("vi/tin.md", page) == ["docs/vi/tin.md:3: access: 'secret' is not one of internal, confidential"]


def test_a_draft_page_in_the_menu_is_explained():
    files = {"vi/about.md": b"---\ntitle: A\nstate: draft\n---\n", "en/about.md": b"---\ntitle: A\n---\n"}
    with pytest.raises(Exception) as error:
        _withhold(files, ("vi", "en"), {"about.md"})
    assert ("docs/{vi,en}/about.md is not approved for publication yet (`state: draft` in docs/vi/about.md), but mkdocs.yml "
            "lists it in nav: take it out of nav until it is published") in str(error.value)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_preview_shows_a_draft_with_a_banner(tmp_path):
    config = make_trilingual(tmp_path)
    for code in LANGUAGES:
        (tmp_path / "docs" / code / "draft.md").write_text("---\ntitle: Draft\nstate: draft\n---\n\n# Draft\n", encoding="utf-8")
    port = free_port()
    env = {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks"), "SOURCE_DATE_EPOCH": str(BUILD_EPOCH),
           "PATH": "/usr/bin:/bin"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config), "--dev-addr", f"127.0.0.1:{port}",
                               "--no-livereload"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        page = None
        for _ in range(120):
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/en/draft/", timeout=2).read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.5)
        assert page is not None, "mkdocs serve did not answer"
        assert '<p class="portal-preview-banner" role="note"><strong>Draft.</strong>' in page
    finally:
        server.terminate()
        server.wait(timeout=20)
