"""Markdown and reStructuredText primitives the docs templates use as filters.

Tables and lists are built here rather than in templates: their layout is mechanical and
whitespace-exact (the zot and pi tables must equal the seeds byte for byte).
"""

from __future__ import annotations

import re

from modelconf.docs._tables import Table

# Code spans and links, kept as they are when plain text around them is escaped.
_VERBATIM = re.compile(r"(`[^`]+`|\[[^\]]+\]\(#[^)]+\))")
# reStructuredText: `*`, `|` and a `_` that ends a word would start markup.
_RST_SPECIAL = re.compile(r"[*|]|_(?=\W|$)")
_LINK = re.compile(r"\[([^\]]+)\]\(#([^)]+)\)")
_BACKTICKS = re.compile(r"`+")


# -- Markdown ---------------------------------------------------------------------------------


def md_text(text: str) -> str:
    """Plain text with Markdown inline markup: `<` escaped outside code spans, so `<ID>_API_KEY`
    is not taken for an HTML tag."""
    parts = _VERBATIM.split(text)
    return "".join(part if index % 2 else part.replace("<", "\\<") for index, part in enumerate(parts))


def md_cell(text: str) -> str:
    """A table cell: one line, pipes escaped."""
    return md_text(" ".join(text.split("\n"))).replace("|", "\\|")


def md_table(table: Table) -> str:
    """`| a | b |` rows under the header and the separator row (the seed's, when it gives one)."""
    lines = ["| " + " | ".join(md_cell(c) for c in table.columns) + " |"]
    lines.append(table.separator or "| " + " | ".join("---" for _ in table.columns) + " |")
    lines.extend("| " + " | ".join(md_cell(c) for c in row) + " |" for row in table.rows)
    return "\n".join(lines)


def md_list(table: Table) -> str:
    return "\n".join(f"- {md_text(row[0])}" for row in table.rows)


def md_block(table: Table) -> str:
    return md_list(table) if table.is_list else md_table(table)


def fence(text: str, info: str = "") -> str:
    """A fenced code block whose fence is longer than any backtick run in `text`."""
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    marks = "`" * max(3, longest + 1)
    return f"{marks}{info}\n{text}\n{marks}"


# -- reStructuredText -------------------------------------------------------------------------


def rst_inline(text: str) -> str:
    """Markdown inline markup to reStructuredText: `code` -> ``code``, [t](#a) -> `t <a_>`__;
    characters that would start markup in the plain text between are escaped."""
    out = []
    for index, part in enumerate(_VERBATIM.split(text)):
        if index % 2 == 0:
            out.append(_RST_SPECIAL.sub(lambda m: "\\" + m.group(0), part))
        elif part.startswith("`"):
            out.append(f"``{part[1:-1]}``")
        else:
            link = _LINK.fullmatch(part)
            assert link is not None
            out.append(f"`{link.group(1)} <{link.group(2)}_>`__")
    return "".join(out)


def rst_heading(text: str, char: str) -> str:
    return f"{text}\n{char * len(text)}"


def rst_table(table: Table) -> str:
    """A `list-table` (header row first), with the seed's `:widths:` when it gives them."""
    lines = [".. list-table::", "   :header-rows: 1"]
    if table.widths:
        lines.append("   :widths: " + " ".join(str(w) for w in table.widths))
    lines.append("")
    for row in (table.columns, *table.rows):
        for index, cell in enumerate(row):
            lead = "   * - " if index == 0 else "     - "
            lines.append(lead + rst_inline(" ".join(cell.split("\n"))))
    return "\n".join(lines)


def rst_list(table: Table) -> str:
    return "\n".join(f"- {rst_inline(row[0])}" for row in table.rows)


def rst_block(table: Table) -> str:
    return rst_list(table) if table.is_list else rst_table(table)


def rst_code_block(text: str, language: str = "text") -> str:
    body = "\n".join(f"   {line}" if line else "" for line in text.split("\n"))
    return f".. code-block:: {language}\n\n{body}"
