"""``teenvio-desktop recipients``: import a file into a list, list the lists, export one.

``import`` exits 0 whenever the file could be read, even if some rows were rejected (the
summary says how many and why; ``--rejects FILE`` writes the report). It exits 1 when
the file cannot be imported at all (empty, binary, no address column...).
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
    imp.add_argument("--list", dest="list_name", metavar="NAME", help="name of the new list")
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
    )
    token = CancelToken()
    show_progress = not args.json and sys.stderr.isatty()

    def progress(report: Progress) -> None:
        if show_progress and report.total:
            sys.stderr.write(f"\r{100 * report.done // report.total:3d}%")

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
    if args.json:
        print(json.dumps(result.summary(), ensure_ascii=False))
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
                    {"id": x.id, "name": x.name, "count": x.count, "columns": list(x.columns)}
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
