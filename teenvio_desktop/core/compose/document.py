"""The composer's document: which draft is open, whether it changed, and the autosave policy.

Dirty means the campaign differs from the last clean state (loaded or saved), compared by
fingerprint, so that filling pickers programmatically never counts as an edit. Work is
never lost: every change since the last write is autosaved (the caller's timer decides
when), before every send, and when the window closes without an answer.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.drafts import Draft, DraftRepository

UNTITLED = "Untitled"  # the stored title of work never named (the UI shows its own words)

Fingerprint = tuple[Any, ...]


def campaign_fingerprint(campaign: Campaign) -> Fingerprint:
    """Cheap identity of a campaign's content (binary parts by hash, not by value)."""
    plain = dataclasses.replace(campaign, images=[], attachments=[])
    parts: list[tuple[Any, ...]] = [
        (i.cid, i.filename, i.content_type, hash(i.data)) for i in campaign.images
    ]
    parts += [(a.filename, a.content_type, hash(a.data)) for a in campaign.attachments]
    return (json.dumps(plain.to_dict(), sort_keys=True), tuple(parts))


def fresh_campaign(current: Campaign) -> Campaign:
    """A new, empty campaign that keeps the envelope the user already chose."""
    return Campaign(
        account_name=current.account_name,
        transport=current.transport,
        sender=current.sender,
        sender_name=current.sender_name,
        reply_to=current.reply_to,
        reply_to_name=current.reply_to_name,
        source_system=current.source_system,
    )


def with_file_content(current: Campaign, opened: Campaign, *, eml: bool) -> Campaign:
    """``current`` with the content of an opened file; an .eml brings its envelope too."""
    result = dataclasses.replace(current)
    result.html, result.text = opened.html, opened.text
    result.mjml_source = opened.mjml_source  # an .mjml file is an MJML campaign
    result.images, result.attachments = opened.images, opened.attachments
    result.subject = opened.subject or current.subject
    if eml:
        result.options = opened.options
        result.sender = opened.sender or current.sender
        result.sender_name = opened.sender_name or current.sender_name
        result.reply_to = opened.reply_to or current.reply_to
        result.reply_to_name = opened.reply_to_name or current.reply_to_name
    return result


class ComposerDocument:
    """Saving state of the campaign in the composer (the campaign itself is passed in)."""

    def __init__(self, drafts: DraftRepository) -> None:
        self.drafts = drafts
        self.draft_id: int | None = None
        self.title = ""
        self._clean: Fingerprint | None = None
        self._unsaved = False  # restored or imported content not saved anywhere yet
        self._autosave_due = False  # something changed since the last autosave attempt
        self._last_autosaved: Fingerprint | None = None

    # --- state ----------------------------------------------------------------------------

    def mark_clean(self, campaign: Campaign, *, draft_id: int | None, title: str) -> None:
        """``campaign`` is what the draft (or nothing, for a new one) holds."""
        self.draft_id, self.title = draft_id, title
        self._clean = campaign_fingerprint(campaign)
        self._unsaved = False
        self._autosave_due = False

    def mark_unsaved(self) -> None:
        """The content came from elsewhere (a file, a recovery): it counts as changed."""
        self._unsaved = True
        self._autosave_due = True

    def note_edit(self) -> None:
        self._autosave_due = True

    def is_dirty(self, campaign: Campaign) -> bool:
        return self._unsaved or campaign_fingerprint(campaign) != self._clean

    # --- autosave -------------------------------------------------------------------------

    def autosave(self, campaign: Campaign, *, force: bool = False) -> bool:
        """Write the autosave slot if anything changed since the last write (or ``force``).

        True when written. A failure (a full disk) leaves the write due and is raised for
        the caller to report; the editor keeps the content.
        """
        if not (self._autosave_due or force):
            return False
        fingerprint = campaign_fingerprint(campaign)
        self._autosave_due = False
        try:
            if not self._unsaved and fingerprint == self._clean:
                if self._last_autosaved is not None:  # edited back to the saved state
                    self.drafts.clear_autosave()
                    self._last_autosaved = None
                return False
            if fingerprint == self._last_autosaved:
                return False
            self.drafts.autosave(campaign, self.title or UNTITLED, self.draft_id)
        except BaseException:
            self._autosave_due = True
            raise
        self._last_autosaved = fingerprint
        return True

    def autosave_pending(self) -> bool:
        """Something changed since the last autosave attempt (or that attempt failed)."""
        return self._autosave_due

    def discard_autosave(self) -> None:
        """Nothing is left to recover (saved, discarded, or a fresh start)."""
        self.drafts.clear_autosave()

    # --- drafts ---------------------------------------------------------------------------

    def save(self, campaign: Campaign, title: str, *, as_new: bool = False) -> int:
        """Save as the open draft (or a new one); the document becomes clean."""
        draft_id = None if as_new else self.draft_id
        saved = self.drafts.save(campaign, title, draft_id)
        self.drafts.clear_autosave()
        self._last_autosaved = None
        self.mark_clean(campaign, draft_id=saved, title=title)
        return saved

    def open(self, draft_id: int) -> Draft:
        """Read a draft (its content is then loaded into the editors by the caller)."""
        return self.drafts.open(draft_id)
