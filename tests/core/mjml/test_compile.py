"""MJML compiled by MRML: HTML, title, preview, warnings and errors with their lines."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teenvio_desktop.core.mjml import MAX_DEPTH, MAX_SOURCE_BYTES, MjmlCompileError, compile_mjml

GOOD = """<mjml lang="es">
  <mj-head>
    <mj-title>Novedades de otoño</mj-title>
    <mj-preview>Lo nuevo, en breve</mj-preview>
  </mj-head>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text>Hola, ñandú</mj-text>
        <mj-image src="cid:logo" alt="Logotipo" width="120px" />
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
"""


def error_of(source: str) -> MjmlCompileError:
    with pytest.raises(MjmlCompileError) as caught:
        compile_mjml(source)
    return caught.value


def test_compiles_to_responsive_html_with_title_and_preview() -> None:
    output = compile_mjml(GOOD)
    assert output.title == "Novedades de otoño" and output.preview == "Lo nuevo, en breve"
    assert output.warnings == ()
    html = output.html
    assert html.startswith("<!doctype html>") and '<html lang="es"' in html
    assert 'role="presentation"' in html and "@media only screen and (min-width:480px)" in html
    assert 'alt="Logotipo"' in html and 'src="cid:logo"' in html and "Hola, ñandú" in html


def test_warnings_carry_line_column_and_text_in_characters() -> None:
    source = '<mjml owner="ñ">\n<mj-head><mj-font name="Á" href="x" zzz="é" /></mj-head></mjml>'
    warnings = compile_mjml(source).warnings
    assert [(w.kind, w.line, w.column, w.text) for w in warnings] == [
        ("unexpected-attribute", 1, 7, 'owner="ñ"'),
        ("unexpected-attribute", 2, 37, 'zzz="é"'),
    ]
    assert warnings[0].located() == 'Line 1, column 7: Unknown attribute owner="ñ" (ignored).'
    translated = warnings[0].located(lambda context, text: f"<{context}>{text}")
    assert translated.startswith("<mjml>Line 1, column 7: <mjml>Unknown attribute")


@pytest.mark.parametrize(
    ("source", "line", "column", "reason"),
    [
        # MRML gives a position.
        ("<mjml>\n<mj-body>\n  <mj-include path=\"part.mjml\" />\n</mj-body></mjml>", 3, 4,
         "mj-include is not supported"),
        ("<mjml><mj-body><mj-section><mj-column><mj-text>\nñ<![CDATA[x]]></mj-text>"
         "</mj-column></mj-section></mj-body></mjml>", 2, 2, "Unexpected markup"),
        ("<html><body></body></html>", 1, 1, "Unexpected markup"),
        # MRML gives none: the structure scan finds it.
        ("<mjml>\n<mj-body>\n  <mj-section>\n    <mj-column>\n      <mj-text>Hola\n"
         "    </mj-column>\n  </mj-section>\n</mj-body>\n</mjml>", 5, 7, "not closed"),
        ("<mjml><mj-body><mj-section><mj-column>\n<mj-text>5 < 6</mj-text></mj-column>"
         "</mj-section></mj-body></mjml>", 2, 12, 'stray "<"'),
        ("<mjml><mj-body><mj-section><mj-column>\n<mj-text>a <img src=x> b</mj-text>"
         "</mj-column></mj-section></mj-body></mjml>", 2, 12, "without quotes"),
        ("", 1, 1, "There is no <mjml> element"),
        ("\n\nhola <mjml></mjml>", 3, 1, "Text before the first element"),
    ],
)  # fmt: skip
def test_errors_point_at_their_line(source: str, line: int, column: int, reason: str) -> None:
    error = error_of(source)
    assert (error.line, error.column) == (line, column)
    assert reason in error.explanation()
    assert error.located().startswith(f"Line {line}, column {column}: ")
    assert error.detail and f"\nMRML: {error.detail}" in error.render()


def test_mj_include_never_reads_a_file(tmp_path: object) -> None:
    error = error_of('<mjml><mj-body><mj-include path="/etc/hostname" /></mj-body></mjml>')
    assert "mj-include" in error.explanation()


def test_size_and_depth_are_bounded_before_mrml_runs() -> None:
    big = error_of("<mjml>" + " " * MAX_SOURCE_BYTES + "</mjml>")
    assert big.line is None and "limit is 976 KB" in big.explanation()
    depth = MAX_DEPTH + 400
    deep = "<mjml><mj-body>\n" + "<mj-wrapper>\n" * depth + "</mj-wrapper>" * depth
    error = error_of(deep + "</mj-body></mjml>")
    assert error.line == MAX_DEPTH and f"more than {MAX_DEPTH} levels" in error.explanation()


def test_mrml_runs_on_its_own_large_stack_whatever_thread_calls_it() -> None:
    # MRML recurses natively: ~100 nested wrappers overflow a 256 KB thread stack and kill
    # the process. The compiler's own thread has room; a crash here fails the subprocess.
    script = textwrap.dedent(
        f"""
        import threading
        from teenvio_desktop.core.mjml import compile_mjml
        depth = {MAX_DEPTH} - 2
        body = "<mj-wrapper>" * depth + "</mj-wrapper>" * depth
        source = "<mjml><mj-body>" + body + "</mj-body></mjml>"
        threading.stack_size(256 * 1024)
        result = []
        worker = threading.Thread(target=lambda: result.append(compile_mjml(source)))
        worker.start()
        worker.join()
        print(len(result[0].html) > 1000)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "True"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["<mjml>", "</mjml>", "<mj-body>", "</mj-body>", "<mj-section>", "</mj-section>",
             "<mj-column>", "</mj-column>", "<mj-text>", "</mj-text>", "<mj-raw>", "<br>",
             "<p>", "</p>", "<", ">", '"', "&", "<!--", "-->", "<![CDATA[", "ñ", "\n",
             '<mj-image src="x" />', '<mj-text color="red">', "<mj-include path='x'/>"]
        )
        | st.text(max_size=12),
        max_size=40,
    )
)  # fmt: skip
def test_any_input_compiles_or_fails_cleanly(parts: list[str]) -> None:
    try:
        output = compile_mjml("".join(parts))
    except MjmlCompileError as error:
        assert error.explanation()
        assert error.line is None or error.line >= 1
    else:
        assert output.html.startswith("<!doctype html>")
