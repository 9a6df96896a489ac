"""The quality panel: email-client compatibility, links, spam score and accessibility.

A view only (``quality_controller.py`` runs the analyses): the client figures, two
on-demand checks with their progress and a cancel button, and every finding grouped by
kind, errors first. Activating a finding (click or Enter) asks to show its place in the
HTML; each further occurrence is a child row of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teenvio_desktop.core.quality import Finding, Location, count_by_severity, sort_findings
from teenvio_desktop.core.quality.compatibility import CompatibilitySummary
from teenvio_desktop.ui.formatting import localise_decimals
from teenvio_desktop.ui.style import icon

CATEGORIES = ("compatibility", "accessibility", "links", "spam")
LOCATION_ROLE = Qt.ItemDataRole.UserRole
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
SHOWN_OCCURRENCES = 20
BUTTON_ICONS = {"links": "check_links", "spam": "spam_score"}


def translate_quality(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class _OnDemandCheck(QObject):
    """A check started by a button: its progress and cancel button show while it runs,
    its outcome in the title of its group of findings."""

    start_requested = Signal()
    cancel_requested = Signal()
    status_changed = Signal()

    def __init__(self, button_text: str, name: str, accessible: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._status = ""
        self.button = QPushButton(icon(BUTTON_ICONS[name]), button_text)
        self.button.setObjectName(f"quality_{name}")
        self.button.setAccessibleName(accessible)
        self.button.clicked.connect(self.start_requested)
        self.progress = QProgressBar()
        self.progress.setObjectName(f"quality_{name}_progress")
        self.progress.setAccessibleName(accessible)
        # "%p" is the percentage Qt fills in; the translation places its sign.
        self.progress.setFormat(self.tr("{check} %p%").format(check=button_text))
        self.progress.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setObjectName(f"quality_{name}_cancel")
        self.cancel.setAccessibleName(self.tr("Cancel: {check}").format(check=accessible))
        self.cancel.clicked.connect(self.cancel_requested)
        self.running_row = QWidget()
        row = QHBoxLayout(self.running_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel)
        self.running_row.hide()

    def running(self, on: bool) -> None:
        self.button.setEnabled(not on)
        self.running_row.setVisible(on)
        if on:
            self.progress.setRange(0, 0)  # busy until the first report

    def set_progress(self, done: int, total: int | None) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def is_running(self) -> bool:
        return not self.button.isEnabled()

    def set_status(self, text: str) -> None:
        self._status = text
        self.status_changed.emit()

    def status_text(self) -> str:
        return self._status


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their text wrapped to the view's width (Qt's views do not wrap)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        tree = self._tree
        icon = tree.iconSize().width() if index.data(Qt.ItemDataRole.DecorationRole) else 0
        margins = 4 * tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 8
        width = tree.viewport().width() - tree.indentation() * (depth + 1) - icon - margins
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bounds = option.fontMetrics.boundingRect(
            QRect(0, 0, max(40, width), 100_000), Qt.TextFlag.TextWordWrap, text
        )
        return QSize(hint.width(), max(hint.height(), bounds.height() + 4))


class _WrappingTree(QTreeWidget):
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # heights depend on the width


class QualityPanel(QWidget):
    finding_activated = Signal(object)  # the Location to show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._live: list[Finding] = []  # compatibility, accessibility, the links' form
        self._visited: list[Finding] = []  # the link check's
        self._spam: list[Finding] = []
        self.summary = QLabel()
        self.summary.setObjectName("quality_summary")
        self.summary.setAccessibleName(self.tr("Quality summary"))
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.clients = QLabel()
        self.clients.setObjectName("quality_clients")
        self.clients.setAccessibleName(self.tr("Support by email client"))
        self.clients.setWordWrap(True)
        self.clients.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.links = _OnDemandCheck(
            self.tr("Check links"), "links", self.tr("Check every link and image"), self
        )
        self.spam = _OnDemandCheck(
            self.tr("Spam score"), "spam", self.tr("Spam score with SpamAssassin"), self
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.links.button)
        buttons.addWidget(self.spam.button)
        buttons.addStretch(1)
        self.tree = _WrappingTree()
        self.tree.setItemDelegate(_WrappingDelegate(self.tree))
        self.tree.setObjectName("quality_findings")
        self.tree.setAccessibleName(self.tr("Quality findings"))
        self.tree.setHeaderHidden(True)
        # Whole sentences, wrapped to the panel's width: nothing cut off with "...".
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.header().setStretchLastSection(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tree.itemActivated.connect(self._on_item)
        self.tree.itemClicked.connect(self._on_item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.clients)
        layout.addLayout(buttons)
        layout.addWidget(self.links.running_row)
        layout.addWidget(self.spam.running_row)
        layout.addWidget(self.tree, 1)
        self.links.set_status(self.tr("not checked yet (links are visited only on request)"))
        self.spam.set_status(self.tr("not scored yet"))
        self.links.status_changed.connect(self._refresh)
        self.spam.status_changed.connect(self._refresh)
        self._refresh()

    # -- results -----------------------------------------------------------------------------
    def set_live(self, findings: Sequence[Finding], summary: CompatibilitySummary) -> None:
        """The analyses that run as you type: compatibility, accessibility, the links' form."""
        self._live = list(findings)
        self._show_clients(summary)
        self._refresh()

    def set_links(self, findings: Sequence[Finding], status: str) -> None:
        self._visited = list(findings)
        self.links.running(False)
        self.links.set_status(status)

    def set_spam(self, findings: Sequence[Finding], status: str) -> None:
        self._spam = list(findings)
        self.spam.running(False)
        self.spam.set_status(status)

    def findings(self, category: str | None = None) -> list[Finding]:
        every = [*self._live, *self._visited, *self._spam]
        return [f for f in every if category is None or f.category == category]

    def finding_ids(self) -> list[str]:
        return [f.id for f in self.findings()]

    # -- showing -----------------------------------------------------------------------------
    def _show_clients(self, summary: CompatibilitySummary) -> None:
        if summary.overall is None:
            self.clients.setText(self.tr("Email clients: nothing to score yet."))
            self.clients.setToolTip("")
            return
        major = [
            self.tr("{client} {percent}").format(
                client=c.label.render(translate_quality), percent=self._percent(c.support)
            )
            for c in summary.clients
            if c.major and c.support is not None
        ]
        self.clients.setText(
            self.tr("Email clients: {overall} overall. {clients}.").format(
                overall=self._percent(summary.overall), clients=", ".join(major)
            )
        )
        every = [
            f"{c.label.render(translate_quality)}: {self._percent(c.support)}"
            for c in summary.clients
            if c.support is not None
        ]
        source = self.tr("Support of this message's features (caniemail {version}).").format(
            version=summary.dataset_version
        )
        self.clients.setToolTip(source + "\n" + "\n".join(every))

    def _percent(self, value: float | None) -> str:
        number = QLocale().toString(round(value or 0.0))
        return self.tr("{value}%").format(value=number)

    def _counts(self, findings: Iterable[Finding]) -> str:
        counts = count_by_severity(findings)
        return ", ".join(
            [
                self.tr("%n error(s)", "", counts["error"]),
                self.tr("%n warning(s)", "", counts["warning"]),
                self.tr("%n piece(s) of advice", "", counts["advice"]),
            ]
        )

    def _refresh(self) -> None:
        every = self.findings()
        self.summary.setText(self._counts(every))
        titles = {
            "compatibility": self.tr("Email-client compatibility"),
            "accessibility": self.tr("Accessibility"),
            "links": self.tr("Links and images"),
            "spam": self.tr("Spam score"),
        }
        expanded = {group.data(0, FINDING_ROLE) for group in self._groups() if group.isExpanded()}
        self.tree.clear()
        statuses = {"links": self.links.status_text(), "spam": self.spam.status_text()}
        for name in CATEGORIES:
            findings = sort_findings(self.findings(name))
            title = self.tr("{group}: {counts}").format(
                group=titles[name], counts=self._counts(findings)
            )
            if name in statuses:
                title = self.tr("{title}; {status}").format(title=title, status=statuses[name])
            group = QTreeWidgetItem([title])
            group.setData(0, FINDING_ROLE, name)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for finding in findings:
                group.addChild(self._finding_item(finding))
            self.tree.addTopLevelItem(group)
            has_problems = any(f.severity != "advice" for f in findings)
            group.setExpanded(name in expanded or has_problems)

    def _finding_item(self, finding: Finding) -> QTreeWidgetItem:
        style = self.style()
        icon = {
            "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
            "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
            "advice": QStyle.StandardPixmap.SP_MessageBoxInformation,
        }[finding.severity]
        text = replace(finding, params=localise_decimals(finding.params)).render(translate_quality)
        if finding.location is not None:
            text = self.tr("{message} (line {line})").format(
                message=text, line=finding.location.line
            )
        item = QTreeWidgetItem([text])
        item.setIcon(0, style.standardIcon(icon))
        item.setToolTip(0, "\n".join([finding.id, *finding.details]))
        item.setData(0, LOCATION_ROLE, finding.location)
        item.setData(0, FINDING_ROLE, finding.id)
        for detail in finding.details:
            child = QTreeWidgetItem([detail])
            child.setData(0, LOCATION_ROLE, finding.location)
            item.addChild(child)
        for location in finding.also_at[:SHOWN_OCCURRENCES]:
            item.addChild(self._occurrence(location))
        hidden = len(finding.also_at) - SHOWN_OCCURRENCES
        if hidden > 0:
            item.addChild(QTreeWidgetItem([self.tr("… and %n more place(s)", "", hidden)]))
        return item

    def _occurrence(self, location: Location) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            [self.tr("Also at line {line}, column {column}").format(
                line=location.line, column=location.column
            )]
        )  # fmt: skip
        item.setData(0, LOCATION_ROLE, location)
        return item

    def _groups(self) -> list[QTreeWidgetItem]:
        groups = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [group for group in groups if group is not None]

    def item_group(self, category: str) -> QTreeWidgetItem:
        return next(g for g in self._groups() if g.data(0, FINDING_ROLE) == category)

    def item_for(self, finding_id: str) -> QTreeWidgetItem | None:
        for group in self._groups():
            for j in range(group.childCount()):
                child = group.child(j)
                if child is not None and child.data(0, FINDING_ROLE) == finding_id:
                    return child
        return None

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        location = item.data(0, LOCATION_ROLE)
        if isinstance(location, Location):
            self.finding_activated.emit(location)
