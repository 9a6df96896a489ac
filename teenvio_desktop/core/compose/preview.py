"""What the composer's preview shows for one state of the campaign (Qt-free).

One call, :func:`render_for_preview`, takes what the editors hold and returns the document
the preview loads: the MJML compiled (when the campaign is written in MJML), the subject,
HTML and text personalised for a chosen recipient (TEA Lite's merge fields), the HTML
sanitised, and the preview modes applied (dark, images off, as Teenvio will send it);
with a second, light document for side by side when asked.

Each step reuses what did not change: compiled MJML per source, merge templates per
campaign, sanitised pieces per piece (``core/sanitize_pieces.py``). It runs off the GUI
thread, one request at a time per composer, and is fast enough to run on every keystroke.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from teenvio_desktop.core.campaign import TeenvioOptions
from teenvio_desktop.core.errors import Translate
from teenvio_desktop.core.mjml import MjmlCompileError, MjmlOutput, compile_mjml
from teenvio_desktop.core.preview_modes import (
    DarkMode,
    PreviewDocument,
    PreviewModes,
    apply_modes,
)
from teenvio_desktop.core.tasks import CancelToken

if TYPE_CHECKING:  # Jinja2 loads with the first personalised preview, not at start-up
    from teenvio_desktop.core.merge import MergeTemplates
    from teenvio_desktop.core.sanitize import CidResolver

Key = TypeVar("Key")
Value = TypeVar("Value")


def _identity(context: str, text: str) -> str:
    del context
    return text


class _Memo(Generic[Key, Value]):
    """A few recent results by input, shared between threads."""

    def __init__(self, entries: int) -> None:
        self._entries = entries
        self._items: OrderedDict[Key, Value] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Key, make: Callable[[Key], Value]) -> Value:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make(key)
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._entries:
                self._items.popitem(last=False)
        return value


def _compile(source: str) -> MjmlOutput | MjmlCompileError:
    try:
        return compile_mjml(source)
    except MjmlCompileError as exc:
        return exc


_compiled: _Memo[str, MjmlOutput | MjmlCompileError] = _Memo(8)


def compiled_mjml(source: str) -> MjmlOutput | MjmlCompileError:
    """``source`` compiled (or why it does not compile), remembered for the next asker."""
    return _compiled.get(source, _compile)


def has_merge_fields(*parts: str) -> bool:
    return any("{{" in part or "{%" in part for part in parts)


@dataclass(frozen=True)
class Personalised:
    subject: str
    html: str
    text: str
    error: str = ""  # why the recipient's values could not fill the fields (shown as is)


def _make_templates(parts: tuple[str, str, str]) -> MergeTemplates:
    from teenvio_desktop.core.merge import MergeTemplates

    return MergeTemplates(*parts)


_templates: _Memo[tuple[str, str, str], MergeTemplates | Exception] = _Memo(2)


def _templates_or_error(parts: tuple[str, str, str]) -> MergeTemplates | Exception:
    from jinja2 import TemplateError

    try:
        return _make_templates(parts)
    except TemplateError as exc:  # a syntax error: the pre-send checks name its line
        return exc


def personalise(subject: str, html: str, text: str, row: Mapping[str, str]) -> Personalised:
    """The three parts with one recipient's values in their merge fields."""
    from jinja2 import TemplateError

    templates = _templates.get((subject, html, text), _templates_or_error)
    if isinstance(templates, Exception):
        return Personalised(subject, html, text, str(templates) or type(templates).__name__)
    try:
        rendered = templates.render(row)
    except (TemplateError, TypeError, ValueError, ArithmeticError) as exc:
        return Personalised(subject, html, text, str(exc) or type(exc).__name__)
    return Personalised(rendered.subject, rendered.html, rendered.text)


@dataclass(frozen=True)
class PreviewRequest:
    """What the editors hold, and how to show it."""

    html: str  # the HTML part; ignored when ``mjml_source`` is set
    subject: str = ""
    text: str = ""
    mjml_source: str = ""
    modes: PreviewModes = dataclasses.field(default_factory=PreviewModes)
    options: TeenvioOptions = dataclasses.field(default_factory=TeenvioOptions)
    allow_remote_images: bool = False
    merge_row: Mapping[str, str] | None = None  # fill merge fields with these values
    side_by_side: bool = False  # also the light document, for dark mode beside light
    generation: int = 0


@dataclass(frozen=True)
class PreviewResult:
    generation: int
    document: PreviewDocument
    light: PreviewDocument | None  # the same without dark mode (side by side)
    html: str  # the campaign's HTML part: compiled from MJML, before personalisation
    subject: str  # as the recipient sees it
    text: str
    mjml: MjmlOutput | None = None
    mjml_error: MjmlCompileError | None = None
    merge_error: str = ""
    personalised: bool = False


def render_for_preview(
    request: PreviewRequest,
    *,
    cid_resolver: CidResolver | None = None,
    translate: Translate = _identity,
    cancel: CancelToken | None = None,
) -> PreviewResult:
    """Everything the preview shows for ``request``; see the module's docstring."""
    html = request.html
    mjml: MjmlOutput | None = None
    mjml_error: MjmlCompileError | None = None
    if request.mjml_source.strip():
        compiled = compiled_mjml(request.mjml_source)
        if isinstance(compiled, MjmlCompileError):
            mjml_error = compiled  # the preview keeps the last HTML that compiled
        else:
            mjml, html = compiled, compiled.html
    subject, text, shown = request.subject, request.text, html
    merge_error, personalised = "", False
    if request.merge_row is not None and has_merge_fields(subject, html, text):
        filled = personalise(subject, html, text, request.merge_row)
        subject, shown, text, merge_error = filled.subject, filled.html, filled.text, filled.error
        personalised = not filled.error
    if cancel is not None:
        cancel.raise_if_cancelled()
    # Imported by the first render, on its worker thread: bleach and html5lib are a tenth
    # of a second the window does not wait for.
    from teenvio_desktop.core.sanitize import sanitize_for_preview

    sanitized = sanitize_for_preview(
        shown, allow_remote_images=request.allow_remote_images, cid_resolver=cid_resolver
    )
    if cancel is not None:
        cancel.raise_if_cancelled()

    def document(modes: PreviewModes) -> PreviewDocument:
        applied = apply_modes(sanitized.html, modes, options=request.options, translate=translate)
        return PreviewDocument(
            html=applied.html,
            dark_rules=applied.dark_rules,
            images_replaced=applied.images_replaced,
            images_missing_alt=applied.images_missing_alt,
            notes=applied.notes,
            blocked_images=sanitized.blocked_images,
            missing_cids=tuple(sanitized.missing_cids),
        )

    main = document(request.modes)
    light = None
    if request.side_by_side and request.modes.dark != DarkMode.OFF:
        light = document(dataclasses.replace(request.modes, dark=DarkMode.OFF))
    return PreviewResult(
        generation=request.generation,
        document=main,
        light=light,
        html=html,
        subject=subject,
        text=text,
        mjml=mjml,
        mjml_error=mjml_error,
        merge_error=merge_error,
        personalised=personalised,
    )
