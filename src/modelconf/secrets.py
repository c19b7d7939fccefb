"""Recognise secrets and show them only as fingerprints.

Nothing modelconf prints, logs or writes may contain a secret. Code that has to refer to one uses
`fingerprint(value)`: the key's prefix, an ellipsis, the last four characters and the length
(`sk-…a1b2 (51 chars)`). Renderers that print source lines pass them through `mask_line` first.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

# Prefixes of well-known API keys and tokens (longest first so `sk-ant-` wins over `sk-`).
KNOWN_PREFIXES: tuple[str, ...] = tuple(
    sorted(
        (
            "sk-ant-api03-", "sk-ant-oat01-", "sk-ant-", "sk-proj-", "sk-or-v1-", "sk-svcacct-", "sk-",
            "xai-", "gsk_", "AIza", "hf_", "ghp_", "gho_", "ghu_", "ghs_", "github_pat_", "glpat-",
            "pplx-", "fw_", "r8_", "csk-", "nvapi-", "ya29.", "xoxb-", "xoxp-",
            "bedrock-api-key-", "sess-", "tgp_v1_", "dsk-",
        ),
        key=len,
        reverse=True,
    )
)

# The characters keys and tokens are made of.
_TOKEN = r"[A-Za-z0-9_\-\.=+/]"
_PREFIXED = re.compile("(?:" + "|".join(re.escape(prefix) for prefix in KNOWN_PREFIXES) + ")" + _TOKEN + "{12,}")
# AWS access key ids are upper-case letters and digits, like env var names, so they get their own shape.
_AWS_KEY_ID = re.compile(r"(?:AKIA|ASIA)[A-Z0-9]{16}")
# Long runs of token characters, checked for entropy.
_TOKENISH = re.compile(_TOKEN + "{24,}")
# A byte table that blanks every byte but token characters: text.encode().translate(_BLANK).split()
# gives the runs of token characters, several times faster than a regex scan of the text.
_BLANK = bytes(byte if re.fullmatch(_TOKEN, chr(byte)) else 0x20 for byte in range(256))
_ALNUM_RUN = re.compile(r"[A-Za-z0-9]{16,}")
_ENV_NAME = re.compile(r"\$?\{?[A-Z_][A-Z0-9_]*\}?")


def known_prefix(value: str) -> str | None:
    if _AWS_KEY_ID.match(value):
        return value[:4]
    for prefix in KNOWN_PREFIXES:
        if value.startswith(prefix):
            return prefix
    return None


def entropy(value: str) -> float:
    """Shannon entropy in bits per character."""
    if not value:
        return 0.0
    counts = Counter(value)
    total = len(value)
    return -sum(n / total * math.log2(n / total) for n in counts.values())


def looks_like_secret(value: str) -> bool:
    """True for strings that look like an API key or token rather than a name, URL or reference.

    Env var references (`$OPENAI_API_KEY`, `${X}`, `OPENAI_API_KEY`), commands (`!op read ...`),
    URLs and ids made of short words (`anthropic/claude-sonnet-4-5-20250929`) are not secrets. A
    known key prefix followed by 12+ token characters is; so is a token-shaped string holding a
    long unbroken run of mixed letters and digits with high entropy (random keys have one).
    """
    text = value.strip()
    if len(text) < 16 or " " in text or text.startswith(("!", "http://", "https://", "$")):
        return False
    if _AWS_KEY_ID.fullmatch(text):
        return True
    if _ENV_NAME.fullmatch(text):
        return False
    if _PREFIXED.fullmatch(text):
        return True
    if not _TOKENISH.fullmatch(text):
        return False
    for run in _ALNUM_RUN.findall(text):
        classes = sum(bool(re.search(pattern, run)) for pattern in ("[a-z]", "[A-Z]", "[0-9]"))
        if classes >= 2 and entropy(run) >= 3.3:
            return True
    return False


def fingerprint(value: str) -> str:
    """`sk-…a1b2 (51 chars)`: enough to tell keys apart, useless to an attacker."""
    prefix = known_prefix(value) or ""
    if len(value) <= 8:
        return f"… ({len(value)} chars)"
    tail = value[-4:]
    return f"{prefix}…{tail} ({len(value)} chars)"


def _mask(value: str) -> str:
    prefix = known_prefix(value) or ""
    keep = 4 if len(value) - len(prefix) > 8 else 0
    hidden = len(value) - len(prefix) - keep
    return prefix + "*" * hidden + (value[-keep:] if keep else "")


# An escape that could hide a key from a look at the raw text: any but those that make a line
# break, tab, other control character, quote, backslash or space, which no key contains (`\u0041`,
# `\x41` and `\/` spell token characters, JSON5 reads `\k` as `k`, a backslash at the end of a
# line joins two lines of a quoted string).
_HIDING_ESCAPE = re.compile(r"\\[^ntrbfv0\"'\\ ]")


def might_hold_secret(text: str) -> bool:
    """A cheap look at raw file text: False when no token in it looks like a secret, so a scan of
    every value can be skipped. A text with an escape that could hide a key from this look is
    always scanned."""
    if "\\" in text and _HIDING_ESCAPE.search(text):
        return True
    # Every key lies inside a run of token characters at least 16 long (no key is shorter).
    for run in text.encode("utf-8", "surrogatepass").translate(_BLANK).split():
        if len(run) < 16:
            continue
        token = run.decode("ascii")
        if looks_like_secret(token) or any(looks_like_secret(key) for key in (*_PREFIXED.findall(token), *_AWS_KEY_ID.findall(token))):
            return True
    return False


def mask_line(line: str, known: Iterable[str] = ()) -> str:
    """Mask secrets in a line of source text, keeping its length so carets still line up."""
    for secret in known:
        if secret and secret in line:
            line = line.replace(secret, _mask(secret))

    def replace(match: re.Match[str]) -> str:
        token = match.group()
        return _mask(token) if looks_like_secret(token) else token

    line = _PREFIXED.sub(lambda m: _mask(m.group()), line)
    line = _AWS_KEY_ID.sub(lambda m: _mask(m.group()), line)
    return _TOKENISH.sub(replace, line)


def safe_repr(value: object, limit: int = 60) -> str:
    """A short representation of a value for a message; secrets become fingerprints."""
    if isinstance(value, str):
        if looks_like_secret(value):
            return f"a secret-looking string ({fingerprint(value)})"
        text = value if len(value) <= limit else value[: limit - 1] + "…"
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "an array" if value else "an empty array"
    if isinstance(value, dict):
        return "an object" if value else "an empty object"
    return type(value).__name__
