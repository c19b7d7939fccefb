"""`Runtime`: a loaded catalog plus keys and settings; `stream`/`astream` run one chat request."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import httpx

from . import _catalog
from ._auth import HeaderError, request_headers
from ._events import AssistantMessage, ErrorEvent, Event, StartEvent
from ._keys import Credentials, StaticKeys, dedupe, engine_keys, redact
from ._model import ChatRequest, ModelSpec, Tool
from ._pipeline import Pipeline
from ._retry import Attempts, GiveUp, Settings
from ._transport import aopen_stream, describe, make_timeout, open_stream, shutdown
from ._wire import APIS, StreamError, wire_format


class UnsupportedApiError(ValueError):
    """The model's wire API is not one this runtime speaks."""


Messages = str | Sequence[Mapping[str, Any]]
Tools = Sequence[Tool | Mapping[str, Any]]


def _messages(messages: Messages) -> list[dict[str, Any]]:
    if isinstance(messages, str):
        return [{"role": "user", "content": messages}]
    return [dict(m) for m in messages]


def _tools(tools: Tools | None) -> tuple[Tool, ...]:
    out: list[Tool] = []
    for t in tools or ():
        if isinstance(t, Tool):
            out.append(t)
        else:
            kw: dict[str, Any] = {"name": t["name"], "description": t.get("description", "")}
            if "parameters" in t:
                kw["parameters"] = t["parameters"]
            out.append(Tool(**kw))
    return tuple(out)


class Runtime:
    """Streams chat completions for the models of one resolved catalog.

    Keys come from `credentials` when given, else from `keys` (`{provider: key or [keys]}`), else
    from the credentials engine for the catalog's target (`engine_keys`): `env` (default
    `os.environ`), `auth_file` (default: the target's own), the catalog's source configs,
    `cli_key` as the program's `--api-key`; commands run only with `allow_exec`.
    `stream(api_key=...)` overrides all of them for one call.
    """

    def __init__(
        self,
        catalog: _catalog.Catalog,
        *,
        credentials: Credentials | None = None,
        keys: Mapping[str, str | Sequence[str]] | None = None,
        settings: Settings | None = None,
        env: Mapping[str, str] | None = None,
        auth_file: str | None = None,
        cli_key: str | None = None,
        allow_exec: bool = False,
    ) -> None:
        self.catalog = catalog
        if credentials is None:
            if keys is not None:
                credentials = StaticKeys(keys)
            else:
                credentials = engine_keys(catalog, env=env, auth_file=auth_file, cli_key=cli_key, allow_exec=allow_exec)
        self.credentials: Credentials = credentials
        self.settings = settings or Settings()
        self._client: httpx.Client | None = None
        self._aclient: httpx.AsyncClient | None = None

    @classmethod
    def load(cls, path: str | Path, **kwargs: Any) -> Runtime:
        """Load and validate a resolved catalog (`CatalogError` on an unknown format or a bad file)."""
        return cls(_catalog.load(path), **kwargs)

    def model(self, name: str) -> ModelSpec:
        return self.catalog.find(name)

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(timeout=make_timeout(self.settings), follow_redirects=False)
        return self._client

    @property
    def async_client(self) -> httpx.AsyncClient:
        if self._aclient is None:
            self._aclient = httpx.AsyncClient(timeout=make_timeout(self.settings), follow_redirects=False)
        return self._aclient

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    async def aclose(self) -> None:
        if self._aclient is not None:
            await self._aclient.aclose()
            self._aclient = None

    def __enter__(self) -> Runtime:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _prepare(
        self,
        model: str | ModelSpec,
        messages: Messages,
        tools: Tools | None,
        max_tokens: int | None,
        system: str | None,
        temperature: float | None,
        api_key: str | Sequence[str] | None,
        headers: Mapping[str, str] | None,
    ) -> _Call:
        spec = model if isinstance(model, ModelSpec) else self.catalog.find(model)
        if spec.api not in APIS:
            raise UnsupportedApiError(f"model {spec.key} uses the {spec.api!r} API; this runtime speaks {', '.join(APIS)}")
        request = ChatRequest(_messages(messages), system, _tools(tools), max_tokens, temperature)
        url, body = wire_format(spec.api).build_request(spec, request)
        if api_key is not None:
            keys = dedupe([api_key] if isinstance(api_key, str) else list(api_key))
        else:
            keys = list(self.credentials.api_keys(spec.provider))
        return _Call(self, spec, url, body, keys, dict(headers or {}))

    def stream(
        self,
        model: str | ModelSpec,
        messages: Messages,
        *,
        tools: Tools | None = None,
        max_tokens: int | None = None,
        system: str | None = None,
        temperature: float | None = None,
        api_key: str | Sequence[str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> ChatStream:
        """An iterator of events. Raises only here, before iteration (unknown model, unsupported
        API, `ValueError` for a model the catalog gives no base URL); once iterating, every failure
        is an `error` event."""
        return ChatStream(self._prepare(model, messages, tools, max_tokens, system, temperature, api_key, headers))

    def astream(
        self,
        model: str | ModelSpec,
        messages: Messages,
        *,
        tools: Tools | None = None,
        max_tokens: int | None = None,
        system: str | None = None,
        temperature: float | None = None,
        api_key: str | Sequence[str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> AsyncChatStream:
        """The async iterator of events; same contract as `stream`."""
        return AsyncChatStream(self._prepare(model, messages, tools, max_tokens, system, temperature, api_key, headers))

    def complete(self, model: str | ModelSpec, messages: Messages, **kwargs: Any) -> AssistantMessage:
        """Run `stream` to the end and return the final message (check `stop_reason`)."""
        return self.stream(model, messages, **kwargs).result()


class _Call:
    """One prepared request: what both stream classes need."""

    __slots__ = ("runtime", "model", "url", "body", "keys", "headers", "secrets")

    def __init__(
        self, runtime: Runtime, model: ModelSpec, url: str, body: dict[str, Any], keys: list[str], headers: dict[str, str]
    ) -> None:
        self.runtime = runtime
        self.model = model
        self.url = url
        self.body = body
        self.keys = keys
        self.headers = headers
        # What error texts are masked with: the keys, and header values from credential references.
        self.secrets: list[str] = list(keys)

    def headers_for(self, key: str | None) -> dict[str, str]:
        return request_headers(self.model, key, self.runtime.credentials, self.headers, self.secrets)

    def attempts(self) -> Attempts:
        return Attempts(self.keys, self.runtime.settings, self.model.provider.id)

    def no_key_error(self) -> str | None:
        if not self.keys and self.model.provider.auth_scheme != "none" and self.model.provider.auth_kind != "none":
            return f"no API key for provider {self.model.provider.id!r}"
        return None


class _StreamBase:
    def __init__(self, call: _Call) -> None:
        self._call = call
        self._pipeline = Pipeline(call.model)
        self._aborted = threading.Event()
        self._response: httpx.Response | None = None
        self._ended = False  # the last event (done or error) has been produced
        self.attempts: Attempts | None = None  # how the request went: attempts made, key used

    @property
    def message(self) -> AssistantMessage:
        """The message so far; final once a `done` or `error` event has been yielded."""
        return self._pipeline.message

    def abort(self) -> None:
        """Stop the stream; safe from another thread. The stream ends with an `error` event whose
        reason is `aborted`, keeping what arrived."""
        self._aborted.set()
        shutdown(self._response)

    def interrupted(self) -> ErrorEvent:
        """The `aborted` error event for a stream stopped outside its iteration (Ctrl-C raised
        in a read ends the iterator with no event); the message keeps what arrived."""
        return self._pipeline.fail("aborted", aborted=True)

    def _set_response(self, response: httpx.Response | None) -> None:
        self._response = response

    def _events(self, chunk: bytes | None) -> Iterator[Event]:
        """The events of one body chunk, or of the end of the body (None); the sync and async
        loops share it. Sets `_ended` when the stream ends here, its done or error event yielded;
        otherwise the caller reads the next chunk. An abort wins over whatever comes next."""
        pipeline, aborted = self._pipeline, self._aborted
        if chunk is not None:
            for event in pipeline.feed(chunk):
                if aborted.is_set():
                    break
                yield event
            else:
                if pipeline.failed:  # its error event was the last one yielded
                    self._ended = True
                    return
            if not (pipeline.done or aborted.is_set()):
                return
        self._ended = True
        if aborted.is_set():  # also when the shutdown socket read as a clean end
            yield pipeline.fail("aborted", aborted=True)
        else:
            yield from pipeline.finish()

    def _failure(self, exc: BaseException) -> ErrorEvent:
        if self._aborted.is_set():
            return self._pipeline.fail("aborted", aborted=True)
        if isinstance(exc, StreamError | GiveUp | HeaderError):  # messages in words already
            text = str(exc)
        elif isinstance(exc, httpx.HTTPError):
            text = describe(exc, self._call.runtime.settings)
        else:
            text = f"unexpected {type(exc).__name__}: {exc}"
        # Every error text leaves here: mask the keys and header secrets a server may have echoed.
        return self._pipeline.fail(redact(text, self._call.secrets))


class ChatStream(_StreamBase):
    """Events of one request, in order; iterate once. Ends with one `done` or one `error` event."""

    def __init__(self, call: _Call) -> None:
        super().__init__(call)
        self._iterator: Iterator[Event] | None = None

    def __iter__(self) -> Iterator[Event]:
        if self._iterator is None:
            self._iterator = self._run()
        return self._iterator

    def __enter__(self) -> ChatStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._iterator is not None:
            self._iterator.close()  # type: ignore[attr-defined]
        elif self._response is not None:
            self._response.close()

    def result(self) -> AssistantMessage:
        for _ in self:
            pass
        return self.message

    def _run(self) -> Iterator[Event]:
        call, pipeline = self._call, self._pipeline
        missing = call.no_key_error()
        if missing:
            yield pipeline.fail(missing)
            return
        opened = None
        try:
            self.attempts = call.attempts()
            opened = open_stream(
                call.runtime.client, call.url, call.body, call.headers_for, self.attempts,
                call.runtime.settings, self._set_response,
            )  # fmt: skip
            if self._aborted.is_set():
                yield pipeline.fail("aborted", aborted=True)
                return
            yield StartEvent(pipeline.message)
            chunk: bytes | None = opened.first
            while True:
                yield from self._events(chunk)
                if self._ended:
                    break
                chunk = next(opened.chunks, None)
        except Exception as exc:  # noqa: BLE001 - the contract: failures become an error event
            yield self._failure(exc)
        finally:
            if opened is not None:
                opened.response.close()
            self._response = None


class AsyncChatStream(_StreamBase):
    """The async counterpart of `ChatStream`. Cancelling the task propagates `CancelledError`
    (it is not a stream failure) after the response is closed."""

    def __init__(self, call: _Call) -> None:
        super().__init__(call)
        self._iterator: AsyncIterator[Event] | None = None

    def __aiter__(self) -> AsyncIterator[Event]:
        if self._iterator is None:
            self._iterator = self._run()
        return self._iterator

    async def __aenter__(self) -> AsyncChatStream:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._iterator is not None:
            await self._iterator.aclose()  # type: ignore[attr-defined]
        elif self._response is not None:
            await self._response.aclose()

    async def result(self) -> AssistantMessage:
        async for _ in self:
            pass
        return self.message

    async def _run(self) -> AsyncIterator[Event]:
        call, pipeline = self._call, self._pipeline
        missing = call.no_key_error()
        if missing:
            yield pipeline.fail(missing)
            return
        opened = None
        try:
            self.attempts = call.attempts()
            opened = await aopen_stream(
                call.runtime.async_client, call.url, call.body, call.headers_for, self.attempts,
                call.runtime.settings, self._set_response,
            )  # fmt: skip
            if self._aborted.is_set():
                yield pipeline.fail("aborted", aborted=True)
                return
            yield StartEvent(pipeline.message)
            chunk: bytes | None = opened.first
            while True:
                for event in self._events(chunk):
                    yield event
                if self._ended:
                    break
                chunk = await anext(opened.chunks, None)
        except Exception as exc:  # noqa: BLE001 - the contract: failures become an error event
            yield self._failure(exc)
        finally:
            if opened is not None:
                await opened.response.aclose()
            self._response = None
