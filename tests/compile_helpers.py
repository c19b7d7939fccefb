"""Helpers for compiler tests: a small catalog, a reduced Plano registry, compiling by path."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from modelconf.catalog._facts import Catalog, load_catalog_from
from modelconf.catalog._profiles import TargetProfile, load_profile, profile_from_data
from modelconf.compiler import CompileResult, compile_files
from modelconf.credentials import ConfigFile
from modelconf.document import Document, read_bytes
from modelconf.emit.resolved import to_data
from modelconf.ir import ConfigIR
from modelconf.lower import lower
from modelconf.resolve import Resolution, resolve

ROOT = Path(__file__).resolve().parent.parent
COMPILE = ROOT / "fixtures" / "compile"

# A few registry models per key, so that Plano goldens stay readable.
PLANO_REGISTRY: dict[str, list[str]] = {
    "anthropic": ["claude-sonnet-4-6", "claude-opus-4-6", "claude-haiku-4-5"],
    "openai": ["gpt-4o", "gpt-4o-mini", "gpt-5"],
    "google": ["gemini-2.5-pro"],
    "amazon": ["amazon.nova-pro-v1:0"],
    "z-ai": ["glm-4.6"],
    "moonshotai": ["kimi-k2.5"],
}


@functools.cache
def small_catalog() -> Catalog:
    return load_catalog_from(COMPILE / "catalog.json")


@functools.cache
def plano_profile() -> TargetProfile:
    raw: dict[str, Any] = json.loads(json.dumps(dict(load_profile("plano").raw)))
    raw["registry"]["keys"] = dict(PLANO_REGISTRY)
    return profile_from_data(raw)


def profile_for(target: str) -> TargetProfile:
    return plano_profile() if target == "plano" else load_profile(target)


def compile_paths(paths: Sequence[str], target: str | None = None, *, force: bool = False, full: bool = False) -> CompileResult:
    """Compile repository-relative paths (provenance names them that way) with the small catalog."""
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        chosen = target
        if chosen is None:
            from modelconf.compiler import _common_target, _dialect_for, _lint
            from modelconf.document import Limits

            files = [_lint(p, None, Limits()) for p in paths]
            chosen = _common_target(files, [_dialect_for(f, None) for f in files], None)
        return compile_files(
            list(paths),
            target=target,
            force=force,
            catalog=None if full else small_catalog(),
            profile=None if full else profile_for(chosen),
        )
    finally:
        os.chdir(cwd)


def data_of(result: CompileResult) -> dict[str, Any]:
    assert result.resolution is not None, [(d.code, d.message) for d in result.diagnostics]
    return to_data(result.resolution)


def models(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {model["key"]: model for model in data["models"]}


def text_document(text: str, name: str) -> Document:
    read = read_bytes(text.encode("utf-8"), name)
    assert read.document is not None, read.diagnostics
    return read.document


def text_ir(text: str, name: str, dialect: str, target: str | None = None) -> ConfigIR:
    """Lower config text (no checks), named `name` in provenance."""
    return lower(text_document(text, name), dialect, target=target)


def resolve_texts(target: str, *files: tuple[str, str, str]) -> Resolution:
    """Resolve (text, name, dialect) files with the small catalog, as compile does."""
    documents = [(text_document(text, name), dialect) for text, name, dialect in files]
    irs = [lower(document, dialect, target=target) for document, dialect in documents]
    configs = [ConfigFile(document, dialect) for document, dialect in documents]
    return resolve(irs, target, catalog=small_catalog(), profile=profile_for(target), configs=configs)


def resolved(target: str, *files: tuple[str, str, str]) -> dict[str, Any]:
    return to_data(resolve_texts(target, *files))


def codes(resolution: Resolution) -> list[tuple[str, int, int]]:
    out = []
    for d in resolution.diagnostics:
        assert d.span is not None
        out.append((d.code, d.span.start.line, d.span.start.column))
    return sorted(out)


def at(text: str, name: str, needle: str, occurrence: int = 1) -> str:
    """`name:line:col` of the n-th occurrence of `needle` in `text` (1-based, as provenance writes it)."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"{name}:{line}:{column}"
