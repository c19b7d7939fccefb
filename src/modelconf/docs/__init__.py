"""Docs generation: provider and model tables from the target profiles, the rule reference from
the rule registry, the resolved-catalog format from its schema.

    from modelconf.docs import render, diff
    page = render(target="zot")                      # every section zot has, Markdown
    rules = render(section="rules", fmt="rst")       # the rule reference, reStructuredText
    table = providers_table("pi")                    # plain data: columns, rows, separator
    stale = diff("docs/providers.md", old, page)     # "" when equal, else a unified diff

Importing this package is cheap: jinja2 loads only when something is rendered.
"""

from __future__ import annotations

import os

from modelconf.catalog import TARGETS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from modelconf.docs._rules import RuleEntry
    from modelconf.docs._tables import ModelSection, Table

# Sections of a target's page, in page order (`notes`: the profile's docs-versus-code notes).
TARGET_SECTIONS: tuple[str, ...] = ("providers", "subscriptions", "setup", "models", "notes")
# Sections that belong to no target.
GENERAL_SECTIONS: tuple[str, ...] = ("rules", "resolved-catalog")
SECTIONS: tuple[str, ...] = ("all", *TARGET_SECTIONS, *GENERAL_SECTIONS)
FORMATS: tuple[str, ...] = ("md", "rst")

# The docs generated into this repository's docs/ folder: path -> (target, section).
# `scripts/generate_docs.py` writes them; a test checks they are current.
GENERATED_DOCS: dict[str, tuple[str | None, str]] = {
    "docs/rules.md": (None, "rules"),
    "docs/resolved-catalog.md": (None, "resolved-catalog"),
    **{f"docs/providers/{target}.md": (target, "all") for target in TARGETS},
}


class DocsError(ValueError):
    """Bad input: an unknown target, section or format, or a section the target does not have."""


def target_sections(target: str) -> tuple[str, ...]:
    """The sections `target` has content for, in page order."""
    from modelconf.catalog._profiles import load_profile
    from modelconf.docs._tables import sections_for

    _check_target(target)
    return sections_for(load_profile(target))


def validate(target: str | None, section: str, fmt: str) -> None:
    """Raise DocsError, listing the valid values, for a bad target/section/format combination."""
    if fmt not in FORMATS:
        raise DocsError(f"unknown format {fmt!r}. Valid formats: {', '.join(FORMATS)}")
    if section not in SECTIONS:
        raise DocsError(f"unknown section {section!r}. Valid sections: {', '.join(SECTIONS)}")
    if target is not None:
        _check_target(target)
        if section in GENERAL_SECTIONS:
            raise DocsError(f"the {section} section is the same for every target; drop --target")
        available = target_sections(target)
        if section != "all" and section not in available:
            raise DocsError(f"{target} has no {section} section. Sections for {target}: all, {', '.join(available)}")
    elif section in TARGET_SECTIONS:
        raise DocsError(f"the {section} section needs --target. Valid targets: {', '.join(TARGETS)}")


def command_line(target: str | None, section: str, fmt: str) -> str:
    """The canonical `modelconf docs` command that renders this (written into the output)."""
    words = ["modelconf", "docs"]
    if target is not None:
        words += ["--target", target]
        if section != "all":
            words += ["--section", section]
    else:
        words += ["--section", "rules" if section == "all" else section]
    if fmt != "md":
        words += ["--format", fmt]
    return " ".join(words)


def render(*, target: str | None = None, section: str = "all", fmt: str = "md") -> str:
    """Render a target's sections (`all`: every section it has, as a page), the rule reference
    (`rules`, also the default without a target) or the resolved-catalog format."""
    validate(target, section, fmt)
    from modelconf.docs import _render

    command = command_line(target, section, fmt)
    if target is not None:
        sections = target_sections(target) if section == "all" else (section,)
        return _render.render_target(target, sections, fmt, page=section == "all", command=command)
    if section == "resolved-catalog":
        return _render.render_schema("resolved-catalog", fmt, command=command)
    return _render.render_rules(fmt, command=command)


def diff(name: str, current: str, generated: str) -> str:
    """A unified diff from `current` (the file `name`) to `generated`; "" when they are equal."""
    if current == generated:
        return ""
    import difflib

    lines = difflib.unified_diff(
        current.splitlines(keepends=True),
        generated.splitlines(keepends=True),
        fromfile=name,
        tofile=f"{name} (generated)",
    )
    # A last line without a newline still ends its diff line.
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def read_doc(path: str | os.PathLike[str]) -> str:
    """A checked-in doc as text with `\\n` line ends (CRLF checkouts compare equal)."""
    with open(path, encoding="utf-8") as handle:
        return handle.read()


# -- plain table data -------------------------------------------------------------------------


def tables(target: str, section: str) -> tuple[Table, ...]:
    """The tables and lists of a target's providers, subscriptions or setup section."""
    from modelconf.catalog._profiles import load_profile
    from modelconf.docs._tables import section_tables

    _check_target(target)
    return section_tables(load_profile(target), section)


def providers_table(target: str) -> Table | None:
    """Provider | Environment variable | Stored key (pi, zot: as their docs write it), or the
    target's own providers table."""
    found = tables(target, "providers")
    return found[0] if found else None


def subscriptions_table(target: str) -> Table | None:
    found = tables(target, "subscriptions")
    return found[0] if found else None


def setup_table(target: str) -> Table | None:
    found = tables(target, "setup")
    return found[0] if found else None


def model_tables(target: str) -> tuple[ModelSection, ...]:
    """Per provider, Model Name | Model ID for Config | Description (Plano's layout)."""
    from modelconf.catalog._profiles import load_profile
    from modelconf.docs._tables import model_sections

    _check_target(target)
    return model_sections(load_profile(target))


def rule_entries() -> tuple[RuleEntry, ...]:
    from modelconf.docs._rules import rule_entries as entries

    return entries()


def _check_target(target: str) -> None:
    if target not in TARGETS:
        raise DocsError(f"unknown target {target!r}. Valid targets: {', '.join(TARGETS)}")
