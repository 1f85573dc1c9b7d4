"""Command line of the portal kit, run from the repository root.

    python -m portal check [mkdocs.yml]
        Check the whole database the way the build does, in seconds (`make check`): every error
        with file, line and field, then the editorial checks (wrong-language text, terminology);
        exit status 1 if there is any. Also lists what awaits translation and what is withheld.
    python -m portal report PLAN DATE [--out reports] [--config mkdocs.yml]
        Compile the implementation report of plan PLAN as of DATE (YYYY-MM-DD) in every language of
        the site, as a Word document and a CSV file (`make report PLAN=haiphong-2019 DATE=2019-06-15`).
"""

from __future__ import annotations

import argparse
import difflib
import logging
import sys
from datetime import date
from pathlib import Path

from mkdocs.config import load_config

from . import database, editorial, report
from .errors import DataErrors
from .language import Language
from .site import default_language, languages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m portal", description="The portal kit's checks and reports.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check all data as the build does")
    check.add_argument("config", nargs="?", default="mkdocs.yml", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    compile_ = commands.add_parser("report", help="compile a plan's implementation report as of a date")
    compile_.add_argument("plan", help="the plan's id, e.g. haiphong-2019")
    compile_.add_argument("date", help="the reporting date, YYYY-MM-DD")
    compile_.add_argument("--out", default="reports", help="folder for the files (default: ./reports)")
    compile_.add_argument("--config", default="mkdocs.yml", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    args = parser.parse_args(argv)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config_file = Path(args.config).resolve()
    config = load_config(str(config_file))
    try:
        db = database.load(config_file.parent, languages(config))
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    if args.command == "report":
        return _report(db, default_language(config), args.plan, args.date, Path(args.out))
    editorial_errors = editorial.wrong_language(db) + editorial.terminology(db) + editorial.markdown_links(db)
    if editorial_errors:
        print(DataErrors(editorial_errors).report().replace("nothing was published", "fix them before you commit"), file=sys.stderr)
        return 1
    tasks = sum(len(plan.all_tasks) for plan in db.plans.values())
    counts = ", ".join(f"{len(db.collections[kind])} {folder}" for folder, kind in database.KINDS.items() if kind in db.collections)
    print(f"Data OK: {len(db.plans)} plans ({tasks} tasks), {len(db.agencies)} agencies, {len(db.legal)} legal documents, "
          f"{counts} ({db.sample_count()} marked sample); languages: {', '.join(db.languages)}.")
    print("Language, terminology and links: OK (every text of four words or more reads as its language; the termbase is "
          "followed; every link in docs/ leads to a page or file).")
    waiting = editorial.awaiting_translation(db)
    for code in db.languages[1:]:
        items = waiting.get(code, [])
        print(f"Awaiting translation into {code}: {len(items)}" + "".join(f"\n  {item}" for item in items))
    if db.withheld:
        print(f"Not published: {len(db.withheld)} record(s) in draft, in review or restricted" +
              "".join(f"\n  {record.file}:{record.line('id') or record.line()} ({record.id or record.kind}): "
                      f"{record.data.get('access') or record.data.get('state')}" for record in db.withheld))
    return 0


def _report(db: database.Database, default: str, plan_id: str, day: str, out: Path) -> int:
    if plan_id not in db.plans:
        close = difflib.get_close_matches(plan_id, list(db.plans), n=3, cutoff=0.5)
        hint = f"did you mean {' or '.join(close)}?" if close else f"the plans are {', '.join(sorted(db.plans))}"
        print(f"There is no plan '{plan_id}' in data/plans/; {hint}", file=sys.stderr)
        return 2
    try:
        date.fromisoformat(day)
    except ValueError:
        print(f"'{day}' is not a date; write it as YYYY-MM-DD, e.g. 2019-06-15", file=sys.stderr)
        return 2
    plan = db.plans[plan_id]
    if not db.updates(plan_id):
        print(f"Note: no progress on '{plan_id}' has been reported in data/progress/; every task will show as not yet reported.", file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    for code in db.languages:
        compiled = report.build(db, Language(db, code, default), plan, day)
        for extension, content in (("docx", report.to_docx(compiled)), ("csv", report.to_csv(compiled))):
            path = out / compiled.file_name(extension)
            path.write_bytes(content)
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
