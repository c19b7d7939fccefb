"""The user docs stay true: documented options exist, links and anchors resolve, the index and
the README link every page."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import typer.main

from modelconf.cli import app

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
COMMAND_PAGES = sorted((DOCS / "commands").glob("*.md"))
ALL_PAGES = sorted(DOCS.rglob("*.md")) + [ROOT / "README.md"]
GLOBAL_OPTIONS = {"--help", "--version", "--install-completion", "--show-completion"}

_CODE_SPAN = re.compile(r"`([^`\n]+)`")
_FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)
_OPTION = re.compile(r"^--?[A-Za-z][\w-]*$")
_LINK = re.compile(r"\]\(([^)\s]+)\)")


def cli() -> Any:
    """The click command tree (typer vendors click; groups have `commands`)."""
    return typer.main.get_command(app)


def is_group(command: Any) -> bool:
    return hasattr(command, "commands")


def options_of(command: Any) -> set[str]:
    found = set(GLOBAL_OPTIONS)
    for param in command.params:
        found.update(param.opts)
        found.update(param.secondary_opts)
    return found


def all_options(command: Any) -> set[str]:
    """The command's options and those of its subcommands."""
    found = options_of(command)
    if is_group(command):
        for sub in command.commands.values():
            found |= all_options(sub)
    return found


def code_texts(text: str) -> list[str]:
    return _FENCE.findall(text) + _CODE_SPAN.findall(_FENCE.sub("", text))


def option_tokens(text: str) -> set[str]:
    return {token for code in code_texts(text) for token in re.split(r"[\s,\[\]|=/()]+", code) if _OPTION.match(token)}


def invocations(text: str) -> list[list[str]]:
    """`modelconf ...` command lines in code (comments and pipes cut off)."""
    found = []
    for code in code_texts(text):
        for line in code.splitlines():
            start = line.find("modelconf ")
            if start < 0 or (start and line[start - 1] not in " |`"):
                continue
            words = shlex.split(line[start:].split(" #")[0].split(" || ")[0], posix=True)
            found.append(words)
    return found


@pytest.mark.parametrize("page", COMMAND_PAGES, ids=lambda p: p.name)
def test_every_documented_option_exists(page: Path) -> None:
    command = cli().commands.get(page.stem)
    assert command is not None, f"{page.name} documents a command the CLI does not have"
    missing = option_tokens(page.read_text(encoding="utf-8")) - all_options(command)
    assert not missing, f"{page.name} documents options `modelconf {page.stem}` does not have: {sorted(missing)}"


@pytest.mark.parametrize("page", [*COMMAND_PAGES, DOCS / "getting-started.md", DOCS / "index.md", ROOT / "README.md"], ids=lambda p: p.name)
def test_documented_command_lines_use_real_options(page: Path) -> None:
    for words in invocations(page.read_text(encoding="utf-8")):
        command = cli()
        rest = words[1:]
        while is_group(command) and rest and rest[0] in command.commands:
            command = command.commands[rest.pop(0)]
        assert not is_group(command) or not rest, f"{page.name}: unknown command in {' '.join(words)}"
        unknown = [w for w in rest if _OPTION.match(w) and w not in options_of(command)]
        assert not unknown, f"{page.name}: {' '.join(words)} uses {unknown}"


def _anchors(page: Path) -> set[str]:
    text = page.read_text(encoding="utf-8")
    text = _FENCE.sub("", text)
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', text))
    for heading in re.findall(r"^#{1,6} (.+)$", text, re.M):
        plain = re.sub(r"<[^>]+>", "", heading).replace("`", "")
        # GitHub's slugs: lower case, punctuation dropped, spaces to hyphens.
        anchors.add(re.sub(r"[^\w\- ]", "", plain.lower()).replace(" ", "-"))
    return anchors


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_and_anchors_resolve(page: Path) -> None:
    text = _FENCE.sub("", page.read_text(encoding="utf-8"))
    for link in _LINK.findall(text):
        if re.match(r"[a-z]+://", link):
            continue
        path, _, anchor = link.partition("#")
        target = (page.parent / path).resolve() if path else page
        assert target.exists(), f"{page.name}: broken link {link}"
        if anchor and target.suffix == ".md":
            assert anchor in _anchors(target), f"{page.name}: no anchor #{anchor} in {target.name}"


def test_index_and_readme_link_every_page() -> None:
    # The user docs: getting started, commands, dialects and the generated pages.
    user_docs = ["getting-started.md", "rules.md", "resolved-catalog.md", "commands/*.md", "dialects/*.md", "providers/*.md"]
    pages = {p.relative_to(DOCS).as_posix() for pattern in user_docs for p in DOCS.glob(pattern)}
    index = set(_LINK.findall((DOCS / "index.md").read_text(encoding="utf-8")))
    assert pages <= index, sorted(pages - index)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in ["index.md", "getting-started.md", *(f"commands/{p.name}" for p in COMMAND_PAGES), "rules.md", "resolved-catalog.md"]:
        assert f"(docs/{page})" in readme, page
    for dialect in sorted((DOCS / "dialects").glob("*.md")):
        assert f"(docs/dialects/{dialect.name})" in readme, dialect.name


def test_dialect_pages_cover_every_target() -> None:
    from modelconf.catalog import TARGETS

    assert sorted(p.stem for p in (DOCS / "dialects").glob("*.md")) == sorted(TARGETS)
