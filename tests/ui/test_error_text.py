"""Every error reaching the user is explained with what to do, translated and logged;
nothing says "Unexpected error"."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from teenvio_desktop.core.accounts.errors import AccountNotFound
from teenvio_desktop.ui.translation import error_text
from tests.helpers.language import interface_language

PACKAGE = Path(__file__).resolve().parents[2] / "teenvio_desktop"


def _jinja_error() -> Exception:
    from jinja2 import StrictUndefined, Template

    try:
        Template("{{ nombre }}", undefined=StrictUndefined).render()
    except Exception as exc:
        return exc
    raise AssertionError("jinja2 rendered an undefined field")


@pytest.mark.parametrize(
    ("error", "says"),
    [
        (AccountNotFound("Acme"), "Accounts area"),
        (FileNotFoundError(2, "No such file or directory", "/tmp/gone.csv"), "/tmp/gone.csv"),
        (PermissionError(13, "Permission denied"), "network connection"),
        (MemoryError(), "smaller file"),
        (_jinja_error(), "recipient list has that column"),
        (RuntimeError("boom"), "send the log file"),
    ],
)
def test_each_kind_of_error_says_what_to_do(
    qapp: QCoreApplication, error: BaseException, says: str, caplog: pytest.LogCaptureFixture
) -> None:
    del qapp
    with caplog.at_level(logging.ERROR):
        text = error_text(error)
    assert says in text
    assert "Unexpected error" not in text
    if not says.startswith("Accounts"):
        assert any("Shown to the user" in r.getMessage() for r in caplog.records)


def test_the_explanations_are_in_spanish_too(qapp: QCoreApplication) -> None:
    del qapp
    with interface_language("es"):
        text = error_text(RuntimeError("boom"))
        assert "registro" in text and "boom" in text
        assert "archivo" in error_text(FileNotFoundError(2, "x", "/tmp/gone.csv"))


def test_no_message_anywhere_says_unexpected_error() -> None:
    user_facing = re.compile(r"""(tr|translate|QT_TRANSLATE_NOOP)\([^)]*Unexpected error""", re.S)
    offenders = [
        str(path)
        for path in PACKAGE.rglob("*.py")
        if user_facing.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
