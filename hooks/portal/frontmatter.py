"""A Markdown page's front matter (the YAML between the first two --- lines), read one way for the
build (data_pages.py) and for `make check` (editorial.py)."""

from __future__ import annotations

import yaml


def split(text: str) -> tuple[str | None, str]:
    """(the front matter's YAML, or None without a front matter; the text after it). A front matter
    that is opened but never closed is returned whole, for the caller to report."""
    if not text.startswith("---"):
        return None, text
    head, separator, body = text[3:].partition("\n---")
    return head, body if separator else ""


def closed(text: str) -> bool:
    return not text.startswith("---") or "\n---" in text[3:]


def meta(text: str) -> dict:
    """The front matter's fields; {} when there are none or they cannot be read (the build reports that)."""
    head, _ = split(text)
    try:
        value = yaml.safe_load(head) if head is not None and closed(text) else None
    except yaml.YAMLError:
        return {}
    return value if isinstance(value, dict) else {}
