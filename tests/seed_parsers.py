"""Parsers for the tables and lists in the seed documents (fixtures/seeds/).

Written for these files as mirrored (some flattened to one line, the rst without indentation);
they return the cells as the seed writes them, so tests compare profiles with the seeds row by row.
"""

from __future__ import annotations

import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


def seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def markdown_table(text: str, header: list[str]) -> list[list[str]]:
    """Rows of the markdown table whose header cells are `header` (multi-line or flattened)."""
    head = "| " + " | ".join(header) + " |"
    start = text.index(head) + len(head)
    body = text[start:]
    tokens = [cell.strip() for cell in re.findall(r"\|([^|]*)", body)]
    rows: list[list[str]] = []
    current: list[str] = []
    for token in tokens:
        if token == "" and not current:
            continue
        if token == "" and current:
            # End of a row: "| a | b |" then " " before the next "|".
            rows.append(current)
            current = []
            continue
        current.append(token)
        if len(current) == len(header):
            rows.append(current)
            current = []
    rows = [row for row in rows if len(row) == len(header)]
    rows = [row for row in rows if not set("".join(row)) <= set("- ")]
    # Stop at the first row that is not a table row of this table (prose after it).
    out = []
    for row in rows:
        if any("\n" in cell or len(cell) > 200 for cell in row):
            break
        out.append(row)
    return out


def backticked(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def bullet_list_after(text: str, heading: str) -> list[str]:
    """Items of the `- item` list that follows `heading` (multi-line or flattened)."""
    rest = text[text.index(heading) + len(heading) :]
    items = re.findall(r"-\s+([^\n-][^\n]*?)(?=\s+-\s+|\n|\s+##|$)", rest[: rest.index("##")])
    return [item.strip() for item in items]


def numbered_steps(text: str, heading: str) -> list[str]:
    """Items of the `1. ...` list after `heading`."""
    rest = text[text.index(heading) + len(heading) :]
    steps = re.findall(r"(?:^|\s)(\d+)\.\s+(.+?)(?=\s+\d+\.\s|\n\n|\n`models|\s+Bedrock then|$)", rest, re.S)
    return [re.sub(r"\s+", " ", body).strip() for _, body in steps]


def rst_model_tables(text: str) -> dict[str, list[tuple[str, str, str]]]:
    """Plano: per provider prefix, the (Model Name, Model ID for Config, Description) rows."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for section in text.split("**Provider Prefix:** ")[1:]:
        prefix = re.match(r"``([a-z_]+)/``", section)
        assert prefix is not None
        rows = re.findall(r"(?m)^\* - (.+)\n- ``([^`]+)``\n- (.+)$", section)
        out[prefix.group(1)] = [(a.strip(), b, c.strip()) for a, b, c in rows]
    return out


def rst_provider_sections(text: str) -> list[tuple[str, str, str]]:
    """Plano: (section title, provider prefix, API endpoint line) in document order."""
    found = re.findall(r"(?m)^([^\n]+)\n~+\n+\*\*Provider Prefix:\*\* ``([a-z_]+)/``\n+\*\*API Endpoint:\*\* ([^\n]+)", text)
    return [(title.strip(), prefix, endpoint.strip()) for title, prefix, endpoint in found]
