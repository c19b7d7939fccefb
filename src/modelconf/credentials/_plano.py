"""Plano's credential walk (reference/plano.md, "CLI" missing-key check and "$ENV_VAR resolution").

Plano reads no variable by itself: a model provider entry either forwards the client's own
header (`passthrough_auth: true`) or names its key in `access_key`, usually `$VAR` / `${VAR}`.
Before starting, `planoai up` checks every `access_key` with only a leading `$` stripped, in the
`.env` beside the config when there is one (instead of the environment), and stops on a missing
name: `${VAR}` is checked as `{VAR}` and a literal key as a variable name, so both stop it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from modelconf.credentials import _forms
from modelconf.credentials._common import describe_value
from modelconf.credentials._config import ConfigFile
from modelconf.credentials._draft import Draft
from modelconf.credentials._types import MISSING, PRESENT, SET, UNSET, Inputs, Location, Secret, Step
from modelconf.document import Document, PathT, dotted, pointer

TYPE_CHECKING = False
if TYPE_CHECKING:
    from modelconf.catalog._profiles import TargetProfile, TargetProvider

MISSING_KEYS = "✗ Missing API keys!"


def find_entry(
    inputs: Inputs, provider_id: str, model_id: str | None, name: str | None = None
) -> tuple[Document, PathT, dict[str, Any]] | None:
    """The model provider entry serving provider/model: the entry called `name` when given (the
    resolved catalog's provider id: `name`, else `model`), else exact `model` or `name`, else
    `provider/*`."""
    wanted = f"{provider_id}/{model_id}" if model_id else None
    candidates = list(_entries(inputs))
    if name is not None:
        for document, path, entry in candidates:
            if (entry.get("name") or entry.get("model")) == name:
                return document, path, entry
    if wanted is not None:
        for document, path, entry in candidates:
            if entry.get("model") == wanted or entry.get("name") == wanted:
                return document, path, entry
    for document, path, entry in candidates:
        model = entry.get("model")
        if isinstance(model, str) and model == f"{provider_id}/*":
            return document, path, entry
    if wanted is None:
        for document, path, entry in candidates:
            model = entry.get("model")
            if isinstance(model, str) and model.split("/", 1)[0] == provider_id:
                return document, path, entry
    return None


def _entries(inputs: Inputs) -> Iterator[tuple[Document, PathT, dict[str, Any]]]:
    from modelconf.dialects._plano_view import PlanoView

    for config in inputs.configs:
        if isinstance(config, ConfigFile) and config.dialect == "plano":
            for provider in PlanoView(config.document).providers():
                yield config.document, provider.path, provider.entry


def walk(
    profile: TargetProfile, provider: TargetProvider, known: bool, inputs: Inputs, model_id: str | None = None, entry: str | None = None
) -> Draft:
    draft = Draft()
    found = find_entry(inputs, provider.id, model_id, entry)
    conventional = [v.name for v in provider.env if v.conventional]
    if conventional:
        draft.notes.append(f"Plano reads no variable by itself; its examples write access_key: ${conventional[0]}.")
    given = any(isinstance(c, ConfigFile) and c.dialect == "plano" for c in inputs.configs)
    for order in profile.credential_order:
        if order.step == "passthrough":
            draft.steps.append(_passthrough(found, order.step, given, inputs.cli_key))
        elif order.step == "access-key":
            draft.steps.append(_access_key(found, order.step, given, provider.id, model_id))
        elif order.step == "access-key-lookup" and found is not None:
            lookup = _lookup(found, inputs, order.step, profile)
            if lookup is not None:
                draft.steps.append(lookup)
    return draft


def _passthrough(found: tuple[Document, PathT, dict[str, Any]] | None, step: str, given: bool, cli_key: str | None = None) -> Step:
    ref: dict[str, Any] = {"source": "cli"}
    if found is None:
        return Step(step, "cli", "passthrough_auth", UNSET, "no config given (--config)" if not given else "no entry for this model", ref)
    document, path, entry = found
    key_path = path + ("passthrough_auth",)
    label = f"{document.name} {dotted(key_path)}"
    if entry.get("passthrough_auth") is True:
        detail = "the client's Authorization / x-api-key header is forwarded"
        if "access_key" in entry:
            detail += "; the access_key is ignored (Plano warns about both being set)"
        # The client's key: the one given on the command line (modelconf chat is the client).
        secret = Secret(cli_key) if cli_key else None
        if secret is not None:
            detail += "; the key given on the command line is that header"
        return Step(step, "cli", label, PRESENT, detail, dict(ref, file=document.name, pointer=pointer(key_path)), Location.of(document, key_path), secret=secret)
    return Step(step, "cli", label, UNSET, "not set", ref, Location.of(document, key_path) if "passthrough_auth" in entry else None)


def _access_key(found: tuple[Document, PathT, dict[str, Any]] | None, step: str, given: bool, provider_id: str, model_id: str | None) -> Step:
    ref: dict[str, Any] = {"source": "config"}
    if found is None:
        where = f"{provider_id}/{model_id}" if model_id else provider_id
        detail = "no config given (--config): Plano takes keys only from access_key" if not given else f"no model_providers entry serves {where}"
        return Step(step, "config", "access_key", MISSING, detail, ref, blocking=True)
    document, path, entry = found
    key_path = path + ("access_key",)
    if "access_key" not in entry:
        return Step(
            step, "config", f"{document.name} {dotted(key_path)}", MISSING,
            "no access_key and no passthrough_auth: requests go upstream without a key", ref, Location.of(document, path), blocking=True,
        )
    value = entry["access_key"]
    label = f"{document.name} {dotted(key_path)} = {describe_value(value)}"
    ref = dict(ref, file=document.name, pointer=pointer(key_path))
    if not isinstance(value, str):
        return Step(step, "config", label, MISSING, "must be a string", ref, Location.of(document, key_path), blocking=True)
    form = _forms.plano_key(value)
    ref["form"] = "env-template" if form.name else "literal"
    if form.name:
        ref["name"] = form.name
    detail = {"env-reference": f"names ${form.name}", "env-reference-braced": f"names ${{{form.name}}}", "literal": "a literal key"}[form.form]
    return Step(step, "config", label, PRESENT, detail, ref, Location.of(document, key_path), offers=False)


def _lookup(found: tuple[Document, PathT, dict[str, Any]], inputs: Inputs, step: str, profile: TargetProfile) -> Step | None:
    document, path, entry = found
    value = entry.get("access_key")
    if not isinstance(value, str):
        return None
    form = _forms.plano_key(value)
    dotenv = inputs.dotenv
    spec = profile.config_file.get("dotenv") or {}
    use_dotenv = dotenv is not None and spec.get("replaces_environment", True)
    source = "dotenv" if use_dotenv else "env"
    where = dotenv.path if use_dotenv else "the environment"
    table = dotenv.values if use_dotenv else inputs.env
    checked_name = form.checked_name
    literal = form.form == "literal"
    shown_name = "the literal access_key" if literal else checked_name
    ref: dict[str, Any] = {"source": source}
    if not literal:
        ref["name"] = checked_name
    if use_dotenv:
        ref["file"] = dotenv.path
    checked = f"{shown_name} in {where} (planoai up's missing-key check)"
    location = Location.of(document, path + ("access_key",))
    hit = table.get(checked_name)
    if hit:
        # Rendering expands $NAME / ${NAME} from the same values (.env staged into the environment).
        secret = value if literal else (table.get(form.name or "") or hit)
        return Step(step, source, checked, SET, f"found in {where}", ref, location, secret=Secret(secret))
    if form.form == "env-reference-braced":
        inner = table.get(form.name or "")
        state = "set" if inner else "not set either"
        detail = (
            f"planoai up strips only the leading $ and looks up {checked_name}, which no environment has: "
            f"it stops with {MISSING_KEYS!r}; write ${form.name} ({form.name} is {state} in {where})"
        )
    elif literal:
        detail = (
            f"planoai up looks the literal access_key up as a variable name and stops with {MISSING_KEYS!r}; "
            "put the key in the environment or the .env beside the config and write $NAME"
        )
    else:
        detail = f"{checked_name} is not set in {where}: planoai up stops with {MISSING_KEYS!r}"
        if use_dotenv and _forms.env_value(inputs.env, checked_name):
            detail += f" ({checked_name} is set in the environment, but planoai up reads only {dotenv.path} when it exists)"
    return Step(step, source, checked, UNSET, detail, ref, location, blocking=True)
