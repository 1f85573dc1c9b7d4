"""The intrinsic size of a picture in docs/assets/images/, so that a page reserves its space before
it loads (no layout shift) and browsers can pick the right priority for it.

SVG: the width and height attributes, else the viewBox; PNG: its header; JPEG: its frame header.
Read with the standard library (a few bytes of each file); None when the size cannot be told.
"""

from __future__ import annotations

import re
import struct
from functools import lru_cache
from pathlib import Path

_SVG_TAG = re.compile(rb"<svg\b[^>]*>", re.S)
_NUMBER = r"\s*=\s*[\"']\s*([0-9.]+)\s*(?:px)?\s*[\"']"


@lru_cache(maxsize=256)
def size(path: Path) -> tuple[int, int] | None:
    try:
        head = path.read_bytes()[:65536]
    except OSError:
        return None
    if head.startswith(b"\x89PNG\r\n\x1a\n") and len(head) >= 24:
        width, height = struct.unpack(">II", head[16:24])
        return width, height
    if head.startswith(b"\xff\xd8"):
        return _jpeg(head)
    tag = _SVG_TAG.search(head)
    if tag:
        return _svg(tag.group(0).decode("utf-8", "replace"))
    return None


def _svg(tag: str) -> tuple[int, int] | None:
    width, height = (re.search(rf"\b{name}{_NUMBER}", tag) for name in ("width", "height"))
    if width and height:
        return round(float(width.group(1))), round(float(height.group(1)))
    box = re.search(r"\bviewBox\s*=\s*[\"']\s*[-0-9.]+[\s,]+[-0-9.]+[\s,]+([0-9.]+)[\s,]+([0-9.]+)\s*[\"']", tag)
    return (round(float(box.group(1))), round(float(box.group(2)))) if box else None


def _jpeg(data: bytes) -> tuple[int, int] | None:
    index = 2
    while index + 9 < len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        length = struct.unpack(">H", data[index + 2:index + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[index + 5:index + 9])
            return width, height
        index += 2 + length
    return None
