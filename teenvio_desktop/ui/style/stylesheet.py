"""The few rules the palette cannot express, by role: widgets opt in with a property.

``buttonRole="primary"`` (the filled accent button: Send), ``frameRole="card"`` (a figure
on Results), ``frameRole="warning"`` (a banner), and ``textRole`` = ``muted``, ``error``,
``success`` or ``accent``.
Everything else is the Fusion style drawn with the scheme's palette.
"""

from __future__ import annotations

from teenvio_desktop.ui.style.colors import SchemeColors
from teenvio_desktop.ui.style.metrics import RADIUS


def stylesheet(c: SchemeColors) -> str:
    pressed = c.accent_hover
    disabled_fill = c.border if not c.is_dark else "#3a3f46"
    # A toggled tool button (a preview view, a condition) reads as "on" in both schemes.
    checked_fill = "#d5e5f5" if not c.is_dark else "#27486a"
    return f"""
QToolButton[buttonRole="primary"], QPushButton[buttonRole="primary"] {{
    background: {c.accent}; color: {c.on_accent}; border: 1px solid {c.accent_hover};
    border-radius: {RADIUS}px; padding: 4px 12px; font-weight: 600;
}}
QToolButton[buttonRole="primary"]:hover, QPushButton[buttonRole="primary"]:hover {{
    background: {c.accent_hover};
}}
QToolButton[buttonRole="primary"]:pressed, QPushButton[buttonRole="primary"]:pressed {{
    background: {pressed};
}}
QToolButton[buttonRole="primary"]:focus, QPushButton[buttonRole="primary"]:focus {{
    border: 2px solid {c.text};
}}
QToolButton[buttonRole="primary"]:disabled, QPushButton[buttonRole="primary"]:disabled {{
    background: {disabled_fill}; color: {c.disabled_text}; border-color: {disabled_fill};
}}
QToolButton:checked {{
    background: {checked_fill}; border: 1px solid {c.accent}; border-radius: {RADIUS}px;
    padding: 2px 5px;
}}
QFrame[frameRole="card"] {{
    background: {c.card}; border: 1px solid {c.border}; border-radius: {RADIUS}px;
}}
QFrame[frameRole="warning"] {{
    background: {c.warning_background}; border: 1px solid {c.warning_border};
    border-radius: {RADIUS}px;
}}
QLabel[textRole="muted"] {{ color: {c.muted_text}; }}
QLabel[textRole="error"] {{ color: {c.error}; }}
QLabel[textRole="success"] {{ color: {c.success}; }}
QLabel[textRole="accent"] {{ color: {c.link}; }}
QListView#navigation {{
    background: {c.sidebar}; border: none; border-right: 1px solid {c.border};
}}
QToolBar {{ border: none; spacing: 2px; }}
QToolButton#compose_more::menu-indicator {{ image: none; width: 0px; }}
"""
