"""The rule reference as plain data, from the rule registry (`modelconf.rules.all_rules()`)."""

from __future__ import annotations

from dataclasses import dataclass

# Family titles by code letter (docs/development.md, "Diagnostics and rules").
FAMILIES: dict[str, str] = {
    "P": "Parse",
    "D": "Dialect detection",
    "S": "Schema",
    "C": "Config semantics",
    "O": "Overrides and catalog",
    "K": "Keys and credentials",
    "E": "Endpoints and base URLs",
}


@dataclass(frozen=True, slots=True)
class RuleEntry:
    code: str
    # The anchor the SARIF renderer links to: docs/rules.md#<code lowercased>.
    anchor: str
    name: str
    severity: str
    fatal: bool
    summary: str
    explanation: str
    example: str


@dataclass(frozen=True, slots=True)
class RuleFamily:
    letter: str
    title: str
    rules: tuple[RuleEntry, ...]


def rule_entries() -> tuple[RuleEntry, ...]:
    """Every registered rule, sorted by code."""
    from modelconf.rules import all_rules

    return tuple(
        RuleEntry(
            code=rule.code,
            anchor=rule.code.lower(),
            name=rule.name,
            severity=rule.severity.label,
            fatal=rule.fatal,
            summary=rule.summary,
            explanation=rule.explanation,
            example=rule.example,
        )
        for rule in all_rules()
    )


def rule_families() -> tuple[RuleFamily, ...]:
    """The rules grouped by family, families in the order of `FAMILIES` (unknown letters last)."""
    grouped: dict[str, list[RuleEntry]] = {}
    for entry in rule_entries():
        grouped.setdefault(entry.code.rstrip("0123456789"), []).append(entry)
    order = [letter for letter in FAMILIES if letter in grouped] + sorted(set(grouped) - set(FAMILIES))
    return tuple(RuleFamily(letter, FAMILIES.get(letter, letter), tuple(grouped[letter])) for letter in order)
