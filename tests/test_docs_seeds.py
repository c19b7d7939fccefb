"""`modelconf docs` reproduces the seed tables: the generated Markdown (or reStructuredText) is cut
out of the rendered page and compared with the text cut out of the seed file (fixtures/seeds/)."""

from __future__ import annotations

from seed_parsers import rst_model_tables, seed

from modelconf.docs import model_tables, render


def table_block(text: str, header: str) -> list[str]:
    """The Markdown table whose header line is `header`: it and the `|` lines that follow."""
    lines = text.splitlines()
    start = lines.index(header)
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return lines[start:end]


def list_after(text: str, line: str) -> list[str]:
    """The `- item` lines of the list that follows `line` (blank lines before it skipped)."""
    lines = text.splitlines()
    index = lines.index(line) + 1
    while lines[index] == "":
        index += 1
    items = []
    while index < len(lines) and lines[index].startswith("- "):
        items.append(lines[index])
        index += 1
    return items


def test_zot_api_key_table_equals_the_seed():
    # zot-providers-2026-06.md, "API-key providers": header, `| --- |` separator and 30 rows.
    header = "| Provider | Environment variable | Stored key |"
    expected = table_block(seed("zot-providers-2026-06.md"), header)
    generated = table_block(render(target="zot", section="providers"), header)
    assert generated == expected
    assert generated[1] == "| --- | --- | --- |"
    assert len(generated) == 2 + 30
    assert "| Kimi | `KIMI_API_KEY` or `MOONSHOT_API_KEY` | `kimi` |" in generated


def test_pi_api_key_table_equals_the_seed():
    # pi-providers.md, "Environment Variables or Auth File": the seed's own separator and 26 rows.
    header = "| Provider | Environment Variable | `auth.json` key |"
    expected = table_block(seed("pi-providers.md"), header)
    generated = table_block(render(target="pi", section="providers"), header)
    assert generated == expected
    assert generated[1] == "|----------|----------------------|------------------|"
    assert len(generated) == 2 + 26
    assert (
        "| Cloudflare AI Gateway | `CLOUDFLARE_API_KEY` (+ `CLOUDFLARE_ACCOUNT_ID`, `CLOUDFLARE_GATEWAY_ID`) | `cloudflare-ai-gateway` |"
        in generated
    )


def test_full_pages_carry_the_same_tables():
    # The `all` page holds the section verbatim (what docs/providers/<target>.md is).
    header = "| Provider | Environment variable | Stored key |"
    assert table_block(render(target="zot"), header) == table_block(seed("zot-providers-2026-06.md"), header)


def test_zot_subscription_table_equals_the_seed():
    # zot-providers-2026-06.md, "Subscription providers": Provider | Notes, 4 rows.
    header = "| Provider | Notes |"
    expected = table_block(seed("zot-providers-2026-06.md"), header)
    generated = table_block(render(target="zot", section="subscriptions"), header)
    assert generated == expected
    assert len(generated) == 2 + 4


def test_zot_setup_instruction_list_equals_the_seed():
    # zot-providers-2026-06.md, "Login methods": the lead-in line and 5 items.
    lead = "Setup-instruction providers:"
    expected = list_after(seed("zot-providers-2026-06.md"), lead)
    generated = list_after(render(target="zot", section="setup"), lead)
    assert generated == expected
    assert len(generated) == 5


def test_pi_subscriptions_list_equals_the_seed():
    # pi-providers.md, "Subscriptions": 3 items after "then select a provider:".
    expected = list_after(seed("pi-providers.md"), "Use `/login` in interactive mode, then select a provider:")
    generated = list_after(render(target="pi", section="subscriptions"), "## Subscriptions")
    assert generated == expected == ["- ChatGPT Plus/Pro (Codex)", "- Claude Pro/Max", "- GitHub Copilot"]


def _rst_list_tables(text: str) -> list[list[str]]:
    """Every `list-table` whose header is Model Name | Model ID for Config | Description, as its
    lines stripped of indentation with blank lines dropped (the mirror flattened both)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    tables = []
    for index, line in enumerate(lines):
        if line != ".. list-table::" or lines[index + 3 : index + 6] != ["* - Model Name", "- Model ID for Config", "- Description"]:
            continue
        end = index + 1
        while end < len(lines) and (lines[end].startswith((":", "* - ", "- "))):
            end += 1
        tables.append(lines[index:end])
    return tables


def test_plano_model_tables_equal_the_seed_rst():
    # plano-supported-providers.rst: one list-table per provider (`:header-rows: 1`,
    # `:widths: 30 20 50`), 10 tables and 31 model rows in all.
    expected = _rst_list_tables(seed("plano-supported-providers.rst"))
    generated = _rst_list_tables(render(target="plano", section="models", fmt="rst"))
    assert generated == expected
    assert len(generated) == 10
    assert sum((len(table) - 6) // 3 for table in generated) == 31
    assert generated[0][:3] == [".. list-table::", ":header-rows: 1", ":widths: 30 20 50"]


def test_plano_rst_tables_are_indented_list_tables():
    # The mirror lost the indentation; what modelconf writes is valid reStructuredText.
    text = render(target="plano", section="models", fmt="rst")
    start = text.index(".. list-table::")
    assert text[start:].splitlines()[:8] == [
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 30 20 50",
        "",
        "   * - Model Name",
        "     - Model ID for Config",
        "     - Description",
        "   * - GPT-5.2",
    ]


def test_plano_model_tables_as_markdown_follow_the_seed_rows():
    # plano-supported-providers.rst: the same rows as a Markdown table per provider, in order.
    # Providers without a model table in the seed (Azure, Bedrock, Qwen, Ollama) get none either.
    tables = {prefix: rows for prefix, rows in rst_model_tables(seed("plano-supported-providers.rst")).items() if rows}
    text = render(target="plano", section="models")
    sections = model_tables("plano")
    assert [s.provider for s in sections] == list(tables)
    for section in sections:
        rows = tables[section.provider]
        header = "| Model Name | Model ID for Config | Description |"
        start = text.index(f"### {section.name}\n")
        block = table_block(text[start:], header)
        assert block == [header, "| --- | --- | --- |", *(f"| {name} | `{model}` | {description} |" for name, model, description in rows)]
        assert f"Provider prefix: `{section.provider}/`" in text[start:]
