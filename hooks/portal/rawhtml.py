"""Hand the templates' HTML to Markdown as finished blocks, so Markdown does not parse it again.

A data page's body is the output of a Jinja template (record_content.py): Markdown headings (for
the table of contents and anchors) around HTML blocks (tables, lists, figures). Python-Markdown and
MkDocs each run Python's HTML parser over every raw HTML block, to find where it ends and which ids
it holds: on a site of a few thousand record pages, more than a fifth of the build.

record_content.py puts the template output between START and END. In there, each run of lines
between headings that begins with a block-level tag is stored in Markdown's own HTML stash, exactly
where Markdown's HTML block processor would have stored it, and the ids it holds are given to
MkDocs's anchor check; headings, text that does not start with a block tag, and an editor's
Markdown (between sanitise.EDITOR_START and EDITOR_END) are left to Markdown as before.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

from .sanitise import EDITOR_END, EDITOR_START

START = "<!-- portal:template -->"
END = "<!-- /portal:template -->"
_FIRST_TAG = re.compile(r"\s*<([A-Za-z][A-Za-z0-9-]*|!--)")
_IDS = re.compile(r'\bid="([^"]+)"')


def wrap(template_output: str) -> str:
    """Mark a template's output for the fast path; Markdown removes the markers."""
    return f"\n\n{START}\n{template_output}\n{END}\n\n"


class _WithIds(Preprocessor):
    """The two steps below share the set of ids found in the stashed blocks of the page."""

    def __init__(self, md, ids: set[str]):
        super().__init__(md)
        self.ids = ids


class _Stash(_WithIds):
    """Priority 25: before MkDocs's raw HTML scan (21) and Markdown's HTML block processor (20)."""

    def run(self, lines: list[str]) -> list[str]:
        self.ids.clear()
        if START not in lines:
            return lines
        out: list[str] = []
        run: list[str] = []
        inside = editor = False

        def flush() -> None:
            chunk = "\n".join(run).strip("\n")
            run.clear()
            match = _FIRST_TAG.match(chunk)
            if match and (match.group(1) == "!--" or self.md.is_block_level(match.group(1).lower())):
                self.ids.update(_IDS.findall(chunk))
                out.extend(("", self.md.htmlStash.store(chunk), ""))
            elif chunk.strip():
                out.extend(("", *chunk.split("\n"), ""))

        for line in lines:
            if line == START and not inside:
                inside = True
            elif line == END and inside:
                flush()
                inside = False
            elif not inside or editor:
                editor = editor and line.strip() != EDITOR_END
                out.append(line)
            elif line.strip() == EDITOR_START:
                flush()
                editor = True
                out.append(line)
            elif line.startswith("#"):
                flush()
                out.extend(("", line, ""))
            else:
                run.append(line)
        flush()
        return out


class _GiveIds(_WithIds):
    """Priority 20.5: after MkDocs's scan (21) has recorded the ids it saw, add the stashed blocks' ids."""

    def run(self, lines: list[str]) -> list[str]:
        # MkDocs's scan is registered as "mkdocs_raw_html" (ProperDocs, its fork, renames it): found by what it holds.
        for scan in self.md.preprocessors:
            if self.ids and isinstance(getattr(scan, "present_anchor_ids", None), set):
                scan.present_anchor_ids |= self.ids
        return lines


class TemplateHtml(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's name
        ids: set[str] = set()
        md.preprocessors.register(_Stash(md, ids), "portal_template_html", 25)
        md.preprocessors.register(_GiveIds(md, ids), "portal_template_ids", 20.5)
