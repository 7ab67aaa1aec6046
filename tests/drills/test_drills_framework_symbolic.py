"""Count, shape and formula drills: right answers from the spec's formulas, named slips."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quizapp.drills import DrillSpec, FrameworkCall, generate_drill, grade_drill


def spec_count(cell: str, d: int, n: int, layers: int, bidirectional: bool, proj: int) -> int:
    """Parameters of nn.RNN/GRU/LSTM with two biases, from the spec's table (N = n(n + d))."""
    gates = {"rnn": 1, "gru": 3, "lstm": 4}[cell]
    directions = 2 if bidirectional else 1
    out = proj or n
    total = 0
    for layer in range(layers):
        width = d if layer == 0 else directions * out
        if proj:
            one = 4 * n * width + 4 * n * proj + 8 * n + proj * n
        else:
            one = gates * (n * (n + width) + 2 * n)
        total += directions * one
    return total


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_count_and_shapes_against_the_spec(cell: str) -> None:
    keys = ("count", "shape_output", "shape_h_n") + (("shape_c_n",) if cell == "lstm" else ())
    for seed in range(25):
        drill = generate_drill(DrillSpec(cell, "", keys, "hard", seed))
        call = drill.framework
        assert call is not None
        directions = 2 if call.bidirectional else 1
        out = call.proj_size or call.hidden_size
        count = spec_count(cell, call.input_size, call.hidden_size, call.num_layers,
                           call.bidirectional, call.proj_size)  # fmt: skip
        length, batch = call.seq_len, call.batch
        output = (
            (batch, length, directions * out)
            if call.batch_first
            else (length, batch, directions * out)
        )
        answers = {
            "count": str(count),
            "shape_output": str(output),
            "shape_h_n": str((call.num_layers * directions, batch, out)),
            "shape_c_n": f"torch.Size([{call.num_layers * directions}, {batch}, {call.hidden_size}])",
        }
        grade = grade_drill(drill, {k: answers[k] for k in keys})
        assert grade.score == 1.0, (seed, call)
        # PyTorch's h_n ignores batch_first: applying it there is a named slip
        if call.batch_first and batch != call.num_layers * directions:
            wrong = str((batch, call.num_layers * directions, out))
            q = grade_drill(drill, {"shape_h_n": wrong}).quantities[keys.index("shape_h_n")]
            assert "shape-batch-first" in q.mistakes
        q = grade_drill(drill, {"count": str(count - _biases(cell, call))}).quantities[0]
        assert "no-bias" in q.mistakes


def _biases(cell: str, call: FrameworkCall) -> int:
    gates = {"rnn": 1, "gru": 3, "lstm": 4}[cell]
    directions = 2 if call.bidirectional else 1
    return 2 * gates * call.hidden_size * directions * call.num_layers


def test_single_layer_counts_of_other_cells() -> None:
    formulas: dict[str, Callable[[int, int], int]] = {
        "peephole": lambda d, n: 4 * (n * (n + d) + n) + 3 * n,
        "cifg": lambda d, n: 3 * (n * (n + d) + n),
        "mgu": lambda d, n: 2 * (n * (n + d) + n),
        "sru": lambda d, n: 3 * n * d + 4 * n,
    }
    for cell, formula in formulas.items():
        for seed in range(5):
            drill = generate_drill(DrillSpec(cell, "", ("count",), "standard", seed))
            right = formula(drill.d, drill.n)
            assert grade_drill(drill, {"count": str(right)}).score == 1.0
            assert grade_drill(drill, {"count": str(right + 1)}).score == 0.0


FORMULAS = [
    ("lstm", "", "formula_dc_prev", "f", "i", "bw-input-gate"),
    ("lstm", "", "formula_c_f1_i0", "C_prev", "C_prev + g", "cell-no-input-gate"),
    (
        "gru",
        "pytorch",
        "formula_h",
        "z*h_prev + (1 - z)*h_tilde",
        "z*h_tilde + (1-z)*h_prev",
        "gru-z-swapped",
    ),
    ("gru", "colah", "formula_h", "h_prev + z*(h_tilde - h_prev)", "z h_tilde", "gru-no-carry"),
    (
        "mgu",
        "",
        "formula_h",
        "(1-f)*h_prev + f*h_tilde",
        "f*h_prev + (1-f)*h_tilde",
        "gru-z-swapped",
    ),
    ("lstm", "", "formula_count", "4n(n+d) + 4n", "4 n (n + d)", "no-bias"),
    ("sru", "", "formula_count", "3nd + 4n", "3nd+2n", "no-bias"),
]


@pytest.mark.parametrize(("cell", "convention", "key", "right", "wrong", "mistake"), FORMULAS)
def test_formula_drills(
    cell: str, convention: str, key: str, right: str, wrong: str, mistake: str
) -> None:
    drill = generate_drill(DrillSpec(cell, convention, (key,), "standard", 0))
    assert grade_drill(drill, {key: right}).score == 1.0
    q = grade_drill(drill, {key: wrong}).quantities[0]
    assert q.score == 0.0 and mistake in q.mistakes
    unread = grade_drill(drill, {key: "import os"}).quantities[0]
    assert not unread.submitted and unread.message


def test_two_bias_count_formula_and_formula_choice_by_seed() -> None:
    drill = generate_drill(DrillSpec("gru", "pytorch", ("formula_count",), "hard", 0, True))
    assert grade_drill(drill, {"formula_count": "3*(n*(n+d) + 2*n)"}).score == 1.0
    q = grade_drill(drill, {"formula_count": "3*(n*(n+d) + n)"}).quantities[0]
    assert "count-one-bias" in q.mistakes
    kinds = {generate_drill(DrillSpec("lstm", "", ("formula",), "standard", s)).asked[0]
             for s in range(30)}  # fmt: skip
    assert kinds == {"formula_dc_prev", "formula_c_f1_i0", "formula_count"}


def test_formula_drill_names_the_convention_without_giving_the_update() -> None:
    for convention, source in (("pytorch", "PyTorch"), ("d2l", "d2l"), ("colah", "Colah")):
        drill = generate_drill(DrillSpec("gru", convention, ("formula_h",), "standard", 0))
        assert source in drill.convention_text.en and drill.convention_text.zh
        assert "⊙" not in drill.convention_text.en
