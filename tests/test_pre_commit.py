"""The hooks in .pre-commit-hooks.yaml, run by the real `pre-commit try-repo`.

pre-commit builds a virtualenv for a `language: python` hook and pip-installs the hook repository
into it. To stay offline the test installs modelconf without dependencies or build isolation and
lets the hook environment import the dependencies of this test environment (PYTHONPATH).
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=test@example.invalid", "-c", "user.name=test", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository holding this checkout's files (committed), as pre-commit clones it."""
    repo = tmp_path_factory.mktemp("modelconf-repo")
    for name in ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, repo / name)
    for folder in ("src", "schemas", "catalog"):
        shutil.copytree(ROOT / folder, repo / folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "hooks")
    return repo


def project(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    return tmp_path


def try_repo(repo: Path, cwd: Path, hook: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        PRE_COMMIT_HOME=str(home),
        PIP_NO_INDEX="1",
        PIP_NO_DEPS="1",
        PIP_NO_BUILD_ISOLATION="0",  # pip reads this the inverted way: "0" turns isolation off
        PYTHONPATH=os.pathsep.join(site.getsitepackages()),
        NO_COLOR="1",
    )
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(repo), hook, "--all-files"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_lint_hook_passes_a_good_config(hook_repo: Path, tmp_path: Path) -> None:
    good = project(tmp_path / "good", {"configs/plano_config.yaml": "version: v0.4.0\nlisteners:\n  - type: model\n    name: gw\n    port: 12000\nmodel_providers:\n  - model: openai/gpt-4o\n    access_key: $OPENAI_API_KEY\n"})
    result = try_repo(hook_repo, good, "modelconf-lint", tmp_path / "home")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "modelconf lint" in result.stdout and "Passed" in result.stdout


def test_lint_hook_fails_a_broken_config_with_positions(hook_repo: Path, tmp_path: Path) -> None:
    broken = project(
        tmp_path / "broken",
        {
            "agent/models.json": '{"providers": {"x": {"baseUrl": "http://h",,}}}\n',
            "notes/readme.json": "{not even json",  # not a config name: the hook's `files` skips it
        },
    )
    result = try_repo(hook_repo, broken, "modelconf-lint", tmp_path / "home")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert "agent/models.json:1:44: P001" in result.stdout
    assert "readme.json" not in result.stdout


def run_config(repo: Path, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """`pre-commit run --all-files` with the project's own .pre-commit-config.yaml (hook args)."""
    env = dict(os.environ)
    env.update(
        PRE_COMMIT_HOME=str(home),
        PIP_NO_INDEX="1",
        PIP_NO_DEPS="1",
        PIP_NO_BUILD_ISOLATION="0",
        PYTHONPATH=os.pathsep.join(site.getsitepackages()),
        NO_COLOR="1",
    )
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def docs_check_config(repo: Path) -> str:
    # The invocation .pre-commit-hooks.yaml documents: args [docs/providers.md, --target, zot].
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, check=True, capture_output=True, text=True).stdout.strip()
    return (
        "repos:\n"
        f"  - repo: {repo}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: modelconf-docs-check\n"
        "        args: [docs/providers.md, --target, zot]\n"
    )


def test_docs_check_hook_passes_a_current_doc(hook_repo: Path, tmp_path: Path) -> None:
    from modelconf.docs import render

    good = project(tmp_path / "good", {".pre-commit-config.yaml": docs_check_config(hook_repo), "docs/providers.md": render(target="zot")})
    result = run_config(hook_repo, good, tmp_path / "home")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "modelconf docs --check" in result.stdout and "Passed" in result.stdout


def test_docs_check_hook_fails_a_stale_doc_with_a_diff(hook_repo: Path, tmp_path: Path) -> None:
    from modelconf.docs import render

    stale = render(target="zot").replace("| xAI | `XAI_API_KEY` | `xai` |\n", "")
    broken = project(tmp_path / "stale", {".pre-commit-config.yaml": docs_check_config(hook_repo), "docs/providers.md": stale})
    result = run_config(hook_repo, broken, tmp_path / "home")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert "--- docs/providers.md\n+++ docs/providers.md (generated)\n" in result.stdout
    assert "\n+| xAI | `XAI_API_KEY` | `xai` |\n" in result.stdout
