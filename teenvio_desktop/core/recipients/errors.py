"""Errors the importer reports: each says what is wrong with the file and what to do."""

from __future__ import annotations

from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP


class RecipientImportError(TeenvioError):
    """A file or text that cannot be imported as a recipient list."""


def empty_source(source: str) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP("errors", "{source} is empty: there are no recipients to import."),
        source=source,
    )


def binary_file(source: str) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{source} is not a text file or a spreadsheet that can be read. Save it from your "
            "spreadsheet program as CSV, XLSX or ODS and import that file.",
        ),
        source=source,
    )


def unreadable_spreadsheet(source: str, detail: str) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The spreadsheet {source} could not be read; it may be damaged or incomplete "
            "(for example, a download that did not finish). Open it in your spreadsheet program "
            "and save it again. Detail: {detail}",
        ),
        source=source,
        detail=detail,
    )


def unreadable_file(source: str, detail: str) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP("errors", "The file {source} could not be opened: {detail}"),
        source=source,
        detail=detail,
    )


def unknown_sheet(sheet: str, available: str) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The workbook has no sheet named \u201c{sheet}\u201d. Its sheets: {available}.",
        ),
        sheet=sheet,
        available=available,
    )


def no_email_column(columns: str) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP(
            "errors",
            "No column of email addresses was found (columns: {columns}). Choose the column "
            "that holds the addresses, or check the delimiter and the header row.",
        ),
        columns=columns,
    )


def unknown_column(column: str, columns: str) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP(
            "errors",
            "There is no column \u201c{column}\u201d in this file. Its columns: {columns}.",
        ),
        column=column,
        columns=columns,
    )


def unknown_encoding(encoding: str) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP(
            "errors",
            "\u201c{encoding}\u201d is not a known text encoding. "
            "Try UTF-8, Windows-1252 or UTF-16.",
        ),
        encoding=encoding,
    )


def bad_delimiter(delimiter: str) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP(
            "errors",
            "\u201c{delimiter}\u201d cannot separate columns: use one character such as , ; | "
            "or a tab.",
        ),
        delimiter=delimiter,
    )


def list_exists(name: str) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP(
            "errors",
            "A recipient list named \u201c{name}\u201d already exists. Choose another name.",
        ),
        name=name,
    )


def no_such_list(name: str) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP("errors", "There is no recipient list \u201c{name}\u201d."),
        name=name,
    )


def empty_list_name() -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP("errors", "A recipient list needs a name."),
    )


def not_a_regular_file(source: str) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{source} is not an ordinary file (it may be a folder, a device or a pipe), so it "
            "cannot be imported. Choose a CSV, TXT, XLSX or ODS file.",
        ),
        source=source,
    )


def legacy_workbook(source: str) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{source} is an old-style (.xls) or binary (.xlsb) Excel workbook, which cannot be "
            "read safely. Open it in your spreadsheet program and save it as XLSX or CSV.",
        ),
        source=source,
    )


def too_many_columns(source: str, limit: int) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{source} has more than {limit} columns, more than any spreadsheet program can "
            "show. Check the delimiter, or remove the columns you do not need.",
        ),
        source=source,
        limit=limit,
    )


def too_many_rows(source: str, limit: int) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The sheet in {source} goes past row {limit}, the last one a sheet can have; the "
            "file is damaged. Open it in your spreadsheet program and save it again.",
        ),
        source=source,
        limit=limit,
    )


def part_too_large(source: str, part: str, limit_mb: int) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The spreadsheet {source} unpacks to more than {limit} MB ({part}). Save it as "
            "CSV and import that file, or split it into smaller files.",
        ),
        source=source,
        part=part,
        limit=limit_mb,
    )


def shared_text_too_large(source: str, limit_mb: int) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The spreadsheet {source} holds more than {limit} MB of text. Save it as CSV and "
            "import that file, or split it into smaller files.",
        ),
        source=source,
        limit=limit_mb,
    )


def sheet_too_large(source: str, limit: int) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The sheet in {source} unfolds into more than {limit} cells through repeated "
            "rows. Save it as CSV and import that file.",
        ),
        source=source,
        limit=limit,
    )


def cell_too_large(source: str, limit: int) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP(
            "errors",
            "A cell in {source} holds more than {limit} characters; the file is probably not "
            "a recipient list. Check that you chose the right file.",
        ),
        source=source,
        limit=limit,
    )


def list_busy(name: str) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP(
            "errors",
            "The list \u201c{name}\u201d changed while the file was being imported into it. "
            "Import the file again.",
        ),
        name=name,
    )


def invalid_member_address(address: str, reason: str) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP("errors", "\u201c{address}\u201d is not a valid email address: {reason}"),
        address=address,
        reason=reason,
    )


def member_exists(address: str, name: str) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP(
            "errors", "\u201c{address}\u201d is already in the list \u201c{name}\u201d."
        ),
        address=address,
        name=name,
    )


def no_such_member(position: int, name: str) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP(
            "errors",
            "Row {row} of the list \u201c{name}\u201d no longer exists; the list may have "
            "changed meanwhile. Reopen it and try again.",
        ),
        row=position + 1,
        name=name,
    )


def member_suppressed(address: str) -> RecipientImportError:
    return RecipientImportError(
        QT_TRANSLATE_NOOP(
            "errors",
            "\u201c{address}\u201d is on the suppression list (it bounced or unsubscribed), so "
            "it cannot be added to a list.",
        ),
        address=address,
    )
