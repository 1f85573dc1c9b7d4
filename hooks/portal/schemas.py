"""Validate records against the JSON Schemas in data/schemas/ and word the errors for editors.

Draft 2020-12 with `iter_errors`, so an editor sees every problem in a file at once. Each kind's
schema is named after its folder's singular (plans/ -> plan.schema.json); shared pieces live in
common.schema.json and are reached through a `referencing` registry, with no network.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from .paths import describe

_TYPE_WORDS = {
    "string": "a text",
    "number": "a number",
    "integer": "a whole number",
    "array": "a list (lines starting with '- ')",
    "object": "a block of fields",
    "boolean": "true or false",
}


@dataclass(frozen=True)
class Problem:
    path: tuple
    field: str
    message: str


# Keywords whose values are data, not schemas (an enum may list an object with a "$ref" key).
_LITERAL = ("enum", "const", "examples", "default")
# (schemas, kind, record as JSON) -> its problems; see SchemaSet.check
_checked: dict[tuple[str, str, str], tuple[Problem, ...]] = {}


class SchemaSet:
    def __init__(self, directory: Path):
        self.directory = directory
        self._validators: dict[str, Draft202012Validator] = {}  # by kind, made on first use

    @cached_property
    def _schemas(self) -> dict[str, dict]:
        return {path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(self.directory.glob("*.schema.json"))}

    @cached_property
    def _registry(self) -> Registry:
        return Registry().with_resources((name, Resource.from_contents(schema)) for name, schema in self._schemas.items())

    @cached_property
    def _fingerprint(self) -> str:
        return json.dumps(self._schemas, sort_keys=True)

    def validator(self, kind: str) -> Draft202012Validator:
        """The kind's validator, made once, with the shared pieces it refers to written in place."""
        if kind not in self._validators:
            name = f"{kind}.schema.json"
            self._validators[kind] = Draft202012Validator(self._inline(self._schemas[name], name, ()), registry=self._registry)
        return self._validators[kind]

    def _inline(self, node: Any, document: str, followed: tuple[str, ...]) -> Any:
        """The schema with each `$ref` to common.schema.json (or to its own `$defs`) replaced by what it
        points at. jsonschema resolves a `$ref` through the registry every time a record is checked:
        that was half of the data's check time (2,024 records: 1.0 s, inlined 0.5 s). Same errors:
        jsonschema reports what fails inside a `$ref` as it reports what fails in place. A `$ref`
        with other keywords beside it becomes an `allOf` of one; a `$ref` cycle is left to the registry."""
        if isinstance(node, list):
            return [self._inline(item, document, followed) for item in node]
        if not isinstance(node, dict):
            return node
        if isinstance(node.get("$ref"), str):
            reference = node["$ref"]
            target_document, _, pointer = reference.partition("#")
            target_document = target_document or document
            where = f"{target_document}#{pointer}"
            if where in followed or target_document not in self._schemas:
                return node
            target = self._schemas[target_document]
            for part in filter(None, pointer.split("/")):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            inlined = self._inline(target, target_document, (*followed, where))
            beside = {key: self._inline(value, document, followed) for key, value in node.items() if key != "$ref"}
            return {**beside, "allOf": [inlined]} if beside else inlined
        return {key: value if key in _LITERAL else self._inline(value, document, followed) for key, value in node.items()}

    def check(self, kind: str, record: Any) -> list[Problem]:
        """The record's problems. Results are kept for the process: under `mkdocs serve` a rebuild
        checks again only the records an editor changed (validating every record is most of the
        data's load time)."""
        key = (self._fingerprint, kind, json.dumps(record, sort_keys=True, default=repr))
        if key not in _checked:
            if len(_checked) > 50_000:
                _checked.clear()
            validator = self.validator(kind)
            _checked[key] = tuple(problem for error in validator.iter_errors(record) for problem in self._explain(error, record))
        return list(_checked[key])

    def _explain(self, error: ValidationError, record: Any) -> Iterator[Problem]:
        path = tuple(error.absolute_path)
        field = describe(path, record)
        kind = error.validator
        value = error.instance
        about = _about(error.schema)
        if kind == "required":
            for name in error.validator_value:
                if isinstance(value, dict) and name not in value:
                    yield Problem(path + (name,), describe(path + (name,), record), "is missing; this field is required")
        elif kind == "additionalProperties":
            allowed = sorted(error.schema.get("properties", {}))
            for name in sorted(set(value) - set(allowed)) if isinstance(value, dict) else []:
                hint = _closest(name, allowed)
                where = describe(path + (name,), record)
                yield Problem(path + (name,), where, f"is not a known field here{hint}; allowed fields: {', '.join(allowed)}")
        elif kind == "type":
            expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
            words = " or ".join(_TYPE_WORDS.get(name, name) for name in expected)
            hint = ""
            if "number" in expected and isinstance(value, str):
                hint = " (write digits only, e.g. 1070, without dots, commas or units)"
            yield Problem(path, field, f"should be {words}, not {_show(value)}{hint}{about}")
        elif kind == "enum":
            options = [str(option) for option in error.validator_value]
            yield Problem(path, field, f"is {_show(value)}, which is not allowed{_closest(str(value), options)}; use one of: {', '.join(options)}")
        elif kind == "pattern":
            yield Problem(path, field, f"{_show(value)} is not in the expected form{about or ' (' + error.validator_value + ')'}")
        elif kind == "propertyNames":
            yield Problem(path, field, f"{_show(error.instance)} is not a language code; use two-letter codes such as vi, en")
        elif kind == "anyOf":
            yield Problem(path, field, f"is incomplete{about}")
        elif kind == "uniqueItems":
            yield Problem(path, field, "names the same value twice; list each once")
        elif kind in ("minItems", "minLength", "minProperties"):
            yield Problem(path, field, "must not be empty")
        elif kind in ("minimum", "exclusiveMinimum"):
            yield Problem(path, field, f"is {_show(value)}; it must be at least {error.validator_value}")
        elif kind in ("maximum", "exclusiveMaximum"):
            yield Problem(path, field, f"is {_show(value)}; it must be at most {error.validator_value}")
        elif kind == "maxLength":
            yield Problem(path, field, f"is too long; at most {error.validator_value} characters")
        else:
            yield Problem(path, field, error.message)


def _about(schema: dict) -> str:
    description = schema.get("description") if isinstance(schema, dict) else None
    return f" ({description.rstrip('.')})" if description else ""


def _show(value: Any) -> str:
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, dict):
        return "a block of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    return repr(value)


def _closest(word: str, options: list[str]) -> str:
    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""
