"""`modelconf catalog list|show|import|check`: the built-in catalog and target profiles.

Thin: parse options, call `modelconf.catalog`, render a table for people or JSON for machines.
Bad input (unknown target, provider or model) prints a message listing valid values and exits 2.
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Any, Optional

import typer

from modelconf.commands._common import usage_error

app = typer.Typer(help="The built-in catalog (models.dev providers and models) and target profiles.", no_args_is_help=True)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"


TARGET_HELP = "Show the catalog as this program sees it: pi, zot, openclaw or plano."
FORMAT_HELP = "table for people, json for machines."


def _choices(values: list[str], wanted: str, what: str) -> str:
    import difflib

    close = difflib.get_close_matches(wanted, values, n=3)
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    shown = ", ".join(values) if len(values) <= 60 else ", ".join(values[:60]) + f", ... ({len(values)} in all)"
    return f"unknown {what} {wanted!r}.{hint} Valid {what}s: {shown}"


def _profile(target: str) -> Any:
    from modelconf.catalog._profiles import load_profile

    try:
        return load_profile(target)
    except ValueError as error:  # an unknown target; the message lists the valid ones
        usage_error(str(error))


def _echo_json(value: Any) -> None:
    typer.echo(json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True))


def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows)
    return "\n".join(lines)


def _num(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


# -- JSON shapes ------------------------------------------------------------------------------


def _provider_json(provider: Any) -> dict[str, Any]:
    """Every field of the `ProviderFacts`, with its model count under `models`."""
    data: dict[str, Any] = provider._asdict()
    data["models"] = data.pop("model_count")
    return data


def _model_json(model: Any) -> dict[str, Any]:
    """Every field of the `ModelFacts` (named tuples: tuples become JSON lists, the cost an object)."""
    data: dict[str, Any] = model._asdict()
    data["cost"] = model.cost._asdict() if model.cost is not None else None
    return data


def _target_provider_json(provider: Any) -> dict[str, Any]:
    view = provider.models
    return {
        "id": provider.id,
        "name": provider.name,
        "aliases": list(provider.aliases),
        "auth": provider.auth,
        "api": provider.api,
        "base_url": provider.base_url,
        "needs_base_url": provider.needs_base_url,
        "env": [
            {"name": v.name, "kind": v.kind, "documented": v.documented, "optional": v.optional, "conventional": v.conventional}
            for v in provider.env
        ],
        "settings_env": [{"name": s.name, "required": s.required} for s in provider.settings_env],
        "stored_key": None
        if provider.stored_key is None
        else {"key": provider.stored_key.key, "location": provider.stored_key.location, "path": list(provider.stored_key.path)},
        "models": {
            "source": view.source,
            "provider": view.provider,
            "key": view.key,
            "filters": [{"field": f.field, "op": f.op, "value": f.value} for f in view.filters],
            "approximate": view.approximate,
        },
        "login": list(provider.login),
        "since": provider.since,
        "notes": list(provider.notes),
    }


def _model_rows(models: Any) -> list[list[str]]:
    rows = []
    for m in models:
        cost = m.cost
        rows.append(
            [
                m.id,
                m.name,
                _num(m.context_window),
                _num(m.max_output_tokens),
                _num(m.reasoning),
                ",".join(m.input) or "-",
                "-" if cost is None else f"{cost.input:g}/{cost.output:g}",
            ]
        )
    return rows


MODEL_HEADERS = ["model", "name", "context", "max-out", "reasoning", "input", "$/1M in/out"]


# -- commands ---------------------------------------------------------------------------------


@app.command("list")
def list_command(
    target: Optional[str] = typer.Option(None, "--target", "-t", help=TARGET_HELP),
    provider: Optional[str] = typer.Option(None, "--provider", "-p", help="List this provider's models."),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help=FORMAT_HELP),
) -> None:
    """List providers, or a provider's models (--provider), in the catalog or as a target sees them."""
    from modelconf.catalog import load_catalog

    catalog = load_catalog()
    if target is not None:
        profile = _profile(target)
        if provider is None:
            providers = list(profile.providers.values())
            if output is OutputFormat.json:
                _echo_json({"target": profile.target, "providers": [_target_provider_json(p) for p in providers]})
                return
            rows = [
                [
                    p.id,
                    p.name,
                    p.auth,
                    p.api or "-",
                    " > ".join(p.env_names) or "-",
                    "-" if p.stored_key is None else "/".join(p.stored_key.path),
                    _view_summary(profile, p, catalog),
                ]
                for p in providers
            ]
            typer.echo(_table(["provider", "name", "auth", "api", "env (in order)", "stored key", "models"], rows))
            return
        found = profile.provider(provider)
        if found is None:
            usage_error(_choices(sorted(profile.providers), provider, f"{profile.target} provider"))
        models = profile.visible_models(found.id, catalog)
        if output is OutputFormat.json:
            _echo_json({"target": profile.target, "provider": found.id, "models": [_model_json(m) for m in models]})
            return
        typer.echo(_table(MODEL_HEADERS, _model_rows(models)))
        return
    if provider is None:
        if output is OutputFormat.json:
            _echo_json({"providers": [_provider_json(p) for p in catalog.providers.values()]})
            return
        rows = [
            [p.id, p.name, p.api or "-", p.auth, str(p.model_count), ", ".join(p.env) or "-"]
            for p in catalog.providers.values()
        ]
        typer.echo(_table(["provider", "name", "api", "auth", "models", "env"], rows))
        return
    if provider not in catalog.providers:
        usage_error(_choices(sorted(catalog.providers), provider, "provider"))
    models = catalog.models(provider)
    if output is OutputFormat.json:
        _echo_json({"provider": provider, "models": [_model_json(m) for m in models]})
        return
    typer.echo(_table(MODEL_HEADERS, _model_rows(models)))


def _view_summary(profile: Any, provider: Any, catalog: Any) -> str:
    view = provider.models
    if view.source in ("open", "none"):
        return str(view.source)
    count = len(profile.visible_models(provider.id, catalog))
    where = f"models.dev {view.provider}" if view.source == "models.dev" else f"registry {view.key}"
    return f"{count} ({where}{', approx.' if view.approximate else ''})"


@app.command("show")
def show_command(
    ref: str = typer.Argument(..., metavar="PROVIDER[/MODEL]", help="A provider id, or provider/model (model ids may contain /)."),
    target: Optional[str] = typer.Option(None, "--target", "-t", help=TARGET_HELP),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help=FORMAT_HELP),
) -> None:
    """Show one provider (facts, env vars, credentials) or one model."""
    from modelconf.catalog import load_catalog

    catalog = load_catalog()
    provider_id, _, model_id = ref.partition("/")
    if target is not None:
        profile = _profile(target)
        found = profile.provider(provider_id)
        if found is None:
            usage_error(_choices(sorted(profile.providers), provider_id, f"{profile.target} provider"))
        if model_id:
            models = {m.id: m for m in profile.visible_models(found.id, catalog)}
            model = models.get(model_id)
            if model is None:
                usage_error(_choices(sorted(models), model_id, f"{profile.target} {found.id} model"))
            _show_model(model, output)
            return
        data = _target_provider_json(found)
        data["target"] = profile.target
        data["credential_order"] = [step.step for step in profile.credential_order]
        if output is OutputFormat.json:
            _echo_json(data)
            return
        lines = [
            f"{found.name} ({found.id}) as {profile.name} sees it",
            f"  aliases:       {', '.join(found.aliases) or '-'}",
            f"  auth:          {found.auth}",
            f"  api:           {found.api or '-'}",
            f"  base url:      {found.base_url or '-'}{' (required in config)' if found.needs_base_url else ''}",
            f"  env (order):   {' > '.join(_env_label(v) for v in found.env) or '-'}",
            f"  settings env:  {', '.join(s.name + (' (required)' if s.required else '') for s in found.settings_env) or '-'}",
            f"  stored key:    {'-' if found.stored_key is None else '/'.join(found.stored_key.path)}",
            f"  models:        {_view_summary(profile, found, catalog)}",
            f"  credentials:   {' > '.join(step.step for step in profile.credential_order)}",
        ]
        lines.extend(f"  note:          {note}" for note in found.notes)
        typer.echo("\n".join(lines))
        return
    provider = catalog.providers.get(provider_id)
    if provider is None:
        usage_error(_choices(sorted(catalog.providers), provider_id, "provider"))
    if model_id:
        model = catalog.model(provider_id, model_id)
        if model is None:
            usage_error(_choices([m.id for m in catalog.models(provider_id)], model_id, f"{provider_id} model"))
        _show_model(model, output)
        return
    if output is OutputFormat.json:
        _echo_json(_provider_json(provider))
        return
    typer.echo(
        "\n".join(
            [
                f"{provider.name} ({provider.id})",
                f"  api:       {provider.api or '-'}",
                f"  base url:  {provider.base_url or '-'}",
                f"  auth:      {provider.auth}",
                f"  env:       {', '.join(provider.env) or '-'}",
                f"  docs:      {provider.doc or '-'}",
                f"  models:    {provider.model_count}",
            ]
        )
    )


def _env_label(var: Any) -> str:
    extra = [] if var.kind == "api-key" else [var.kind]
    if not var.documented:
        extra.append("undocumented")
    if var.optional:
        extra.append("optional")
    return str(var.name) + (f" ({', '.join(extra)})" if extra else "")


def _show_model(model: Any, output: OutputFormat) -> None:
    if output is OutputFormat.json:
        _echo_json(_model_json(model))
        return
    cost = model.cost
    price = "-"
    if cost is not None:
        price = f"input {cost.input:g}, output {cost.output:g}, cache read {_num(cost.cache_read)}, cache write {_num(cost.cache_write)}"
    typer.echo(
        "\n".join(
            [
                f"{model.name} ({model.provider}/{model.id})",
                f"  context window:     {_num(model.context_window)}",
                f"  max output tokens:  {_num(model.max_output_tokens)}",
                f"  reasoning:          {_num(model.reasoning)}",
                f"  input:              {', '.join(model.input) or '-'}",
                f"  cost ($/1M tokens): {price}",
                f"  tool calls:         {_num(model.tool_call)}",
                f"  status:             {model.status or '-'}",
            ]
            + ([f"  api:                {model.api}"] if model.api else [])
            + ([f"  base url:           {model.base_url}"] if model.base_url else [])
        )
    )


@app.command("import")
def import_command(
    source: Path = typer.Argument(..., help="A models.dev folder (with providers/ and models/)."),
    output_dir: Optional[Path] = typer.Option(None, "--output", "-o", help="Folder to write catalog.json into (default: the source checkout's catalog/)."),
    commit: Optional[str] = typer.Option(None, "--commit", help="The models.dev commit the folder holds (default: read from SOURCE.md)."),
) -> None:
    """Build catalog.json from models.dev data (deterministic: same input, same bytes)."""
    from modelconf.catalog._importer import CatalogImportError, import_models_dev, write_catalog

    if output_dir is None:
        from modelconf._resources import data_dir

        output_dir = data_dir("catalog")
        if output_dir.parent.name == "_data":
            usage_error("modelconf is installed as a package; give --output DIR to write the catalog elsewhere")
    try:
        catalog = import_models_dev(source, commit=commit)
    except CatalogImportError as error:
        usage_error(str(error))
    path = write_catalog(catalog, output_dir)
    models = sum(len(p["models"]) for p in catalog["providers"].values())
    typer.echo(f"wrote {path}: {len(catalog['providers'])} providers, {models} models")


@app.command("check")
def check_command(
    files: list[Path] = typer.Argument(..., help="Catalog files or target-profile files."),
) -> None:
    """Check catalog or target-profile files; every problem is reported with its position."""
    from modelconf.catalog._check import check_catalog_file, check_profile_file
    from modelconf.renderers.concise import line

    found = []
    for file in files:
        is_profile = b'"modelconf.target-profile/' in file.read_bytes()[:4096] if file.is_file() else False
        found.extend(check_profile_file(file) if is_profile else check_catalog_file(file))
    if found:
        typer.echo("\n".join(line(d) for d in found))
        from modelconf.rules import is_fatal

        raise typer.Exit(2 if any(is_fatal(d.code) for d in found) else 1)
    typer.echo(f"{len(files)} file(s) ok")
