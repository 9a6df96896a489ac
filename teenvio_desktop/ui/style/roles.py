"""Giving a widget a role of the style sheet (``buttonRole``, ``frameRole``, ``textRole``)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

ROLE_PROPERTIES = ("buttonRole", "frameRole", "textRole")


def set_role(widget: QWidget, kind: str, value: str) -> None:
    """Set ``kind`` (one of :data:`ROLE_PROPERTIES`) and re-apply the style sheet."""
    assert kind in ROLE_PROPERTIES, kind
    if widget.property(kind) == value:
        return
    widget.setProperty(kind, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
