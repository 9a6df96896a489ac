"""The campaign being composed, without Qt: dirty state, drafts, autosave and recovery.

The composer's widgets show a campaign and report edits; :class:`ComposerDocument`
decides whether it changed, what the autosave slot holds and when it is written, and
:mod:`recovery` offers back what a crash left behind.
"""

from teenvio_desktop.core.compose.document import (
    UNTITLED,
    ComposerDocument,
    campaign_fingerprint,
    fresh_campaign,
    with_file_content,
)
from teenvio_desktop.core.compose.recovery import Recovery, recover_unsaved_work

__all__ = [
    "UNTITLED",
    "ComposerDocument",
    "Recovery",
    "campaign_fingerprint",
    "fresh_campaign",
    "recover_unsaved_work",
    "with_file_content",
]
