"""The frozen records of a drill: its settings (``DrillSpec``) and the drawn problem (``Drill``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from engine import StepRecord
from questions.vocab import Text
from quizapp.grading.numeric import Tolerance

Array = npt.NDArray[np.float64]

DIFFICULTIES: tuple[str, ...] = ("whiteboard", "standard", "hard")


@dataclass(frozen=True)
class DrillSpec:
    """What to drill: a cell in a convention, the asked quantities, a difficulty and a seed.

    Quantities are record keys (``f``, ``c``, ``a_f``, …, ``all``), backward keys (``dc_prev``,
    ``dh_prev``, ``dc``, ``dx``, ``da_<gate>``), ``count``, ``shape_output``, ``shape_h_n``,
    ``shape_c_n`` or formula keys (``formula`` picks one by seed). An empty convention means the
    cell's default. ``two_biases`` draws PyTorch's second, hidden-side bias (hard drills of rnn,
    lstm and gru always have it, since they show PyTorch's layout).
    """

    cell: str
    convention: str
    quantities: tuple[str, ...]
    difficulty: str
    seed: int
    two_biases: bool = False


@dataclass(frozen=True)
class Alternative:
    """The value an asked quantity takes under one catalogued mistake (``detail`` says where)."""

    mistake: str
    detail: str
    values: tuple[float, ...]
    checked: bool = True  # False: a slip seen far downstream, not part of the fairness check


@dataclass(frozen=True)
class FormulaAsk:
    """A symbolic question: the expected expression (whitelist syntax), the symbols the learner may
    use with what they stand for, and expressions that match catalogued mistakes."""

    expected: str
    symbols: tuple[str, ...]
    meanings: tuple[tuple[str, str], ...]
    wrong: tuple[tuple[str, str], ...] = ()  # (mistake id, expression)


@dataclass(frozen=True)
class FrameworkCall:
    """A framework question: the module call and the input tensor it receives."""

    module: str  # "nn.LSTM", … or a cell name for cells PyTorch does not have
    input_size: int
    hidden_size: int
    num_layers: int = 1
    bidirectional: bool = False
    batch_first: bool = False
    proj_size: int = 0
    batch: int = 1
    seq_len: int = 1
    biases: int = 2

    def call_text(self) -> str:
        """The call as code, e.g. ``nn.GRU(input_size=3, hidden_size=4, batch_first=True)``."""
        if not self.module.startswith("nn."):
            return f"{self.module}(d={self.input_size}, n={self.hidden_size})"
        args = [f"input_size={self.input_size}", f"hidden_size={self.hidden_size}"]
        if self.num_layers != 1:
            args.append(f"num_layers={self.num_layers}")
        if self.bidirectional:
            args.append("bidirectional=True")
        if self.batch_first:
            args.append("batch_first=True")
        if self.proj_size:
            args.append(f"proj_size={self.proj_size}")
        return f"{self.module}({', '.join(args)})"

    def input_shape(self) -> tuple[int, int, int]:
        """Shape of the input tensor the call receives."""
        if self.batch_first:
            return (self.batch, self.seq_len, self.input_size)
        return (self.seq_len, self.batch, self.input_size)


@dataclass(frozen=True)
class Drill:
    """One drawn problem; ``expected`` and ``alternatives`` are the solution (never shown up front).

    ``inputs`` hold x, h, c, c_low, dh, dc as the problem needs; ``given`` holds forward values shown
    in a backward drill; ``lookup_table`` the σ/tanh values of a whiteboard drill; ``tolerance`` the
    grading tolerance the drill is fair for. ``extra`` carries t and periods (clockwork), ``layout``
    (``"pytorch"`` when the weights are shown stacked) and the framework call of count/shape drills.
    """

    spec: DrillSpec
    d: int
    n: int
    inputs: Mapping[str, tuple[float, ...]]
    params: Mapping[str, Array]
    record: StepRecord | None
    asked: tuple[str, ...]
    expected: Mapping[str, tuple[float, ...]]
    convention_text: Text
    prompt: Text
    lookup_table: tuple[tuple[str, float], ...]
    extra: Mapping[str, object]
    alternatives: Mapping[str, tuple[Alternative, ...]] = field(default_factory=dict)
    given: Mapping[str, tuple[float, ...]] = field(default_factory=dict)
    tolerance: Tolerance = field(default_factory=Tolerance)
    formula: FormulaAsk | None = None
    framework: FrameworkCall | None = None
    attempts: int = 1

    @property
    def category(self) -> str:
        """``forward``, ``backward``, ``framework`` or ``formula``."""
        from quizapp.drills.quantities import category

        return category(self.asked[0])

    @property
    def convention(self) -> str:
        """The resolved convention."""
        return self.spec.convention
