"""Named drafts and the autosave slot that survives a crash."""

from __future__ import annotations

import pytest

from teenvio_desktop.core.campaign import Attachment, Campaign, InlineImage, TeenvioOptions
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.drafts import DraftNotFoundError, DraftRepository


def _campaign(subject: str = "Hola ñandú") -> Campaign:
    return Campaign(
        subject=subject,
        sender="demo@example.com",
        html='<p>Hi <img src="cid:logo"></p>',
        text="Hi",
        images=[InlineImage("logo", "logo.png", "image/png", b"\x89PNG\x00\x01")],
        attachments=[Attachment("a.pdf", "application/pdf", b"%PDF")],
        options=TeenvioOptions(show_cab=False, language=4),
        transport="rest",
        recipients=["a@example.com"],
    )


def test_save_open_list_delete(app_context: AppContext) -> None:
    drafts = DraftRepository(app_context.db)
    first = drafts.save(_campaign(), "Newsletter")
    second = drafts.save(_campaign("Other"), "Other")
    assert drafts.open(first).campaign == _campaign()
    assert {d.title for d in drafts.list()} == {"Newsletter", "Other"}
    assert drafts.save(_campaign("Changed"), "Renamed", first) == first
    assert drafts.open(first).campaign.subject == "Changed"
    assert drafts.open(first).title == "Renamed"
    drafts.delete(second)
    assert [d.id for d in drafts.list()] == [first]
    with pytest.raises(DraftNotFoundError):
        drafts.open(second)


def test_autosave_is_one_row_and_not_a_named_draft(app_context: AppContext) -> None:
    drafts = DraftRepository(app_context.db)
    assert drafts.recovery() is None
    for n in range(3):
        drafts.autosave(_campaign(f"v{n}"), "Untitled", None)
    rows = app_context.db.conn.execute("SELECT COUNT(*) FROM drafts").fetchone()[0]
    assert rows == 1 and drafts.list() == []
    recovered = drafts.recovery()
    assert recovered is not None and recovered.campaign.subject == "v2"
    assert recovered.source_draft_id is None


def test_recovery_remembers_the_draft_being_edited(app_context: AppContext) -> None:
    drafts = DraftRepository(app_context.db)
    draft_id = drafts.save(_campaign(), "Saved")
    drafts.autosave(_campaign("unsaved edit"), "Saved", draft_id)
    recovered = drafts.recovery()
    assert recovered is not None and recovered.source_draft_id == draft_id
    assert drafts.open(draft_id).campaign.subject == "Hola ñandú"  # the named draft is intact


def test_clean_close_leaves_nothing_to_recover(app_context: AppContext) -> None:
    drafts = DraftRepository(app_context.db)
    drafts.autosave(_campaign(), "Untitled", None)
    drafts.clear_autosave()
    assert drafts.recovery() is None
