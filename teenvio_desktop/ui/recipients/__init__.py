"""The Recipients area: saved lists, the list viewer and the import wizard."""

from teenvio_desktop.ui.recipients.area import RecipientsArea

__all__ = ["RecipientsArea"]
