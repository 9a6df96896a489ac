"""The Accounts area (accounts, keyring status, connection tests)."""

from teenvio_desktop.ui.accounts.area import AccountsArea, KeyringBanner
from teenvio_desktop.ui.accounts.dialog import AccountDialog

__all__ = ["AccountDialog", "AccountsArea", "KeyringBanner"]
