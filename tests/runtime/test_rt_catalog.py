"""Runtime.load: the format version, schema validation and model lookup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rt_helpers import catalog_dict

from modelconf.runtime import FORMAT, CatalogError, Runtime, UnknownModelError
from modelconf.runtime._keys import fingerprint, redact


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "resolved.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_loads_a_valid_catalog(tmp_path: Path) -> None:
    data = catalog_dict("http://127.0.0.1:1/v1", aliases=["fast"], cost={"input": 1, "output": 2, "cache_read": 0, "cache_write": 0})
    data["aliases"] = {"default": "p/m"}
    rt = Runtime.load(write(tmp_path, data))
    assert rt.model("p/m").id == "m"
    assert rt.model("fast").key == rt.model("default").key == rt.model("m").key == "p/m"
    assert rt.model("p/m").cost == {"input": 1, "output": 2, "cache_read": 0, "cache_write": 0}


def test_unknown_format_version_names_the_supported_one(tmp_path: Path) -> None:
    data = catalog_dict("http://x")
    data["format"] = "modelconf.resolved-catalog/2"
    with pytest.raises(CatalogError) as info:
        Runtime.load(write(tmp_path, data))
    assert str(info.value) == (
        f"{tmp_path / 'resolved.json'}: format 'modelconf.resolved-catalog/2'; this modelconf reads "
        f"'{FORMAT}'. Recompile it with this modelconf version."
    )
    del data["format"]
    with pytest.raises(CatalogError, match="no format field; this modelconf reads"):
        Runtime.load(write(tmp_path, data))


def test_schema_errors_are_listed_with_their_place(tmp_path: Path) -> None:
    data = catalog_dict("http://x")
    data["providers"]["p"]["auth"]["scheme"] = "basic"
    del data["models"][0]["api"]
    with pytest.raises(CatalogError) as info:
        Runtime.load(write(tmp_path, data))
    text = str(info.value)
    assert "not a valid resolved catalog (2 schema errors)" in text
    assert "at /providers/p/auth/scheme:" in text and "at /models/0:" in text


def test_unreadable_and_non_json_files(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="cannot read the resolved catalog"):
        Runtime.load(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(CatalogError, match="not a JSON resolved catalog"):
        Runtime.load(bad)


def test_ambiguous_and_unknown_models(tmp_path: Path) -> None:
    data = catalog_dict("http://x")
    data["providers"]["q"] = dict(data["providers"]["p"], id="q")
    data["models"].append({"key": "q/m", "provider": "q", "id": "m", "api": "openai-completions"})
    rt = Runtime.load(write(tmp_path, data))
    with pytest.raises(UnknownModelError, match="ambiguous .*: use one of p/m, q/m"):
        rt.model("m")
    with pytest.raises(UnknownModelError, match=r"no model 'zz'"):
        rt.model("zz")


ROTATION_ENV = {"P_API_KEYS": "a, b;c\n a", "P_API_KEY": "d", "P_API_KEY_2": "e", "P_API_KEY_1": "b", "OTHER": "x"}


def test_default_keys_are_openclaws_rotation_list(tmp_path: Path) -> None:
    # reference/openclaw.md "API-key rotation": no live key, so the list var split on [\s,;]+,
    # the primary, the prefixed vars in environment order; duplicates dropped.
    data = dict(catalog_dict("http://x"), target="openclaw")
    rt = Runtime.load(write(tmp_path, data), env=ROTATION_ENV, auth_file=str(tmp_path / "none.json"))
    assert list(rt.credentials.api_keys(rt.model("p/m").provider)) == ["a", "b", "c", "d", "e"]
    live = dict(ROTATION_ENV, MAYROS_LIVE_P_KEY="live")  # the live key alone
    rt = Runtime.load(write(tmp_path, data), env=live, auth_file=str(tmp_path / "none.json"))
    assert list(rt.credentials.api_keys(rt.model("p/m").provider)) == ["live"]


def test_default_keys_of_other_targets_are_their_one_chosen_key(tmp_path: Path) -> None:
    # reference/zot.md "Credential resolution order": the derived UPPER(id)_API_KEY; zot rotates nothing.
    data = dict(catalog_dict("http://x"), target="zot")
    rt = Runtime.load(write(tmp_path, data), env=ROTATION_ENV, auth_file=str(tmp_path / "none.json"))
    assert list(rt.credentials.api_keys(rt.model("p/m").provider)) == ["d"]
    # A caller's keys replace the engine.
    rt = Runtime.load(write(tmp_path, data), keys={"p": ["k1", "k2"]})
    assert list(rt.credentials.api_keys(rt.model("p/m").provider)) == ["k1", "k2"]


def test_fingerprint_and_redact_never_show_the_key() -> None:
    key = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789a1b2"
    assert fingerprint(key) == f"sk-proj-…a1b2 ({len(key)} chars)"  # modelconf.secrets.fingerprint
    assert redact(f"bad key {key}!", [key]) == f"bad key sk-proj-…a1b2 ({len(key)} chars)!"


def test_models_under_a_pattern_route_through_it() -> None:
    # reference/plano.md, "Wildcard expansion" (`get(name)`: after exact keys, the wildcard of the
    # prefix with the rest as the model) and "Upstream path rules" (Azure puts it in the path).
    from modelconf.compiler import compile_files
    from modelconf.runtime._catalog import parse

    config = Path(__file__).parent.parent.parent / "fixtures" / "compile" / "plano" / "wildcards.yaml"
    compiled = compile_files([str(config)])
    assert compiled.text is not None
    catalog = parse(json.loads(compiled.text))
    azure = catalog.find("azure_openai/my-deployment")
    assert (azure.key, azure.id, azure.provider.id) == ("azure_openai/my-deployment", "my-deployment", "azure_openai/*")
    assert azure.endpoint == "https://res.openai.azure.com/openai/deployments/my-deployment/chat/completions?api-version=2025-01-01-preview"
    unlisted = catalog.find("openai/a-model-the-registry-lacks")
    assert (unlisted.id, unlisted.endpoint) == ("a-model-the-registry-lacks", "https://api.openai.com/v1/chat/completions")
    with pytest.raises(UnknownModelError):
        catalog.find("nowhere/model")
