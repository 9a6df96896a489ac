"""Checking real httpx exchanges against the sandbox's OpenAPI document (openapi-core)."""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from teenvio_desktop.sandbox.rest_api import openapi_document


@cache
def _spec() -> OpenAPI:
    """Parsed once (it is slow); the server URL template matches any sandbox's port."""
    document = openapi_document("")
    document["servers"] = [
        {"url": "http://127.0.0.1:{port}", "variables": {"port": {"default": "80"}}}
    ]
    return OpenAPI.from_dict(document)


class _Request:
    def __init__(self, request: httpx.Request) -> None:
        self._request = request
        url = urlsplit(str(request.url))
        self.host_url = f"{url.scheme}://{url.netloc}"
        self.path = url.path
        self.method = request.method.lower()
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qs(url.query)),
            header=Headers(dict(request.headers)),
            cookie=ImmutableMultiDict(),
        )

    @property
    def body(self) -> bytes | None:
        try:
            return self._request.content or None
        except httpx.RequestNotRead:  # a streamed (multipart) upload: not kept by httpx
            return None

    @property
    def content_type(self) -> str:
        return self._request.headers.get("Content-Type", "").lower()


class _Response:
    def __init__(self, response: httpx.Response) -> None:
        self.status_code = response.status_code
        self.headers = Headers(dict(response.headers))
        self.data = response.content
        self.content_type = response.headers.get("Content-Type", "").lower()


def assert_matches_openapi(response: httpx.Response, *, check_request: bool = True) -> Any:
    """Validate the answer (and, unless told otherwise, the request) against the document."""
    spec = _spec()
    request = _Request(response.request)
    if check_request:
        spec.validate_request(request)
    spec.validate_response(request, _Response(response))
    return response.json()
