"""Value forms: how each target reads a key value written in a file.

- pi (`resolveConfigValue`, reference/pi.md "Value resolution"): `!cmd` runs a shell command;
  otherwise a value naming a set, non-empty environment variable is replaced by it; otherwise
  the value is used literally, so an unset (or misspelt) variable name is sent as the key.
  pi v0.58.3 has no `$NAME` syntax: `$OPENAI_API_KEY` is sent as those 15 characters.
- OpenClaw/Mayros (`env-substitution.ts`, reference/openclaw.md "${ENV_VAR} substitution"):
  `${NAME}` with an upper-case NAME, in any string; `$${NAME}` is the literal `${NAME}`; a
  missing or empty variable fails the whole config load.
- Plano (reference/plano.md "CLI" and "$ENV_VAR resolution"): `$NAME` / `${NAME}` in
  `access_key`, expanded after rendering; `planoai up` first checks the name with only a leading
  `$` stripped, so `${NAME}` is checked as `{NAME}`.

Also a small dotenv reader (KEY=VALUE lines, comments, quotes, `export `).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from modelconf.document import Document, PathT, iter_long_strings

# Value types are named tuples, not dataclasses: `modelconf lint` imports this module, and
# building a dataclass costs about a millisecond of start-up each.

# A name a shell can export (POSIX): what people mean when they write a variable name.
SHELL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# What reads as "meant to be an environment variable": upper case, digits, underscores.
ENV_LIKE = re.compile(r"[A-Z_][A-Z0-9_]*")

# OpenClaw: `$${NAME}` escapes, `${NAME}` references (NAME upper case only).
_OPENCLAW_TOKEN = re.compile(r"\$\$\{([A-Z_][A-Z0-9_]*)\}|\$\{([A-Z_][A-Z0-9_]*)\}")
# Plano access_key references: the whole value is `$NAME` or `${NAME}`.
_PLANO_PLAIN = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_PLANO_BRACED = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def env_value(env: Mapping[str, str], name: str) -> str | None:
    """The variable's value when set and non-empty (what every target accepts), else None."""
    value = env.get(name)
    return value if value else None


# -- pi ---------------------------------------------------------------------------------------


class PiValue(NamedTuple):
    """How pi reads one `apiKey` / auth.json `key` value.

    form: command (`!cmd`), env-name (a variable name, set or not), env-template (`$NAME` /
    `${NAME}`: newer pi reads it, v0.58.3 sends it literally), literal.
    """

    form: str
    command: str | None = None
    name: str | None = None


def pi_value(value: str) -> PiValue:
    if value.startswith("!"):
        return PiValue("command", command=value[1:])
    braced = _PLANO_BRACED.fullmatch(value)
    plain = _PLANO_PLAIN.fullmatch(value)
    if braced or plain:
        match = braced or plain
        assert match is not None
        return PiValue("env-template", name=match.group(1))
    if SHELL_NAME.fullmatch(value):
        return PiValue("env-name", name=value)
    return PiValue("literal")


def looks_like_env_name(value: str) -> bool:
    """An upper-case identifier: almost certainly meant as a variable name, not as a key."""
    return bool(ENV_LIKE.fullmatch(value)) and any(c.isalpha() for c in value)


# -- OpenClaw ---------------------------------------------------------------------------------


class TemplateRef(NamedTuple):
    name: str
    start: int
    end: int
    escaped: bool


def openclaw_refs(text: str) -> list[TemplateRef]:
    """`${NAME}` references (and `$${NAME}` escapes) in one config string, in order."""
    out = []
    for match in _OPENCLAW_TOKEN.finditer(text):
        escaped = match.group(1) is not None
        out.append(TemplateRef(match.group(1) or match.group(2), match.start(), match.end(), escaped))
    return out


def openclaw_substitute(text: str, env: Mapping[str, str]) -> tuple[str | None, list[str]]:
    """The string after substitution, or None and the missing names (missing or empty)."""
    missing: list[str] = []

    def replace(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return "${" + match.group(1) + "}"
        value = env_value(env, match.group(2))
        if value is None:
            missing.append(match.group(2))
            return ""
        return value

    result = _OPENCLAW_TOKEN.sub(replace, text)
    return (None, missing) if missing else (result, [])


class MissingRef(NamedTuple):
    """A `${NAME}` whose variable is missing or empty: the value's path, the reference's offsets."""

    name: str
    path: PathT
    start: int
    end: int


def missing_refs(value: Any, env: Mapping[str, str]) -> list[MissingRef]:
    """Every `${NAME}` in a config whose variable is missing or empty, in file order. One is
    enough for OpenClaw/Mayros to raise `MissingEnvVarError` and load the whole config as `{}`."""
    out = []
    for path, text in iter_long_strings(value, 4):  # `${X}` is four characters
        if "${" not in text:
            continue
        for ref in openclaw_refs(text):
            if not ref.escaped and env_value(env, ref.name) is None:
                out.append(MissingRef(ref.name, path, ref.start, ref.end))
    return out


def config_path_text(path: PathT) -> str:
    """A config path as MissingEnvVarError prints it: dots for keys, [i] for indexes."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (("." if out else "") + str(step))
    return out


# Key rotation (`collectProviderApiKeys`): a list variable is split on whitespace, `,` and `;`.
_LIST_SPLIT = re.compile(r"[\s,;]+")


def env_list(env: Mapping[str, str], name: str) -> list[str]:
    """The keys of a list variable (`OPENAI_API_KEYS`), in order."""
    return [key for key in _LIST_SPLIT.split(env.get(name, "")) if key]


def env_prefixed(env: Mapping[str, str], prefix: str) -> list[tuple[str, str]]:
    """(name, trimmed value) of every non-blank variable starting with `prefix`, in environment order."""
    return [(name, value.strip()) for name, value in env.items() if name.startswith(prefix) and value.strip()]


# The config's env block: keys copied into the environment (reference/openclaw.md, "${ENV_VAR} substitution").
_ENV_BLOCK_SKIP = ("shellEnv", "vars")


def effective_env(env: Mapping[str, str], document: Document | None, dotenv: DotEnv | None = None) -> dict[str, str]:
    """The environment OpenClaw/Mayros sees: `.env` values and the config's `env` block fill
    variables that are not set (they never override)."""
    out = dict(env)
    if dotenv is not None:
        for name, value in dotenv.values.items():
            out.setdefault(name, value)
    block = document.get(("env",)) if document is not None else None
    if isinstance(block, dict):
        values = dict(block.get("vars") or {}) if isinstance(block.get("vars"), dict) else {}
        values.update({k: v for k, v in block.items() if k not in _ENV_BLOCK_SKIP})
        for name, value in values.items():
            if isinstance(value, str) and not out.get(name):
                out[name] = value
    return out


# -- Plano ------------------------------------------------------------------------------------


class PlanoKey(NamedTuple):
    """How Plano reads an `access_key`.

    form: env-reference (`$NAME`), env-reference-braced (`${NAME}`), literal. `name` is the
    variable rendering expands; `checked_name` is what `planoai up`'s missing-key check looks up
    (the value with one leading `$` removed).
    """

    form: str
    name: str | None
    checked_name: str


def plano_key(value: str) -> PlanoKey:
    checked = value[1:] if value.startswith("$") else value
    braced = _PLANO_BRACED.fullmatch(value)
    if braced:
        return PlanoKey("env-reference-braced", braced.group(1), checked)
    plain = _PLANO_PLAIN.fullmatch(value)
    if plain:
        return PlanoKey("env-reference", plain.group(1), checked)
    return PlanoKey("literal", None, checked)


# -- dotenv -----------------------------------------------------------------------------------

_DOTENV_LINE = re.compile(r"\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.\-]*)\s*=\s*(.*?)\s*")
_DOUBLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\", "$": "$"}


class DotEnv(NamedTuple):
    """A parsed .env file. `values` are secrets: never printed (the repr hides them)."""

    path: str
    values: Mapping[str, str]
    # (line, problem) for lines that are not KEY=VALUE; they are skipped.
    problems: tuple[tuple[int, str], ...] = ()
    # name -> 1-based line where it is set (last assignment wins, as in python-dotenv).
    lines: Mapping[str, int] = {}

    def __repr__(self) -> str:
        return f"DotEnv(path={self.path!r}, names={sorted(self.values)!r}, problems={self.problems!r})"

    def __str__(self) -> str:
        return self.__repr__()


def parse_dotenv(text: str, path: str = ".env") -> DotEnv:
    values: dict[str, str] = {}
    lines: dict[str, int] = {}
    problems: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _DOTENV_LINE.fullmatch(line)
        if match is None:
            problems.append((number, "not a KEY=VALUE line"))
            continue
        name, raw = match.group(1), match.group(2)
        value = _dotenv_value(raw)
        if value is None:
            problems.append((number, "unterminated quote"))
            continue
        values[name] = value
        lines[name] = number
    return DotEnv(path, values, tuple(problems), dict(lines))


def _dotenv_value(raw: str) -> str | None:
    if raw[:1] in ("'", '"'):
        quote = raw[0]
        end = _closing_quote(raw, quote)
        if end < 0:
            return None
        body = raw[1:end]
        if quote == "'":
            return body
        return re.sub(r"\\(.)", lambda m: _DOUBLE_ESCAPES.get(m.group(1), "\\" + m.group(1)), body)
    # Unquoted: an inline comment starts at ' #'.
    comment = re.search(r"\s#", raw)
    return (raw[: comment.start()] if comment else raw).strip()


def _closing_quote(raw: str, quote: str) -> int:
    index = 1
    while index < len(raw):
        char = raw[index]
        if char == "\\" and quote == '"':
            index += 2
            continue
        if char == quote:
            return index
        index += 1
    return -1


def read_dotenv(path: str) -> DotEnv | None:
    """Read a .env file; None when it does not exist or cannot be read."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(1024 * 1024)
    except OSError:
        return None
    return parse_dotenv(data.decode("utf-8", errors="replace"), path)


def dotenv_beside(path: str, name: str = ".env") -> DotEnv | None:
    """The `name` file in the directory of the file at `path` (None for stdin, a file not on
    disk, or no such .env)."""
    if path in ("", "-") or not os.path.isfile(path):
        return None
    return read_dotenv(os.path.join(os.path.dirname(os.path.abspath(path)), name))
