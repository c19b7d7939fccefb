"""The intermediate representation: what a config file says, normalized across dialects.

Lowering (`modelconf.lower`) turns one parsed document into one `ConfigIR`; resolving
(`modelconf.resolve`) merges IRs over a target's built-in catalog. Field names are the resolved
catalog's (snake_case); nested objects are flattened into paths so that merges go field by field:

    ("name",)  ("base_url",)  ("context_window",)  ("cost", "input")  ("headers", "X-Team")
    ("compat", "supportsStore")  ("compat", "openRouterRouting", "order")

Every value carries the `Origin` of the key or value that set it. Credentials are references only
(`CredentialRef`): the form the program reads them in and the variable name, command or config
pointer; a literal key is never copied into the IR.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

FieldPath = tuple[str, ...]
"""A flattened field name: ("cost", "input") is `cost.input`."""

# The fields under `cost` (USD per 1M tokens), in the resolved catalog's order.
COST_FIELDS = ("input", "output", "cache_read", "cache_write")

# Named tuples rather than dataclasses: immutable, and ~10x cheaper to define, which matters
# because `modelconf lint` imports this module for every run (the resolve stage).


class Origin:
    """Where a value was written: file, 1-based line and column, and its JSON pointer.

    Line and column are computed from the document on first use: lowering records an origin for
    every field, while lint reports few of them and compile reads each once.
    """

    __slots__ = ("file", "_document", "_path", "_key", "_position")

    def __init__(self, document: Any, path: tuple[str | int, ...], *, key: bool = False) -> None:
        self.file: str = document.name
        self._document = document
        self._path = path
        self._key = key
        self._position: tuple[int, int] | None = None

    def _where(self) -> tuple[int, int]:
        if self._position is None:
            start = self._document.span(self._path, key=self._key).start
            self._position = (start.line, start.column)
        return self._position

    @property
    def line(self) -> int:
        return self._where()[0]

    @property
    def column(self) -> int:
        return self._where()[1]

    @property
    def pointer(self) -> str:
        from modelconf.document import pointer

        return pointer(self._path)

    def _identity(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.pointer)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Origin) and self._identity() == other._identity()

    def __hash__(self) -> int:
        return hash(self._identity())

    def __repr__(self) -> str:
        return f"Origin({self})"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class CredentialRef(NamedTuple):
    """A reference to a credential, never its value.

    form: `env-name` (the value names a variable: pi's `"OPENAI_API_KEY"`), `env-template`
    (`${VAR}`), `dollar-env` (`$VAR`), `command` (`!cmd`, not run), `literal` (the value itself is
    the key; only its place is kept).
    """

    form: str
    origin: Origin
    name: str | None = None
    command: str | None = None

    def as_ref(self) -> dict[str, Any]:
        """The resolved catalog's `credential_ref` for this reference."""
        if self.form in ("env-name", "env-template", "dollar-env") and self.name:
            return {"source": "env", "name": self.name, "form": self.form, "file": self.origin.file, "pointer": self.origin.pointer}
        ref: dict[str, Any] = {"source": "config", "form": self.form, "file": self.origin.file, "pointer": self.origin.pointer}
        if self.form == "command" and self.command:
            ref["command"] = self.command
        return ref


class HeaderValue(NamedTuple):
    """A header value: literal text that is not a secret, or a credential reference."""

    text: str | None = None
    ref: CredentialRef | None = None
    # Text sent before the referenced value (pi's `authHeader`: "Bearer ").
    prefix: str = ""

    def as_json(self) -> dict[str, Any]:
        if self.ref is not None:
            out: dict[str, Any] = {"ref": self.ref.as_ref()}
            if self.prefix:
                out["prefix"] = self.prefix
            return out
        return {"value": self.text or ""}


class Value(NamedTuple):
    """A field value (JSON scalar or list, or a `HeaderValue`) with the place that set it."""

    value: Any
    origin: Origin


Fields = Mapping[FieldPath, Value]


class ModelEntry(NamedTuple):
    """A model the user lists (`kind="model"`) or a patch of a built-in model (`kind="override"`)."""

    provider: str
    id: str
    fields: Fields
    origin: Origin
    kind: str = "model"


class ProviderEntry(NamedTuple):
    """A provider block. `id` is the id the target uses (after renames); `key` is as written.

    Provider fields: `base_url`, `api`, `auth` (zot `auth`, OpenClaw `auth`), `auth_header`,
    `discover`, `headers.*`, `compat.*`; Plano adds `interface`, `passthrough`, `default`,
    `http_host`, `model` (the model string as written).
    """

    id: str
    key: str
    fields: Fields
    origin: Origin
    credential: CredentialRef | None = None
    models: tuple[ModelEntry, ...] = ()
    overrides: tuple[ModelEntry, ...] = ()


class WildcardEntry(NamedTuple):
    """A Plano `provider/*` entry: `prefix` is its name without `/*`, `entry` its settings."""

    prefix: str
    entry: ProviderEntry


class ConfigIR(NamedTuple):
    """Everything one config file contributes, in the file's order."""

    file: str
    dialect: str
    target: str
    providers: tuple[ProviderEntry, ...] = ()
    wildcards: tuple[WildcardEntry, ...] = ()
    aliases: Mapping[str, Value] = MappingProxyType({})
    default_model: Value | None = None
    mode: Value | None = None
    sha256: str | None = None
