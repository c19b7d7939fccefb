"""The SSE decoder against the WHATWG parsing rules (reference/runtime.md §2, "WHATWG HTML §9.2.5–9.2.6")."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from modelconf.runtime._sse import ServerSentEvent, SSEDecoder

Ev = tuple[str, str, str, "int | None"]


def decode(stream: bytes, cuts: list[int] | None = None) -> list[Ev]:
    """Feed `stream` split at `cuts` (or byte by byte when None) and collect the events."""
    if cuts is None:
        pieces = [stream[i : i + 1] for i in range(len(stream))]
    else:
        bounds = [0, *sorted(set(c for c in cuts if 0 < c < len(stream))), len(stream)]
        pieces = [stream[a:b] for a, b in zip(bounds, bounds[1:])]
    decoder = SSEDecoder()
    out: list[Ev] = []
    for piece in pieces:
        out += [(e.event, e.text, e.id, e.retry) for e in decoder.feed(piece)]
    return out


def spec(stream: bytes) -> list[Ev]:
    """A line-by-line reading of the spec's algorithm, slow and plain, as the oracle."""
    text = stream.decode("utf-8", "replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = re.split(r"\r\n|\r|\n", text)[:-1]  # the last piece has no line end: discarded
    events: list[Ev] = []
    data: list[str] = []
    event_type, last_id, retry = "", "", None
    for line in lines:
        if line == "":
            if data:
                events.append((event_type or "message", "\n".join(data), last_id, retry))
            data, event_type, retry = [], "", None
            continue
        if line.startswith(":"):
            continue
        name, _, value = line.partition(":")
        if value.startswith(" "):
            value = value[1:]
        if name == "data":
            data.append(value)
        elif name == "event":
            event_type = value
        elif name == "id" and "\0" not in value:
            last_id = value
        elif name == "retry" and value and all(c in "0123456789" for c in value):
            retry = int(value)
    return events


def test_one_data_line() -> None:
    assert decode(b"data: hello\n\n") == [("message", "hello", "", None)]


def test_line_ends_cr_lf_crlf_all_dispatch() -> None:
    for eol in (b"\n", b"\r", b"\r\n"):
        stream = b"event: x" + eol + b"data: a" + eol + b"data: b" + eol + eol
        assert decode(stream) == [("x", "a\nb", "", None)], eol
        assert decode(stream, []) == [("x", "a\nb", "", None)], eol


def test_crlf_split_between_chunks_is_one_line_end() -> None:
    # "data: a\r" | "\n\r\n": the LF that completes the first CRLF must not count as an empty line.
    decoder = SSEDecoder()
    assert decoder.feed(b"data: a\r") == []
    assert decoder.feed(b"\ndata: b\r") == []
    assert [e.text for e in decoder.feed(b"\n\r\n")] == ["a\nb"]


def test_bom_is_dropped_once_even_split() -> None:
    bom = b"\xef\xbb\xbf"
    assert decode(bom + b"data: x\n\n") == [("message", "x", "", None)]
    # a second BOM is data of the field name, so that line is an unknown field
    assert decode(bom + bom + b"data: x\n\n") == []


def test_comments_and_unknown_fields_are_ignored() -> None:
    stream = b": keepalive\nfoo: bar\ndata: x\n: more\n\n"
    assert decode(stream) == [("message", "x", "", None)]


def test_only_one_leading_space_is_stripped_and_no_colon_means_empty_value() -> None:
    assert decode(b"data:  two\n\n") == [("message", " two", "", None)]
    assert decode(b"data:nospace\n\n") == [("message", "nospace", "", None)]
    assert decode(b"data\ndata\n\n") == [("message", "\n", "", None)]


def test_empty_data_buffer_dispatches_nothing() -> None:
    # `event: ping` alone: the spec dispatches nothing (openai-python and httpx-sse do, runtime.md §2).
    assert decode(b"event: ping\n\n") == []


def test_id_persists_and_nul_is_ignored_and_retry_needs_digits() -> None:
    stream = b"id: 7\ndata: a\n\ndata: b\n\nid: x\x00y\nretry: 15\ndata: c\n\nretry: +5\ndata: d\n\nid\ndata: e\n\n"
    assert decode(stream) == [
        ("message", "a", "7", None),
        ("message", "b", "7", None),
        ("message", "c", "7", 15),
        ("message", "d", "7", None),
        ("message", "e", "", None),
    ]


def test_unterminated_final_event_is_discarded_but_visible_as_pending() -> None:
    decoder = SSEDecoder()
    assert [e.text for e in decoder.feed(b"data: a\n\nevent: last\ndata: b")] == ["a"]
    assert decoder.pending() == ServerSentEvent("last", b"b")


def test_invalid_utf8_becomes_replacement_character() -> None:
    assert decode(b"data: a\xffb\n\n") == [("message", "a\ufffdb", "", None)]


def test_unicode_line_separators_are_data() -> None:
    assert decode("data: a\u2028b\u0085c\n\n".encode()) == [("message", "a\u2028b\u0085c", "", None)]


_pieces = st.sampled_from(
    [
        "data: x",
        "data:y",
        "data",
        "data: ",
        "data:  z",
        "event: e",
        "event:",
        "id: 5",
        "id",
        "id: a\0b",
        "retry: 20",
        "retry: 2x",
        ": comment",
        ":",
        "foo: bar",
        "\n",
        "\r",
        "\r\n",
        "\n\n",
        "é",
        "\u2028",
        "{\"a\": [1, 2]}",
    ]
)


@settings(max_examples=400, deadline=None)
@given(
    bom=st.booleans(),
    parts=st.lists(_pieces, max_size=30),
    cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=12),
)
def test_any_stream_any_chunking_matches_the_spec(bom: bool, parts: list[str], cuts: list[int]) -> None:
    stream = ("\ufeff" if bom else "").encode() + "".join(parts).encode()
    assert decode(stream, cuts) == spec(stream)


@settings(max_examples=100, deadline=None)
@given(parts=st.lists(_pieces, max_size=20))
def test_byte_by_byte_matches_the_spec(parts: list[str]) -> None:
    stream = "".join(parts).encode()
    assert decode(stream) == spec(stream)


def test_events_larger_than_the_in_place_threshold() -> None:
    # Events over 64 KiB are accumulated in place; line ends and boundaries still follow the spec.
    big = "x" * 200_000
    stream = f"data: a\r\n\r\ndata: {big}\r\ndata: {big[:70_000]}\r\n\r\nevent: e\ndata: b\n\n".encode()
    expected = spec(stream)
    assert [len(e[1]) for e in expected] == [1, 270_001, 1]
    for size in (1000, 4096, 65_536, 100_000):
        assert decode(stream, list(range(size, len(stream), size))) == expected, size
