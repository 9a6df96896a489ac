"""Dark mode as the message defines it: prefers-color-scheme media queries pinned."""

from __future__ import annotations

import pytest

from teenvio_desktop.core.preview_modes.scheme import pin_color_scheme, pin_color_scheme_css


@pytest.mark.parametrize(
    ("prelude", "dark", "light"),
    [
        ("(prefers-color-scheme: dark)", "all", "not all"),
        ("(prefers-color-scheme: light)", "not all", "all"),
        ("screen and (prefers-color-scheme: dark)", "screen", "not all"),
        ("only screen and (prefers-color-scheme:dark)", "only screen", "not all"),
        ("(prefers-color-scheme: dark) and (max-width: 600px)", "(max-width: 600px)", "not all"),
        ("screen and (prefers-color-scheme: dark) and (max-width: 600px)",
         "screen and (max-width: 600px)", "not all"),
        ("not screen and (prefers-color-scheme: dark)", "not screen", "all"),
        ("not all and (prefers-color-scheme: light)", "all", "not all"),
        ("(PREFERS-COLOR-SCHEME : DARK)", "all", "not all"),
        ("(prefers-color-scheme: dark), print", "all, print", "not all, print"),
        ("screen and (max-width: 600px)", "screen and (max-width: 600px)",
         "screen and (max-width: 600px)"),
    ],
)  # fmt: skip
def test_media_queries_evaluate_as_the_scheme(prelude: str, dark: str, light: str) -> None:
    css = f"@media {prelude} {{ .x {{ color: #fff }} }}"
    for scheme, expected in (("dark", dark), ("light", light)):
        pinned, count = pin_color_scheme_css(css, scheme)  # type: ignore[arg-type]
        assert pinned.split("{")[0].strip() == f"@media {expected}".strip()
        assert pinned.endswith("{ .x { color: #fff } }")  # the rules are untouched
        assert count == (1 if "color-scheme" in prelude.lower() else 0)


def test_dark_marks_the_document_and_counts_its_queries() -> None:
    document = (
        "<html><head><style>@media (prefers-color-scheme: dark){.a{color:#fff}}"
        "@media (prefers-color-scheme: light){.a{color:#000}}</style>"
        "<style>@media screen{.b{color:red}}</style></head><body><p class='a'>x</p></body></html>"
    )
    dark, count = pin_color_scheme(document, "dark")
    assert count == 2
    assert '<meta name="color-scheme" content="dark">' in dark
    assert "@media all {.a{color:#fff}}@media not all {.a{color:#000}}" in dark
    light, _ = pin_color_scheme(document, "light")
    assert "color-scheme" not in light.replace("prefers-color-scheme", "")
    assert "@media not all {.a{color:#fff}}@media all {.a{color:#000}}" in light


def test_a_rewritten_block_cannot_close_its_style_element() -> None:
    document = "<head><style>@media (prefers-color-scheme: dark){a{b:c}} <\\/style></style></head>"
    pinned, _ = pin_color_scheme(document, "dark")
    assert pinned.count("</style>") == 2  # the meta's own block and the document's


def test_hostile_css_is_scanned_in_linear_time() -> None:
    css = "@media " * 40_000 + "(prefers-color-scheme: dark) {}"
    pinned, count = pin_color_scheme_css(css, "dark")
    assert count == 1 and pinned.endswith("@media all {}")
