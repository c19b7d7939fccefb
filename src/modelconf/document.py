"""Read config bytes into a `Document`: the parsed value plus source positions for every node.

Readers never raise on bad input; they return a `ReadResult` holding the document (when there is
one) and diagnostics with positions. Supported syntaxes:

- `json`: strict JSON (stdlib parser for the value; positions computed on first use);
- `jsonc` / `json5`: comments, trailing commas, single quotes, unquoted keys, JSON5 numbers;
- `yaml`: YAML read from ruamel.yaml's event stream with YAML 1.1 scalars, as PyYAML's
  `safe_load` (Plano) reads them.

A `.json` file that is not strict JSON but is valid JSON5 still yields a document; the JSON5
features it uses are listed in `Document.extensions` so a dialect can say whether its program
accepts them.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from modelconf.diagnostics import Diagnostic, Position, Related, Span
from modelconf.rules import parse as rules

PathT = tuple[str | int, ...]
"""A node's path from the root: object keys and array indexes."""

SYNTAXES = ("json", "jsonc", "json5", "yaml")


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep hostile input from exhausting time or memory."""

    max_bytes: int = 10 * 1024 * 1024
    max_depth: int = 64
    max_alias_nodes: int = 100_000


@dataclass(frozen=True, slots=True)
class Location:
    """Where a node is: the span of its key (None for the root and array items) and of its value."""

    key: Span | None
    value: Span


# Offsets into the text (key start, key end, value start, value end); key offsets are -1 when absent.
_Offsets = tuple[int, int, int, int]


class LineIndex:
    """Maps character offsets to 1-based line and column; CRLF, LF and lone CR end lines."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        if "\r" in text:
            self._starts = [0, *(m.end() for m in re.finditer(r"\r\n?|\n", text))]
        else:  # the usual case: LF only, line starts summed in C (each line's length plus its LF)
            lengths = map((1).__add__, map(len, text.split("\n")[:-1]))
            self._starts = list(itertools.accumulate(lengths, initial=0))

    def position(self, offset: int) -> Position:
        line = bisect.bisect_right(self._starts, offset) - 1
        return Position(line + 1, offset - self._starts[line] + 1)

    def span(self, start: int, end: int) -> Span:
        first = self.position(start)
        if end <= start:  # an empty node (`key:` with no value): one column, on its own line
            return Span(first, Position(first.line, first.column + 1))
        return Span(first, self.position(end))


class Document:
    """A parsed config file. Treat it as immutable: aliased YAML nodes share objects."""

    __slots__ = (
        "name",
        "text",
        "syntax",
        "value",
        "had_bom",
        "extensions",
        "secret_values",
        "_locations",
        "_locator",
        "_line_index",
        "_lines",
    )

    def __init__(
        self,
        name: str,
        text: str,
        syntax: str,
        value: Any,
        *,
        locations: dict[PathT, Location | _Offsets] | None = None,
        locator: Any = None,
        extensions: dict[str, Span] | None = None,
        had_bom: bool = False,
    ) -> None:
        self.name = name
        self.text = text
        self.syntax = syntax
        self.value = value
        self.had_bom = had_bom
        # JSON5/JSONC features this file uses, each with the span of its first use.
        self.extensions: dict[str, Span] = extensions or {}
        # Literal secrets found by checks; renderers mask them wherever they print source text.
        self.secret_values: set[str] = set()
        self._locations = locations
        self._locator = locator
        self._line_index: LineIndex | None = None
        self._lines: list[str] | None = None

    # -- positions -----------------------------------------------------------------------------

    @property
    def line_index(self) -> LineIndex:
        if self._line_index is None:
            self._line_index = LineIndex(self.text)
        return self._line_index

    def _table(self) -> dict[PathT, Location | _Offsets]:
        if self._locations is None:
            self._locations = self._locator() if self._locator is not None else {}
            self._locator = None
        return self._locations

    def location(self, path: PathT) -> Location | None:
        """The location of the node at `path`, or None if the file has no such node."""
        table = self._table()
        found = table.get(path)
        if found is None or isinstance(found, Location):
            return found
        ks, ke, vs, ve = found
        index = self.line_index
        location = Location(index.span(ks, ke) if ks >= 0 else None, index.span(vs, ve))
        table[path] = location
        return location

    def span(self, path: PathT, *, key: bool = False) -> Span:
        """The span of the node at `path` (its key when `key` and it has one).

        For a path the file does not contain (a missing key) this is the span of the nearest
        ancestor that exists, so a diagnostic always has a position.
        """
        probe = path
        while True:
            location = self.location(probe)
            if location is not None:
                if key and probe == path and location.key is not None:
                    return location.key
                if probe != path and location.key is not None and not key:
                    return location.key
                return location.value
            if not probe:
                return Span.at(1, 1)
            probe = probe[:-1]

    def has(self, path: PathT) -> bool:
        return self.location(path) is not None

    def paths(self) -> Iterator[PathT]:
        """Every path that has a recorded location."""
        return iter(list(self._table()))

    # -- source text ---------------------------------------------------------------------------

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            text = self.text
            self._lines = re.split(r"\r\n?|\n", text) if "\r" in text else text.split("\n")
        return self._lines

    def line(self, number: int) -> str:
        """The text of a 1-based line, without its line ending ('' past the end)."""
        lines = self.lines
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def get(self, path: PathT, default: Any = None) -> Any:
        """The value at `path`, or `default` when any step is missing or of the wrong type."""
        node = self.value
        for step in path:
            if isinstance(step, int) and isinstance(node, list) and 0 <= step < len(node):
                node = node[step]
            elif isinstance(step, str) and isinstance(node, dict) and step in node:
                node = node[step]
            else:
                return default
        return node


@dataclass(slots=True)
class ReadResult:
    document: Document | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.document is not None


# -- paths ------------------------------------------------------------------------------------


def pointer(path: PathT) -> str:
    """The RFC 6901 JSON pointer of a path (`""` for the root)."""
    return "".join("/" + str(step).replace("~", "~0").replace("/", "~1") for step in path)


def path_of(document: Document, pointer: str | None) -> PathT:
    """The path of a JSON pointer in `document` (the inverse of `pointer`): steps into arrays
    become ints where the document has a list there."""
    if not pointer:
        return ()
    path: list[str | int] = []
    node: Any = document.value
    for raw in pointer.split("/")[1:]:
        step: str | int = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list) and isinstance(step, str) and step.isdigit():
            step = int(step)
            node = node[step] if step < len(node) else None
        elif isinstance(node, dict):
            node = node.get(step)
        else:
            node = None
        path.append(step)
    return tuple(path)


def dotted(path: PathT) -> str:
    """A path as people write it: `providers.openai.models[0].id` (`<root>` for the root)."""
    out = []
    for step in path:
        if isinstance(step, int):
            out.append(f"[{step}]")
        elif re.fullmatch(r"[A-Za-z_$][\w$-]*", step):
            out.append(("." if out else "") + step)
        else:
            out.append(f"[{json.dumps(step)}]")
    return "".join(out) or "<root>"


# -- entry points -----------------------------------------------------------------------------


def syntax_for(name: str) -> str | None:
    """The syntax a file name implies, or None when the name says nothing."""
    lower = name.lower()
    if lower.endswith((".yaml", ".yml")):
        return "yaml"
    if lower.endswith(".json5"):
        return "json5"
    if lower.endswith(".jsonc"):
        return "jsonc"
    if lower.endswith(".json"):
        return "json"
    return None


def read_path(path: str | Path, *, syntax: str | None = None, limits: Limits = Limits(), name: str | None = None) -> ReadResult:
    """Read a file from disk. `name` is how diagnostics refer to it (defaults to the path)."""
    display = name if name is not None else str(path)
    try:
        with open(path, "rb") as handle:
            # Read one byte past the limit so an oversized file is known without reading it all,
            # but ask for no more than the file holds: a read(n) allocates n bytes up front.
            size = os.fstat(handle.fileno()).st_size
            data = handle.read(min(size + 1, limits.max_bytes + 1) if size else limits.max_bytes + 1)
            if size and len(data) > size:  # it grew while we read: read on, up to the limit
                data += handle.read(limits.max_bytes + 1 - len(data))
    except IsADirectoryError:
        return ReadResult(None, [rules.UNREADABLE("this is a directory, not a file", file=display)])
    except FileNotFoundError:
        return ReadResult(None, [rules.UNREADABLE("no such file", file=display)])
    except PermissionError:
        return ReadResult(None, [rules.UNREADABLE("permission denied", file=display)])
    except OSError as error:
        return ReadResult(None, [rules.UNREADABLE(f"cannot read the file: {error.strerror or error}", file=display)])
    return read_bytes(data, display, syntax=syntax, limits=limits)


def read_bytes(data: bytes, name: str, *, syntax: str | None = None, limits: Limits = Limits()) -> ReadResult:
    """Read config bytes. `syntax` is one of SYNTAXES, or None to decide from the name and content."""
    if len(data) > limits.max_bytes:
        return ReadResult(
            None,
            [
                rules.TOO_LARGE(
                    f"the file is larger than the {_size(limits.max_bytes)} limit",
                    file=name,
                    hint="raise the limit with --max-file-size if this file really is a config",
                )
            ],
        )
    decoded = _decode(data, name)
    if isinstance(decoded, Diagnostic):
        return ReadResult(None, [decoded])
    text, had_bom = decoded
    chosen = syntax or syntax_for(name) or _sniff(text)
    if chosen == "yaml":
        from modelconf import _yaml_reader

        return _yaml_reader.read_yaml(text, name, limits, had_bom)
    return _read_json(text, name, chosen, limits, had_bom)


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):g} MiB" if n >= 1024 * 1024 else f"{n} bytes"


def _sniff(text: str) -> str:
    stripped = text.lstrip()
    return "json" if stripped[:1] in ("{", "[", "/") else "yaml"


def _decode(data: bytes, name: str) -> tuple[str, bool] | Diagnostic:
    nul = data.find(b"\x00")
    if nul >= 0:
        hint = None
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            hint = "this looks like UTF-16; save the file as UTF-8"
        return rules.BINARY_FILE(
            "the file contains NUL bytes; it looks binary, not like a config file",
            file=name,
            span=_byte_span(data, nul),
            hint=hint,
        )
    had_bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if had_bom else data
    try:
        return body.decode("utf-8"), had_bom
    except UnicodeDecodeError as error:
        bad = error.start + (3 if had_bom else 0)
        return rules.INVALID_UTF8(
            f"invalid UTF-8: byte 0x{data[bad]:02x} at offset {bad} does not start or continue a character",
            file=name,
            span=_byte_span(data, bad),
            hint="save the file as UTF-8",
        )


def _byte_span(data: bytes, offset: int) -> Span:
    prefix = data[:offset]
    if prefix.startswith(b"\xef\xbb\xbf"):
        prefix = prefix[3:]
    text = prefix.decode("utf-8", errors="replace")
    index = LineIndex(text)
    return index.span(len(text), len(text) + 1)


# -- JSON -------------------------------------------------------------------------------------


def _read_json(text: str, name: str, syntax: str, limits: Limits, had_bom: bool) -> ReadResult:
    if syntax == "json":
        duplicates: list[bool] = []

        def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
            result = dict(pairs)
            if len(result) != len(pairs):
                duplicates.append(True)
            return result

        def reject_constant(constant: str) -> Any:
            raise ValueError(constant)  # NaN/Infinity are JSON5, not JSON

        try:
            value = json.loads(text, object_pairs_hook=pairs_hook, parse_constant=reject_constant)
        except (ValueError, RecursionError):
            pass  # not strict JSON: the JSON5 reader below reports the problem with a position
        else:
            if _depth_exceeds(value, limits.max_depth) is None:
                if duplicates:
                    # The duplicates need positions now: one parse finds them and fills the table.
                    located = _Json5Parser(text, limits)
                    document = Document(name, text, "json", value, locations=located.locate(), had_bom=had_bom)
                    return ReadResult(document, _duplicate_report(document, located.duplicates))
                document = Document(
                    name, text, "json", value, locator=lambda: _Json5Parser(text, limits).locate(), had_bom=had_bom
                )
                return ReadResult(document)
            # Too deep: let the JSON5 parser find the exact position of the offending bracket.

    parser = _Json5Parser(text, limits)
    try:
        value = parser.parse()
    except _EmptyDocument:
        return ReadResult(None, [rules.EMPTY_FILE("the file is empty", file=name, span=Span.at(1, 1))])
    except _ParseError as error:
        index = LineIndex(text)
        rule = rules.TOO_DEEP if error.too_deep else rules.SYNTAX_ERROR
        return ReadResult(None, [rule(error.message, file=name, span=index.span(error.offset, error.offset + 1), hint=error.hint)])
    document = Document(name, text, syntax, value, locations=dict(parser.locations), had_bom=had_bom)
    index = document.line_index
    document.extensions = {feature: index.span(start, end) for feature, (start, end) in parser.extensions.items()}
    return ReadResult(document, _duplicate_report(document, parser.duplicates))


def _depth_exceeds(value: Any, max_depth: int) -> int | None:
    """Return the depth if `value` nests containers deeper than `max_depth`, else None."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > max_depth:
            return depth
        if isinstance(node, dict):
            stack.extend((child, depth + 1) for child in node.values() if isinstance(child, (dict, list)))
        elif isinstance(node, list):
            stack.extend((child, depth + 1) for child in node if isinstance(child, (dict, list)))
    return None


def _duplicate_report(document: Document, duplicates: list[tuple[PathT, tuple[int, int], tuple[int, int]]]) -> list[Diagnostic]:
    index = document.line_index
    out = []
    for path, first, second in duplicates:
        first_span = index.span(*first)
        out.append(
            rules.DUPLICATE_KEY(
                f"duplicate key {json.dumps(path[-1])}: the first one, at line {first_span.start.line}, is ignored",
                file=document.name,
                span=index.span(*second),
                related=(Related("first defined here", document.name, first_span),),
                hint="remove one of the two entries",
                pointer=pointer(path),
            )
        )
    return out


class _ParseError(Exception):
    def __init__(self, offset: int, message: str, hint: str | None = None, too_deep: bool = False) -> None:
        super().__init__(message)
        self.offset = offset
        self.message = message
        self.hint = hint
        self.too_deep = too_deep


class _EmptyDocument(Exception):
    pass


_WS = "[ \\t\\n\\r\\f\\v\\u00a0\\ufeff\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+"


@functools.cache
def _token_pattern() -> re.Pattern[str]:
    """The JSON5 tokenizer, compiled on first use: strict JSON and YAML files never need it."""
    return re.compile(
        rf"(?P<ws>{_WS})"
        r"|(?P<lc>//[^\n\r\u2028\u2029]*)"
        r"|(?P<bc>/\*.*?\*/)"
        r'|(?P<dq>"(?:[^"\\\n\r]|\\(?:\r\n|.))*")'
        r"|(?P<sq>'(?:[^'\\\n\r]|\\(?:\r\n|.))*')"
        r"|(?P<num>[+-]?(?:0[xX][0-9a-fA-F]+|(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|Infinity|NaN)(?![\w$]))"
        r"|(?P<id>[A-Za-z_$\u0080-\uffff][\w$\u200c\u200d]*)"
        r"|(?P<p>[{}\[\]:,])",
        re.DOTALL,
    )


_JSON_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(\r\n|[\n\r\u2028\u2029])|(.))", re.DOTALL)
_SIMPLE_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "0": "\0"}
_CONTROL = re.compile(r"[\x00-\x1f]")
_EOF = "eof"


class _Json5Parser:
    """A JSON5 parser that records offsets of every key and value, duplicates and JSON5 features.

    Hand-written because the `json5` package is ~1000x slower than stdlib json and neither JSON5
    package reports positions or duplicate keys. Recursion is bounded by `Limits.max_depth`.
    """

    def __init__(self, text: str, limits: Limits) -> None:
        self.text = text
        self.pos = 0
        self.max_depth = limits.max_depth
        self.locations: dict[PathT, _Offsets] = {}
        self.duplicates: list[tuple[PathT, tuple[int, int], tuple[int, int]]] = []
        self.extensions: dict[str, tuple[int, int]] = {}
        self._parsed = False
        self._pattern = _token_pattern()

    def locate(self) -> dict[PathT, Location | _Offsets]:
        """Parse (once) and return the offsets table; used for lazily computed positions."""
        if not self._parsed:
            try:
                self.parse()
            except (_ParseError, _EmptyDocument):
                pass
        return dict(self.locations)

    def parse(self) -> Any:
        self._parsed = True
        token = self._token()
        if token[0] == _EOF:
            raise _EmptyDocument()
        value = self._value(token, (), 0)
        after = self._token()
        if after[0] != _EOF:
            raise _ParseError(after[2], f"unexpected {self._describe(after)} after the end of the document")
        return value

    def _ext(self, feature: str, start: int, end: int) -> None:
        self.extensions.setdefault(feature, (start, end))

    def _token(self) -> tuple[str, str, int, int]:
        text = self.text
        pos = self.pos
        pattern = self._pattern
        while True:
            match = pattern.match(text, pos)
            if match is None:
                if pos >= len(text):
                    self.pos = pos
                    return (_EOF, "", pos, pos)
                raise self._bad_character(pos)
            kind = match.lastgroup or ""
            if kind == "ws":
                pos = match.end()
                continue
            if kind in ("lc", "bc"):
                self._ext("comment", pos, match.end())
                pos = match.end()
                continue
            self.pos = match.end()
            return (kind, match.group(), pos, match.end())

    def _bad_character(self, pos: int) -> _ParseError:
        char = self.text[pos]
        if char in "\"'":
            return _ParseError(pos, "unterminated string", "close the string on the same line, or escape the line break")
        if self.text.startswith("/*", pos):
            return _ParseError(pos, "unterminated block comment", "close it with */")
        return _ParseError(pos, f"unexpected character {char!r}")

    @staticmethod
    def _describe(token: tuple[str, str, int, int]) -> str:
        """A token for a syntax error message; a secret-looking one as a fingerprint only."""
        kind, raw = token[0], token[1]
        if kind == _EOF:
            return "end of file"
        return _quote_token(raw)

    def _value(self, token: tuple[str, str, int, int], path: PathT, depth: int) -> Any:
        kind, raw, start, end = token
        if kind == "p":
            if raw == "{":
                return self._object(start, path, depth + 1)
            if raw == "[":
                return self._array(start, path, depth + 1)
            raise _ParseError(start, f"expected a value, found {raw!r}")
        if kind == "dq":
            value: Any = self._string(raw, start, end)
        elif kind == "sq":
            self._ext("single-quoted-string", start, end)
            value = self._string(raw, start, end)
        elif kind == "num":
            value = self._number(raw, start, end)
        elif kind == "id":
            if raw == "true":
                value = True
            elif raw == "false":
                value = False
            elif raw == "null":
                value = None
            else:
                raise _ParseError(start, f"unexpected word {_quote_token(raw)}", "strings must be in double quotes")
        else:
            raise _ParseError(start, "unexpected end of file, expected a value")
        self.locations[path] = (-1, -1, start, end)
        return value

    def _object(self, start: int, path: PathT, depth: int) -> dict[str, Any]:
        if depth > self.max_depth:
            raise _ParseError(start, f"objects and arrays are nested deeper than {self.max_depth} levels", too_deep=True)
        result: dict[str, Any] = {}
        key_spans: dict[str, tuple[int, int]] = {}
        token = self._token()
        comma: tuple[str, str, int, int] | None = None
        while not (token[0] == "p" and token[1] == "}"):
            kind, raw, key_start, key_end = token
            if kind == "dq":
                key = self._string(raw, key_start, key_end)
            elif kind == "sq":
                self._ext("single-quoted-string", key_start, key_end)
                key = self._string(raw, key_start, key_end)
            elif kind == "id" or (kind == "num" and raw in ("Infinity", "NaN")):
                self._ext("unquoted-key", key_start, key_end)
                key = raw
            elif kind == _EOF:
                raise _ParseError(start, "unclosed object: '{' is never closed", "add the missing '}'")
            else:
                raise _ParseError(key_start, f"expected a key in double quotes, found {self._describe(token)}")
            colon = self._token()
            if colon[0] != "p" or colon[1] != ":":
                raise _ParseError(colon[2], f"expected ':' after the key, found {self._describe(colon)}")
            child = path + (key,)
            if key in result:
                self.duplicates.append((child, key_spans[key], (key_start, key_end)))
            key_spans[key] = (key_start, key_end)
            result[key] = self._value(self._token(), child, depth)
            _, _, value_start, value_end = self.locations[child]
            self.locations[child] = (key_start, key_end, value_start, value_end)
            separator = self._token()
            if separator[0] == "p" and separator[1] == "}":
                token = separator
                comma = None
                break
            if separator[0] != "p" or separator[1] != ",":
                if separator[0] == _EOF:
                    raise _ParseError(start, "unclosed object: '{' is never closed", "add the missing '}'")
                raise _ParseError(separator[2], f"expected ',' or '}}' after the value, found {self._describe(separator)}")
            comma = separator
            token = self._token()
        if comma is not None:
            self._ext("trailing-comma", comma[2], comma[3])
        self.locations[path] = (-1, -1, start, token[3])
        return result

    def _array(self, start: int, path: PathT, depth: int) -> list[Any]:
        if depth > self.max_depth:
            raise _ParseError(start, f"objects and arrays are nested deeper than {self.max_depth} levels", too_deep=True)
        result: list[Any] = []
        token = self._token()
        comma: tuple[str, str, int, int] | None = None
        while not (token[0] == "p" and token[1] == "]"):
            if token[0] == _EOF:
                raise _ParseError(start, "unclosed array: '[' is never closed", "add the missing ']'")
            result.append(self._value(token, path + (len(result),), depth))
            separator = self._token()
            if separator[0] == "p" and separator[1] == "]":
                token = separator
                comma = None
                break
            if separator[0] != "p" or separator[1] != ",":
                if separator[0] == _EOF:
                    raise _ParseError(start, "unclosed array: '[' is never closed", "add the missing ']'")
                raise _ParseError(separator[2], f"expected ',' or ']' after the value, found {self._describe(separator)}")
            comma = separator
            token = self._token()
        if comma is not None:
            self._ext("trailing-comma", comma[2], comma[3])
        self.locations[path] = (-1, -1, start, token[3])
        return result

    def _string(self, raw: str, start: int, end: int) -> str:
        body = raw[1:-1]
        if "\\" not in body:
            if _CONTROL.search(body):
                self._ext("control-character", start, end)
            return body
        if raw[0] == '"':
            try:
                return str(json.loads(raw))
            except ValueError:
                pass
        self._ext("json5-escape", start, end)
        return _unescape(body)

    def _number(self, raw: str, start: int, end: int) -> int | float:
        if _JSON_NUMBER.fullmatch(raw):
            return float(raw) if ("." in raw or "e" in raw or "E" in raw) else int(raw)
        self._ext("json5-number", start, end)
        sign = -1 if raw.startswith("-") else 1
        body = raw.lstrip("+-")
        if body == "Infinity":
            return sign * float("inf")
        if body == "NaN":
            return float("nan")
        if body[:2] in ("0x", "0X"):
            return sign * int(body, 16)
        return sign * float(body)


def _quote_token(raw: str) -> str:
    from modelconf.secrets import fingerprint, looks_like_secret

    if looks_like_secret(raw.strip("\"'")):
        return f"a secret-looking value ({fingerprint(raw.strip(chr(34) + chr(39)))})"
    return repr(raw if len(raw) <= 20 else raw[:17] + "...")


def _unescape(body: str) -> str:
    def replace(match: re.Match[str]) -> str:
        unicode, hexbyte, newline, other = match.groups()
        if unicode is not None:
            return chr(int(unicode, 16))
        if hexbyte is not None:
            return chr(int(hexbyte, 16))
        if newline is not None:
            return ""  # line continuation
        return _SIMPLE_ESCAPES.get(other, other)

    text = _ESCAPE.sub(replace, body)
    # Join surrogate pairs written as two \u escapes.
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def iter_scalars(value: Any, path: PathT = ()) -> Iterator[tuple[PathT, Any]]:
    """Yield (path, value) for every scalar in a document value."""
    stack: list[tuple[PathT, Any]] = [(path, value)]
    while stack:
        here, node = stack.pop()
        if isinstance(node, dict):
            stack.extend((here + (k,), v) for k, v in reversed(list(node.items())))
        elif isinstance(node, list):
            stack.extend((here + (i,), v) for i, v in reversed(list(enumerate(node))))
        else:
            yield here, node


def iter_long_strings(value: Any, min_length: int) -> Iterator[tuple[PathT, str]]:
    """Yield (path, string), in document order, for every string of at least `min_length` characters.

    Paths are built only for containers and for the strings yielded: secret scanning visits every
    node of every linted file, and most nodes are short names and numbers.
    """
    if isinstance(value, str):
        if len(value) >= min_length:
            yield (), value
        return
    stack: list[tuple[PathT, Any]] = [((), value)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, str):
            yield path, node
            continue
        items = list(node.items()) if isinstance(node, dict) else list(enumerate(node)) if isinstance(node, list) else []
        for key, child in reversed(items):
            if isinstance(child, str):
                if len(child) >= min_length:
                    stack.append((path + (key,), child))
            elif isinstance(child, (dict, list)):
                stack.append((path + (key,), child))
