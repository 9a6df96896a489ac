"""The add/edit account form: connections, CA file, validated senders and reply-tos.

Password and token fields never show what is typed and are never logged; when editing,
leaving them empty keeps the secret already stored.
"""

from __future__ import annotations

from email.utils import parseaddr

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.accounts import (
    TEENVIO_PORTS,
    Account,
    InvalidAccount,
    NamedAddress,
    RestConnection,
    Security,
    SmtpConnection,
    is_deprecated_port,
)
from teenvio_desktop.core.logsetup import register_secret
from teenvio_desktop.ui import file_folders
from teenvio_desktop.ui.prompter import DialogPrompter, Prompter
from teenvio_desktop.ui.style import set_role
from teenvio_desktop.ui.translation import error_text


def parse_addresses(text: str) -> tuple[NamedAddress, ...]:
    """One address per line, ``Name <address>`` or a bare address."""
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line:
            name, address = parseaddr(line)
            found.append(NamedAddress(address or line, name))
    return tuple(found)


def format_addresses(addresses: tuple[NamedAddress, ...]) -> str:
    return "\n".join(a.formatted() for a in addresses)


class AccountDialog(QDialog):
    """Edits one account; :meth:`account` is the validated result after ``accept()``."""

    def __init__(
        self,
        parent: QWidget | None = None,
        account: Account | None = None,
        *,
        has_secrets: bool,
        prompter: Prompter | None = None,
    ) -> None:
        super().__init__(parent)
        self.prompter = prompter or DialogPrompter()
        self.setObjectName("account_dialog")
        self.setWindowTitle(self.tr("Edit account") if account else self.tr("Add account"))
        self._editing = account
        self._result: Account | None = None

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name")
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)

        self.smtp_group = QGroupBox(self.tr("SMTP-API"))
        self.smtp_group.setCheckable(True)
        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText(self.tr("as shown in Teenvio: Configuration → APIs"))
        self.port_preset = QComboBox()
        self.port_preset.setObjectName("port_preset")
        for choice in TEENVIO_PORTS:
            label = {
                "tls": self.tr("{port} — TLS"),
                "starttls": self.tr("{port} — STARTTLS"),
            }[choice.security].format(port=choice.port)
            if choice.deprecated:
                label = self.tr("{label} (deprecated)").format(label=label)
            self.port_preset.addItem(label, (choice.port, choice.security))
        self.port_preset.addItem(self.tr("Other port"), None)
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.security_combo = QComboBox()
        for key, text in (
            ("tls", self.tr("TLS")),
            ("starttls", self.tr("STARTTLS")),
            ("none", self.tr("None (this computer only)")),
        ):
            self.security_combo.addItem(text, key)
        self.deprecated_label = QLabel(
            self.tr("Teenvio marks port 2500 as deprecated; prefer 46500 (TLS) or 58700.")
        )
        self.deprecated_label.setObjectName("deprecated_warning")
        self.deprecated_label.setWordWrap(True)
        self.user_edit = QLineEdit()
        self.user_edit.setPlaceholderText(self.tr("usuario.nombredeplan"))
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        port_row = QHBoxLayout()
        port_row.addWidget(self.port_preset, 1)
        port_row.addWidget(self.port_spin)
        port_row.addWidget(self.security_combo)
        smtp_form = QFormLayout(self.smtp_group)
        smtp_form.addRow(self.tr("Host"), self.host_edit)
        smtp_form.addRow(self.tr("Port and security"), port_row)
        smtp_form.addRow("", self.deprecated_label)
        smtp_form.addRow(self.tr("User"), self.user_edit)
        smtp_form.addRow(self.tr("Password"), self.password_edit)

        self.rest_group = QGroupBox(self.tr("TEA Lite REST API"))
        self.rest_group.setCheckable(True)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://…")
        self.source_edit = QLineEdit()
        self.token_edit = QLineEdit()
        self.token_edit.setObjectName("token")
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        rest_form = QFormLayout(self.rest_group)
        rest_form.addRow(self.tr("Base URL"), self.url_edit)
        rest_form.addRow(self.tr("Source system"), self.source_edit)
        rest_form.addRow(self.tr("Token"), self.token_edit)

        self.ca_edit = QLineEdit()
        self.ca_edit.setPlaceholderText(self.tr("system certificates"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(browse)
        self.senders_edit = QPlainTextEdit()
        self.senders_edit.setObjectName("senders")
        self.senders_edit.setPlaceholderText(self.tr("One per line: Name <address@example.com>"))
        self.reply_tos_edit = QPlainTextEdit()
        self.reply_tos_edit.setObjectName("reply_tos")
        self.reply_tos_edit.setPlaceholderText(self.tr("One per line: Name <address@example.com>"))
        extra = QFormLayout()
        extra.addRow(self.tr("CA file"), ca_row)
        extra.addRow(self.tr("Validated senders"), self.senders_edit)
        extra.addRow(self.tr("Reply-to addresses"), self.reply_tos_edit)

        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        set_role(self.error_label, "textRole", "error")  # readable in light and dark
        self.error_label.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.smtp_group)
        layout.addWidget(self.rest_group)
        layout.addLayout(extra)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.port_preset.currentIndexChanged.connect(self._preset_chosen)
        self.port_spin.valueChanged.connect(self._port_changed)
        self._load(account, has_secrets)

    # -- state ---------------------------------------------------------------------------

    def _load(self, account: Account | None, has_secrets: bool) -> None:
        smtp = account.smtp if account else None
        rest = account.rest if account else None
        self.name_edit.setText(account.name if account else "")
        self.smtp_group.setChecked(account is None or smtp is not None)
        self.host_edit.setText(smtp.host if smtp else "")
        self.port_spin.setValue(smtp.port if smtp else TEENVIO_PORTS[0].port)
        self.security_combo.setCurrentIndex(
            self.security_combo.findData(smtp.security if smtp else "tls")
        )
        self._port_changed(self.port_spin.value())
        self.user_edit.setText(smtp.user if smtp else "")
        self.rest_group.setChecked(rest is not None)
        self.url_edit.setText(rest.base_url if rest else "")
        self.source_edit.setText(rest.source_system if rest else "")
        self.ca_edit.setText(account.ca_file or "" if account else "")
        self.senders_edit.setPlainText(format_addresses(account.senders) if account else "")
        self.reply_tos_edit.setPlainText(format_addresses(account.reply_tos) if account else "")
        if account is not None and has_secrets:
            keep = self.tr("unchanged (stored in the keyring)")
            self.password_edit.setPlaceholderText(keep)
            self.token_edit.setPlaceholderText(keep)

    def _preset_chosen(self, index: int) -> None:
        data = self.port_preset.itemData(index)
        if data is None:
            return
        port, security = data
        self.port_spin.setValue(port)
        self.security_combo.setCurrentIndex(self.security_combo.findData(security))

    def _port_changed(self, port: int) -> None:
        self.deprecated_label.setVisible(is_deprecated_port(port))
        preset = next(
            (
                i
                for i in range(self.port_preset.count() - 1)
                if self.port_preset.itemData(i)[0] == port
            ),
            self.port_preset.count() - 1,
        )
        self.port_preset.blockSignals(True)
        self.port_preset.setCurrentIndex(preset)
        self.port_preset.blockSignals(False)

    def _browse_ca(self) -> None:
        path = self.prompter.open_file(
            self,
            self.tr("CA certificate file"),
            self.tr("Certificates (*.pem *.crt);;All files (*)"),
            kind=file_folders.CERTIFICATES,
        )
        if path is not None:
            self.ca_edit.setText(str(path))

    # -- result --------------------------------------------------------------------------

    def build_account(self) -> Account:
        """The form as a validated account; raises InvalidAccount."""
        smtp = None
        if self.smtp_group.isChecked():
            security: Security = self.security_combo.currentData()
            smtp = SmtpConnection(
                self.host_edit.text(), self.port_spin.value(), security, self.user_edit.text()
            )
        rest = (
            RestConnection(self.url_edit.text(), self.source_edit.text())
            if self.rest_group.isChecked()
            else None
        )
        base = self._editing or Account("")
        return base.with_changes(
            name=self.name_edit.text(),
            smtp=smtp,
            rest=rest,
            ca_file=self.ca_edit.text() or None,
            senders=parse_addresses(self.senders_edit.toPlainText()),
            reply_tos=parse_addresses(self.reply_tos_edit.toPlainText()),
        ).validate()

    def password(self) -> str:
        value = self.password_edit.text() if self.smtp_group.isChecked() else ""
        register_secret(value)
        return value

    def token(self) -> str:
        value = self.token_edit.text() if self.rest_group.isChecked() else ""
        register_secret(value)
        return value

    def account(self) -> Account | None:
        return self._result

    def accept(self) -> None:
        try:
            account = self.build_account()
        except InvalidAccount as exc:
            self.show_error(error_text(exc))
            return
        missing_password = account.smtp is not None and not self.password()
        missing_token = account.rest is not None and not self.token()
        before = self._editing
        # A new account, or a connection added while editing, needs its secret.
        if (missing_password and (before is None or before.smtp is None)) or (
            missing_token and (before is None or before.rest is None)
        ):
            self.show_error(self.tr("Enter the password and/or token for the connections."))
            return
        self._result = account
        super().accept()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
