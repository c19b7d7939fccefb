"""Helpers shared by the lowering functions: origins, typed getters, credential forms."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from modelconf.dialects._common import is_number
from modelconf.document import Document, PathT
from modelconf.ir import CredentialRef, FieldPath, HeaderValue, Origin, Value
from modelconf.secrets import looks_like_secret

ValueForm = Callable[[str, Origin], CredentialRef]
"""How a program reads a credential value (`pi_value`, `openclaw_value`, `plano_value`)."""

_UPPER_ENV_NAME = re.compile(r"[A-Z_][A-Z0-9_]*")
_BRACED = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_BARE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


# pi's cost keys and the IR's field names (OpenClaw/Mayros uses pi's).
_PI_COST = (("input", "input"), ("output", "output"), ("cacheRead", "cache_read"), ("cacheWrite", "cache_write"))


def origin(document: Document, path: PathT, *, key: bool = False) -> Origin:
    """The origin of the node at `path`: its value (or key) start, and its pointer."""
    return Origin(document, path, key=key)


class FieldCollector:
    """Collects `Value`s for one entry, taking origins from the document."""

    __slots__ = ("document", "fields")

    def __init__(self, document: Document) -> None:
        self.document = document
        self.fields: dict[FieldPath, Value] = {}

    def put(self, name: FieldPath, value: Any, path: PathT) -> None:
        self.fields[name] = Value(value, origin(self.document, path))

    def number(self, name: FieldPath, raw: Any, path: PathT, *, integer: bool = False) -> None:
        if is_number(raw) and raw == raw and raw not in (float("inf"), float("-inf")):
            self.put(name, int(raw) if integer and float(raw).is_integer() else raw, path)

    def string(self, name: FieldPath, raw: Any, path: PathT) -> None:
        if isinstance(raw, str):
            self.put(name, raw, path)

    def boolean(self, name: FieldPath, raw: Any, path: PathT) -> None:
        if isinstance(raw, bool):
            self.put(name, raw, path)

    def strings(self, name: FieldPath, raw: Any, path: PathT) -> None:
        if isinstance(raw, list) and all(isinstance(item, str) for item in raw):
            self.put(name, list(raw), path)

    def pi_model(self, entry: dict[str, Any], path: PathT, header: Callable[[str, Origin], HeaderValue], *, api: bool, base_url: bool) -> None:
        """The fields of a model in pi's format, which OpenClaw/Mayros also writes (its config's
        models become pi's models.json). `modelOverrides` have neither `api` nor `baseUrl`."""
        self.string(("name",), entry.get("name"), path + ("name",))
        if api:
            self.string(("api",), entry.get("api"), path + ("api",))
        if base_url:
            self.string(("base_url",), entry.get("baseUrl"), path + ("baseUrl",))
        self.boolean(("reasoning",), entry.get("reasoning"), path + ("reasoning",))
        self.strings(("input",), entry.get("input"), path + ("input",))
        self.number(("context_window",), entry.get("contextWindow"), path + ("contextWindow",), integer=True)
        self.number(("max_tokens",), entry.get("maxTokens"), path + ("maxTokens",), integer=True)
        cost = entry.get("cost")
        if isinstance(cost, dict):
            for key, name in _PI_COST:
                self.number(("cost", name), cost.get(key), path + ("cost", key))
        self.headers(entry.get("headers"), path + ("headers",), header)
        self.compat(entry.get("compat"), path + ("compat",))

    def compat(self, raw: Any, path: PathT) -> None:
        """pi's `mergeCompat` merges compat shallowly, except the two routing objects one level deeper."""
        if not isinstance(raw, dict):
            return
        for key, value in raw.items():
            if key in ("openRouterRouting", "vercelGatewayRouting") and isinstance(value, dict):
                for sub, inner in value.items():
                    self.put(("compat", key, sub), _plain(inner), path + (key, sub))
            else:
                self.put(("compat", key), _plain(value), path + (key,))

    def headers(self, raw: Any, path: PathT, classify: Callable[[str, Origin], HeaderValue]) -> None:
        if not isinstance(raw, dict):
            return
        for name, value in raw.items():
            if isinstance(value, str):
                where = origin(self.document, path + (name,))
                self.fields[("headers", name)] = Value(classify(value, where), where)


def _plain(value: Any) -> Any:
    """A JSON value as stored in the IR (lists and dicts copied)."""
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def dict_items(value: Any) -> Iterable[tuple[str, Any]]:
    return value.items() if isinstance(value, dict) else ()


def listed_models(block: dict[str, Any], path: PathT) -> Iterator[tuple[dict[str, Any], PathT]]:
    """The entries of a provider's `models` array that have a non-empty string `id` (pi's format,
    also OpenClaw/Mayros'), with their paths; the dialect reports the others."""
    entries = block.get("models")
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict) and isinstance(entry.get("id"), str) and entry["id"]:
            yield entry, path + ("models", index)


def credential(document: Document, block: dict[str, Any], key: str, path: PathT, value_form: ValueForm) -> CredentialRef | None:
    """The reference a non-empty string at `block[key]` (`apiKey`, `access_key`) makes, or None."""
    text = block.get(key)
    if not isinstance(text, str) or not text:
        return None
    return value_form(text, origin(document, path + (key,)))


# -- credential forms -------------------------------------------------------------------------


def pi_value(text: str, where: Origin) -> CredentialRef:
    """pi v0.58.3 `resolveConfigValue`: `!cmd`, else an environment variable name, else a literal.

    pi looks every value up in the environment first; modelconf calls a value an env-name when it
    is shaped like a variable name (upper case, digits, `_`) and a literal otherwise. `$VAR` and
    `${VAR}` are literals at this version (reference/pi.md, "Value resolution").
    """
    if text.startswith("!"):
        return command_ref(text[1:], where)
    if _UPPER_ENV_NAME.fullmatch(text):
        return CredentialRef("env-name", where, name=text)
    return CredentialRef("literal", where)


def openclaw_value(text: str, where: Origin) -> CredentialRef:
    """OpenClaw/Mayros: an exact `${NAME}` (upper case) is a variable, rewritten to the bare name in
    the generated models.json, which pi then reads as an env-name; anything else is a literal to
    pi, including `$VAR` and `${lower}`, which OpenClaw/Mayros does not substitute
    (reference/openclaw.md, "`${ENV_VAR}` substitution" and "Generated models.json")."""
    match = _BRACED.fullmatch(text)
    if match and _UPPER_ENV_NAME.fullmatch(match.group(1)):
        return CredentialRef("env-template", where, name=match.group(1))
    return pi_value(text, where)


def plano_value(text: str, where: Origin) -> CredentialRef:
    """Plano `access_key`: `$VAR` or `${VAR}` is expanded after rendering; anything else is sent as
    written (reference/plano.md, "`$ENV_VAR` resolution")."""
    stripped = text.strip()
    braced = _BRACED.fullmatch(stripped)
    if braced:
        return CredentialRef("env-template", where, name=braced.group(1))
    bare = _BARE.fullmatch(stripped)
    if bare:
        return CredentialRef("dollar-env", where, name=bare.group(1))
    return CredentialRef("literal", where)


def command_ref(command: str, where: Origin) -> CredentialRef:
    """A command reference. Its text is kept unless a word of it looks like a secret."""
    if any(looks_like_secret(word) for word in command.split()):
        return CredentialRef("command", where)
    return CredentialRef("command", where, command=command)


def header_from(value_form: ValueForm) -> Callable[[str, Origin], HeaderValue]:
    """Classify header values with a program's value forms: literal text stays text unless it
    looks like a secret, in which case only its place is kept."""

    def classify(text: str, where: Origin) -> HeaderValue:
        ref = value_form(text, where)
        if ref.form != "literal":
            return HeaderValue(ref=ref)
        if looks_like_secret(text) or any(looks_like_secret(word) for word in text.split()):
            return HeaderValue(ref=ref)
        return HeaderValue(text=text)

    return classify
