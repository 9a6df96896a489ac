"""An error kept in the database is shown later in the language of that day."""

from __future__ import annotations

from teenvio_desktop.core.errors import TeenvioError, render_stored, stored_form


def _spanish(context: str, text: str) -> str:
    assert context == "errors"
    return {"Could not reach {host}; try again later.": "No se pudo contactar con {host}."}.get(
        text, text
    )


def test_a_stored_error_is_rendered_in_the_language_asked_for() -> None:
    error = TeenvioError(
        "Could not reach {host}; try again later.", host="api.example", server_code=503
    )
    kept = stored_form(error)
    assert render_stored(kept, _spanish) == "No se pudo contactar con api.example.\n503"
    assert render_stored(kept) == error.render()


def test_text_stored_by_an_older_version_is_shown_as_it_is() -> None:
    assert render_stored("Teenvio answered 500.") == "Teenvio answered 500."
    assert render_stored("[1, 2]") == "[1, 2]"


def test_a_template_that_cannot_be_filled_again_falls_back_to_its_english() -> None:
    error = TeenvioError("{count:d} messages could not be sent.", count=3)
    assert render_stored(stored_form(error), _spanish) == "3 messages could not be sent."
