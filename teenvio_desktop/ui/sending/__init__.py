"""Sending from the GUI: one dialog pattern for both transports, the outbox table, resuming.

:func:`open_send_dialog` takes any :class:`~teenvio_desktop.core.sending.SendJob` and
returns the dialog for its transport, not started: connect to ``send_finished`` /
``send_failed`` / ``send_cancelled``, then call ``start()``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from teenvio_desktop.core.sending import SendJob, SmtpSendJob, TeaLiteSendJob
from teenvio_desktop.ui.prompter import Prompter
from teenvio_desktop.ui.sending.dialog import SendDialog, open_dialogs
from teenvio_desktop.ui.sending.smtp_dialog import SmtpSendDialog
from teenvio_desktop.ui.sending.tealite_dialog import TeaLiteSendDialog
from teenvio_desktop.ui.tasks import TaskRunner


def open_send_dialog(
    parent: QWidget | None,
    job: SendJob,
    *,
    runner: TaskRunner | None = None,
    show: bool = True,
    prompter: Prompter | None = None,
) -> SendDialog:
    """The dialog for ``job``'s transport (shown unless ``show`` is False; not started)."""
    dialog: SendDialog
    if isinstance(job, SmtpSendJob):
        smtp = SmtpSendDialog(job, parent, runner=runner)
        if show:
            smtp.present()
        return smtp
    if isinstance(job, TeaLiteSendJob):
        dialog = TeaLiteSendDialog(job, parent, runner=runner, prompter=prompter)
        if show:
            dialog.show()
        return dialog
    raise TypeError(f"no dialog for {type(job).__name__}")


__all__ = [
    "SendDialog",
    "SmtpSendDialog",
    "TeaLiteSendDialog",
    "open_dialogs",
    "open_send_dialog",
]
