"""The preview's own URL scheme: documents of any size, inline images, nothing remote.

``QWebEngineView.setHtml`` refuses content past 2 MB (it becomes a ``data:`` URL), and a
newsletter with inline images easily passes that. The preview therefore serves each
sanitised document from memory as ``teenvio-preview://doc/<n>`` and each ``cid:`` image
as ``teenvio-preview://cid/<content-id>``. The scheme must be registered before the
QApplication exists: :func:`register_preview_scheme` is called from
``ui.app.prepare_qt_environment``.
"""

from __future__ import annotations

from urllib.parse import quote, unquote

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QUrl
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

SCHEME = "teenvio-preview"
SCHEME_BYTES = SCHEME.encode("ascii")
_registered = False


def register_preview_scheme() -> None:
    """Declare the scheme to Chromium (only possible before the application starts)."""
    global _registered
    if _registered:
        return
    scheme = QWebEngineUrlScheme(SCHEME_BYTES)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    # Local (nothing else may load it); LocalAccessAllowed lets a preview document load its
    # own inline images from the same scheme.
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.LocalScheme | QWebEngineUrlScheme.Flag.LocalAccessAllowed
    )
    QWebEngineUrlScheme.registerScheme(scheme)
    _registered = True


def document_url(generation: int, variant: str = "") -> QUrl:
    """Where a preview document is served (``variant``: "" for the main view, or another)."""
    suffix = f"-{variant}" if variant else ""
    return QUrl(f"{SCHEME}://doc/{generation}{suffix}")


def cid_url(cid: str) -> str:
    return f"{SCHEME}://cid/{quote(cid, safe='')}"


class PreviewSchemeHandler(QWebEngineUrlSchemeHandler):
    """Serves the current documents and the message's inline images from memory.

    One document per variant (the main view's, and the light one shown beside dark mode).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._documents: dict[str, bytes] = {}
        self._images: dict[str, tuple[str, bytes]] = {}

    def set_document(self, html: str, variant: str = "") -> None:
        self._documents[variant] = html.encode("utf-8")

    def set_images(self, images: dict[str, tuple[str, bytes]]) -> None:
        """``{cid: (content_type, data)}``."""
        self._images = dict(images)

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl()
        host = url.host()
        if host == "doc":
            _generation, _dash, variant = url.path().lstrip("/").partition("-")
            self._reply(job, "text/html;charset=utf-8", self._documents.get(variant, b""))
        elif host == "cid":
            image = self._images.get(unquote(url.path().lstrip("/")))
            if image is None:
                job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            else:
                self._reply(job, image[0], image[1])
        else:
            job.fail(QWebEngineUrlRequestJob.Error.UrlInvalid)

    @staticmethod
    def _reply(job: QWebEngineUrlRequestJob, content_type: str, data: bytes) -> None:
        buffer = QBuffer(job)  # owned by the job: freed when the request ends
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(QByteArray(content_type.encode("ascii")), buffer)


class RemoteContentBlocker(QWebEngineUrlRequestInterceptor):
    """Blocks every network request unless remote content is allowed for this message.

    The sanitiser already replaces remote images; this catches whatever it cannot see
    (CSS backgrounds, srcset, fonts).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.allow_remote = False
        self.blocked = 0

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        scheme = info.requestUrl().scheme()
        if scheme in (SCHEME, "data"):
            return
        if not self.allow_remote or scheme not in ("http", "https"):
            self.blocked += 1
            info.block(True)
