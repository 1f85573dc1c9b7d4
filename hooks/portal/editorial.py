"""The checks `make check` adds to the build's own, for editors before they commit.

- wrong_language: a text whose words are in another language than its field says (an English field
  holding Vietnamese, or the reverse), found with py3langid (a maintained fork of langid.py whose
  model ships in the package, so it runs offline). Quoted and bracketed words are left out: an
  English note may quote the Vietnamese source. Short texts (names) are not judged. A text that is
  deliberately in another language says so at the end of its line: `# lang: en`.
- terminology: the termbase (data/termbase.yml, or the kit's) lists wordings to avoid for key terms,
  and the agency registry gives each office one name per language: where a Vietnamese text names an
  agency in full, its translation must use the registry's name, so the same office is not named
  three ways.
- markdown_links: a link or picture in docs/ that leads to no page or file of the site (the build
  checks the same and more on its output; this finds it in a second, before a commit).
- awaiting_translation: what waits for a translation, per language, for the report.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from . import frontmatter, yamlfile
from .database import KINDS, KIT_DATA, Database, Record, _texts, schema_dir
from .errors import DataError
from .paths import describe
from .schemas import SchemaSet

MIN_WORDS = 4  # shorter texts are mostly names and numbers, which have no language to judge
CONFIDENCE = 0.9
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»|‘[^’]*’|\([^)]*\)|\[[^\]]*\]")
EXCEPTION = re.compile(r"#\s*lang:\s*([a-z]{2})\b")
NAME_QUALIFIERS = re.compile(r"^Viet Nam |^Vietnam | of Viet Nam$| of Vietnam$")
LANGUAGE_NAMES = {"vi": "Vietnamese", "en": "English", "fr": "French", "zh": "Chinese"}


def records(db: Database) -> Iterator[Record]:
    for kind in KINDS.values():
        yield from db.kind(kind).values()


def wrong_language(db: Database) -> list[DataError]:
    identifier = _identifier(db.languages)
    found = []
    for record in records(db):
        for path, text in _texts(record.data, ()):
            for code, value in text.items():
                if code not in db.languages:
                    continue
                words = QUOTED.sub(" ", value)
                if len(words.split()) < MIN_WORDS:
                    continue
                guess, confidence = identifier.classify(words)
                line = record.line(*path, code)
                if guess == code or confidence < CONFIDENCE or _declared(db.root, record.file, line) == guess:
                    continue
                found.append(DataError(record.file, line, describe(path + (code,), record.data),
                                       f"reads as {LANGUAGE_NAMES.get(guess, guess)}, not {LANGUAGE_NAMES.get(code, code)}; "
                                       f"put the text in its own language, or, if it is meant to be so, end the line with `# lang: {guess}`"))
    return found


def terminology(db: Database) -> list[DataError]:
    terms = termbase(db.root)
    agencies = [(agency.data["name"], agency.id) for agency in db.agencies.values() if len(agency.data["name"]["vi"].split()) >= 5]
    found = []
    for record in records(db):
        for path, text in _texts(record.data, ()):
            source = QUOTED.sub(" ", text.get("vi", ""))
            if not source:
                continue
            for term in terms:
                if term["vi"].lower() not in source.lower():
                    continue
                for code, avoid in term.get("avoid", {}).items():
                    for wording in avoid:
                        if code in text and re.search(rf"\b{re.escape(wording)}\b", text[code]):
                            found.append(DataError(record.file, record.line(*path, code), describe(path + (code,), record.data),
                                                   f"writes '{wording}' for '{term['vi']}'; the termbase (data/termbase.yml) says '{term[code]}'"))
            for name, agency_id in agencies:
                if name["vi"] not in source or record.kind == "agency" and record.id == agency_id:
                    continue
                for code in text:
                    if code == "vi" or code not in name:
                        continue
                    official = NAME_QUALIFIERS.sub("", name[code])
                    if official.lower() not in text[code].lower():
                        found.append(DataError(record.file, record.line(*path, code), describe(path + (code,), record.data),
                                               f"names {name['vi']} without its registered {LANGUAGE_NAMES.get(code, code)} name "
                                               f"'{name[code]}' (data/agencies/, id {agency_id}); use that name"))
    return found


def awaiting_translation(db: Database) -> dict[str, list[str]]:
    """Language -> what awaits translation into it: news held back (`status: awaiting-translation`),
    records published with their Vietnamese text (`awaiting_translation: [..]`), and pages whose
    translation says `awaiting_translation: true`."""
    waiting: dict[str, list[str]] = {}
    for record in db.collections["news"].values():
        if record.data.get("status") != "awaiting-translation":
            continue
        for code in db.languages[1:]:
            if any(code not in text for _, text in _texts(record.data, ())):
                waiting.setdefault(code, []).append(f"{record.file}:{record.line('id')} ({record.id}, held back)")
    for record in records(db):
        for code in record.data.get("awaiting_translation", []):
            waiting.setdefault(code, []).append(f"{record.file}:{record.line('awaiting_translation')} ({record.id}, shown in Vietnamese)")
    for code in db.languages[1:]:
        for page in sorted((db.root / "docs" / code).rglob("*.md")):
            if frontmatter.meta(page.read_text(encoding="utf-8")).get("awaiting_translation") is True:
                waiting.setdefault(code, []).append(f"{page.relative_to(db.root).as_posix()} (page)")
    return waiting


def termbase(root: Path) -> list[dict]:
    """The key terms, from the site's data/termbase.yml or the kit's; checked against its schema."""
    path = root / "data" / "termbase.yml"
    if not path.exists():
        path = KIT_DATA / "termbase.yml"
    document, errors = yamlfile.load(path, path.name)
    problems = SchemaSet(schema_dir(root)).check("termbase", document.value) if document else []
    if errors or problems or document is None:
        details = [str(error) for error in errors] + [f"{path}: {problem.field}: {problem.message}" for problem in problems]
        raise ValueError("The termbase cannot be read:\n  " + "\n  ".join(details))
    return document.value["terms"]


@lru_cache(maxsize=4)
def _identifier(languages: tuple[str, ...]):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    identifier = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(languages))
    return identifier


@lru_cache(maxsize=64)
def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _declared(root: Path, file: str, line: int | None) -> str | None:
    """The language a `# lang: xx` comment at the end of the text's line declares."""
    if not line:
        return None
    lines = _lines(root / file)
    match = EXCEPTION.search(lines[line - 1]) if line <= len(lines) else None
    return match.group(1) if match else None


MARKDOWN_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|\s(?:href|src)=\"([^\"]+)\"")


def markdown_links(db: Database) -> list[DataError]:
    """Links and pictures in docs/<language>/ that lead to nothing: not a page written in docs/, not
    a page made from data, not a file under docs/."""
    from .pages import record_pages  # pages imports this module's neighbours; imported when used

    docs = db.root / "docs"
    found = []
    for code in db.languages:
        folder = docs / code
        targets = {path.relative_to(docs).as_posix() for path in folder.rglob("*") if path.is_file()}
        targets |= set(record_pages(db, code))
        shared = {path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.is_file()}
        for page in sorted(folder.rglob("*.md")):
            relative = page.relative_to(docs).as_posix()
            for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
                for match in MARKDOWN_LINK.finditer(line):
                    address = (match.group(1) or match.group(2) or "").split("#", 1)[0].split("?", 1)[0]
                    if not address or re.match(r"^[a-z][a-z0-9+.-]*:", address) or address.startswith("/"):
                        continue  # an anchor on the page, another site, mail or phone: not checked here
                    target = posixpath.normpath(posixpath.join(posixpath.dirname(relative), address))
                    candidates = {target, target.rstrip("/") + ".md", target.rstrip("/") + "/index.md"}
                    if not candidates & (targets | shared) and not (docs / target).is_dir():
                        found.append(DataError(f"docs/{relative}", number, "link",
                                               f"'{address}' leads to nothing: no page or file docs/{target} (nor a page made from data)"))
    return found
