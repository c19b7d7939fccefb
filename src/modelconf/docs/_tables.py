"""Plain table data for `modelconf docs`, built from the target profiles.

Which tables a target has, their columns, cell contents and row order are data in the profile
(`doc_tables` in `catalog/targets/<target>.json`); this module only fills the cells. Cells are
Markdown inline text (code in backticks, links as `[text](#anchor)`); the reStructuredText
renderer converts them.
"""

from __future__ import annotations

from dataclasses import dataclass

from modelconf.docs import TARGET_SECTIONS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

    from modelconf.catalog._profiles import DocRow, DocTable, TargetProfile, TargetProvider

# An empty cell: nothing to show (no variable, no stored key).
NONE_CELL = "—"

# Fields whose values are identifiers, shown as code.
_CODE_FIELDS = frozenset({"stored_key", "prefix", "endpoint", "model"})


@dataclass(frozen=True, slots=True)
class Table:
    """A table (with columns) or a list (no columns: each row holds one item), cells in Markdown."""

    id: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # The Markdown separator row as the seed writes it; None: `| --- |` per column.
    separator: str | None = None
    # reStructuredText list-table `:widths:`.
    widths: tuple[int, ...] = ()
    # Text before a list, as the seed writes it.
    heading: str | None = None

    @property
    def is_list(self) -> bool:
        return not self.columns


@dataclass(frozen=True, slots=True)
class ModelSection:
    """One provider's model table (Plano's layout)."""

    provider: str
    name: str
    prefix: str
    table: Table


@dataclass(frozen=True, slots=True)
class Source:
    """Where a target's facts come from: its code, its docs, its data."""

    kind: str
    repository: str
    version: str
    path: str | None = None


def code(text: str) -> str:
    """`text` as inline code (Markdown)."""
    return f"`{text}`"


def sections_for(profile: TargetProfile) -> tuple[str, ...]:
    """The target sections this profile has content for, in page order."""
    have = {table.section for table in profile.doc_tables.values() if table.section}
    if profile.notes:
        have.add("notes")
    return tuple(section for section in TARGET_SECTIONS if section in have)


def section_tables(profile: TargetProfile, section: str) -> tuple[Table, ...]:
    """The tables and lists of one section (providers, subscriptions, setup), in data order."""
    return tuple(_table(profile, t) for t in profile.doc_tables.values() if t.section == section and t.kind != "sections")


def model_sections(profile: TargetProfile) -> tuple[ModelSection, ...]:
    """Per provider, its example models (Model Name | Model ID for Config | Description)."""
    out = []
    for table in profile.doc_tables.values():
        if table.section != "models" or table.kind != "sections":
            continue
        for row in table.rows:
            provider = profile.providers[row.provider]
            if not provider.examples:
                continue
            rows = tuple(tuple(_example_cell(field, example) for field in table.fields) for example in provider.examples)
            out.append(
                ModelSection(
                    provider=provider.id,
                    name=row.label or provider.name,
                    prefix=code(f"{provider.id}/"),
                    table=Table(id=f"{table.id}-{provider.id}", columns=table.columns, rows=rows, separator=table.separator, widths=table.widths),
                )
            )
    return tuple(out)


def notes(profile: TargetProfile) -> Table:
    """The profile's notes on where the target's docs and code differ, as a list."""
    return Table(id="notes", columns=(), rows=tuple((note.text,) for note in profile.notes))


def sources(profile: TargetProfile) -> tuple[Source, ...]:
    return tuple(
        Source(kind=s.get("kind", ""), repository=s.get("repository", ""), version=s.get("version", ""), path=s.get("path"))
        for s in profile.sources
    )


# -- cells ------------------------------------------------------------------------------------


def _table(profile: TargetProfile, table: DocTable) -> Table:
    fields = table.fields or ("label",)
    rows = tuple(tuple(_cell(field, profile, table, row) for field in fields) for row in table.rows)
    return Table(id=table.id, columns=table.columns, rows=rows, separator=table.separator, widths=table.widths, heading=table.heading)


def _cell(field: str, profile: TargetProfile, table: DocTable, row: DocRow) -> str:
    provider = profile.providers[row.provider]
    if field == "label":
        return row.label or provider.name
    if field == "env":
        return env_cell(provider, table.env_format, row.env)
    if field == "stored_key":
        return code(provider.stored_key.key) if provider.stored_key else NONE_CELL
    if field == "notes":
        return row.notes or " ".join(provider.notes) or NONE_CELL
    if field == "prefix":
        return code(f"{provider.id}/")
    if field == "endpoint":
        return code(provider.doc_endpoint) if provider.doc_endpoint else NONE_CELL
    if field == "needs_base_url":
        return "yes" if provider.needs_base_url else "no"
    raise ValueError(f"doc table {table.id!r}: unknown field {field!r}")


def env_cell(provider: TargetProvider, env_format: Mapping[str, str], names: tuple[str, ...] | None = None) -> str:
    """The provider's API-key variables as the seed writes them.

    zot: `A` or `B` (zot-providers-2026-06.md); pi adds required setting variables:
    `KEY` (+ `ACCOUNT`, `GATEWAY`) (pi-providers.md).
    """
    shown = names if names is not None else provider.api_key_env
    if not shown:
        return NONE_CELL
    cell = env_format.get("join", " or ").join(code(name) for name in shown)
    template = env_format.get("settings")
    required = [s.name for s in provider.settings_env if s.required]
    if template and required:
        cell += template.format(env_format.get("settings_join", ", ").join(code(name) for name in required))
    return cell


def _example_cell(field: str, example: Mapping[str, str]) -> str:
    value = example.get(field, "")
    if not value:
        return NONE_CELL
    return code(value) if field in _CODE_FIELDS else value
