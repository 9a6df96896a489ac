"""Mail merge: escaping per part, defaults, and the pre-send report of rows at fault."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.merge import (
    MergeTemplates,
    MergeValidationError,
    field_key,
    fields_used,
    validate_merge,
)


def _campaign(subject: str = "", html: str = "", text: str = "") -> Campaign:
    return Campaign(subject=subject, html=html, text=text, transport="rest")


def test_values_are_escaped_in_html_only() -> None:
    campaign = _campaign("Hola {{ name }}", "<p>{{ name }} & {{ company }}</p>", "{{ company }}")
    rendered = MergeTemplates.for_campaign(campaign).render(
        {"email": "a@example.com", "name": "<b>Ana</b>", "company": 'A&B "x"'}
    )
    assert rendered.subject == "Hola <b>Ana</b>"
    assert rendered.html == "<p>&lt;b&gt;Ana&lt;/b&gt; & A&amp;B &#34;x&#34;</p>"
    assert rendered.text == 'A&B "x"'


def test_default_applies_to_missing_and_blank_values() -> None:
    campaign = _campaign('Hola {{ first_name | default("cliente") }}', "x", "y")
    templates = MergeTemplates.for_campaign(campaign)
    assert templates.render({"first_name": "Luz"}).subject == "Hola Luz"
    assert templates.render({"first_name": "  "}).subject == "Hola cliente"
    assert templates.render({}).subject == "Hola cliente"
    assert validate_merge(campaign, [{}, {"first_name": ""}]).ok


def test_subject_stays_one_line_even_when_a_value_has_newlines() -> None:
    campaign = _campaign("Hi {{ name }}!", "x", "y")
    rendered = MergeTemplates.for_campaign(campaign).render({"name": "Ana\r\nBcc: evil@x"})
    assert "\n" not in rendered.subject and "\r" not in rendered.subject


def test_report_lists_every_row_and_field_at_fault() -> None:
    campaign = _campaign("{{ name }}", "<p>{{ name }} {{ code }}</p>", "{{ city }}")
    rows = [
        {"email": "a@x.es", "name": "Ana", "code": "1", "city": "Madrid"},
        {"email": "b@x.es", "name": "", "code": "2", "city": "Lugo"},
        {"email": "c@x.es", "name": "Eva", "city": "Vigo"},
        {"email": "d@x.es", "name": "", "city": ""},
    ]
    report = validate_merge(campaign, rows)
    assert not report.ok and report.checked == 4
    assert report.rows_at_fault == [2, 3, 4]
    found = {(i.row, i.field, i.kind) for i in report.issues}
    assert found == {
        (2, "name", "empty_value"),
        (3, "code", "missing_column"),
        (4, "name", "empty_value"),
        (4, "code", "missing_column"),
        (4, "city", "empty_value"),
    }
    assert "row 3" in report.describe()


def test_syntax_errors_name_the_part_and_line() -> None:
    campaign = _campaign("ok", "<p>\n\n{% if %}</p>", "{{ a }")
    report = validate_merge(campaign, [{"a": "1"}])
    assert {(i.part, i.kind, i.line) for i in report.issues} == {
        ("html", "syntax_error", 3),
        ("text", "syntax_error", 1),
    }
    with pytest.raises(MergeValidationError) as info:
        MergeTemplates.for_campaign(campaign)
    assert "line 3" in str(info.value)


def test_sandbox_refuses_unsafe_attribute_access() -> None:
    campaign = _campaign("x", "{{ name.__class__.__mro__ }}", "t")
    report = validate_merge(campaign, [{"name": "Ana"}])
    assert [i.kind for i in report.issues] == ["template_error"]


def test_fields_used_and_column_identifiers() -> None:
    campaign = _campaign(
        "{{ a }}", "{{ b | default('x') }}{% if c is defined %}{{ c }}{% endif %}", ""
    )
    assert fields_used(campaign) == {"a", "b", "c"}
    assert field_key(" E-mail ") == "e_mail"
    rendered = MergeTemplates(subject="{{ first_name }}", html="", text="").render(
        {"First Name": "Luz"}
    )
    assert rendered.subject == "Luz"


@given(st.text(max_size=40))
def test_any_value_renders_verbatim_in_text_and_escaped_in_html(value: str) -> None:
    templates = MergeTemplates(subject="", html="{{ v }}", text="{{ v }}")
    if not value.strip():
        return
    rendered = templates.render({"v": value})
    assert rendered.text == value
    assert "<" not in rendered.html and ">" not in rendered.html


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Hola {{ nombre }}, ¿qué tal?", "Hola, ¿qué tal?"),
        ("Hola {{ nombre }}", "Hola"),
        ("Hola {{nombre}} y adiós", "Hola y adiós"),
        ('Hola {{ nombre | default("cliente") }}!', "Hola cliente!"),
        ("Hola {{ nombre|d('amigo') }}.", "Hola amigo."),
        ("<p>{% if vip %}VIP{% endif %}{# nota #}</p>", "<p>VIP</p>"),
        ("https://x.example/?id={{ id }}", "https://x.example/?id="),
        ("Sin campos", "Sin campos"),
        ("{{ a }}{{ b }}", ""),
    ],
)
def test_without_merge_fields_leaves_readable_text(source: str, expected: str) -> None:
    from teenvio_desktop.core.merge import has_merge_syntax, without_merge_fields

    result = without_merge_fields(source)
    assert result == expected
    assert not has_merge_syntax(result)
