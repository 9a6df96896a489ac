"""Crash recovery: the autosave a crash left behind, kept safe and offered back.

At start-up, the autosave slot is copied into a named draft at once, so the work is not
lost whatever the user answers; restoring deletes the copy (the work is back in the
editor), discarding deletes it too (the user said no).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from teenvio_desktop.core.compose.document import UNTITLED
from teenvio_desktop.core.drafts import Draft, DraftRepository


@dataclass(frozen=True)
class Recovery:
    draft: Draft  # what the autosave slot held
    copy_id: int  # the named draft it was copied to

    @property
    def title(self) -> str:
        """The title to restore under ("" for work that was never named)."""
        return "" if self.draft.title == UNTITLED else self.draft.title


def recover_unsaved_work(
    drafts: DraftRepository, copy_title: Callable[[str], str]
) -> Recovery | None:
    """The work a crash left in the autosave slot, copied to a draft named
    ``copy_title(title)``; None when there is nothing to recover."""
    recovered = drafts.recovery()
    if recovered is None:
        return None
    copy_id = drafts.save(recovered.campaign, copy_title(recovered.title or UNTITLED))
    drafts.clear_autosave()
    return Recovery(recovered, copy_id)


def forget_copy(drafts: DraftRepository, recovery: Recovery) -> None:
    """Restored or discarded: the safety copy is no longer needed."""
    drafts.delete(recovery.copy_id)
