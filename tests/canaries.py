"""Canary secrets: plant them everywhere a key can live, run commands, prove none leaks.

`plant(root)` writes configs, auth files and .env files holding distinct canaries and returns
the environment (also full of canaries) and the paths. `COMMANDS` lists command lines with
`{placeholders}` for those paths; a new command (compile, diff, docs, chat) is one more line.
`check_output` fails naming a canary only by label and fingerprint, never by value.
"""

from __future__ import annotations

import json
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from modelconf.secrets import fingerprint, known_prefix

# label -> canary. Realistic shapes (known prefixes, one prefix-less token) so every detector
# that should fire does; the middle of each is unique, so a partial leak is caught too.
CANARIES: dict[str, str] = {
    "env-openai": "sk-proj-CnryEnvOpenai7Qx2Lm9Vb4Tz8Kw1Rp5Yd3Hf",
    "env-anthropic": "sk-ant-api03-CnryEnvAnthropic6Wq1Nc8Xb3Vs7Jk2",
    "env-gemini": "AIzaCnryEnvGemini5Rt8Yp2Kd7Lx3Qz9Mw",
    "env-list-1": "sk-proj-CnryEnvListOne4Ha9Kz2Lw7Qb3Tx8Rm",
    "env-list-2": "sk-proj-CnryEnvListTwo8Jd3Vn6Xc1Ws5Zq2Pk",
    "env-together": "sk-proj-CnryEnvTogether3Gk7Pz1Mx9Lr4Yc6Vd",
    "env-custom": "sk-proj-CnryEnvCustom2Lq8Wn5Ht1Xv7Kb3Jp",
    "env-aws-secret": "CnryEnvAwsSecret9Fj3Kq7Wz2Hx5Lm8Nb1Vc4",
    "env-bedrock": "bedrock-api-key-CnryEnvBedrock1Mz6Qw3Xk8",
    "env-groq": "gsk_CnryEnvGroq7Wb2Kd9Lx4Qm1Zt6Hp3Yv",
    "dotenv-plano": "sk-proj-CnryDotenvPlano5Kx2Wq8Lm3Zb7Hd1",
    "dotenv-explain": "sk-proj-CnryDotenvFile6Pz3Lq9Wk2Xm5Hb8",
    "auth-pi-openai": "sk-proj-CnryAuthPiOpenai4Tb8Mx1Wq6Zk3Lh",
    "auth-pi-oauth": "sk-ant-oat01-CnryAuthPiOauth9Qd2Lx7Wb4Mk1",
    "auth-pi-refresh": "CnryAuthPiRefresh3Xw8Kq5Lz1Mb7Hd2Vt9",
    "auth-zot-openai": "sk-proj-CnryAuthZotOpenai8Hm3Kw6Lq1Xb5Zd",
    "auth-zot-groq": "gsk_CnryAuthZotGroq2Vx7Lq4Kb9Wm1Hz6",
    "auth-zot-oauth": "CnryAuthZotOauth5Lb1Xq8Wk3Mz6Hd9Vt2",
    "auth-openclaw-key": "sk-proj-CnryAuthOcKey6Wz1Lq4Xb9Km3Hd7",
    "auth-openclaw-token": "sk-ant-oat01-CnryAuthOcToken3Kx8Wq2Lm7",
    "config-pi-literal": "sk-proj-CnryConfigPiLit2Xq7Lw4Kb9Mz1Hd",
    "config-pi-header": "xai-CnryConfigPiHeader8Lk3Wq6Zb1Xm4Hd",
    "config-zot-literal": "sk-proj-CnryConfigZotLit5Hq2Lx8Wb3Kz9Md",
    "config-openclaw-literal": "sk-proj-CnryConfigOcLit9Wk4Lq1Xb6Zm3Hd",
    "config-plano-literal": "sk-proj-CnryConfigPlanoLit3Xz8Lq5Wb2Kd",
    "config-command": "sk-proj-CnryConfigCommand7Lq2Xw9Kb4Zm1",
    "cli-key": "sk-proj-CnryCliKey1Xq6Lw3Kb8Zm5Hd2Vt9",
}


def fragments(value: str) -> list[str]:
    """The canary and its middle part (what a fingerprint or mask must never show)."""
    prefix = known_prefix(value) or ""
    middle = value[len(prefix) : -4]
    return [value, middle[2:-2]] if len(middle) > 8 else [value]


@dataclass
class Planted:
    root: Path
    env: dict[str, str]
    paths: dict[str, Path] = field(default_factory=dict)

    def fill(self, argv: Iterable[str]) -> list[str]:
        return [part.format(**{k: str(v) for k, v in self.paths.items()}) for part in argv]


def _write(path: Path, text: str, mode: int = 0o600) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(mode)
    return path


# Where chat sends requests when no loopback server is given: a port that refuses connections.
NO_SERVER = "http://127.0.0.1:9"


def plant(root: Path, server_url: str = NO_SERVER) -> Planted:
    """Plant the canaries under `root`; the chat configs send to `server_url` (the loopback server)."""
    c = CANARIES
    home = root / "home"
    env = {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "OPENAI_API_KEY": c["env-openai"],
        "ANTHROPIC_API_KEY": c["env-anthropic"],
        "GEMINI_API_KEY": c["env-gemini"],
        "OPENAI_API_KEYS": f"{c['env-list-1']},{c['env-list-2']}",
        "TOGETHER_KEY": c["env-together"],
        "MY_COMPANY_API_KEY": c["env-custom"],
        "AWS_ACCESS_KEY_ID": "AKIACNRYENVAWSKEYID1",
        "AWS_SECRET_ACCESS_KEY": c["env-aws-secret"],
        "AWS_BEARER_TOKEN_BEDROCK": c["env-bedrock"],
        "GROQ_API_KEY": c["env-groq"],
        "ZOT_HOME": str(home / "zot"),
        "NO_COLOR": "1",
    }
    planted = Planted(root, env)
    p = planted.paths
    p["root"] = root
    p["out"] = root / "out"
    p["out"].mkdir(parents=True, exist_ok=True)
    # Auth files, at each target's default location (and mode 0644, so K005 fires too).
    p["pi_auth"] = _write(home / ".pi" / "agent" / "auth.json", json.dumps({
        "openai": {"type": "api_key", "key": c["auth-pi-openai"]},
        "anthropic": {"type": "oauth", "access": c["auth-pi-oauth"], "refresh": c["auth-pi-refresh"], "expires": 1},
    }, indent=2), 0o644)
    p["zot_auth"] = _write(home / "zot" / "auth.json", json.dumps({
        "openai": {"api_key": c["auth-zot-openai"]},
        "kimi": {"oauth": {"access_token": c["auth-zot-oauth"], "refresh_token": c["auth-zot-oauth"]}},
        "additional_api_key_creds": {"groq": {"api_key": c["auth-zot-groq"]}},
    }, indent=2), 0o644)
    p["openclaw_auth"] = _write(home / ".mayros" / "agents" / "main" / "agent" / "auth-profiles.json", json.dumps({
        "version": 1,
        "profiles": {
            "openai:default": {"type": "api_key", "provider": "openai", "key": c["auth-openclaw-key"]},
            "anthropic:sub": {"type": "token", "provider": "anthropic", "token": c["auth-openclaw-token"]},
        },
    }, indent=2))
    # Configs.
    p["pi_models"] = _write(root / "pi" / "models.json", json.dumps({
        "providers": {
            "openai": {"apiKey": c["config-pi-literal"], "headers": {"X-Team": c["config-pi-header"]}},
            "local": {"baseUrl": "http://localhost:8000/v1", "api": "openai-completions", "apiKey": f"!printf {c['config-command']}", "models": [{"id": "m"}]},
            "typo": {"baseUrl": "http://localhost:9000/v1", "api": "openai-completions", "apiKey": "TYPO_API_KEY", "models": [{"id": "t"}]},
        }
    }, indent=2))
    p["zot_models"] = _write(root / "zot" / "models.json", json.dumps({
        "providers": {"my-company": {"baseUrl": "https://llm.example/v1", "apiKey": c["config-zot-literal"], "models": [{"id": "m"}]}}
    }, indent=2))
    p["openclaw_config"] = _write(root / "openclaw" / "mayros.json", (
        "{\n  // JSON5\n  models: {providers: {\n"
        f'    together: {{baseUrl: "https://api.together.xyz/v1", apiKey: "${{TOGETHER_KEY}}", models: []}},\n'
        f'    literal: {{baseUrl: "https://x.example/v1", apiKey: "{c["config-openclaw-literal"]}", models: []}},\n'
        '    missing: {baseUrl: "https://y.example/v1", apiKey: "${NOT_SET_ANYWHERE}", models: []},\n'
        "  }},\n}\n"
    ))
    p["plano_config"] = _write(root / "plano" / "plano_config.yaml", (
        "version: v0.4.0\nlisteners:\n  - type: model\n    name: llm\n    port: 12000\nmodel_providers:\n"
        "  - model: openai/gpt-4o\n    access_key: $OPENAI_API_KEY\n"
        f"  - model: mistral/mistral-large\n    access_key: {c['config-plano-literal']}\n"
        "  - model: anthropic/*\n    access_key: ${ANTHROPIC_API_KEY}\n"
    ))
    _write(root / "plano" / ".env", f"OPENAI_API_KEY={c['dotenv-plano']}\n")
    # A resolved catalog whose endpoint refuses connections (port 9): chat's error path.
    p["catalog"] = _write(root / "resolved.json", json.dumps({
        "format": "modelconf.resolved-catalog/1",
        "target": "pi",
        "providers": {"openai": {
            "id": "openai", "api": "openai-completions", "base_url": "http://127.0.0.1:9/v1",
            "auth": {"kind": "api-key", "scheme": "bearer", "credentials": [{"source": "cli"}, {"source": "env", "name": "OPENAI_API_KEY"}]},
        }},
        "models": [{"key": "openai/gpt-4.1", "provider": "openai", "id": "gpt-4.1", "api": "openai-completions"}],
    }))
    p["env_file"] = _write(root / "explain.env", f"export OPENAI_API_KEY='{c['dotenv-explain']}'\nGROQ_API_KEY={c['env-groq']}\nthis line is broken\n")
    _plant_chat(planted, server_url)
    return planted


def _plant_chat(planted: Planted, server_url: str) -> None:
    """Error-free configs whose models point at `server_url`, each key source holding a canary."""
    c = CANARIES
    root, p = planted.root, planted.paths
    base = server_url + "/v1"
    loop = {"baseUrl": base, "api": "openai-completions", "apiKey": c["config-pi-literal"], "headers": {"X-Team": c["config-pi-header"]}, "models": [{"id": "m"}]}
    pi = {
        "loop": loop,  # a literal key and a literal secret header, read from the config at run time
        "envkey": {"baseUrl": base, "api": "openai-completions", "apiKey": "MY_COMPANY_API_KEY", "models": [{"id": "m"}]},
        "cmd": {"baseUrl": base, "api": "openai-completions", "apiKey": f"!printf %s {c['config-command']}", "models": [{"id": "m"}]},
        "openai": {"baseUrl": base},  # the key comes from pi's auth.json
    }
    p["chat_pi"] = _write(root / "chat" / "pi" / "models.json", json.dumps({"providers": pi}, indent=2))
    changed = dict(pi, loop=dict(loop, apiKey="MY_COMPANY_API_KEY"))
    del changed["envkey"]
    p["chat_pi_b"] = _write(root / "chat" / "pi-b" / "models.json", json.dumps({"providers": changed}, indent=2))
    p["chat_zot"] = _write(root / "chat" / "zot" / "models.json", json.dumps({"providers": {"groq": {"baseUrl": base, "models": [{"id": "m"}]}}}))
    p["chat_openclaw"] = _write(root / "chat" / "openclaw" / "mayros.json", (
        '{\n  agents: {defaults: {models: {"openai/m": {alias: "Smart"}}}},\n'
        f'  models: {{providers: {{openai: {{baseUrl: "{base}", api: "openai-completions", models: [{{id: "m", name: "m"}}]}}}}}},\n}}\n'
    ))
    p["chat_plano"] = _write(root / "chat" / "plano" / "plano_config.yaml", (
        "version: v0.4.0\nlisteners:\n  - type: model\n    name: llm\n    port: 12000\nmodel_providers:\n"
        f"  - model: openai/gpt-4o\n    base_url: {base}\n    access_key: $OPENAI_API_KEY\n"
        "model_aliases:\n  fast:\n    target: gpt-4o\n"
    ))
    _write(root / "chat" / "plano" / ".env", f"OPENAI_API_KEY={c['dotenv-plano']}\n")
    from modelconf.compiler import compile_files

    compiled = compile_files([p["chat_pi"]])
    assert compiled.text is not None, [d.message for d in compiled.diagnostics]
    p["chat_catalog"] = _write(root / "chat" / "resolved.json", compiled.text)


# Command lines to run with the planted canaries. `{name}` is a planted path.
LINT_FORMATS = ("full", "concise", "json", "github", "sarif")
COMMANDS: list[tuple[str, ...]] = [
    *[("lint", "{pi_models}", "--dialect", "pi", "-f", f) for f in LINT_FORMATS],
    *[("lint", "{zot_models}", "--dialect", "zot", "-f", f) for f in LINT_FORMATS],
    *[("lint", "{openclaw_config}", "--dialect", "openclaw", "-f", f) for f in LINT_FORMATS],
    *[("lint", "{plano_config}", "--dialect", "plano", "-f", f) for f in LINT_FORMATS],
    *[("lint", "{pi_auth}", "{zot_auth}", "{openclaw_auth}", "-f", f) for f in LINT_FORMATS],
    ("lint", "{pi_models}", "--dialect", "pi", "-f", "json", "-o", "{out}/lint.json"),
    ("lint", "{pi_auth}", "-f", "sarif", "-o", "{out}/lint.sarif"),
    *[("explain", "openai/gpt-4.1", "-t", t, "-f", f) for t in ("pi", "zot", "openclaw") for f in ("text", "json")],
    *[("explain", m, "--config", "{plano_config}", "-f", f) for m in ("openai/gpt-4o", "mistral/mistral-large", "anthropic/claude-x") for f in ("text", "json")],
    *[("explain", "local/m", "-t", "pi", "--config", "{pi_models}", "-f", f, *x) for f in ("text", "json") for x in ((), ("--allow-exec",))],
    *[("explain", "typo/t", "-t", "pi", "--config", "{pi_models}", "-f", f) for f in ("text", "json")],
    *[("explain", "my-company/m", "-t", "zot", "--config", "{zot_models}", "-f", f) for f in ("text", "json")],
    *[("explain", "together/x", "-t", "openclaw", "--config", "{openclaw_config}", "-f", f) for f in ("text", "json")],
    *[("explain", "anthropic/claude-sonnet-4-5", "-t", t, "-f", "json") for t in ("pi", "openclaw")],
    *[("explain", "kimi/kimi-k2", "-t", "zot", "-f", f) for f in ("text", "json")],
    *[("explain", "amazon-bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0", "-t", t, "-f", "json") for t in ("pi", "zot", "openclaw")],
    *[("explain", "groq/llama-3.3-70b-versatile", "-t", "zot", "--env-file", "{env_file}", "-f", f) for f in ("text", "json")],
    *[("explain", "openai/gpt-4.1", "-t", "zot", "--api-key-stdin", "-f", f) for f in ("text", "json")],
    ("explain", "openai/gpt-4.1", "-t", "pi", "--auth-file", "{zot_auth}", "-f", "json"),
    ("catalog", "list"),
    ("catalog", "list", "--target", "zot", "-f", "json"),
    ("catalog", "show", "openai", "--target", "pi"),
    ("catalog", "show", "openai/gpt-4.1", "-f", "json"),
    ("rules",),
    ("rules", "K001"),
    ("rules", "-f", "json"),
    ("schema", "list"),
    ("schema", "export", "{out}/schemas"),
    ("docs",),
    ("docs", "--target", "zot", "-o", "{out}/zot.md"),
    ("docs", "--target", "plano", "-f", "rst"),
    *[("init", "--target", t, "{out}/init-" + t) for t in ("pi", "zot", "openclaw", "plano")],
    ("chat", "openai/gpt-4.1", "hello", "--catalog", "{catalog}"),
    ("chat", "openai/gpt-4.1", "hello", "--catalog", "{catalog}", "--format", "jsonl", "--api-key-stdin"),
    ("chat", "openai/gpt-4.1", "hello", "--catalog", "{catalog}", "--env-file", "{env_file}"),
    # compile: the summary, JSON, and the written catalog (the planted configs have errors: --force).
    *[("compile", f, *x) for f in ("{pi_models}", "{zot_models}", "{openclaw_config}", "{plano_config}") for x in ((), ("-f", "json"))],
    *[("compile", f, "--force", "-o", f"{{out}}/{n}.resolved.json") for f, n in (("{pi_models}", "pi"), ("{zot_models}", "zot"), ("{openclaw_config}", "openclaw"), ("{plano_config}", "plano"))],
    ("compile", "{chat_pi}", "-o", "{out}/chat-pi.resolved.json"),
    # diff: configs compiled in memory, and resolved catalogs; text and JSON.
    *[("diff", a, b, "-f", f) for a, b in (("{chat_pi}", "{chat_pi_b}"), ("{plano_config}", "{chat_plano}"), ("{catalog}", "{chat_catalog}")) for f in ("text", "json")],
    # chat against the loopback server, which answers 401 repeating every header it got.
    *[("chat", "loop/m", "hello", "--config", "{chat_pi}", "--format", f) for f in ("text", "jsonl")],  # literal key and header in the config
    ("chat", "loop/m", "hello", "--config", "{chat_pi}", "--api-key-stdin", "--format", "jsonl"),  # stdin
    ("chat", "envkey/m", "hello", "--config", "{chat_pi}"),  # environment
    ("chat", "openai/gpt-4.1", "hello", "--config", "{chat_pi}", "--format", "jsonl"),  # pi's auth.json
    *[("chat", "cmd/m", "hello", "--config", "{chat_pi}", *x) for x in ((), ("--allow-exec",))],  # a command: refused, then run
    ("chat", "groq/m", "hello", "--config", "{chat_zot}", "--target", "zot"),  # environment over zot's auth file
    ("chat", "groq/m", "hello", "--config", "{chat_zot}", "--env-file", "{env_file}", "--format", "jsonl"),
    *[("chat", "Smart", "hello", "--config", "{chat_openclaw}", "--format", f) for f in ("text", "jsonl")],  # auth profile, rotation list
    ("chat", "fast", "hello", "--config", "{chat_plano}", "--format", "jsonl"),  # the .env beside the config
    ("chat", "loop/m", "hello", "--catalog", "{chat_catalog}", "--format", "jsonl"),  # the config read at run time
    # explain through the compiler: a user model, an override view, aliases.
    *[("explain", m, "-t", "pi", "--config", "{chat_pi}", "-f", f) for m in ("loop/m", "openai/gpt-4.1") for f in ("text", "json")],
    *[("explain", m, "--config", c, "-f", f) for m, c in (("fast", "{chat_plano}"), ("smart", "{chat_openclaw}")) for f in ("text", "json")],
]


def ensure_config_dialects(monkeypatch: pytest.MonkeyPatch) -> None:
    """Register a stand-in for each config dialect not registered yet (schema-less, so only the
    syntax and K checks run). Once the real dialects are on the branch they are used instead."""
    import sys
    import types

    from modelconf import dialects

    syntaxes = {"pi": "json", "zot": "json", "openclaw": "json5", "plano": "yaml"}
    for name, syntax in syntaxes.items():
        if name in dialects.names():
            continue
        module = types.ModuleType(f"canary_stub_{name}")
        module.DIALECT = type(  # type: ignore[attr-defined]
            f"Stub_{name}", (dialects.Dialect,), {"name": name, "title": f"{name} (stand-in)", "program": name, "target": name, "syntax": syntax}
        )()
        monkeypatch.setitem(sys.modules, module.__name__, module)
        monkeypatch.setitem(dialects._DIALECT_MODULES, name, module.__name__)


def check_output(where: str, text: str) -> None:
    """Fail if any canary (or its middle) is in `text`, naming it only by label and fingerprint."""
    __tracebackhide__ = True
    for label, value in CANARIES.items():
        for fragment in fragments(value):
            if fragment and fragment in text:
                part = "the whole value" if fragment == value else "its middle part"
                pytest.fail(f"canary {label} ({fingerprint(value)}) leaked into {where} ({part})", pytrace=False)


def check_files(root: Path) -> None:
    __tracebackhide__ = True
    if not root.exists():
        return
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        check_output(f"the written file {path.name}", path.read_text(errors="replace"))


def exception_text(exception: BaseException | None) -> str:
    if exception is None:
        return ""
    return "".join(traceback.format_exception(type(exception), exception, exception.__traceback__))
