"""Name a place in a record the way an editor would look for it."""

from __future__ import annotations

from typing import Any


def describe(path: tuple, root: Any = None) -> str:
    """`('tasks', 5, 'tasks', 0, 'budget')` -> `tasks[6].tasks[6.1].budget`.

    A list item that has a `number` or an `id` is named by it; any other item by its
    position counted from 1, as an editor counts.
    """
    out = ""
    value = root
    for part in path:
        if isinstance(part, int):
            item = value[part] if isinstance(value, list) and part < len(value) else None
            label = _label(item) or str(part + 1)
            out += f"[{label}]"
            value = item
        else:
            out += f".{part}" if out else str(part)
            value = value.get(part) if isinstance(value, dict) else None
    return out


def _label(item: Any) -> str | None:
    if isinstance(item, dict):
        for key in ("number", "id"):
            if isinstance(item.get(key), str) and item[key]:
                return item[key]
    return None
