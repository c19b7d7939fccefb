"""Render the docs pages with the jinja2 templates in `modelconf/templates/docs/`.

Only this module imports jinja2, and only `modelconf docs` imports this module.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import jinja2

from modelconf.docs import _markup, _rules, _schema, _tables

SECTION_TITLES: dict[str, str] = {
    "providers": "Providers",
    "subscriptions": "Subscriptions",
    "setup": "Setup instructions",
    "models": "Models",
    "notes": "How the docs compare with the code",
}


@dataclass(frozen=True, slots=True)
class Section:
    name: str
    title: str
    tables: tuple[_tables.Table, ...] = ()
    models: tuple[_tables.ModelSection, ...] = ()


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("modelconf", "templates/docs"),
        # Markdown and reStructuredText, not HTML.
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md_block=_markup.md_block,
        md_table=_markup.md_table,
        md_text=_markup.md_text,
        fence=_markup.fence,
        rst_block=_markup.rst_block,
        rst_table=_markup.rst_table,
        rst_inline=_markup.rst_inline,
        rst_heading=_markup.rst_heading,
        rst_code_block=_markup.rst_code_block,
    )
    return env


def _render(template: str, fmt: str, **context: Any) -> str:
    return environment().get_template(f"{template}.{fmt}.j2").render(**context)


def render_target(target: str, sections: tuple[str, ...], fmt: str, *, page: bool, command: str) -> str:
    """A target's sections; `page` adds the title, the description and the sources."""
    from modelconf.catalog._profiles import load_profile

    profile = load_profile(target)
    built = []
    for name in sections:
        if name == "models":
            built.append(Section(name, SECTION_TITLES[name], models=_tables.model_sections(profile)))
        elif name == "notes":
            built.append(Section(name, SECTION_TITLES[name], tables=(_tables.notes(profile),)))
        else:
            built.append(Section(name, SECTION_TITLES[name], tables=_tables.section_tables(profile, name)))
    return _render(
        "target",
        fmt,
        profile=profile,
        sections=built,
        sources=_tables.sources(profile),
        page=page,
        command=command,
    )


def render_rules(fmt: str, *, command: str) -> str:
    families = _rules.rule_families()
    summary = _tables.Table(
        id="rules",
        columns=("Code", "Name", "Severity", "Summary"),
        rows=tuple(
            (f"[{rule.code}](#{rule.anchor})", _tables.code(rule.name), rule.severity, rule.summary)
            for family in families
            for rule in family.rules
        ),
    )
    return _render("rules", fmt, families=families, summary=summary, command=command)


def render_schema(name: str, fmt: str, *, command: str) -> str:
    from modelconf.schema import load_schema

    return _render("schema", fmt, doc=_schema.schema_doc(load_schema(name)), file=f"schemas/{name}.schema.json", command=command)
