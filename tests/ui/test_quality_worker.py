"""The quality analyses run in the GUI's one worker pattern, off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.quality.analysis import QualityReport
from teenvio_desktop.core.quality.links import LinkReport
from teenvio_desktop.core.quality.spam import SpamReport
from teenvio_desktop.core.quality.tasks import analysis_task, links_task, spam_task
from teenvio_desktop.ui import tasks
from tests.core.quality.link_server import LinkServer

CORPUS = Path(__file__).parents[1] / "core" / "quality_corpus"


def test_analysis_links_and_spam_report_through_worker_signals(qtbot: QtBot) -> None:
    html = (CORPUS / "outlook_layout.html").read_text(encoding="utf-8")
    task = tasks.run_task(analysis_task(html))
    with qtbot.waitSignal(task.result, timeout=30_000) as analysed:
        task.start()
    report = analysed.args[0]
    assert isinstance(report, QualityReport)
    assert report.findings[0].id == "compat.html.svg"
    qtbot.waitUntil(lambda: task not in tasks.active_tasks())

    with LinkServer() as server:
        page = f'<a href="{server.base}/missing">Gone</a>'
        task = tasks.run_task(links_task(page))
        progress: list[object] = []
        task.progress.connect(progress.append)
        with qtbot.waitSignal(task.result, timeout=60_000) as checked:
            task.start()
        links = checked.args[0]
        assert isinstance(links, LinkReport)
        assert [f.id for f in links.findings] == ["links.broken"]
        qtbot.waitUntil(lambda: bool(progress))
        qtbot.waitUntil(lambda: task not in tasks.active_tasks())

        slow = tasks.run_task(links_task(f'<a href="{server.base}/slow">x</a>'))
        with qtbot.waitSignal(slow.cancelled, timeout=60_000):
            slow.start()
            assert server.slow_arrived.wait(30)
            slow.cancel()
        qtbot.waitUntil(lambda: slow not in tasks.active_tasks())

    campaign = Campaign(subject="Hola", sender="a@example.com", html="<p>Hola</p>", text="Hola")
    task = tasks.run_task(spam_task(campaign))
    with qtbot.waitSignal(task.result, timeout=120_000) as scored:
        task.start()
    assert isinstance(scored.args[0], SpamReport) and scored.args[0].available
    qtbot.waitUntil(lambda: task not in tasks.active_tasks())
