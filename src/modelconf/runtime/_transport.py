"""HTTP for one streamed request: attempts until the first body byte, then the chunks.

Everything before the first byte can be retried (see `_retry`); the caller yields no event before
`open_stream`/`aopen_stream` return, so "never retry once an event has been yielded" holds by
construction. They raise `GiveUp` (no more attempts) or `HeaderError` (a header reference with no
value), whose messages the caller masks with the request's secrets like every other error text.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from ._retry import Attempts, Settings

_ERROR_BODY_LIMIT = 64 * 1024  # enough for any provider's error JSON


@dataclass(slots=True)
class Opened:
    response: httpx.Response
    first: bytes  # the first body chunk (b"" for an empty body)
    chunks: Any  # the rest: Iterator[bytes] or AsyncIterator[bytes]


def make_timeout(settings: Settings) -> httpx.Timeout:
    return httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)


def describe(exc: BaseException, settings: Settings) -> str:
    """A transport failure in words."""
    if isinstance(exc, httpx.ConnectTimeout):
        return f"connect timeout: no connection within {settings.connect_timeout:g} s"
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect: {exc}"
    if isinstance(exc, httpx.ReadTimeout):
        return f"read timeout: no data for {settings.read_timeout:g} s"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"the connection closed mid-response: {exc}"
    if isinstance(exc, httpx.TimeoutException):
        return f"timeout: {exc}"
    return f"{type(exc).__name__}: {exc}"


def _status_error(response: httpx.Response, body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip()
    detail = text[:300]
    try:
        parsed = json.loads(text)
        error = parsed.get("error") if isinstance(parsed, dict) else None
        if isinstance(error, dict) and error.get("message"):
            detail = str(error["message"])
        elif isinstance(error, str):
            detail = error
        elif isinstance(parsed, dict) and parsed.get("message"):
            detail = str(parsed["message"])
    except ValueError:
        pass
    reason = response.reason_phrase or ""
    head = f"HTTP {response.status_code} {reason}".strip()
    return f"{head}: {detail}" if detail else head


_BEFORE_FIRST_BYTE = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


def open_stream(
    client: httpx.Client,
    url: str,
    body: dict[str, Any],
    headers_for: Callable[[str | None], dict[str, str]],
    attempts: Attempts,
    settings: Settings,
    on_response: Callable[[httpx.Response | None], None],
) -> Opened:
    while True:
        headers = headers_for(attempts.key)
        status: int | None = None
        response_headers: httpx.Headers = httpx.Headers()
        try:
            request = client.build_request("POST", url, json=body, headers=headers)
            response = client.send(request, stream=True)
            on_response(response)
            if response.status_code < 300:
                chunks = response.iter_bytes()
                first = next(chunks, b"")
                return Opened(response, first, chunks)
            status, response_headers = response.status_code, response.headers
            error = _status_error(response, _read_limited(response))
            response.close()
        except _BEFORE_FIRST_BYTE as exc:
            error = describe(exc, settings)
        on_response(None)
        wait = attempts.after_failure(status, response_headers, error)
        if wait > 0:
            settings.sleep(wait)


async def aopen_stream(
    client: httpx.AsyncClient,
    url: str,
    body: dict[str, Any],
    headers_for: Callable[[str | None], dict[str, str]],
    attempts: Attempts,
    settings: Settings,
    on_response: Callable[[httpx.Response | None], None],
) -> Opened:
    while True:
        headers = headers_for(attempts.key)
        status: int | None = None
        response_headers: httpx.Headers = httpx.Headers()
        try:
            request = client.build_request("POST", url, json=body, headers=headers)
            response = await client.send(request, stream=True)
            on_response(response)
            if response.status_code < 300:
                chunks = response.aiter_bytes()
                first = await anext(chunks, b"")
                return Opened(response, first, chunks)
            status, response_headers = response.status_code, response.headers
            error = _status_error(response, await _aread_limited(response))
            await response.aclose()
        except _BEFORE_FIRST_BYTE as exc:
            error = describe(exc, settings)
        on_response(None)
        wait = attempts.after_failure(status, response_headers, error)
        if wait > 0:
            await settings.async_sleep(wait)


def _read_limited(response: httpx.Response) -> bytes:
    out = b""
    for chunk in response.iter_bytes():
        out += chunk
        if len(out) >= _ERROR_BODY_LIMIT:
            break
    return out


async def _aread_limited(response: httpx.Response) -> bytes:
    out = b""
    async for chunk in response.aiter_bytes():
        out += chunk
        if len(out) >= _ERROR_BODY_LIMIT:
            break
    return out


def shutdown(response: httpx.Response | None) -> None:
    """Wake a read blocked on this response's socket (abort from another thread)."""
    if response is None:
        return
    stream = response.extensions.get("network_stream")
    if stream is None:
        return
    try:
        sock = stream.get_extra_info("socket")
        if sock is not None:
            sock.shutdown(socket.SHUT_RDWR)
    except (OSError, AttributeError):
        pass

