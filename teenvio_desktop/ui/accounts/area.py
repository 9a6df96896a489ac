"""The Accounts area: list, add, edit, test, remove accounts and choose the default.

The composer reads accounts and senders through :meth:`AccountsArea.repository` (or
``core.accounts.account_repository(context)``) and listens to ``accounts_changed``.
Every keyring access (which may wait for the user to unlock it) runs in a task; the
account rows themselves are quick database writes.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.accounts import (
    Account,
    AccountRepository,
    KeyringUnavailable,
    SecretKind,
    SecretStore,
    account_repository,
    secret_store,
    use_secret_store,
)
from teenvio_desktop.core.accounts.probe import ConnectionReport, test_connection
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.tasks import CancelToken, ProgressCallback
from teenvio_desktop.ui.accounts.dialog import AccountDialog
from teenvio_desktop.ui.accounts.last_tests import LastTests, report_text
from teenvio_desktop.ui.keyring_banner import KeyringBanner, probe_keyring
from teenvio_desktop.ui.prompter import DialogPrompter, Prompter
from teenvio_desktop.ui.style import (
    MARGIN,
    SPACING,
    area_margins,
    colors,
    icon,
    is_palette_change,
    set_role,
)
from teenvio_desktop.ui.tasks import Task, bound_to, run_task
from teenvio_desktop.ui.translation import error_text, qt_translate

__all__ = ["AccountsArea", "KeyringBanner"]

ACCOUNT_LIST_MAX_WIDTH = 360


class AccountsArea(QWidget):
    accounts_changed = Signal()

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        store: SecretStore | None = None,
        prompter: Prompter | None = None,
        banner: KeyringBanner | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.prompter = prompter or DialogPrompter()
        if store is not None:
            use_secret_store(context, store)
        self._store = secret_store(context)
        self._task: Task | None = None
        self._testing: str | None = None  # the account whose test runs
        self._last_tests = LastTests()
        self._secret_tasks: set[Task] = set()

        # The window's banner (shown above every area) or, standing alone, our own.
        own_banner = banner is None
        self.banner = banner or KeyringBanner()
        if own_banner:
            self.banner.retry_requested.connect(self.retry_keyring)
        self.account_list = QListWidget()
        self.account_list.setObjectName("account_list")
        self.account_list.setAccessibleName(self.tr("Accounts"))
        self.account_list.setIconSize(QSize(20, 20))
        self.account_list.setSpacing(2)
        self.account_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.account_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.account_list.currentItemChanged.connect(self._selection_changed)
        self.add_button = QPushButton(icon("add"), self.tr("Add…"))
        self.edit_button = QPushButton(icon("edit"), self.tr("Edit…"))
        self.remove_button = QPushButton(icon("delete"), self.tr("Remove…"))
        self.default_button = QPushButton(icon("default"), self.tr("Make default"))
        self.test_button = QPushButton(icon("test_connection"), self.tr("Test connection"))
        for name, button in (
            ("add", self.add_button),
            ("edit", self.edit_button),
            ("remove", self.remove_button),
            ("default", self.default_button),
            ("test", self.test_button),
        ):
            button.setObjectName(f"{name}_button")
        self.add_button.clicked.connect(self.add_account)
        self.edit_button.clicked.connect(self.edit_account)
        self.remove_button.clicked.connect(self.remove_account)
        self.default_button.clicked.connect(self.make_default)
        self.test_button.clicked.connect(self.test_selected)

        self.details = QLabel()
        self.details.setObjectName("details")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.test_result = QLabel()
        self.test_result.setObjectName("test_result")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.default_button,
            self.test_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.account_list)
        right = QFrame()
        right.setObjectName("account_details")
        set_role(right, "frameRole", "card")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(MARGIN + 4, MARGIN, MARGIN + 4, MARGIN)
        right_layout.setSpacing(SPACING)
        right_layout.addWidget(self.details)
        right_layout.addWidget(self.test_result)
        right_layout.addStretch(1)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([320, 640])
        layout = QVBoxLayout(self)
        area_margins(layout)
        if own_banner:
            layout.addWidget(self.banner)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)

        if own_banner:
            probe_keyring(self._store, self.banner)
        self.reload()

    # -- public API ----------------------------------------------------------------------

    def repository(self) -> AccountRepository:
        return account_repository(self._context)

    @property
    def secrets(self) -> SecretStore:
        return self._store

    def selected(self) -> Account | None:
        item = self.account_list.currentItem()
        if item is None:
            return None
        return self.repository().find(str(item.data(Qt.ItemDataRole.UserRole)))

    def select(self, name: str) -> None:
        for row in range(self.account_list.count()):
            item = self.account_list.item(row)
            if str(item.data(Qt.ItemDataRole.UserRole)).lower() == name.lower():
                self.account_list.setCurrentRow(row)
                return

    def reload(self) -> None:
        current = self.selected()
        self.account_list.clear()
        for account in self.repository().list():
            label = account.name
            if account.is_sandbox:
                label = self.tr("{name} (sandbox)").format(name=label)
            if account.is_default:
                label = self.tr("{name} — default").format(name=label)
            item = QListWidgetItem(icon("sandbox" if account.is_sandbox else "account"), label)
            item.setData(Qt.ItemDataRole.UserRole, account.name)
            item.setToolTip(label)
            self.account_list.addItem(item)
        # Wide enough for the names as far as a 1024-pixel window allows (else they elide).
        needed = self.account_list.sizeHintForColumn(0) + 2 * self.account_list.frameWidth() + 8
        self.account_list.setMinimumWidth(min(max(needed, 200), ACCOUNT_LIST_MAX_WIDTH))
        if current is not None:
            self.select(current.name)
        if self.account_list.currentRow() < 0 and self.account_list.count():
            self.account_list.setCurrentRow(0)
        self._selection_changed()

    # -- actions -------------------------------------------------------------------------

    def _with_secrets(
        self, work: Callable[[], Any], then: Callable[[Any], None] | None = None
    ) -> Task:
        """Run a keyring operation in a task, then ``then(result)`` on the GUI thread."""

        def run(progress: ProgressCallback, cancel: CancelToken) -> Any:
            del progress, cancel
            return work()

        task = run_task(run, self)
        self._secret_tasks.add(task)
        if then is not None:
            task.result.connect(bound_to(self, then))
        task.error.connect(
            bound_to(
                self, lambda exc: self.prompter.warn(self, self.tr("Keyring"), error_text(exc))
            )
        )
        task.finished.connect(bound_to(self, lambda: self._secret_tasks.discard(task)))
        return task.start()

    def add_account(self) -> None:
        dialog = AccountDialog(self, has_secrets=False, prompter=self.prompter)
        if self.prompter.run(dialog) and dialog.account() is not None:
            self._save(None, dialog)

    def edit_account(self) -> None:
        account = self.selected()
        if account is None or account.is_sandbox:
            return
        store = self._store
        self.edit_button.setEnabled(False)  # until the keyring answered

        def has_secrets() -> bool:
            return any(store.get(account.name, kind) for kind in SecretKind)

        def open_dialog(found: bool) -> None:
            self._selection_changed()
            dialog = AccountDialog(self, account, has_secrets=found, prompter=self.prompter)
            if self.prompter.run(dialog) and dialog.account() is not None:
                self._save(account, dialog)

        task = self._with_secrets(has_secrets, open_dialog)
        task.error.connect(bound_to(self, lambda _exc: self._selection_changed()))

    def _save(self, original: Account | None, dialog: AccountDialog) -> None:
        account = dialog.account()
        assert account is not None
        repo = self.repository()
        try:
            saved = repo.add(account) if original is None else repo.update(original.name, account)
        except TeenvioError as exc:
            self.prompter.warn(self, self.tr("Account not saved"), error_text(exc))
            return
        if original is not None and original.name != saved.name:
            self._last_tests.rename(original.name, saved.name)
        self.reload()
        self.select(saved.name)
        store = self._store
        old_name = original.name if original is not None else None
        password, token = dialog.password(), dialog.token()

        def store_secrets() -> KeyringUnavailable | None:
            problem: KeyringUnavailable | None = None
            if old_name is not None and old_name != saved.name:
                problem = store.rename_account(old_name, saved.name)
            for kind, value in (
                (SecretKind.SMTP_PASSWORD, password),
                (SecretKind.TEALITE_TOKEN, token),
            ):
                if value:
                    problem = store.set(saved.name, kind, value) or problem
            if saved.smtp is None:
                store.delete(saved.name, SecretKind.SMTP_PASSWORD)
            if saved.rest is None:
                store.delete(saved.name, SecretKind.TEALITE_TOKEN)
            return problem or store.problem

        def stored(problem: KeyringUnavailable | None) -> None:
            self.banner.show_problem(problem)
            self.accounts_changed.emit()

        self._with_secrets(store_secrets, stored)

    def confirm_removal(self, account: Account) -> bool:
        question = self.tr(
            "Remove the account “{name}”? Its password and token are also deleted from "
            "the system keyring."
        ).format(name=account.name)
        return self.prompter.confirm(self, self.tr("Remove account"), question, default_yes=False)

    def remove_account(self) -> None:
        account = self.selected()
        if account is None or account.is_sandbox or not self.confirm_removal(account):
            return
        try:
            self.repository().remove(account.name)
        except TeenvioError as exc:
            self.prompter.warn(self, self.tr("Account not removed"), error_text(exc))
            return
        self._last_tests.forget(account.name)
        self.reload()
        store = self._store

        def removed(problem: KeyringUnavailable | None) -> None:
            self.banner.show_problem(problem)
            self.accounts_changed.emit()

        self._with_secrets(lambda: store.delete_account(account.name), removed)

    def make_default(self) -> None:
        account = self.selected()
        if account is None or account.is_sandbox:
            return
        self.repository().set_default(account.name)
        self.reload()
        self.accounts_changed.emit()

    def retry_keyring(self) -> Task:
        return probe_keyring(self._store, self.banner, retry=True)

    def secrets_busy(self) -> bool:
        """A keyring operation (save, remove, edit) still runs."""
        return bool(self._secret_tasks)

    def test_selected(self) -> Task | None:
        account = self.selected()
        if account is None or self._task is not None:
            return None
        store = self._store
        name = account.name

        def work(progress: ProgressCallback, cancel: CancelToken) -> ConnectionReport:
            return test_connection(account, store, progress, cancel)

        self._testing = name
        self.test_button.setEnabled(False)
        self._last_tests.running(name, self.tr("Testing “{name}”…").format(name=name))
        task = run_task(work, self)
        task.progress.connect(
            bound_to(
                self,
                lambda p: self._test_news(name, qt_translate("tasks", p.stage) + "…", done=False),
            )
        )
        task.result.connect(
            bound_to(self, lambda report: self._test_news(name, report_text(report)))
        )
        task.error.connect(bound_to(self, lambda exc: self._test_news(name, error_text(exc))))
        task.finished.connect(self._test_finished)
        self._task = task
        task.start()
        self._selection_changed()
        return task

    def _test_news(self, account: str, text: str, *, done: bool = True) -> None:
        if done:
            self._last_tests.finished(account, text)
        else:
            self._last_tests.running(account, text)
        self._show_last_test()

    def _test_finished(self) -> None:
        self._task = None
        self._testing = None
        self._selection_changed()

    def _show_last_test(self) -> None:
        item = self.account_list.currentItem()
        name = str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
        self.test_result.setText(self._last_tests.text_for(name))

    # -- details -------------------------------------------------------------------------

    def _selection_changed(self, *_args: object) -> None:
        account = self.selected()
        editable = account is not None and not account.is_sandbox
        self.edit_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        self.default_button.setEnabled(editable and account is not None and not account.is_default)
        self.test_button.setEnabled(account is not None and self._task is None)
        self.details.setText(
            self._describe(account) if account else self.tr("No account selected.")
        )
        self._show_last_test()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_palette_change(event) and hasattr(self, "account_list"):
            self._selection_changed()  # the details' colours follow the scheme

    def _describe(self, account: Account) -> str:
        """The account as a small titled table (rich text; every value escaped)."""
        rows: list[tuple[str, str]] = []
        if account.smtp is not None:
            smtp = account.smtp
            rows.append((
                self.tr("SMTP-API"),
                self.tr("{user} at {host}:{port} ({security})").format(
                    user=smtp.user, host=smtp.host, port=smtp.port, security=smtp.security.upper()
                ),
            ))  # fmt: skip
            if smtp.deprecated:
                rows.append(("", self.tr("Port 2500 is deprecated; prefer 46500 (TLS) or 58700.")))
        if account.rest is not None:
            rows.append((
                self.tr("TEA Lite"),
                self.tr("{url} (source system {source})").format(
                    url=account.rest.base_url, source=account.rest.source_system
                ),
            ))  # fmt: skip
        if account.ca_file:
            rows.append((self.tr("CA file"), account.ca_file))
        if account.senders:
            rows.append((self.tr("Senders"), "\n".join(s.formatted() for s in account.senders)))
        if account.reply_tos:
            rows.append((self.tr("Reply-to"), "\n".join(s.formatted() for s in account.reply_tos)))
        muted = colors().muted_text
        cells = "".join(
            f'<tr><td style="color:{muted}; padding:3px 16px 3px 0">{html.escape(label)}</td>'
            f'<td style="padding:3px 0">{html.escape(value).replace(chr(10), "<br>")}</td></tr>'
            for label, value in rows
        )
        title = html.escape(account.name)
        return f'<p style="font-size:large; font-weight:600">{title}</p><table>{cells}</table>'
