"""Lowering: one parsed document of a dialect to one `ConfigIR` (see `modelconf.ir`).

    from modelconf.lower import lower
    ir = lower(document, "pi")

Lowering trusts the dialect's checks for meaning but never their absence: it skips values of the
wrong type instead of failing, so it does not crash on any document (compile lowers files with
errors only under `--force`).
"""

from __future__ import annotations

from modelconf.document import Document
from modelconf.ir import ConfigIR

# Dialect -> the target it lowers for (`openclaw-models` is pi's format, read by OpenClaw/Mayros).
TARGET_OF: dict[str, str] = {"pi": "pi", "zot": "zot", "openclaw": "openclaw", "openclaw-models": "openclaw", "plano": "plano"}


def lower(document: Document, dialect: str, *, target: str | None = None) -> ConfigIR:
    """Lower a document read as `dialect`. `target` reads a pi-format file for OpenClaw/Mayros."""
    if dialect in ("pi", "openclaw-models"):
        from modelconf.lower.pi import lower_pi

        chosen = target or TARGET_OF[dialect]
        ir = lower_pi(document, dialect="openclaw-models" if chosen == "openclaw" else "pi", target=chosen)
    elif dialect == "zot":
        from modelconf.lower.zot import lower_zot

        ir = lower_zot(document)
    elif dialect == "openclaw":
        from modelconf.lower.openclaw import lower_openclaw

        ir = lower_openclaw(document)
    elif dialect == "plano":
        from modelconf.lower.plano import lower_plano

        ir = lower_plano(document)
    else:
        raise ValueError(f"no lowering for dialect {dialect!r} (known: {', '.join(TARGET_OF)})")
    return ir


def digest(document: Document) -> str:
    """SHA-256 of the file's bytes (a BOM the reader removed included)."""
    import hashlib

    return hashlib.sha256((b"\xef\xbb\xbf" if document.had_bom else b"") + document.text.encode("utf-8")).hexdigest()
