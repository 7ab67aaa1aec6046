"""Count and shape drills: parameter counts of a layer stack and the tensor shapes of a PyTorch call.

Counts and shapes come from ``engine.counts``; the alternatives are the counts and shapes a learner
gets by a catalogued slip (no biases, one bias, every layer reading d, one direction, batch_first on
the wrong tensor, forgetting the factor 2 of two directions, hidden_size for proj_size).
"""

from __future__ import annotations

import numpy as np

from engine.counts import BLOCKS, layer_param_count, param_count, torch_shapes
from quizapp.drills.model import FrameworkCall
from quizapp.drills.quantities import TORCH_CELLS

Value = tuple[int, ...]


def draw_call(cell: str, difficulty: str, rng: np.random.Generator) -> FrameworkCall:
    """A random module call for ``cell`` at ``difficulty``."""
    d = int(rng.integers(2, 9))
    n = int(rng.integers(2, 9))
    if cell not in TORCH_CELLS:
        return FrameworkCall(cell, n if cell == "sru" else d, n, biases=1)
    layers = {"whiteboard": 1, "standard": int(rng.integers(1, 3))}.get(
        difficulty, int(rng.integers(2, 4))
    )
    bidirectional = difficulty != "whiteboard" and bool(rng.integers(0, 2))
    proj = 0
    if difficulty == "hard" and cell == "lstm" and rng.integers(0, 2):
        proj = int(rng.integers(1, n)) if n > 1 else 0
    module = {"rnn": "nn.RNN", "lstm": "nn.LSTM", "gru": "nn.GRU"}[cell]
    return FrameworkCall(
        module,
        d,
        n,
        num_layers=layers,
        bidirectional=bidirectional,
        batch_first=bool(rng.integers(0, 2)),
        proj_size=proj,
        batch=int(rng.integers(2, 9)),
        seq_len=int(rng.integers(2, 13)),
        biases=2,
    )


def _count(cell: str, call: FrameworkCall, **changes: object) -> int:
    settings: dict[str, object] = {
        "biases": call.biases,
        "bidirectional": call.bidirectional,
        "num_layers": call.num_layers,
        "proj_size": call.proj_size,
    }
    settings.update(changes)
    return param_count(cell, call.input_size, call.hidden_size, **settings)  # type: ignore[arg-type]


def _bias_total(cell: str, call: FrameworkCall) -> int:
    per_vector = {"peephole": 4, "sru": 2}.get(cell, BLOCKS.get(cell, 1)) * call.hidden_size
    directions = 2 if call.bidirectional else 1
    return per_vector * call.biases * directions * call.num_layers


def count_answers(cell: str, call: FrameworkCall) -> tuple[int, list[tuple[str, int]]]:
    """The right count and the counts of the catalogued slips that apply."""
    right = _count(cell, call)
    wrong: list[tuple[str, int]] = [("no-bias", right - _bias_total(cell, call))]
    if call.biases == 2:
        wrong.append(("count-one-bias", _count(cell, call, biases=1)))
    if call.num_layers > 1:
        directions = 2 if call.bidirectional else 1
        per_layer = layer_param_count(
            cell, call.input_size, call.hidden_size, biases=call.biases, proj_size=call.proj_size
        )
        wrong.append(("count-layer-input", directions * call.num_layers * per_layer))
    if call.bidirectional:
        wrong.append(("count-directions", _count(cell, call, bidirectional=False)))
    return right, wrong


def shape_answers(
    cell: str, call: FrameworkCall, key: str
) -> tuple[Value, list[tuple[str, Value]]]:
    """The right shape of ``output``, ``h_n`` or ``c_n`` and the shapes of the slips that apply."""
    module = {"rnn": "RNN", "lstm": "LSTM", "gru": "GRU"}[cell]
    shapes = torch_shapes(
        module,
        input_size=call.input_size,
        hidden_size=call.hidden_size,
        batch=call.batch,
        seq_len=call.seq_len,
        num_layers=call.num_layers,
        bidirectional=call.bidirectional,
        batch_first=call.batch_first,
        proj_size=call.proj_size,
    )
    name = key.removeprefix("shape_")
    right = shapes[name]
    directions = 2 if call.bidirectional else 1
    wrong: list[tuple[str, Value]] = []
    if name == "output":
        wrong.append(("shape-batch-first", (right[1], right[0], right[2])))
        if call.bidirectional:
            wrong.append(("shape-directions", (right[0], right[1], right[2] // 2)))
        if call.proj_size:
            wrong.append(("shape-proj", (right[0], right[1], directions * call.hidden_size)))
        return right, wrong
    if call.batch_first:
        wrong.append(("shape-batch-first", (right[1], right[0], right[2])))
    if call.bidirectional:
        wrong.append(("shape-directions", (call.num_layers, right[1], right[2])))
    if call.proj_size:
        other = call.hidden_size if name == "h_n" else call.proj_size
        wrong.append(("shape-proj", (right[0], right[1], other)))
    return right, wrong
