"""Fixtures for runtime tests: a loopback HTTP server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from loopback import LoopbackServer


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    s = LoopbackServer().start()
    try:
        yield s
    finally:
        s.stop()
