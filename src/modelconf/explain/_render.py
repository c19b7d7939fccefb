"""Render an explanation: text for people, JSON (schemas/explain.schema.json) for machines.

Values appear only as fingerprints; commands are shown (masked where they contain a key) but
their output never is.
"""

from __future__ import annotations

import json
from typing import Any

from modelconf.credentials._types import NOT_REACHED, CredentialWalk, Step
from modelconf.diagnostics import Diagnostic

TYPE_CHECKING = False
if TYPE_CHECKING:
    from modelconf.explain import Explanation

FORMAT = "modelconf.explain/1"
SCHEMA_ID = "https://modelconf.dev/schemas/explain.json"
PROGRAMS = {"pi": "pi", "zot": "zot", "openclaw": "OpenClaw/Mayros", "plano": "Plano"}


def _shown(value: Any) -> str:
    from modelconf.explain._model import masked

    value = masked(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return ", ".join(f"{k} {_shown(v)}" for k, v in value.items() if v is not None)
    if isinstance(value, list):
        return ", ".join(_shown(v) for v in value)
    return str(value)


def render_text(result: Explanation) -> str:
    program = PROGRAMS.get(result.target, result.target)
    view = result.model
    lines = [f"{view.ref} as {program} sees it" + (f" (alias {result.request})" if result.alias else "")]
    rows: list[tuple[str, str, str]] = [(f.name, _shown(f.value), f.source) for f in (*view.fields, *view.endpoint)]
    if view.entry is not None and view.origin in ("user", "wildcard"):
        rows.append(("added by" if view.origin == "user" else "expanded from", str(view.entry), ""))
    for change in view.changes:
        rows.append(("replaced by" if change.replaced else "changed by", f"{change.entry} ({', '.join(change.fields)})", ""))
    width = max((len(r[0]) for r in rows), default=0)
    value_width = min(max((len(r[1]) for r in rows), default=0), 60)
    for name, value, source in rows:
        lines.append(f"  {name:<{width}}  {value:<{value_width}}  {source}".rstrip())
    lines.extend(f"  note: {note}" for note in view.notes)

    walk = result.walk
    lines.append("")
    lines.extend(walk_lines(walk, result.sources.where()))
    lines.extend(rotation_lines(walk))
    if walk.setup:
        lines.append("")
        lines.append("setup:")
        for item in walk.setup:
            names = ", ".join(item.names)
            extra = f" = {item.value}" if item.value is not None else ""
            lacking = f"; missing {', '.join(item.missing_names)}" if item.result == "missing" and item.set_names else ""
            flags = " (required)" if item.required and item.result == "missing" else ""
            detail = f"; {item.detail}" if item.detail else ""
            note = f"; {item.note}" if item.note else ""
            lines.append(f"  {item.result:<8} {item.item}{extra} [{names}]{flags}{lacking}{detail}{note}")
    if walk.notes:
        lines.append("")
        lines.extend(f"note: {note}" for note in walk.notes)
    if result.diagnostics:
        lines.append("")
        lines.extend(_diagnostic_line(d) for d in result.diagnostics)
    return "\n".join(lines) + "\n"


def walk_lines(walk: CredentialWalk, where: str) -> list[str]:
    """The credential walk: a heading naming where the target looked, one line per step (the
    chosen one marked `>`, a command's fallback `~`), then the decision. Fingerprints only."""
    program = PROGRAMS.get(walk.target, walk.target)
    lines = [f"credentials for {walk.provider}, in {program}'s order ({where}):"]
    lines.extend(_step_lines(walk.steps, walk.chosen, walk.fallback))
    if walk.chosen is not None:
        chosen = walk.steps[walk.chosen]
        text = f"chosen: step {walk.chosen + 1} ({chosen.source} {chosen.checked})"
        if walk.fallback is not None:
            fallback = walk.steps[walk.fallback]
            text += f"; if the command fails: step {walk.fallback + 1} ({fallback.source} {fallback.checked})"
        lines.append(text)
    else:
        lines.append(f"chosen: none: {walk.reason}")
    return lines


def rotation_lines(walk: CredentialWalk) -> list[str]:
    """OpenClaw/Mayros' key-rotation candidates (after a blank line), or nothing."""
    if not walk.rotation:
        return []
    return ["", "key rotation candidates, in order:", *_step_lines(walk.rotation, None, None)]


def _step_lines(steps: tuple[Step, ...], chosen: int | None, fallback: int | None) -> list[str]:
    if not steps:
        return []
    name_width = max(len(s.step) for s in steps)
    checked_width = min(max(len(s.checked) for s in steps), 64)
    out = []
    for index, step in enumerate(steps):
        marker = ">" if index == chosen else ("~" if index == fallback else " ")
        shown = step.fingerprint or ""
        line = f"  {marker} {index + 1:>2}  {step.step:<{name_width}}  {step.checked:<{checked_width}}  {step.result:<11} {shown}"
        out.append(line.rstrip())
        if step.detail and step.detail != step.warning and (step.result != NOT_REACHED or step.fingerprint or step.command):
            out.append(f"{'':>{10 + name_width}}{step.detail}")
        if step.warning:
            out.append(f"{'':>{10 + name_width}}warning: {step.warning}")
    return out


def _diagnostic_line(diagnostic: Diagnostic) -> str:
    where = diagnostic.file or "-"
    if diagnostic.span is not None:
        where += f":{diagnostic.span.start.line}:{diagnostic.span.start.column}"
    text = f"{where}: {diagnostic.code} [{diagnostic.severity.label}] {diagnostic.message}"
    return text + (f" (hint: {diagnostic.hint})" if diagnostic.hint else "")


def _diagnostic_json(diagnostic: Diagnostic) -> dict[str, Any]:
    out: dict[str, Any] = {"code": diagnostic.code, "severity": diagnostic.severity.label, "message": diagnostic.message, "file": diagnostic.file}
    if diagnostic.span is not None:
        out["line"] = diagnostic.span.start.line
        out["column"] = diagnostic.span.start.column
    if diagnostic.hint:
        out["hint"] = diagnostic.hint
    return out


def to_json(result: Explanation) -> dict[str, Any]:
    walk = result.walk
    view = result.model
    sources = result.sources
    auth = sources.auth
    return {
        "$schema": SCHEMA_ID,
        "format": FORMAT,
        "target": result.target,
        "request": result.request,
        "alias_of": result.alias,
        "model": {
            "ref": view.ref,
            "provider": view.provider,
            "id": view.model,
            "key": view.key,
            "origin": view.origin,
            "known_provider": walk.known_provider,
            "in_builtin_catalog": view.in_builtin,
            "entry": view.entry.as_dict() if view.entry is not None else None,
            "fields": [f.as_dict() for f in view.fields],
            "overrides": [c.as_dict() for c in view.changes],
            "pattern": view.pattern,
            "notes": list(view.notes),
        },
        "endpoint": [f.as_dict() for f in view.endpoint],
        "credentials": {
            "provider": walk.provider,
            "chosen": walk.chosen,
            "fallback": walk.fallback,
            "reason": walk.reason,
            "steps": [dict(s.as_dict(), index=i, chosen=i == walk.chosen) for i, s in enumerate(walk.steps)],
            "rotation": [dict(s.as_dict(), index=i) for i, s in enumerate(walk.rotation)],
        },
        "setup": [item.as_dict() for item in walk.setup],
        "sources": {
            "environment": sources.env_source,
            "auth_file": None
            if auth is None
            else {
                "path": auth.path,
                "exists": auth.exists,
                "mode": f"{auth.mode:04o}" if auth.mode is not None else None,
                "default": sources.auth_default,
            },
            "dotenv": sources.dotenv.path if sources.dotenv is not None else None,
            "allow_exec": result.allow_exec,
        },
        "notes": list(walk.notes),
        "diagnostics": [_diagnostic_json(d) for d in result.diagnostics],
        "exit_code": result.exit_code,
    }


def dumps(result: Explanation) -> str:
    return json.dumps(to_json(result), indent=2, ensure_ascii=False)
