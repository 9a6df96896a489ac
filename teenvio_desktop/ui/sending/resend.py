"""“Send again anyway”: the explicit re-send of TEA Lite messages that may have been sent.

Never automatic: the user is told who may already have the message (and may get it
twice), confirms, and only then are those messages queued again (under the campaign's
send lease, so another sender holding it is named instead) and sent.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from teenvio_desktop.core.outbox import ResendRequest, resend_uncertain
from teenvio_desktop.core.sending.notes import SendNotes
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback
from teenvio_desktop.ui.prompter import Prompter
from teenvio_desktop.ui.tasks import Task, bound_to, run_task
from teenvio_desktop.ui.translation import error_text


def confirm_resend(parent: QWidget | None, prompter: Prompter, notes: SendNotes) -> bool:
    shown = ", ".join(notes.uncertain) + (
        " …" if notes.uncertain_total > len(notes.uncertain) else ""
    )
    question = QCoreApplication.translate(
        "Resend",
        "Send the message again to the recipients that may already have it ({count}: "
        "{addresses})? No answer from TEA Lite said whether they got it, so some may receive "
        "it twice.",
    ).format(count=notes.uncertain_total, addresses=shown)
    title = QCoreApplication.translate("Resend", "Send again anyway")
    return prompter.confirm(parent, title, question, default_yes=False)


def queue_uncertain_again(
    owner: QWidget,
    db: Database,
    campaign_id: int,
    prompter: Prompter,
    then: Callable[[ResendRequest], None],
) -> Task:
    """Queue the uncertain messages again in a task, then ``then(request)``; a campaign
    another sender holds (or any other failure) is explained instead."""

    def work(progress: ProgressCallback, cancel: CancelToken) -> ResendRequest:
        del progress, cancel
        return resend_uncertain(db, campaign_id)

    def failed(error: BaseException) -> None:
        title = QCoreApplication.translate("Resend", "Not sent again")
        prompter.warn(owner, title, error_text(error))

    task = run_task(work, owner)
    task.result.connect(bound_to(owner, then))
    task.error.connect(bound_to(owner, failed))
    return task.start()
