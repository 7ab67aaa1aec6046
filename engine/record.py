"""The frozen record a forward step returns: every named intermediate, in the spec's order."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from engine.modern.shapes import MODERN_OUTPUT_KEYS
from engine.params import Array

# Output keys of each cell as printed by `quizapp compute` (pre-activations come first in a record).
OUTPUT_KEYS: dict[str, tuple[str, ...]] = {
    "rnn": ("a", "h"),
    "lstm": ("i", "f", "g", "o", "c", "h"),
    "peephole": ("i", "f", "g", "o", "c", "h"),
    "cifg": ("i", "f", "g", "o", "c", "h"),
    "gru": ("r", "z", "n", "h"),
    "mgu": ("f", "n", "h"),
    "sru": ("f", "r", "c", "h"),
    "clockwork": ("active", "h"),
    "depth_gated": ("d", "i", "f", "g", "o", "c", "h"),
    **MODERN_OUTPUT_KEYS,
}


@dataclass(frozen=True)
class StepRecord:
    """Every named intermediate of one forward step (read-only float64 arrays), in computation order.

    ``values`` maps names such as ``a_f`` (pre-activation) and ``f`` (gate value) to arrays of shape
    (n,) or (B, n); ``c`` and ``h`` are the new state C_t and h_t.
    """

    cell: str
    convention: str
    values: Mapping[str, Array]

    def __getitem__(self, name: str) -> Array:
        return self.values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.values)

    @property
    def output_keys(self) -> tuple[str, ...]:
        """The spec's output keys of this cell."""
        return OUTPUT_KEYS[self.cell]

    @property
    def h(self) -> Array:
        """The new hidden state h_t."""
        return self.values["h"]

    @property
    def c(self) -> Array | None:
        """The new cell state C_t, for cells that have one."""
        return self.values.get("c")

    def as_dict(self) -> dict[str, Array]:
        """A plain dict of every intermediate (pre-activations included)."""
        return dict(self.values)


def make_record(cell: str, convention: str, values: dict[str, Array]) -> StepRecord:
    """Freeze the arrays and wrap them in a StepRecord."""
    frozen: dict[str, Array] = {}
    for name, array in values.items():
        copy = np.array(array, dtype=np.float64)
        copy.setflags(write=False)
        frozen[name] = copy
    return StepRecord(cell, convention, MappingProxyType(frozen))
