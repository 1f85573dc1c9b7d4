"""Read YAML the way editors write it: keep dates as text, remember where each value sits, refuse
duplicate keys.

PyYAML turns `2019-01-05` into a date object and silently keeps the last of two equal keys; both
hide mistakes. This loader composes the node tree and builds plain Python values from it,
recording the line of every mapping key and sequence item so that a JSON path such as
`tasks/3/budget` can be reported as a line number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError
from .paths import describe

Path_ = tuple  # a JSON path: keys and zero-based list indexes


class _Loader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: dates stay strings, validated by the schemas."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same, parsed by libyaml (several times faster on a large database). A file it cannot
    read is read again by _Loader, whose error messages the hints and tests are written for."""


_Loader.yaml_implicit_resolvers = _FastLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class YamlDocument:
    file: str
    value: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """The line of the value at `path`, or of its nearest enclosing value."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def load(path: Path, display_name: str) -> tuple[YamlDocument | None, list[DataError]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, [DataError(display_name, None, "", f"is not UTF-8 text ({error.reason} at byte {error.start}); save it as UTF-8")]
    loader: yaml.SafeLoader = _FastLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError:  # read it again to explain the mistake in PyYAML's own words
        loader.dispose()
        loader = _Loader(text)
        node = None
    try:
        node = loader.get_single_node() if node is None and isinstance(loader, _Loader) else node
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = error.problem or "unreadable"
        context = f" ({error.context})" if error.context else ""
        hint = _syntax_hint(problem)
        return None, [DataError(display_name, line, "", f"is not valid YAML: {problem}{context}.{hint}")]
    finally:
        loader.dispose()
    document = YamlDocument(display_name, None)
    errors: list[DataError] = []
    if node is None:
        return None, [DataError(display_name, 1, "", "is empty; it should hold a record (or a list of records)")]
    document.value = _build(loader, node, (), document, errors)
    return document, errors


def _syntax_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return ' A text containing ": " must be put in double quotes.'
    if "found character '\\t'" in problem or "tab" in problem:
        return " Indent with spaces, not tabs."
    if "could not find expected ':'" in problem:
        return " Check the line above for a missing colon or an unclosed quote."
    return ""


def _build(loader: yaml.SafeLoader, node: yaml.Node, path: Path_, document: YamlDocument, errors: list[DataError]) -> Any:
    document.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key = str(key) if not isinstance(key, str) else key
            line = key_node.start_mark.line + 1
            if key in result:
                errors.append(DataError(document.file, line, describe(path + (key,)),
                                        f"is written twice in the same block (first on line {document.lines[path + (key,)]}); keep one"))
                continue
            document.lines[path + (key,)] = line
            result[key] = _build(loader, value_node, path + (key,), document, errors)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, path + (index,), document, errors) for index, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)
