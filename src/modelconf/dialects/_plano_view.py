"""A typed, forgiving view of a Plano config for the load-time checks.

The schema stage reports wrong shapes; the checks still run on whatever is well-shaped, so every
accessor here tolerates any input (a list where a mapping belongs, a number where a string
belongs, `null`) and simply yields nothing for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from modelconf.document import Document, PathT

PROVIDER_LISTS = ("model_providers", "llm_providers")


@dataclass(frozen=True, slots=True)
class Provider:
    """One model provider entry, with the facts Plano's generator derives from it."""

    path: PathT
    entry: dict[str, Any]

    def at(self, key: str) -> PathT:
        return self.path + (key,)

    def string(self, key: str) -> str | None:
        value = self.entry.get(key)
        return value if isinstance(value, str) else None

    def is_set(self, key: str) -> bool:
        """`entry.get(key) is not None`: how the generator tests base_url and provider_interface."""
        return self.entry.get(key) is not None

    def flag(self, key: str) -> bool:
        return self.entry.get(key) is True

    @property
    def model(self) -> str | None:
        return self.string("model")

    @property
    def name(self) -> str | None:
        """The explicit `name`, or None when the entry relies on the default."""
        return self.string("name")

    @property
    def tokens(self) -> list[str] | None:
        model = self.model
        return model.split("/") if model is not None and "/" in model else None

    @property
    def provider(self) -> str | None:
        """The provider prefix (`openai` in `openai/gpt-4o`), stripped as the generator does."""
        tokens = self.tokens
        return tokens[0].strip() if tokens else None

    @property
    def model_id(self) -> str | None:
        """Everything after the first `/` (`*` for `openai/*`)."""
        tokens = self.tokens
        return "/".join(tokens[1:]) if tokens else None

    @property
    def is_wildcard(self) -> bool:
        """`provider/*`: the generator's test (last `/` token is `*` after stripping)."""
        tokens = self.tokens
        return tokens is not None and tokens[-1].strip() == "*"

    @property
    def effective_name(self) -> str | None:
        """`name`, defaulting to the full model string (the generator's default)."""
        return self.name if self.name is not None else self.model

    @property
    def inline_preferences(self) -> list[Any]:
        value = self.entry.get("routing_preferences")
        return value if isinstance(value, list) else []


class PlanoView:
    """Read-only accessors over `document.value` for the Plano checks."""

    def __init__(self, document: Document) -> None:
        self.document = document
        value = document.value
        self.root: dict[str, Any] = value if isinstance(value, dict) else {}

    def mapping(self, *path: str | int) -> dict[str, Any]:
        value = self.document.get(tuple(path))
        return value if isinstance(value, dict) else {}

    def sequence(self, *path: str | int) -> list[Any]:
        value = self.document.get(tuple(path))
        return value if isinstance(value, list) else []

    def providers(self) -> list[Provider]:
        """Every provider entry of `model_providers` and `llm_providers`, in file order."""
        out: list[Provider] = []
        for key in self.root:
            if key in PROVIDER_LISTS:
                for index, entry in enumerate(self.sequence(key)):
                    if isinstance(entry, dict):
                        out.append(Provider((key, index), entry))
        return out

    def has_providers(self) -> bool:
        """The generator's legacy-listener test (not None, not []) on either provider list.

        With both lists the generator stops earlier (C401); the user will merge them, so either counts.
        """
        return any(self.root.get(key) not in (None, []) for key in PROVIDER_LISTS)

    @property
    def version(self) -> tuple[int, int, int]:
        return version_tuple(str(self.root.get("version", "")))

    @property
    def migrates_inline_preferences(self) -> bool:
        """Below v0.4.0 `planoai up` lifts inline routing preferences to the top level."""
        return self.version < (0, 4, 0)

    def items(self, *path: str | int) -> Iterator[tuple[PathT, dict[str, Any]]]:
        """(path, mapping) for each mapping item of the list at `path`."""
        for index, item in enumerate(self.sequence(*path)):
            if isinstance(item, dict):
                yield tuple(path) + (index,), item

    def listeners(self) -> Iterator[tuple[PathT, dict[str, Any]]]:
        """List-form listeners (the legacy object form has no per-listener settings to check)."""
        return self.items("listeners")

    def agent_ids(self) -> Iterator[tuple[PathT, str, dict[str, Any]]]:
        """(path of the id, id, item) for `agents` then `filters`, the generator's order."""
        for key in ("agents", "filters"):
            for path, item in self.items(key):
                identifier = item.get("id")
                if isinstance(identifier, str):
                    yield path + ("id",), identifier, item


def version_tuple(text: str) -> tuple[int, int, int]:
    """How `planoai up` compares versions: strip `v`, drop a `-suffix`, non-numbers count as 0."""
    stripped = text.strip().lstrip("vV")
    if not stripped:
        return (0, 0, 0)
    parts = stripped.split("-", 1)[0].split(".")
    numbers = [_int_or_zero(part) for part in parts[:3]]
    numbers += [0] * (3 - len(numbers))
    return (numbers[0], numbers[1], numbers[2])


def _int_or_zero(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return 0
