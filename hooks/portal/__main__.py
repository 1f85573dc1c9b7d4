"""`python -m portal check [mkdocs.yml]`: check the whole database the way the build does, in seconds.

Run by `make check`; prints every error with file, line and field, and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from mkdocs.config import load_config

from . import database
from .errors import DataErrors
from .site import languages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m portal", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check"])
    parser.add_argument("config", nargs="?", default="mkdocs.yml", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    args = parser.parse_args(argv)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config_file = Path(args.config).resolve()
    config = load_config(str(config_file))
    try:
        db = database.load(config_file.parent, languages(config))
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    tasks = sum(len(plan.all_tasks) for plan in db.plans.values())
    counts = ", ".join(f"{len(db.collections[kind])} {folder}" for folder, kind in database.KINDS.items() if kind in db.collections)
    print(f"Data OK: {len(db.plans)} plans ({tasks} tasks), {len(db.agencies)} agencies, {len(db.legal)} legal documents, "
          f"{counts} ({db.sample_count()} marked sample); languages: {', '.join(db.languages)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
