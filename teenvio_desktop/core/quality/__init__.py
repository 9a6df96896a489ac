"""Know before you send: email-client compatibility, links, spam score and accessibility.

- :func:`analyse` (``analysis.py``): the cheap analyses of a document in one call, fast
  enough to run after each pause in typing;
- :func:`check_links` (``links.py``) and :func:`check_spam` (``spam.py``): on demand, in
  the worker pattern (``progress`` callback and cancel token, see ``core/tasks.py``).

Each returns :class:`Finding` objects with a stable id, a severity (error, warning,
advice), a translatable message and a place in the HTML source.
"""

from teenvio_desktop.core.quality.analysis import QualityOptions, QualityReport, analyse
from teenvio_desktop.core.quality.findings import (
    Finding,
    Location,
    Phrase,
    Severity,
    count_by_severity,
    has_errors,
    sort_findings,
)

__all__ = [
    "Finding",
    "Location",
    "Phrase",
    "QualityOptions",
    "QualityReport",
    "Severity",
    "analyse",
    "count_by_severity",
    "has_errors",
    "sort_findings",
]
