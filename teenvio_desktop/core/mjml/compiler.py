"""MJML to HTML with MRML (the Rust implementation of MJML), through its Python binding.

``mrml.to_html(source)`` returns an ``Output`` (``content``, ``title``, ``preview``,
``warnings``, each warning with a ``kind`` and a UTF-8 byte span) or raises ``OSError``
whose text may end in ``at position START:END`` (bytes). This module turns both into
typed, translatable results with lines and columns.

The source is untrusted (a file, a draft): it is bounded in size and nesting depth before
MRML sees it (deep nesting overflows MRML's native stack, see :mod:`structure`), MRML runs
on a thread with a large stack of its own, and ``mj-include`` is refused (no file or
network access from a document).
"""

from __future__ import annotations

import contextlib
import re
import threading
from dataclasses import dataclass
from typing import Any

from teenvio_desktop.core.errors import TeenvioError, Translate
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.mjml.structure import Problem, line_and_column, scan

MAX_SOURCE_BYTES = 1_000_000  # far beyond any real email; compiled HTML is ~3x bigger
MAX_DEPTH = 100  # real templates nest about 15 to 30 elements deep
_STACK_BYTES = 64 * 1024 * 1024  # reserved, not committed: MRML's recursion needs room
_stack_lock = threading.Lock()

_POSITION = re.compile(r"\s+at position (\d+):(\d+)\s*$")
_ORIGIN = re.compile(r"\s+in (?:root template|template from \S+|included template\S*)\s*$")

CONTEXT = "mjml"

# MRML's error texts (mrml-core's parser Error) -> an explanation, and the scan problems
# that locate an error MRML gives without a position.
_REASONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("unexpected element", QT_TRANSLATE_NOOP("mjml",
        "This element is not allowed here (check what its parent accepts)."), ()),
    ("unexpected token", QT_TRANSLATE_NOOP("mjml",
        "Unexpected markup here."), ()),
    ("missing attribute", QT_TRANSLATE_NOOP("mjml",
        "This element lacks a required attribute."), ()),
    ("invalid attribute", QT_TRANSLATE_NOOP("mjml",
        "This attribute is not valid."), ()),
    ("invalid format", QT_TRANSLATE_NOOP("mjml",
        "This value has an invalid format."), ()),
    ("unexpected end of stream", QT_TRANSLATE_NOOP("mjml",
        "An element is not closed before the document ends."),
        ("unclosed", "unterminated_tag")),
    ("size limit reached", QT_TRANSLATE_NOOP("mjml",
        "The document is too large."), ()),
    ("unable to parse next template", QT_TRANSLATE_NOOP("mjml",
        "Markup that cannot be read: a stray \"<\" (write &lt;) or an attribute value "
        "without quotes?"), ("stray_lt", "unquoted_value", "unterminated_tag")),
    ("unable to find mjml element", QT_TRANSLATE_NOOP("mjml",
        "There is no <mjml> element: an MJML document starts with <mjml> and holds "
        "<mj-body>."), ()),
    ("unable to load included template", QT_TRANSLATE_NOOP("mjml",
        "mj-include is not supported: paste the included file's content instead."), ()),
    ("unsupported mj-include", QT_TRANSLATE_NOOP("mjml",
        "mj-include is not supported: paste the included file's content instead."), ()),
)  # fmt: skip
_UNKNOWN_REASON = QT_TRANSLATE_NOOP("mjml", "MRML could not compile the MJML.")
_TOO_BIG = QT_TRANSLATE_NOOP(
    "mjml", "The MJML document is {size_kb} KB; the limit is {limit_kb} KB."
)
_TOO_DEEP = QT_TRANSLATE_NOOP(
    "mjml",
    "Elements are nested more than {limit} levels deep here. Flatten the layout.",
)

_WARNINGS: dict[str, str] = {
    "unexpected-attribute": QT_TRANSLATE_NOOP("mjml", "Unknown attribute {text} (ignored)."),
    "duplicate-attribute": QT_TRANSLATE_NOOP("mjml", "Repeated attribute {text}."),
    "inline-style-unsupported": QT_TRANSLATE_NOOP(
        "mjml", 'mj-style inline="inline" is not supported by MRML: {text}'
    ),
}
_OTHER_WARNING = QT_TRANSLATE_NOOP("mjml", "MRML warns ({kind}): {text}")
_LEADING_TEXT = QT_TRANSLATE_NOOP(
    "mjml", "Text before the first element: an MJML document starts with <mjml>."
)
LINE_COLUMN = QT_TRANSLATE_NOOP("mjml", "Line {line}, column {column}")


def _identity(context: str, text: str) -> str:
    del context
    return text


class MjmlCompileError(TeenvioError):
    """The MJML cannot be compiled; ``line``/``column`` (1-based) point at the cause."""

    context = CONTEXT

    def __init__(
        self,
        template: str,
        *,
        line: int | None,
        column: int | None,
        detail: str = "",
        **params: Any,
    ) -> None:
        self.line = line
        self.column = column
        self.detail = detail  # MRML's own words, for the log and the curious
        super().__init__(template, **params)

    def render(self, translate: Translate = _identity) -> str:
        """Where and why, then MRML's own words (as a server's reply would be shown)."""
        text = self.located(translate)
        return f"{text}\nMRML: {self.detail}" if self.detail else text

    def located(self, translate: Translate = _identity) -> str:
        """``Line 12, column 5: explanation`` (or the explanation alone), translated."""
        text = self.explanation(translate)
        if self.line is None:
            return text
        where = translate(CONTEXT, LINE_COLUMN).format(line=self.line, column=self.column)
        return f"{where}: {text}"


@dataclass(frozen=True)
class MjmlWarning:
    kind: str  # MRML's kind, e.g. "unexpected-attribute"
    line: int
    column: int
    text: str  # the source text the warning is about (e.g. 'color="red"')

    def message(self, translate: Translate = _identity) -> str:
        template = _WARNINGS.get(self.kind, _OTHER_WARNING)
        return translate(CONTEXT, template).format(kind=self.kind, text=self.text)

    def located(self, translate: Translate = _identity) -> str:
        where = translate(CONTEXT, LINE_COLUMN).format(line=self.line, column=self.column)
        return f"{where}: {self.message(translate)}"


@dataclass(frozen=True)
class MjmlOutput:
    html: str
    title: str  # <mj-title>, "" when absent
    preview: str  # <mj-preview>, "" when absent
    warnings: tuple[MjmlWarning, ...] = ()


def _run_with_large_stack(source: str) -> Any:
    import mrml

    box: dict[str, Any] = {}

    def work() -> None:
        try:
            options = mrml.ParserOptions(include_loader=mrml.noop_loader())
            box["output"] = mrml.to_html(source, parser_options=options)
        except BaseException as exc:  # handed to the calling thread
            box["error"] = exc

    with _stack_lock:  # stack_size() is process-wide: set, start, restore
        previous = threading.stack_size()
        # Where it cannot be set, the depth limit still keeps MRML within its stack.
        with contextlib.suppress(ValueError, RuntimeError):
            threading.stack_size(_STACK_BYTES)
        try:
            thread = threading.Thread(target=work, name="mjml-compile", daemon=True)
            thread.start()
        finally:
            threading.stack_size(previous)
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["output"]


def _error_from_mrml(source: str, message: str, problems: tuple[Problem, ...]) -> MjmlCompileError:
    text = message.strip()
    position = _POSITION.search(text)
    what = _ORIGIN.sub("", _POSITION.sub("", text)).strip().lower()
    template = _UNKNOWN_REASON
    locators: tuple[str, ...] = ()
    for prefix, reason, kinds in _REASONS:
        if what.startswith(prefix):
            template, locators = reason, kinds
            break
    offset: int | None = None
    if position is not None:
        offset = int(position.group(1))
    else:
        offset = next((p.offset for p in problems if p.kind in locators), None)
        if offset is None and what.startswith("unexpected end of stream"):
            offset = len(source.encode("utf-8"))
        if offset is None and what.startswith("unable to find mjml element"):
            offset = 0
        if offset is None:
            offset = _leading_text(source)
            if offset is not None:
                template = _LEADING_TEXT
    line = column = None
    if offset is not None:
        line, column = line_and_column(source, offset)
    return MjmlCompileError(template, line=line, column=column, detail=text)


def _leading_text(source: str) -> int | None:
    """Byte offset of text before the first element (MRML cannot parse a document there)."""
    stripped = source.lstrip()
    if not stripped or stripped.startswith("<"):
        return None
    return len(source[: len(source) - len(stripped)].encode("utf-8"))


def source_too_big(size: int) -> MjmlCompileError:
    return MjmlCompileError(
        _TOO_BIG, line=None, column=None,
        size_kb=round(size / 1024), limit_kb=MAX_SOURCE_BYTES // 1024,
    )  # fmt: skip


def compile_mjml(source: str) -> MjmlOutput:
    """Compile MJML to HTML; raises :class:`MjmlCompileError` with the line of the cause."""
    size = len(source.encode("utf-8"))
    if size > MAX_SOURCE_BYTES:
        raise source_too_big(size)
    structure = scan(source, MAX_DEPTH)
    if structure.too_deep_offset is not None:
        line, column = line_and_column(source, structure.too_deep_offset)
        raise MjmlCompileError(_TOO_DEEP, line=line, column=column, limit=MAX_DEPTH)
    try:
        output = _run_with_large_stack(source)
    except OSError as exc:  # how MRML reports what it cannot parse or render
        raise _error_from_mrml(source, str(exc), structure.problems) from None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # e.g. pyo3's PanicException: an MRML bug on this input
        detail = str(exc) or type(exc).__name__
        raise MjmlCompileError(_UNKNOWN_REASON, line=None, column=None, detail=detail) from exc
    data = source.encode("utf-8")
    warnings = []
    for warning in output.warnings:
        line, column = line_and_column(source, warning.start)
        text = data[warning.start : warning.end].decode("utf-8", "replace")
        warnings.append(MjmlWarning(str(warning.kind), line, column, text))
    return MjmlOutput(
        html=str(output.content),
        title=str(output.title or ""),
        preview=str(output.preview or ""),
        warnings=tuple(warnings),
    )
