"""A typed, forgiving view of a Plano config for the load-time checks.

The schema stage reports wrong shapes; the checks still run on whatever is well-shaped, so every
accessor here tolerates any input (a list where a mapping belongs, a number where a string
belongs, `null`) and simply yields nothing for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from modelconf.document import Document, PathT

PROVIDER_LISTS = ("model_providers", "llm_providers")


class Provider:
    """One model provider entry, with the facts Plano's generator derives from it (computed once)."""

    __slots__ = ("path", "entry", "model", "name", "provider", "model_id", "is_wildcard")

    def __init__(self, path: PathT, entry: dict[str, Any]) -> None:
        self.path = path
        self.entry = entry
        model, name = entry.get("model"), entry.get("name")
        self.model: str | None = model if isinstance(model, str) else None
        # The explicit `name`, or None when the entry relies on the default.
        self.name: str | None = name if isinstance(name, str) else None
        tokens = self.model.split("/") if self.model is not None and "/" in self.model else None
        # The provider prefix (`openai` in `openai/gpt-4o`), stripped as the generator does; None
        # when the model has no `/`, like model_id.
        self.provider: str | None = tokens[0].strip() if tokens else None
        # Everything after the first `/` (`*` for `openai/*`).
        self.model_id: str | None = "/".join(tokens[1:]) if tokens else None
        # `provider/*`: the generator's test (last `/` token is `*` after stripping).
        self.is_wildcard: bool = tokens is not None and tokens[-1].strip() == "*"

    def at(self, key: str) -> PathT:
        return self.path + (key,)

    def is_set(self, key: str) -> bool:
        """`entry.get(key) is not None`: how the generator tests base_url and provider_interface."""
        return self.entry.get(key) is not None

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
        self._providers: list[Provider] | None = None

    def mapping(self, *path: str | int) -> dict[str, Any]:
        value = self.document.get(tuple(path))
        return value if isinstance(value, dict) else {}

    def sequence(self, *path: str | int) -> list[Any]:
        value = self.document.get(tuple(path))
        return value if isinstance(value, list) else []

    def providers(self) -> list[Provider]:
        """Every provider entry of `model_providers` and `llm_providers`, in file order."""
        if self._providers is None:
            found: list[Provider] = []
            for key, items in self.root.items():
                if key in PROVIDER_LISTS and isinstance(items, list):
                    found.extend(Provider((key, index), entry) for index, entry in enumerate(items) if isinstance(entry, dict))
            self._providers = found
        return self._providers

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
