"""The composer's document without Qt: dirty state, autosave policy, drafts, recovery."""

from __future__ import annotations

import dataclasses

import pytest

from teenvio_desktop.core.campaign import Attachment, Campaign, InlineImage, TeenvioOptions
from teenvio_desktop.core.compose import (
    UNTITLED,
    ComposerDocument,
    campaign_fingerprint,
    fresh_campaign,
    recover_unsaved_work,
    with_file_content,
)
from teenvio_desktop.core.compose.recovery import forget_copy
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.drafts import DraftRepository


def _campaign(**changes: object) -> Campaign:
    campaign = Campaign(
        subject="Ofertas", sender="demo@example.com", html="<p>Hola</p>", text="Hola",
        images=[InlineImage("logo", "logo.png", "image/png", b"png-1")],
    )  # fmt: skip
    return dataclasses.replace(campaign, **changes)  # type: ignore[arg-type]


def test_fingerprint_follows_content_and_binary_parts() -> None:
    base = _campaign()
    assert campaign_fingerprint(base) == campaign_fingerprint(_campaign())
    assert campaign_fingerprint(base) != campaign_fingerprint(_campaign(subject="Otra"))
    other_image = [InlineImage("logo", "logo.png", "image/png", b"png-2")]
    assert campaign_fingerprint(base) != campaign_fingerprint(_campaign(images=other_image))
    attached = [Attachment("a.pdf", "application/pdf", b"%")]
    assert campaign_fingerprint(base) != campaign_fingerprint(_campaign(attachments=attached))


def test_dirty_means_different_from_the_clean_state(app_context: AppContext) -> None:
    document = ComposerDocument(DraftRepository(app_context.db))
    clean = _campaign()
    document.mark_clean(clean, draft_id=None, title="")
    assert not document.is_dirty(clean)
    assert document.is_dirty(_campaign(html="<p>Adiós</p>"))
    document.mark_unsaved()  # content from a file or a recovery counts as changed
    assert document.is_dirty(clean)


def test_autosave_writes_only_what_changed(app_context: AppContext) -> None:
    drafts = DraftRepository(app_context.db)
    document = ComposerDocument(drafts)
    document.mark_clean(_campaign(), draft_id=None, title="")
    assert not document.autosave(_campaign())  # nothing edited
    edited = _campaign(html="<p>uno</p>")
    document.note_edit()
    assert document.autosave(edited)
    recovered = drafts.recovery()
    assert recovered is not None and recovered.campaign.html == "<p>uno</p>"
    assert recovered.title == UNTITLED
    document.note_edit()
    assert not document.autosave(edited)  # the same content again: not rewritten
    document.note_edit()
    assert not document.autosave(_campaign())  # edited back to the clean state
    assert drafts.recovery() is None
    assert document.autosave(edited, force=True)  # before a send: whatever is there
    assert not document.autosave_pending()


def test_a_failed_autosave_stays_due(app_context: AppContext) -> None:
    drafts = DraftRepository(app_context.db)
    document = ComposerDocument(drafts)
    document.mark_clean(_campaign(), draft_id=None, title="")
    document.note_edit()
    app_context.db.close()  # the store is gone (a full or missing disk)
    app_context.db.path.unlink()
    app_context.db.path.mkdir()  # not a database any more: writing fails
    with pytest.raises(Exception):  # noqa: B017  (whatever SQLite says)
        document.autosave(_campaign(html="<p>perdido no</p>"))
    assert document.autosave_pending()


def test_save_as_new_or_over_the_open_draft(app_context: AppContext) -> None:
    drafts = DraftRepository(app_context.db)
    document = ComposerDocument(drafts)
    first = document.save(_campaign(), "Primero")
    assert document.draft_id == first and document.title == "Primero"
    again = document.save(_campaign(subject="Cambiada"), "Primero")
    assert again == first and drafts.open(first).campaign.subject == "Cambiada"
    second = document.save(_campaign(), "Copia", as_new=True)
    assert second != first and sorted(d.title for d in drafts.list()) == ["Copia", "Primero"]
    assert not document.is_dirty(_campaign())
    assert document.open(first).campaign.subject == "Cambiada"


def test_recovery_keeps_a_copy_until_answered(app_context: AppContext) -> None:
    drafts = DraftRepository(app_context.db)
    assert recover_unsaved_work(drafts, lambda t: f"{t} (rec)") is None
    drafts.autosave(_campaign(subject="Sin guardar"), UNTITLED, None)
    recovery = recover_unsaved_work(drafts, lambda t: f"{t} (rec)")
    assert recovery is not None and recovery.title == ""  # never named
    assert [d.title for d in drafts.list()] == [f"{UNTITLED} (rec)"]
    assert drafts.recovery() is None  # moved into the copy
    forget_copy(drafts, recovery)
    assert drafts.list() == []


def test_a_new_campaign_keeps_the_envelope_and_a_file_brings_content() -> None:
    current = _campaign(
        account_name="Acme", transport="rest", sender_name="Demo", reply_to="r@example.com",
        source_system="sys", campaign_ref="c-1", options=TeenvioOptions(show_cab=False),
    )  # fmt: skip
    fresh = fresh_campaign(current)
    assert (fresh.account_name, fresh.transport, fresh.sender, fresh.reply_to) == (
        "Acme", "rest", "demo@example.com", "r@example.com",
    )  # fmt: skip
    assert fresh.html == "" and fresh.subject == "" and fresh.images == []
    opened = Campaign(subject="", html="<p>del archivo</p>", sender="otro@example.com")
    html_file = with_file_content(current, opened, eml=False)
    assert html_file.html == "<p>del archivo</p>" and html_file.subject == "Ofertas"
    assert html_file.sender == "demo@example.com" and not html_file.options.show_cab
    eml = with_file_content(current, opened, eml=True)
    assert eml.sender == "otro@example.com" and eml.options.show_cab
    assert current.html == "<p>Hola</p>"  # the current campaign is not changed in place
