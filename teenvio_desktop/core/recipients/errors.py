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
