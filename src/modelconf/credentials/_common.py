"""Step builders shared by the target walkers, setup checks, and the decision over a step list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from modelconf.credentials import _forms
from modelconf.credentials._types import (
    EMPTY,
    FAILED,
    INVALID,
    MISSING,
    NOT_REACHED,
    PRESENT,
    RAN,
    SET,
    UNSET,
    WOULD_RUN,
    Command,
    Inputs,
    Location,
    Secret,
    SetupItem,
    Step,
)
from modelconf.secrets import looks_like_secret, mask_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from modelconf.catalog._profiles import Check, TargetProvider


# -- deciding ---------------------------------------------------------------------------------


def decide(steps: Sequence[Step]) -> tuple[tuple[Step, ...], int | None, int | None, str | None]:
    """Mark what the target does with a step list: (steps, chosen, fallback, reason).

    The first positive step that offers a credential is chosen. A tentative one (a command that
    has not run and may fail) keeps the walk going to name the fallback. A blocking step with a
    negative result ends the walk without a credential. Everything after the decision is
    `not-reached` (a value found there is still fingerprinted, so explain can say it is shadowed).
    """
    out: list[Step] = []
    chosen: int | None = None
    fallback: int | None = None
    reason: str | None = None
    decided = False
    for step in steps:
        if decided:
            out.append(_not_reached(step))
            continue
        if step.offers and step.positive:
            if chosen is None:
                chosen = len(out)
                decided = not step.tentative
            else:
                fallback = len(out)
                decided = True
        elif step.blocking and not step.positive:
            if chosen is None:
                reason = step.detail or f"{step.checked}: {step.result}"
            decided = True
        out.append(step)
    if chosen is None and reason is None:
        reason = "no source holds a credential"
    return tuple(out), chosen, fallback, reason


def _not_reached(step: Step) -> Step:
    if step.result in (SET, PRESENT, RAN):
        detail = f"shadowed: {step.result} here, but an earlier step decided"
    elif step.result == WOULD_RUN:
        detail = "not run: an earlier step decided"
    else:
        detail = f"an earlier step decided ({step.result} here)"
    return replace(step, result=NOT_REACHED, detail=detail, warning=None)


# -- environment ------------------------------------------------------------------------------


def cli_step(inputs: Inputs, step: str = "cli") -> Step:
    ref = {"source": "cli"}
    if inputs.cli_key is None:
        return Step(step, "cli", "CLI key", UNSET, "no key given on the command line", ref)
    if not inputs.cli_key.strip():
        return Step(step, "cli", "CLI key", EMPTY, "the key given is empty", ref)
    return Step(step, "cli", "CLI key", SET, "given on the command line", ref, secret=Secret(inputs.cli_key))


def env_step(inputs: Inputs, step: str, name: str, *, kind: str = "api-key", detail: str = "", warning: str | None = None) -> Step:
    """One environment variable: set, empty or unset."""
    ref = {"source": "env", "name": name}
    value = inputs.env.get(name)
    if value is None:
        return Step(step, "env", name, UNSET, detail, ref, warning=warning)
    if value == "":
        return Step(step, "env", name, EMPTY, "set but empty; skipped", ref, warning=warning)
    what = {"oauth-token": "used as an OAuth token", "token": "used as a token", "cloud": "marks the cloud credential chain as available"}
    return Step(step, "env", name, SET, detail or what.get(kind, ""), ref, secret=Secret(value), warning=warning)


# -- setup checks -----------------------------------------------------------------------------


def evaluate(check: Check, inputs: Inputs) -> SetupItem:
    """Is this check satisfied by the environment (and files)?"""
    env = inputs.env
    set_names: list[str] = []
    missing: list[str] = []
    ok = True
    used_default = False
    shown: str | None = None
    detail = ""
    for name in check.all:
        (set_names if _forms.env_value(env, name) else missing).append(name)
    if missing:
        ok = False
    if check.any:
        any_set = [n for n in check.any if _forms.env_value(env, n)]
        set_names.extend(any_set)
        if not any_set:
            ok = False
            missing.extend(check.any)
    if check.first:
        first_set = next((n for n in check.first if _forms.env_value(env, n)), None)
        if first_set is not None:
            set_names.append(first_set)
            shown = env[first_set]
        elif check.default is not None:
            used_default = True
            shown = check.default
        else:
            ok = False
            missing.extend(check.first)
    if check.file is not None:
        file_ok, file_detail, file_names = _file_check(check, inputs)
        set_names.extend(file_names)
        detail = file_detail
        if not file_ok:
            ok = False
            if check.file.env and check.file.env not in file_names:
                missing.append(check.file.env)
    if not check.read:
        result = "ignored"
    elif ok:
        result = "default" if used_default and not set_names else PRESENT
    else:
        result = MISSING
    value = shown if (check.show_value and shown is not None and not looks_like_secret(shown)) else None
    return SetupItem(
        item=check.item,
        result=result,
        names=check.names,
        set_names=tuple(dict.fromkeys(set_names)),
        missing_names=tuple(dict.fromkeys(missing)),
        required=check.required,
        group=check.group,
        value=value,
        note=check.note,
        detail=detail,
    )


def _file_check(check: Check, inputs: Inputs) -> tuple[bool, str, list[str]]:
    spec = check.file
    assert spec is not None
    if spec.env and _forms.env_value(inputs.env, spec.env):
        path = inputs.env[spec.env]
        if spec.env_set_suffices:
            return True, f"{spec.env} is set", [spec.env]
        if inputs.file_exists(path):
            return True, f"{spec.env} names a file that exists", [spec.env]
        return False, f"{spec.env} names a file that does not exist", [spec.env]
    if spec.default:
        if inputs.file_exists(spec.default):
            return True, f"{spec.default} exists", []
        return False, f"no {spec.default}", []
    return False, "", []


def setup_items(provider: TargetProvider | None, inputs: Inputs) -> tuple[SetupItem, ...]:
    if provider is None:
        return ()
    return tuple(evaluate(check, inputs) for check in provider.setup)


def cloud_steps(provider: TargetProvider, inputs: Inputs, step: str, *, program: str) -> list[Step]:
    """One step per alternative that marks a cloud provider as available, in the program's order."""
    out = []
    sentinel = provider.sentinel
    chain = (provider.cloud or {}).get("chain", "cloud")
    for check in provider.available_when:
        item = evaluate(check, inputs)
        names = " + ".join(check.names) or check.item
        ref: dict[str, Any] = {"source": "cloud", "chain": chain}
        if item.result == PRESENT:
            detail = f"{check.item}: {program} marks {provider.id} as available"
            if sentinel:
                detail += f" (credential {sentinel!r})"
            if item.detail:
                detail += f"; {item.detail}"
            out.append(Step(step, "cloud", names, PRESENT, detail, ref))
        else:
            lacking = ", ".join(item.missing_names) or item.detail or "not set"
            out.append(Step(step, "cloud", names, MISSING, f"{check.item}: missing {lacking}", ref))
    return out


def provider_env_steps(provider: TargetProvider, inputs: Inputs, step: str, *, program: str) -> list[Step]:
    """The provider's own variables in order; cloud variables become the cloud alternatives."""
    out: list[Step] = []
    cloud_done = False
    for var in provider.env:
        if var.kind == "cloud" and provider.available_when:
            if not cloud_done:
                out.extend(cloud_steps(provider, inputs, step, program=program))
            cloud_done = True
            continue
        out.append(env_step(inputs, step, var.name, kind=var.kind))
    return out


# -- pi's value forms ------------------------------------------------------------------------


def pi_value_step(
    inputs: Inputs,
    step: str,
    source: str,
    value: Any,
    checked: str,
    ref: dict[str, Any],
    location: Location | None,
) -> Step:
    """A value read with pi's `resolveConfigValue`: `!command`, variable name, or literal."""
    if not isinstance(value, str):
        return Step(step, source, checked, INVALID, "pi needs a string here", ref, location)
    if value == "":
        return Step(step, source, checked, EMPTY, "empty", ref, location)
    form = _forms.pi_value(value)
    ref = dict(ref, form=form.form if form.form != "env-template" else "literal")
    if form.form == "command":
        command = Command(shell=form.command or "", timeout=10.0)
        note = "pi runs it with a shell (10 s timeout), once per process, and caches the result, failures included"
        if not inputs.allow_exec:
            return Step(
                step, source, checked, WOULD_RUN,
                f"would run `{command.display}` ({note}); pass --allow-exec to run it",
                ref, location, command=command.display, tentative=True,
            )
        outcome = inputs.run(command)
        text = outcome.output.reveal().strip() if outcome.ok and outcome.output is not None else ""
        if not text:
            why = outcome.detail or "printed nothing"
            return Step(
                step, source, checked, FAILED,
                f"`{command.display}` {why}; pi gets no key here and moves on", ref, location, command=command.display,
            )
        return Step(step, source, checked, RAN, f"ran `{command.display}`", ref, location, command=command.display, secret=Secret(text))
    set_value = inputs.env.get(value)
    if set_value:
        ref["form"] = "env-name"
        return Step(
            step, source, f"{checked} -> ${value}", SET,
            f"names the environment variable {value}, which is set", ref, location, secret=Secret(set_value),
        )
    warning = None
    detail = "used as the key itself"
    if form.form == "env-template":
        warning = (
            f"pi v0.58.3 sends {_quoted(value)} literally; newer pi (about 0.75+) reads it as the variable {form.name}"
            + (" (set)" if _forms.env_value(inputs.env, form.name or "") else " (unset)")
        )
        detail = "sent as written: " + warning
    elif _forms.looks_like_env_name(value):
        ref["form"] = "env-name"
        warning = f"{value} is not set, so pi sends the text {_quoted(value)} as the key"
        detail = warning
    return Step(step, source, checked, SET, detail, ref, location, secret=Secret(value), warning=warning)


def _quoted(value: str) -> str:
    return '"' + mask_line(value) + '"'


def describe_value(value: Any) -> str:
    """How a config value is shown in `checked`: references and commands as written, keys never."""
    if not isinstance(value, str):
        return "(not a string)"
    if value.startswith("!"):
        return '"!' + mask_line(value[1:]) + '"'
    if "$" in value or _forms.looks_like_env_name(value):
        return '"' + mask_line(value) + '"'
    # Anything else may be a key: never shown, not even masked.
    return "(a literal)"

