"""The composer's preview job: MJML, a recipient's data, sanitising and modes in one call."""

from __future__ import annotations

from teenvio_desktop.core.campaign import TeenvioOptions
from teenvio_desktop.core.compose.preview import (
    PreviewRequest,
    compiled_mjml,
    personalise,
    render_for_preview,
)
from teenvio_desktop.core.mjml import MjmlCompileError
from teenvio_desktop.core.preview_modes import DarkMode, PreviewModes
from teenvio_desktop.core.starters import starter_source

BROKEN_MJML = "<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text>Hola"


def test_mjml_is_compiled_and_shown() -> None:
    source = starter_source("letter", "en")
    result = render_for_preview(PreviewRequest(html="", mjml_source=source, generation=7))
    assert result.generation == 7
    assert result.mjml is not None and result.mjml_error is None
    assert result.html == result.mjml.html and "<table" in result.html
    assert "<table" in result.document.html
    assert compiled_mjml(source) is compiled_mjml(source)  # compiled once


def test_broken_mjml_keeps_the_last_html_and_says_where() -> None:
    result = render_for_preview(
        PreviewRequest(html="<p>la última versión buena</p>", mjml_source=BROKEN_MJML)
    )
    assert isinstance(result.mjml_error, MjmlCompileError)
    assert result.mjml_error.line is not None and result.mjml_error.line >= 1
    assert "la última versión buena" in result.document.html


def test_a_recipient_s_values_fill_subject_html_and_text() -> None:
    request = PreviewRequest(
        html="<p>Hola {{ nombre }}</p>",
        subject="Para {{ nombre }}",
        text="Hola {{ nombre | default('amigo') }}",
        merge_row={"email": "ana@example.com", "nombre": "Ana <b>"},
    )
    result = render_for_preview(request)
    assert result.personalised and not result.merge_error
    assert result.subject == "Para Ana <b>"
    assert result.text == "Hola Ana <b>"
    assert "Hola Ana &lt;b&gt;" in result.document.html  # escaped in the HTML part
    assert result.html == "<p>Hola {{ nombre }}</p>"  # the checks still see the template


def test_a_missing_value_is_reported_and_the_template_shown() -> None:
    filled = personalise("Hola {{ nombre }}", "<p>x</p>", "", {"email": "luis@example.com"})
    assert "nombre" in filled.error and filled.subject == "Hola {{ nombre }}"
    broken = personalise("Hola {{ nombre", "", "", {"nombre": "Luis"})
    assert broken.error


def test_side_by_side_gives_the_light_document_too() -> None:
    html = '<div style="background-color:#ffffff;color:#333333">claro</div>'
    request = PreviewRequest(
        html=html, modes=PreviewModes(DarkMode.FORCED, as_teenvio=True), side_by_side=True,
        options=TeenvioOptions(language=4),
    )  # fmt: skip
    result = render_for_preview(request)
    assert result.light is not None
    assert "If you cannot see this message" in result.light.html
    assert result.document.html != result.light.html
    assert render_for_preview(PreviewRequest(html=html, side_by_side=True)).light is None
