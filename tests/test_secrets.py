"""Secret recognition, fingerprints and masking."""

from __future__ import annotations

import pytest

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
