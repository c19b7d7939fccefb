"""A stand-in `pi` dialect for wiring tests (the real one lands with the dialects issue): no
schema, recognised by `--dialect pi` only, so the tests see the K checks alone."""

from modelconf.dialects import Dialect


class StubPi(Dialect):
    name = "pi"
    title = "pi models.json (test stub)"
    program = "pi"
    target = "pi"
    syntax = "json"


DIALECT = StubPi()
