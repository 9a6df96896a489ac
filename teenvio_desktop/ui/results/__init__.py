"""The Results area: campaigns, their statistics, and tables of events."""

from teenvio_desktop.ui.results.area import ResultsArea

__all__ = ["ResultsArea"]
