"""Secret recognition, fingerprints and masking."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from modelconf.secrets import fingerprint, looks_like_secret, mask_line, safe_repr

KEY = "sk-ant-api03-Qm9vZ2xlLXJlYWxseS1sb25nLXRva2VuLXZhbHVl"


@pytest.mark.parametrize(
    "value",
    [
        KEY, "sk-proj-Zx81kQmT4vPq9LwYb3NcR7sHd2", "AKIAIOSFODNN7EXAMPLE", "xai-8f3K2mQpL9vN4tR7wY1zB6cD",
        "Zx81kQmT4vPq9LwYb3NcR7sHd2aB9cD0eF", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "3f9a1c7e5b2d4f8a9c0e1b2d3f4a5c6e",
    ],
)
def test_secrets_are_recognised(value: str) -> None:
    assert looks_like_secret(value)


@pytest.mark.parametrize(
    "value",
    [
        "$OPENAI_API_KEY", "${OPENAI_API_KEY}", "OPENAI_API_KEY", "!op read op://vault/item/key",
        "https://api.openai.com/v1/chat/completions", "anthropic/claude-sonnet-4-5-20250929", "gpt-4o-mini",
        "ollama", "sk-short", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "models-dev-provider-name-here",
        "550e8400-e29b-41d4-a716-446655440000", "ASIA_PACIFIC_REGION_NAME", "us.anthropic.claude-sonnet-4-20250514-v1:0",
    ],
)
def test_references_names_and_urls_are_not_secrets(value: str) -> None:
    assert not looks_like_secret(value)


def test_fingerprint_shows_prefix_tail_and_length_only() -> None:
    assert fingerprint(KEY) == f"sk-ant-api03-…bHVl ({len(KEY)} chars)"
    assert KEY[13:-4] not in fingerprint(KEY)
    assert fingerprint("abc") == "… (3 chars)"


def test_mask_line_keeps_length_and_hides_the_middle() -> None:
    line = f'  "apiKey": "{KEY}",'
    masked = mask_line(line)
    assert len(masked) == len(line)
    assert KEY not in masked
    assert masked.startswith('  "apiKey": "sk-ant-api03-*') and masked.endswith('bHVl",')


def test_mask_line_masks_known_values_even_if_they_look_harmless() -> None:
    assert mask_line("key: hunter2hunter2", known={"hunter2hunter2"}) == "key: **********ter2"


def test_safe_repr_never_shows_a_secret() -> None:
    assert KEY not in safe_repr(KEY)
    assert safe_repr("128k") == '"128k"'
    assert safe_repr(None) == "null" and safe_repr(True) == "true" and safe_repr([1]) == "an array"


def test_might_hold_secret_never_misses_a_key_the_scan_would_find() -> None:
    from modelconf.secrets import might_hold_secret

    assert might_hold_secret(f'{{"apiKey": "{KEY}"}}')
    assert might_hold_secret("access_key: AKIAIOSFODNN7EXAMPLE\n")
    assert might_hold_secret('{"apiKey": "sk-\\u0061bc"}')  # escapes could hide one: always scanned
    assert not might_hold_secret("model_providers:\n  - model: anthropic/claude-sonnet-4-5-20250929\n    access_key: $ANTHROPIC_API_KEY\n")
    # Escapes that make only line breaks, tabs, quotes or spaces hide nothing (Plano descriptions have many).
    assert not might_hold_secret('description: "first line\\nsecond \\"quoted\\"\\tend"\nmodel: openai/gpt-4o\n')
    # Each piece of raw text between the escapes is too short to look like a key; the value is one.
    assert looks_like_secret("sk-proj-Zx8kQmTvPqLwYbNcRsHd")
    assert might_hold_secret('{apiKey: "s\\k-proj-Zx8k\\QmTv\\PqLw\\YbNc\\RsHd"}')  # JSON5 reads \k as k
    assert might_hold_secret('key: "sk-proj-Zx8k\\\n  QmTvPqLwYbNcRsHd"\n')  # YAML joins the two lines


_TOKEN_CHARS = "abcXYZ0189_-./=+"
_SPELLINGS = st.sampled_from(["plain", "json-ascii", "json5-escapes", "yaml-double"])


def _json5_escaped(value: str, picks: list[int]) -> str:
    """A JSON5 string literal spelling some characters as escapes (\\uXXXX, \\xXX, or identity)."""
    out = []
    for char, pick in zip(value, picks):
        if char in '"\\':
            out.append("\\" + char)
        elif char in "\n\t":
            out.append("\\n" if char == "\n" else "\\t")
        elif pick == 1:
            out.append(f"\\u{ord(char):04x}")
        elif pick == 2 and ord(char) < 256:
            out.append(f"\\x{ord(char):02x}")
        elif pick == 3 and char.isalpha() and char not in "ntrbfvux":
            out.append("\\" + char)
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


@given(
    values=st.lists(
        st.one_of(
            st.text(alphabet=_TOKEN_CHARS + ' \n\t"\\', min_size=10, max_size=40),
            st.builds(lambda prefix, tail: prefix + tail, st.sampled_from(["sk-proj-", "sk-ant-", "xai-", "AKIA", "!echo sk-"]),
                      st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZabcdefghkmnpqrstuvwxyz23456789", min_size=16, max_size=30)),
        ),
        min_size=1, max_size=4,
    ),
    spelling=_SPELLINGS,
    picks=st.lists(st.integers(0, 3), min_size=64, max_size=64),
)
def test_the_text_look_never_misses_a_key_in_a_parsed_value(values: list[str], spelling: str, picks: list[int]) -> None:
    """Whatever the escapes, a file whose values hold a key (or a command with one) passes the look."""
    import json

    from modelconf.credentials._lint import _embedded_secret
    from modelconf.document import iter_long_strings, read_bytes
    from modelconf.secrets import might_hold_secret

    if spelling == "json5-escapes":
        text, name = "{" + ", ".join(f"k{i}: {_json5_escaped(v, picks)}" for i, v in enumerate(values)) + "}", "x.json5"
    elif spelling == "yaml-double":
        text, name = "".join(f"k{i}: {json.dumps(v, ensure_ascii=bool(picks[i] % 2))}\n" for i, v in enumerate(values)), "x.yaml"
    else:
        text, name = json.dumps({f"k{i}": v for i, v in enumerate(values)}, ensure_ascii=spelling == "json-ascii"), "x.json"
    document = read_bytes(text.encode(), name).document
    assert document is not None
    holds = any(looks_like_secret(v) or _embedded_secret(v) for _, v in iter_long_strings(document.value, 16))
    assert might_hold_secret(text) or not holds
