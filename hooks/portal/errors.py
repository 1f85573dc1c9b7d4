"""Editor-facing errors: each names the file, the line where known, the field, and what is expected."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class DataError:
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class DataErrors(Exception):
    """Every error found in the data, reported together so an editor can fix them in one pass."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(set(errors), key=lambda e: (e.file, e.line or 0, e.field, e.message))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        head = f"The data has {count} error{'s' if count != 1 else ''}; nothing was published:"
        return "\n".join([head, *(f"  {error}" for error in self.errors)])


def relative(path: Path, root: Path) -> str:
    """A path as an editor sees it in the repository."""
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return path.as_posix()
