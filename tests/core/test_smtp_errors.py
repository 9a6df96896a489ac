"""Every reply code of the SMTP-API seed's section 4 reaches the user as specified."""

from __future__ import annotations

import pytest

from teenvio_desktop.core.mime import TEENVIO_MAX_MESSAGE_SIZE
from teenvio_desktop.core.smtp import errors, send_campaign_smtp
from teenvio_desktop.core.smtp.errors import error_for_reply
from teenvio_desktop.sandbox.server import RunningSandbox
from tests.helpers.smtp import ScriptedServer, sample_campaign, sandbox_settings

pytestmark = pytest.mark.timeout(60)

# (step that gets the reply, the seed's reply, expected class, words the explanation needs)
SECTION_4 = [
    ("MAIL", "500 5.5.1 Invalid command", errors.InvalidCommand, "did not recognise a command"),
    ("MAIL", "551 Invalid command", errors.InvalidCommand, "did not recognise a command"),
    ("END", "503 valid RCPT and MAIL command must precede DATA", errors.BadSequence, "MAIL FROM"),
    ("DATA", "503 valid RCPT and MAIL command must precede DATA", errors.BadSequence, "RCPT TO"),
    ("MAIL", "504 A command parameter is not implemented.", errors.ParameterNotImplemented,
     "does not implement a parameter"),
    ("MAIL", "530 Authentication required", errors.AuthenticationRequired, "requires logging in"),
    ("AUTH2", "535 Authentication credentials invalid", errors.AuthenticationFailed,
     "usuario.nombredeplan"),
    ("END", "552 message size exceeds fixed maximum message size (512000) bytes",
     errors.MessageTooLarge, "the limit is 512000 bytes"),
    ("MAIL", "553 Remitente no existente o no validado desde su plan de teenvio",
     errors.SenderNotValidated, "validated in your Teenvio plan"),
    ("END", "500 Internal error - Envios insuficientes", errors.InternalError,
     "could not launch the campaign: Envios insuficientes"),
    ("AUTH", "500 Syntax error", errors.InvalidCommand, "did not recognise a command"),
    ("END", "451 4.3.0 Error temporal, intentelo de nuevo mas tarde", errors.TemporaryFailure,
     "temporary error"),
]  # fmt: skip


@pytest.mark.parametrize(("step", "reply", "error_class", "words"), SECTION_4)
def test_section_4_reply_reaches_the_user(
    step: str, reply: str, error_class: type[errors.SmtpError], words: str
) -> None:
    server = ScriptedServer(replies={step: reply})
    try:
        with pytest.raises(error_class) as info:
            send_campaign_smtp(sample_campaign(), server.settings())
    finally:
        server.close()
    error = info.value
    code, text = reply.split(" ", 1)
    assert error.server_code == int(code)
    assert error.server_text == text
    rendered = error.render()
    assert words in rendered
    assert rendered.endswith(reply)  # the server's own reply, exactly, after the explanation
    # The conversation ends politely, after the failing step.
    assert server.lines[-1] == "QUIT"


def test_552_names_the_real_size() -> None:
    server = ScriptedServer(replies={"END": "552 message size exceeds fixed maximum (512000)"})
    try:
        with pytest.raises(errors.MessageTooLarge) as info:
            send_campaign_smtp(sample_campaign(), server.settings())
    finally:
        server.close()
    size = sum(len(line) for line in server.data_lines)
    assert f"The message is {size} bytes; the limit is 512000 bytes" in str(info.value)


def test_too_large_is_refused_before_connecting() -> None:
    server = ScriptedServer()
    big = sample_campaign(html="<p>" + ("abcdefghij " * 7 + "\n") * 7000 + "</p>")
    try:
        with pytest.raises(errors.MessageTooLarge) as info:
            send_campaign_smtp(big, server.settings())
    finally:
        server.close()
    assert info.value.limit == TEENVIO_MAX_MESSAGE_SIZE
    assert info.value.size > TEENVIO_MAX_MESSAGE_SIZE
    assert f"the limit is {TEENVIO_MAX_MESSAGE_SIZE} bytes" in str(info.value)
    assert server.lines == []


def test_smaller_advertised_size_is_refused_before_mail_from(
    sandbox_factory: object,
) -> None:
    sandbox = sandbox_factory(smtp_max_message_size=1000)  # type: ignore[operator]
    with pytest.raises(errors.MessageTooLarge) as info:
        send_campaign_smtp(sample_campaign(), sandbox_settings(sandbox))
    assert info.value.limit == 1000
    assert info.value.server_code is None
    assert "the limit is 1000 bytes" in str(info.value)
    assert sandbox.received_campaigns() == []


def test_sandbox_553_for_a_sender_not_validated(sandbox: RunningSandbox) -> None:
    campaign = sample_campaign(sender="unknown@example.com")
    with pytest.raises(errors.SenderNotValidated) as info:
        send_campaign_smtp(campaign, sandbox_settings(sandbox, "starttls"))
    assert "unknown@example.com" in str(info.value)
    assert info.value.server_code == 553


def test_sandbox_535_for_a_wrong_password(sandbox: RunningSandbox) -> None:
    with pytest.raises(errors.AuthenticationFailed) as info:
        send_campaign_smtp(sample_campaign(), sandbox_settings(sandbox, password="nope"))
    assert info.value.server_text == "Authentication credentials invalid"


def test_sandbox_451_is_temporary_and_retriable(sandbox_factory: object) -> None:
    sandbox = sandbox_factory(smtp_fail_rate=1.0)  # type: ignore[operator]
    with pytest.raises(errors.TemporaryFailure) as info:
        send_campaign_smtp(sample_campaign(), sandbox_settings(sandbox))
    assert info.value.retriable
    assert info.value.server_code == 451


def test_sandbox_drop_after_data_says_the_campaign_may_be_launched(
    sandbox_factory: object,
) -> None:
    sandbox = sandbox_factory(smtp_drop_rate=1.0)  # type: ignore[operator]
    with pytest.raises(errors.ConnectionLost) as info:
        send_campaign_smtp(sample_campaign(), sandbox_settings(sandbox))
    assert info.value.after_data
    assert "may have been launched" in str(info.value)
    assert len(sandbox.received_campaigns()) == 1


def test_all_recipients_refused() -> None:
    server = ScriptedServer(replies={"RCPT": "550 no"})
    try:
        with pytest.raises(errors.AllRecipientsRefused) as info:
            send_campaign_smtp(sample_campaign(), server.settings())
    finally:
        server.close()
    assert info.value.refused == {"ana@example.com": (550, "no"), "Luis@example.org": (550, "no")}
    assert "DATA" not in server.verbs()


def test_unknown_codes_are_unexpected_replies() -> None:
    error = error_for_reply(599, "weird")
    assert isinstance(error, errors.UnexpectedReply)
    assert error.render().endswith("599 weird")


def test_explanations_are_translatable_templates() -> None:
    def spanish(context: str, text: str) -> str:
        assert context == "errors"
        return "ES: " + text

    error = error_for_reply(553, "Remitente no existente", sender="a@example.com")
    assert error.render(spanish).startswith("ES: Teenvio refused the sender a@example.com")
