"""The prompter: the real dialogs answer as the user clicks; the scripted one as scripted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from teenvio_desktop.ui.prompter import DialogPrompter, UnsavedChoice
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
from tests.helpers.dialogs import when_modal

pytestmark = pytest.mark.timeout(60)


def click(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    def press(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(button).click()

    return press


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_confirm_is_a_yes_no_question(parent: QWidget) -> None:
    prompter = DialogPrompter()
    seen = when_modal(click(QMessageBox.StandardButton.Yes))
    assert prompter.confirm(parent, "Borrar", "¿Seguro?")
    assert seen == ["Borrar"]
    when_modal(click(QMessageBox.StandardButton.No))
    assert not prompter.confirm(parent, "Borrar", "¿Seguro?", default_yes=False)

    def default_is_no(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        box.defaultButton().click()

    when_modal(default_is_no)
    assert not prompter.confirm(parent, "Borrar", "¿Seguro?", default_yes=False)


def test_warn_shows_the_text(parent: QWidget) -> None:
    texts: list[str] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        texts.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    when_modal(read_and_close)
    DialogPrompter().warn(parent, "Composer", "The subject is empty.")
    assert texts == ["The subject is empty."]


def test_ask_text_returns_what_was_typed_or_none(parent: QWidget) -> None:
    def type_and_accept(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        assert dialog.textValue() == "Sugerido"
        dialog.setTextValue("Mayo")
        dialog.accept()

    when_modal(type_and_accept)
    assert DialogPrompter().ask_text(parent, "Guardar", "Nombre:", "Sugerido") == "Mayo"

    def secret_then_cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        assert dialog.textEchoMode() == QLineEdit.EchoMode.Password
        dialog.reject()

    when_modal(secret_then_cancel)
    assert DialogPrompter().ask_text(parent, "Token", "Token:", secret=True) is None


@pytest.mark.parametrize(
    ("button", "choice"),
    [
        (QMessageBox.StandardButton.Save, UnsavedChoice.SAVE),
        (QMessageBox.StandardButton.Discard, UnsavedChoice.DISCARD),
        (QMessageBox.StandardButton.Cancel, UnsavedChoice.CANCEL),
    ],
)
def test_unsaved_changes_offers_save_discard_cancel(
    parent: QWidget, button: QMessageBox.StandardButton, choice: UnsavedChoice
) -> None:
    when_modal(click(button))
    assert DialogPrompter().unsaved_changes(parent) is choice


def test_run_shows_the_apps_own_dialog_modally(parent: QWidget) -> None:
    dialog = QDialog(parent)
    dialog.setWindowTitle("Mío")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, dialog)
    buttons.accepted.connect(dialog.accept)
    seen = when_modal(lambda d: d.accept())
    assert DialogPrompter().run(dialog)
    assert seen == ["Mío"]
    when_modal(lambda d: d.reject())
    assert not DialogPrompter().run(dialog)


def test_the_scripted_prompter_answers_unattended(parent: QWidget, tmp_path: Path) -> None:
    prompter = ScriptedPrompter()
    assert prompter.confirm(parent, "T", "¿Sí?")
    assert prompter.ask_text(parent, "T", "Nombre:", "sugerido") == "sugerido"
    assert prompter.unsaved_changes(parent) is UnsavedChoice.KEEP_FOR_RECOVERY
    assert prompter.open_file(parent, "Abrir") is None and prompter.open_files(parent, "A") == []
    assert prompter.save_file(parent, "Guardar", "x.csv") is None
    prompter.warn(parent, "Composer", "Algo falló.")
    assert prompter.warnings() == ["Algo falló."]
    prompter.answer("confirm", False).answer("open_file", tmp_path / "a.html")
    assert not prompter.confirm(parent, "T", "¿Sí?")
    assert prompter.open_file(parent, "Abrir") == tmp_path / "a.html"
    dialog = QDialog(parent)
    assert not prompter.run(dialog)  # nothing scripted for it: declined
    prompter.fill(QDialog, lambda d: d.setWindowTitle("relleno") is None)
    assert prompter.run(dialog) and dialog.windowTitle() == "relleno"
    kinds = [a.kind for a in prompter.asked]
    assert kinds == [
        "confirm", "ask_text", "unsaved_changes", "open_file", "open_files", "save_file", "warn",
        "confirm", "open_file", "run", "run",
    ]  # fmt: skip
