# Replaces PyInstaller's hook for PySide6.QtQml (user hooks take priority).
#
# QtWebEngineWidgets links against QtQuick/QtQml, which makes PyInstaller's stock hook copy
# every QML plugin of PySide6 (Qt3D, Quick3D, Multimedia, Charts, Location...) plus their
# libraries: about 100 MB the app never loads, since it has no QML. This keeps the libraries
# QtQml itself needs and leaves the QML import tree out.
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
