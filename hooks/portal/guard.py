"""The last gate before publication: restricted content must not be in the built site.

Records marked `access: internal|confidential` and pages with that front matter are left out of the
build (database.py, data_pages.py). This module checks the result anyway, so that a confidential
text an editor copied into a public page, or a future code path that forgets the rule, stops the
build instead of reaching the web. It reads every output file as a reader or a crawler could get
it: pages, feeds, calendars, the open-data files, the SQLite database, the Word reports (zip) and
the search index (gzip, with "đ" written as search.py folds it).
"""

from __future__ import annotations

import gzip
import html
import zipfile
from functools import partial
from pathlib import Path
from typing import Any, Iterator

from . import parallel
from .database import KINDS, Database
from .search import fold

MIN_LENGTH = 16  # shorter texts ("Hải Phòng", a date) are not distinctive enough to call a leak
ZIPPED = {".docx", ".xlsx", ".odt", ".zip"}
GZIPPED = {".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter"}


def secrets(db: Database, restricted_pages: dict[str, str]) -> dict[str, str]:
    """Each distinctive text of restricted content -> where it is written (file:line). A text that
    a published record also has (a heading, a standard phrase) is not a secret."""
    public = {text.strip() for value in _published(db) for _, text in _strings(value, ())}
    found: dict[str, str] = {}
    for record in db.withheld:
        if not record.data.get("access"):
            continue  # a draft is not a secret, only not yet approved
        for path, text in _strings(record.data, ()):
            if len(text.strip()) >= MIN_LENGTH and text.strip() not in public:
                found.setdefault(text.strip(), f"{record.file}:{record.line(*path) or record.line()}")
    for relative, body in restricted_pages.items():
        for number, line in enumerate(body.splitlines(), start=1):
            text = line.strip(" \t#*->|")
            if len(text) >= MIN_LENGTH:
                found.setdefault(text, f"docs/{relative}:{number}")
    return found


def leaks(site_dir: Path, found: dict[str, str]) -> list[str]:
    """One line per output file that holds restricted text, naming the text's source."""
    if not found:
        return []
    forms = {form: source for text, source in found.items()
             for form in {text, html.escape(text, quote=False), html.escape(text), fold(text)}}
    files = [path for path in sorted(site_dir.rglob("*")) if path.is_file()]
    return parallel.problems(partial(_scan, site_dir, forms), files)  # files shared out over the cores


def _scan(site_dir: Path, forms: dict[str, str], files: list[Path]) -> list[str]:
    problems = []
    for path in files:
        for content in _contents(path):
            hits = sorted({source for form, source in forms.items() if form in content})
            if hits:
                problems.append(f"{path.relative_to(site_dir).as_posix()}: holds restricted text from {', '.join(hits)}")
                break
    return problems


def _contents(path: Path) -> Iterator[str]:
    data = path.read_bytes()
    if path.suffix in ZIPPED and zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                yield archive.read(name).decode("utf-8", "ignore")
        return
    if path.suffix in GZIPPED:
        try:
            data = gzip.decompress(data)
        except OSError:
            pass
    yield data.decode("utf-8", "ignore")


def _published(db: Database) -> Iterator[Any]:
    yield db.site
    yield db.profile
    for kind in KINDS.values():
        for record in db.kind(kind).values():
            yield record.data


def _strings(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))
