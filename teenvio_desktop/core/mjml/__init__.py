"""MJML authoring (Qt-free): compile with MRML, errors and warnings with their lines.

``compile_mjml(source)`` returns the HTML (plus ``<mj-title>``, ``<mj-preview>`` and
MRML's warnings) or raises :class:`MjmlCompileError` (``line``, ``column``, a translated
explanation). ``compile_campaign`` refreshes a campaign's HTML part from its MJML source.
"""

from teenvio_desktop.core.mjml.campaign import (
    MJML_SUFFIX,
    compile_campaign,
    is_mjml_path,
    open_mjml_file,
    read_html_or_mjml,
)
from teenvio_desktop.core.mjml.compiler import (
    MAX_DEPTH,
    MAX_SOURCE_BYTES,
    MjmlCompileError,
    MjmlOutput,
    MjmlWarning,
    compile_mjml,
)

__all__ = [
    "MAX_DEPTH",
    "MAX_SOURCE_BYTES",
    "MJML_SUFFIX",
    "MjmlCompileError",
    "MjmlOutput",
    "MjmlWarning",
    "compile_campaign",
    "compile_mjml",
    "is_mjml_path",
    "open_mjml_file",
    "read_html_or_mjml",
]
