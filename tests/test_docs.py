"""The words the templates show exist in every language, every enum value in the schemas has a
label, and the README documents every data field an editor can write."""

from __future__ import annotations

import json
import re

import yaml

from conftest import ROOT

UI = yaml.safe_load((ROOT / "data" / "ui.yml").read_text(encoding="utf-8"))
LABELLED_ENUMS = {"type": ("agency.schema.json", "agency_type_"), "level": ("agency.schema.json", "level_")}


def template_keys() -> set[str]:
    keys = set()
    for path in (ROOT / "overrides").rglob("*.html"):
        keys |= set(re.findall(r"""L\.t\(\s*'([a-z0-9_]+)'""", path.read_text(encoding="utf-8")))
    for path in (ROOT / "hooks").rglob("*.py"):
        keys |= set(re.findall(r'\.t\(\s*"([a-z0-9_]+)"', path.read_text(encoding="utf-8")))
    return keys


def test_every_ui_key_used_by_a_template_is_translated():
    missing = sorted(key for key in template_keys() if not key.endswith("_") and key not in UI["strings"])
    assert not missing
    for key, text in UI["strings"].items():  # every language the kit knows, with the same placeholders
        assert set(text) == set(UI["formats"]) == {"vi", "en", "fr", "zh"}, key
        assert len({tuple(sorted(re.findall(r"\{[a-z_]+\}", value))) for value in text.values()}) == 1, key
        assert all(value.startswith("#") for value in text.values()) or not any(value.startswith("#") for value in text.values()), key


def test_every_enum_value_has_a_label():
    def enum(schema_file, *path):
        node = json.loads((ROOT / "data" / "schemas" / schema_file).read_text(encoding="utf-8"))
        for part in path:
            node = node[part]
        return node["enum"]

    expected = {f"agency_type_{value}" for value in enum("agency.schema.json", "properties", "type")}
    expected |= {f"level_{value}" for value in enum("agency.schema.json", "properties", "level")}
    expected |= {f"legal_type_{value}" for value in enum("legal.schema.json", "properties", "type")}
    expected |= {f"plan_type_{value}" for value in enum("plan.schema.json", "properties", "type")}
    expected |= {f"status_{value}" for value in enum("progress.schema.json", "$defs", "update", "properties", "status") + ["unreported"]}
    for schema_file, field, prefix in [("project.schema.json", "sector", "sector_"), ("project.schema.json", "status", "project_status_"),
                                       ("project.schema.json", "form", "investment_form_"), ("zone.schema.json", "type", "zone_type_"),
                                       ("event.schema.json", "type", "event_type_"), ("highlight.schema.json", "category", "highlight_category_")]:
        expected |= {prefix + value for value in enum(schema_file, "properties", field)}
    expected |= {"licence_" + value.lower().replace(".", "_") for value in enum("common.schema.json", "$defs", "image", "properties", "licence")}
    labels = {key.replace("_", "-") for key in UI["strings"]}
    assert not sorted(key for key in expected if key.replace("_", "-") not in labels)


def test_readme_documents_every_plan_field():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    schema = json.loads((ROOT / "data" / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
    fields = set(schema["properties"]) | set(schema["$defs"]["task"]["properties"])
    assert not sorted(field for field in fields if f"`{field}`" not in readme)
