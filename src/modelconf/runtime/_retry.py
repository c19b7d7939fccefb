"""Retry policy and key rotation before the first byte (reference/runtime.md §5; openclaw.md "API-key rotation").

- Retried: connect errors and timeouts, a connection lost before the first body byte, and HTTP
  408, 409, 429 and 5xx. Nothing is retried once the stream has started.
- Wait: `retry-after-ms` (ms), else `Retry-After` (seconds, or an HTTP date), when 0 < wait ≤
  `max_retry_after`; a longer server wait is not retried (openai-python ≥ 2.52 does the same) and
  the error says how long the server asked for. Otherwise exponential backoff
  `min(initial · 2^n, max) · (1 − 0.25·random())` (openai-python's formula: jitter down to −25 %).
- Rate limit (429): the next untried key of the rotation list is used at once, without waiting
  (OpenClaw `executeWithApiKeyRotation` moves to the next key only on a rate limit). Once every key
  has been tried, further 429s wait and go round the keys again, within `max_retries`.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ._keys import fingerprint

RETRY_STATUS = frozenset({408, 409, 429})


@dataclass(frozen=True, slots=True)
class Settings:
    connect_timeout: float = 10.0  # seconds to establish the connection
    read_timeout: float = 120.0  # seconds without a byte, before or between events
    max_retries: int = 2  # waits-and-retries; key rotation on a rate limit comes on top
    initial_backoff: float = 0.5
    max_backoff: float = 8.0
    max_retry_after: float = 60.0  # cap on a server-requested wait; longer ones are not retried
    sleep: Callable[[float], None] = field(default=time.sleep, compare=False)
    async_sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep, compare=False)
    random: Callable[[], float] = field(default=random.random, compare=False)


def retryable_status(status: int) -> bool:
    return status in RETRY_STATUS or status >= 500


def retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds the server asks to wait: `retry-after-ms`, then `retry-after` (seconds or HTTP date)."""
    value = headers.get("retry-after-ms")
    if value is not None:
        try:
            return float(value) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    parsed = email.utils.parsedate_tz(value)
    if parsed is None:
        return None
    return email.utils.mktime_tz(parsed) - (time.time() if now is None else now)


class GiveUp(Exception):
    """No more attempts; the message says why (with key fingerprints at most)."""


class Attempts:
    """Decides, after each failed attempt, which key comes next and how long to wait first."""

    def __init__(self, keys: Sequence[str], settings: Settings, provider: str) -> None:
        self.keys: list[str | None] = list(keys) or [None]
        self.settings = settings
        self.provider = provider
        self.index = 0  # position in keys
        self.tried = {0}
        self.retries = 0  # waits taken
        self.count = 1  # attempts made so far (the current one included)

    @property
    def key(self) -> str | None:
        return self.keys[self.index]

    def after_failure(self, status: int | None, headers: Mapping[str, str], error: str) -> float:
        """Seconds to wait before the next attempt; raises `GiveUp` when there is none."""
        s = self.settings
        if status is not None and not retryable_status(status):
            raise GiveUp(error)
        if status == 429 and len(self.keys) > 1:
            untried = [i for i in range(len(self.keys)) if i not in self.tried]
            if untried:
                self.index = untried[0]
                self.tried.add(self.index)
                self.count += 1
                return 0.0
        if self.retries >= s.max_retries:
            raise GiveUp(self._final(status, error))
        wait = retry_after(headers) if status is not None else None
        if wait is not None and wait > s.max_retry_after:
            raise GiveUp(f"{error}; the server asked to retry after {wait:g} s, more than the {s.max_retry_after:g} s cap")
        if wait is None or wait <= 0:
            wait = min(s.initial_backoff * 2**self.retries, s.max_backoff) * (1 - 0.25 * s.random())
        self.retries += 1
        self.count += 1
        if status == 429 and len(self.keys) > 1:
            self.index = (self.index + 1) % len(self.keys)  # go round the keys again
        return wait

    def _final(self, status: int | None, error: str) -> str:
        if status == 429 and len(self.keys) > 1:
            prints = ", ".join(fingerprint(k) for k in self.keys if k is not None)
            return f"{error}; rate limited on every key of {self.provider} ({prints}) after {self.count} attempts"
        return f"{error} (after {self.count} attempts)" if self.count > 1 else error
