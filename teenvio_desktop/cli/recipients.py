"""``teenvio-desktop recipients``: import a file into a list, list the lists, export one.

``import`` follows the same rules as the import wizard (one core function): every column
of the file stays a merge field under its own name. ``--list NAME`` naming an existing
list is a clash, reported before anything is read unless ``--replace`` (the file's
members replace the list's) or ``--append`` (its new addresses are added; repeats of the
list's members are left out) says what to do. It exits 0 whenever the file could be
read, even if some rows were rejected (the summary says how many and why; ``--rejects
FILE`` writes the report), and 1 when it cannot be imported at all (empty, binary, no
address column, a clash...).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from teenvio_desktop.cli.common import EXIT_FAILURE, EXIT_OK, CliRuntime
from teenvio_desktop.core.errors import Cancelled, TeenvioError
from teenvio_desktop.core.recipients import (
    ImportOptions,
    RecipientListRepository,
    export_rejects,
    find_clash,
    import_file,
)
from teenvio_desktop.core.tasks import CancelToken, Progress


def register(subparsers: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    parser = subparsers.add_parser(
        "recipients",
        help="import, list and export recipient lists",
        description="Import recipient lists from CSV/TSV/TXT, XLSX or ODS files, list them "
        "and export them.",
    )
    add_common(parser)
    actions = parser.add_subparsers(dest="recipients_action", metavar="ACTION", required=True)

    imp = actions.add_parser("import", help="import a file as a new list")
    add_common(imp)
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--list", dest="list_name", metavar="NAME", help="name of the list")
    clash = imp.add_mutually_exclusive_group()
    clash.add_argument(
        "--replace",
        dest="on_clash",
        action="store_const",
        const="replace",
        default="error",
        help="if the list exists, replace its members with the file's",
    )
    clash.add_argument(
        "--append",
        dest="on_clash",
        action="store_const",
        const="append",
        help="if the list exists, add the file's new addresses to it",
    )
    imp.add_argument("--sheet", metavar="NAME", help="sheet of a workbook (default: the first)")
    imp.add_argument("--email-column", metavar="NAME", help="column holding the addresses")
    imp.add_argument("--encoding", metavar="ENC", help="text encoding (default: detected)")
    imp.add_argument("--delimiter", metavar="C", help="column delimiter, e.g. ';' or tab")
    header = imp.add_mutually_exclusive_group()
    header.add_argument("--header", dest="has_header", action="store_true", default=None)
    header.add_argument("--no-header", dest="has_header", action="store_false")
    imp.add_argument("--rejects", metavar="CSV", help="write the rejected rows to this file")
    imp.add_argument("--json", action="store_true", help="print one JSON object")
    imp.set_defaults(handler=run_import)

    listing = actions.add_parser("list", help="list the saved lists")
    add_common(listing)
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=run_list)

    export = actions.add_parser("export", help="export a list as CSV")
    add_common(export)
    export.add_argument("name", metavar="NAME")
    export.add_argument("file", metavar="FILE")
    export.set_defaults(handler=run_export)


def run_import(runtime: CliRuntime) -> int:
    args = runtime.args
    context = runtime.context()
    options = ImportOptions(
        list_name=args.list_name,
        encoding=args.encoding,
        delimiter=args.delimiter,
        sheet=args.sheet,
        email_column=args.email_column,
        has_header=args.has_header,
        on_clash=args.on_clash,
    )
    token = CancelToken()
    show_progress = not args.json and sys.stderr.isatty()

    def progress(report: Progress) -> None:
        if show_progress and report.total:
            sys.stderr.write(f"\r{100 * report.done // report.total:3d}%")

    if args.list_name and args.on_clash == "error" and find_clash(context.db, args.list_name):
        sys.stderr.write(
            runtime.tr(
                "A recipient list named \u201c{name}\u201d already exists. Add --replace to "
                "replace its members with the file's, --append to add the file's new "
                "addresses to it, or choose another name with --list."
            ).format(name=args.list_name.strip())
            + "\n"
        )
        return EXIT_FAILURE
    try:
        result = import_file(context.db, Path(args.file), options, progress, token)
    except (TeenvioError, Cancelled) as exc:
        if isinstance(exc, TeenvioError):
            runtime.report_error(exc)
        return EXIT_FAILURE
    if show_progress:
        sys.stderr.write("\r")
    if args.rejects:
        export_rejects(context.db, result.list_id, Path(args.rejects), runtime.translate)
    smtputf8 = RecipientListRepository(context.db).smtputf8_count(result.list_id)
    if args.json:
        print(json.dumps({**result.summary(), "smtputf8": smtputf8}, ensure_ascii=False))
        return EXIT_OK
    print(
        runtime.tr(
            "List \u201c{name}\u201d: {valid} valid, {invalid} invalid, {duplicates} duplicates, "
            "{suppressed} suppressed."
        ).format(
            name=result.list_name,
            valid=result.valid,
            invalid=result.invalid,
            duplicates=result.duplicates,
            suppressed=result.suppressed,
        )
    )
    if result.mode == "replace":
        print(
            runtime.tr("The list's members were replaced. Recipients in the list now: {n}.").format(
                n=result.total
            )
        )
    elif result.mode == "append":
        print(
            runtime.tr("Added to the list: {added}. Recipients in the list now: {n}.").format(
                added=result.valid, n=result.total
            )
        )
    if smtputf8:
        print(
            runtime.tr(
                "Addresses with non-ASCII characters before the @, which the SMTP-API cannot "
                "take (TEA Lite can): {count}."
            ).format(count=smtputf8)
        )
    for reject in result.rejects[:20]:
        print(f"  {reject.line}: {reject.reason_text(runtime.translate)}: {reject.value}")
    if result.rejected > 20:
        print(runtime.tr("  ... use --rejects FILE for the full report"))
    return EXIT_OK


def run_list(runtime: CliRuntime) -> int:
    lists = RecipientListRepository(runtime.context().db).lists()
    if runtime.args.json:
        print(
            json.dumps(
                [
                    {
                        "id": x.id,
                        "name": x.name,
                        "count": x.count,
                        "columns": list(x.columns),
                        "merge_fields": x.merge_fields,
                    }
                    for x in lists
                ],
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    for item in lists:
        print(f"{item.name}\t{item.count}\t{', '.join(item.columns)}")
    return EXIT_OK


def run_export(runtime: CliRuntime) -> int:
    repo = RecipientListRepository(runtime.context().db)
    try:
        target = repo.by_name(runtime.args.name)
        written = repo.export_csv(target.id, Path(runtime.args.file))
    except TeenvioError as exc:
        runtime.report_error(exc)
        return EXIT_FAILURE
    except OSError as exc:
        sys.stderr.write(f"{runtime.args.file}: {exc.strerror or exc}\n")
        return EXIT_FAILURE
    print(
        runtime.tr("{count} recipients written to {file}").format(
            count=written, file=runtime.args.file
        )
    )
    return EXIT_OK
