"""What a target walker returns before the engine decides: steps, rotation, notes, diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field

from modelconf.credentials._types import Step
from modelconf.diagnostics import Diagnostic


@dataclass
class Draft:
    steps: list[Step] = field(default_factory=list)
    rotation: list[Step] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
