"""Build a `Document` from ruamel.yaml's event stream.

Working from events rather than a loader gives positions for every key and value, reports
duplicate keys and custom tags instead of raising, and bounds alias expansion and depth. Plain
scalars resolve by YAML 1.1 rules, as PyYAML's `safe_load` does: Plano reads its config that way,
so `default: yes` is `true` and `version: 0.1` is a float, exactly as in Plano.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from modelconf.diagnostics import Diagnostic, Related, Span
from modelconf.document import Document, Limits, LineIndex, PathT, ReadResult, pointer
from modelconf.rules import parse as rules

_BOOLS = {
    **dict.fromkeys(("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"), True),
    **dict.fromkeys(("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"), False),
}
_NULLS = {"", "~", "null", "Null", "NULL"}
_INT = re.compile(r"[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+")
_FLOAT = re.compile(
    r"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_CORE = "tag:yaml.org,2002:"
_KNOWN_TAGS = {_CORE + name for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "binary", "merge", "omap", "set", "value")}


def resolve_plain(text: str) -> Any:
    """Resolve an untagged plain scalar the way PyYAML's SafeLoader (YAML 1.1) does.

    Timestamps stay strings: configs are JSON-shaped and the schemas expect strings there.
    """
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    first = text[0]
    if first in "-+.0123456789":
        if _INT.fullmatch(text):
            return _to_int(text)
        if _FLOAT.fullmatch(text):
            return _to_float(text)
    return text


def _to_int(text: str) -> int:
    body = text.replace("_", "")
    sign = -1 if body[0] == "-" else 1
    if body[0] in "+-":
        body = body[1:]
    if body == "0":
        return 0
    if body.startswith("0b"):
        return sign * int(body[2:], 2)
    if body.startswith("0x"):
        return sign * int(body[2:], 16)
    if body.startswith("0"):
        return sign * int(body, 8)
    if ":" in body:
        value = 0
        for part in body.split(":"):
            value = value * 60 + int(part)
        return sign * value
    return sign * int(body)


def _to_float(text: str) -> float:
    body = text.replace("_", "").lower()
    sign = -1.0 if body[0] == "-" else 1.0
    if body[0] in "+-":
        body = body[1:]
    if body == ".inf":
        return sign * float("inf")
    if body == ".nan":
        return float("nan")
    if ":" in body:
        value = 0.0
        for part in body.split(":"):
            value = value * 60 + float(part)
        return sign * value
    return sign * float(body)


# A node's extent as character offsets (start, end). Locations keep offsets and the Document turns
# them into line/column spans on demand: building two Span objects per event up front cost more
# than parsing the YAML itself (bench/lint_plano_500.py).
_Off = tuple[int, int]


def _span(event: Any) -> _Off:
    return (event.start_mark.index, event.end_mark.index)


class _Frame:
    """A mapping or sequence being built (a plain class: one is made per collection, and a
    dataclass with default factories cost several times more to create)."""

    __slots__ = ("is_map", "container", "path", "start", "anchor", "weight", "key", "key_span", "key_is_merge", "key_spans", "merges")

    def __init__(self, is_map: bool, path: PathT, start: int, anchor: str | None) -> None:
        self.is_map = is_map
        self.container: Any = {} if is_map else []
        self.path = path
        self.start = start
        self.anchor = anchor
        self.weight = 1
        self.key: str | None = None
        self.key_span: _Off | None = None
        self.key_is_merge = False
        self.key_spans: dict[str, _Off] = {}
        self.merges: list[tuple[Any, _Off, _Off]] = []


class _TooDeep(Exception):
    def __init__(self, span: Span) -> None:
        self.span = span


class _AliasBomb(Exception):
    def __init__(self, span: Span) -> None:
        self.span = span


class _Builder:
    def __init__(self, name: str, text: str, limits: Limits) -> None:
        self.name = name
        self.text = text
        self.limits = limits
        self._line_index: LineIndex | None = None
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        # Path -> (key start, key end, value start, value end) offsets; -1 when there is no key.
        self.locations: dict[PathT, tuple[int, int, int, int]] = {}
        self.diagnostics: list[Diagnostic] = []
        self.alias_nodes = 0
        self.root: Any = None
        self.has_root = False

    def span(self, offsets: _Off) -> Span:
        """Line/column span of offsets, for diagnostics (the line index is built on first use)."""
        if self._line_index is None:
            self._line_index = LineIndex(self.text)
        return self._line_index.span(*offsets)

    # -- node completion -----------------------------------------------------------------------

    def add(self, value: Any, span: _Off, weight: int, *, is_scalar: bool, raw: str | None = None, plain: bool = False) -> None:
        if not self.stack:
            self.root = value
            self.has_root = True
            self.locations[()] = (-1, -1, span[0], span[1])
            return
        parent = self.stack[-1]
        parent.weight += weight
        if not parent.is_map:
            path = parent.path + (len(parent.container),)
            parent.container.append(value)
            self.locations[path] = (-1, -1, span[0], span[1])
            return
        if parent.key is None:
            if not is_scalar:
                self.diagnostics.append(
                    rules.UNSUPPORTED_KEY(
                        "a mapping key must be a plain string, not a mapping or sequence", file=self.name, span=self.span(span)
                    )
                )
                parent.key, parent.key_span = "", span
                return
            key = raw if raw is not None else ("null" if value is None else str(value))
            parent.key, parent.key_span, parent.key_is_merge = key, span, plain and key == "<<"
            return
        key, key_span = parent.key, parent.key_span
        assert key_span is not None
        parent.key, parent.key_span = None, None
        if parent.key_is_merge:
            parent.key_is_merge = False
            parent.merges.append((value, key_span, span))
            return
        path = parent.path + (key,)
        if key in parent.key_spans:
            first = parent.key_spans[key]
            self.diagnostics.append(
                rules.DUPLICATE_KEY(
                    f"duplicate key {key!r}: the first one, at line {self.span(first).start.line}, is ignored",
                    file=self.name,
                    span=self.span(key_span),
                    related=(Related("first defined here", self.name, self.span(first)),),
                    hint="remove one of the two entries",
                    pointer=pointer(path),
                )
            )
        parent.key_spans[key] = key_span
        parent.container[key] = value
        self.locations[path] = (key_span[0], key_span[1], span[0], span[1])

    def child_path(self) -> PathT:
        if not self.stack:
            return ()
        parent = self.stack[-1]
        if not parent.is_map:
            return parent.path + (len(parent.container),)
        if parent.key is None:
            return parent.path + ("",)  # complex key: reported when the node completes
        return parent.path + (parent.key,)

    def start(self, event: Any, is_map: bool) -> None:
        start = event.start_mark.index
        if len(self.stack) >= self.limits.max_depth:
            raise _TooDeep(self.span(_span(event)))
        if event.ctag is not None:  # the slot behind ruamel's `tag` property
            self.check_tag(event, _span(event), _CORE + ("map" if is_map else "seq"))
        self.stack.append(_Frame(is_map, self.child_path(), start, event.anchor))

    def end(self, event: Any) -> None:
        frame = self.stack.pop()
        span = (frame.start, event.end_mark.index)
        if frame.is_map and frame.merges:
            self.apply_merges(frame)
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.container, frame.weight)
        self.add(frame.container, span, frame.weight, is_scalar=False)

    def apply_merges(self, frame: _Frame) -> None:
        """YAML 1.1 merge keys (`<<: *base`): explicit keys win, then earlier merge sources."""
        merged: dict[str, tuple[Any, _Off, _Off]] = {}
        for value, key_span, value_span in frame.merges:
            sources = value if isinstance(value, list) else [value]
            for source in sources:
                if not isinstance(source, dict):
                    self.diagnostics.append(
                        rules.SYNTAX_ERROR(
                            "a merge key '<<' needs a mapping or a list of mappings", file=self.name, span=self.span(value_span)
                        )
                    )
                    continue
                for key, item in source.items():
                    merged.setdefault(key, (item, key_span, value_span))
        explicit = frame.container
        combined = {key: item for key, (item, _, _) in merged.items() if key not in explicit}
        combined.update(explicit)
        frame.container.clear()
        frame.container.update(combined)
        for key, (_, key_span, value_span) in merged.items():
            self.locations.setdefault(frame.path + (key,), (key_span[0], key_span[1], value_span[0], value_span[1]))

    def scalar(self, event: Any) -> None:
        span = _span(event)
        raw = event.value
        tag = event.tag
        plain = tag is None and bool(event.implicit[0]) and not event.style
        if plain:
            value = resolve_plain(raw)
        elif tag is None or tag == "!":
            value = raw
        else:
            value = self.tagged(raw, tag, span)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        self.add(value, span, 1, is_scalar=True, raw=raw, plain=plain)

    def tagged(self, raw: str, tag: str, span: _Off) -> Any:
        self.check_tag_name(tag, span)
        name = tag[len(_CORE):] if tag.startswith(_CORE) else ""
        try:
            if name == "int":
                return _to_int(raw)
            if name == "float":
                return _to_float(raw)
            if name == "bool":
                return _BOOLS[raw]
            if name == "null":
                return None
        except (ValueError, KeyError, IndexError):
            self.diagnostics.append(rules.SYNTAX_ERROR(f"{raw!r} is not a valid !!{name}", file=self.name, span=self.span(span)))
        return raw

    def check_tag(self, event: Any, span: _Off, default: str) -> None:
        if event.tag is not None and event.tag != "!" and event.tag != default:
            self.check_tag_name(event.tag, span)

    def check_tag_name(self, tag: str, span: _Off) -> None:
        if tag not in _KNOWN_TAGS:
            self.diagnostics.append(
                rules.YAML_CUSTOM_TAG(
                    f"custom tag {tag!r} is not supported; PyYAML's safe_load (used by Plano) rejects it",
                    file=self.name,
                    span=self.span(span),
                    hint="remove the tag and write the plain value",
                )
            )

    def alias(self, event: Any) -> None:
        span = _span(event)
        anchor = event.anchor
        if anchor not in self.anchors:
            self.diagnostics.append(
                rules.SYNTAX_ERROR(f"alias *{anchor} refers to an undefined anchor", file=self.name, span=self.span(span))
            )
            self.add(None, span, 1, is_scalar=True)
            return
        value, weight = self.anchors[anchor]
        self.alias_nodes += weight
        if self.alias_nodes > self.limits.max_alias_nodes:
            raise _AliasBomb(self.span(span))
        self.add(value, span, weight, is_scalar=not isinstance(value, (dict, list)), raw=value if isinstance(value, str) else None)


def _event_source(text: str) -> Any:
    """A `get_event()` callable: ruamel's C parser when installed (what YAML.parse uses), else the
    pure-Python parser. It returns None once the stream has ended."""
    try:
        from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:  # no ruamel.yaml.clib
        events = iter(YAML(typ="safe", pure=True).parse(text))
        return lambda: next(events, None)
    return CParser(text).get_event


def _run(builder: _Builder, text: str) -> None:
    """Feed every event to the builder.

    The loop handles the common events inline (a plain or quoted scalar as a key, a value or an
    item; a mapping or sequence start and end): they are ~all of a config, and a method call with
    keyword arguments per scalar was most of the reading time. Tags, anchors, aliases, merge keys
    and duplicate keys go through the builder's methods.
    """
    get_event = _event_source(text)
    stack = builder.stack
    locations = builder.locations
    resolve = resolve_plain
    documents = 0
    while True:
        event = get_event()
        cls = type(event)
        if cls is ScalarEvent:
            # `ctag` is the slot behind ruamel's `tag` property (a property call per scalar).
            if event.ctag is not None or event.anchor is not None or not stack:
                builder.scalar(event)
                continue
            raw = event.value
            plain = event.implicit[0] and not event.style
            start, end = event.start_mark.index, event.end_mark.index
            parent = stack[-1]
            parent.weight += 1
            if not parent.is_map:
                locations[parent.path + (len(parent.container),)] = (-1, -1, start, end)
                parent.container.append(resolve(raw) if plain else raw)
                continue
            key = parent.key
            if key is None:
                parent.key, parent.key_span, parent.key_is_merge = raw, (start, end), plain and raw == "<<"
                continue
            if parent.key_is_merge or key in parent.key_spans:
                parent.weight -= 1  # add() counts it again
                builder.add(resolve(raw) if plain else raw, (start, end), 1, is_scalar=True, raw=raw, plain=plain)
                continue
            key_span = parent.key_span
            assert key_span is not None
            parent.key = parent.key_span = None
            parent.key_spans[key] = key_span
            parent.container[key] = resolve(raw) if plain else raw
            locations[parent.path + (key,)] = (key_span[0], key_span[1], start, end)
        elif cls is MappingStartEvent:
            builder.start(event, True)
        elif cls is SequenceStartEvent:
            builder.start(event, False)
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            builder.end(event)
        elif cls is AliasEvent:
            builder.alias(event)
        elif cls is DocumentStartEvent:
            documents += 1
            if documents > 1:
                builder.diagnostics.append(
                    rules.MULTIPLE_DOCUMENTS(
                        "a second YAML document starts here; Plano's loader expects a single document",
                        file=builder.name,
                        span=builder.span(_span(event)),
                        hint="remove the '---' separator and merge or delete the second document",
                    )
                )
                return
        elif event is None or cls is StreamEndEvent:
            return


def read_yaml(text: str, name: str, limits: Limits, had_bom: bool) -> ReadResult:
    builder = _Builder(name, text, limits)
    try:
        _run(builder, text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        span = Span.at(mark.line + 1, mark.column + 1) if mark is not None else Span.at(1, 1)
        message = error.problem or "invalid YAML"
        if error.context:
            message = f"{message} ({error.context})"
        return ReadResult(None, [rules.SYNTAX_ERROR(message, file=name, span=span)])
    except YAMLError as error:
        return ReadResult(None, [rules.SYNTAX_ERROR(str(error).strip() or "invalid YAML", file=name, span=Span.at(1, 1))])
    except _TooDeep as error:
        return ReadResult(
            None, [rules.TOO_DEEP(f"mappings and sequences are nested deeper than {limits.max_depth} levels", file=name, span=error.span)]
        )
    except _AliasBomb as error:
        return ReadResult(
            None,
            [
                rules.YAML_ALIAS_LIMIT(
                    f"aliases expand to more than {limits.max_alias_nodes} nodes; reading stopped here",
                    file=name,
                    span=error.span,
                    hint="a provider config never needs this many aliased nodes; this looks like a 'billion laughs' file",
                )
            ],
        )
    if not builder.has_root or builder.root is None:
        return ReadResult(None, [rules.EMPTY_FILE("the file holds no YAML content", file=name, span=Span.at(1, 1))])
    locations: dict[PathT, Any] = builder.locations  # handed over: the builder is done with it
    document = Document(name, text, "yaml", builder.root, locations=locations, had_bom=had_bom)
    return ReadResult(document, builder.diagnostics)
