"""The domain and its services. Qt-free: nothing under this package may import PySide6."""
