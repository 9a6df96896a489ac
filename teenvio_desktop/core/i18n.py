"""Marks user-visible text in Qt-free code for Qt's translation tools.

``pyside6-lupdate`` extracts ``QT_TRANSLATE_NOOP("context", "text")`` calls from any
Python file, so core modules can declare translatable templates without importing Qt.
The UI and the command line translate them at display time (see ``ui/translation.py``).
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return ``text`` unchanged; the call only marks it for extraction."""
    del context
    return text
