"""Everything PySide6: windows, widgets, item models and the QThread workers."""
