"""Fairness by construction, checked on 10,000 seeds, and determinism of the generator.

The check here is written afresh from the drill's data: every catalogued mistake the drill knows for
an asked quantity lies further than the tolerance from the right answer and from every mistake with
another id, and no gate is all near 0.5 or all saturated.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

import engine
from quizapp.drills import Drill, DrillError, DrillSpec, generate_drill

GATES = ("i", "f", "o", "r", "z", "d")


def assert_fair(drill: Drill) -> None:
    tol = drill.tolerance
    if drill.record is not None:
        for gate in GATES:
            if (gate in drill.record.values and drill.spec.cell != "cifg") or gate != "i":
                if gate not in drill.record.values:
                    continue
                values = drill.record[gate]
                assert not np.all(np.abs(values - 0.5) < 0.05), (drill.spec, gate)
                assert not np.all((values < 0.02) | (values > 0.98)), (drill.spec, gate)
    for key in drill.asked:
        right = np.array(drill.expected[key])
        checked = [a for a in drill.alternatives.get(key, ()) if a.checked]
        for alt in checked:
            diff = np.abs(np.array(alt.values) - right)
            assert np.any(diff > tol.absolute + tol.relative * np.abs(right)), (
                drill.spec,
                key,
                alt,
            )
        for one, two in itertools.combinations(checked, 2):
            if one.mistake != two.mistake:
                a, b = np.array(one.values), np.array(two.values)
                assert np.any(np.abs(a - b) > tol.absolute + tol.relative * np.abs(b)), (
                    drill.spec,
                    key,
                    one,
                    two,
                )


def _settings() -> list[tuple[str, str, tuple[str, ...], str]]:
    settings: list[tuple[str, str, tuple[str, ...], str]] = []
    for cell in engine.CELLS:
        for convention in engine.CONVENTIONS.get(cell, ("standard",)):
            for difficulty in ("whiteboard", "standard", "hard"):
                for key in ("all", *engine.OUTPUT_KEYS[cell]):
                    settings.append((cell, convention, (key,), difficulty))
    return settings


def test_ten_thousand_seeds_are_fair() -> None:
    settings = _settings()
    total = 10_000
    for index in range(total):
        cell, convention, asked, difficulty = settings[index % len(settings)]
        drill = generate_drill(DrillSpec(cell, convention, asked, difficulty, index))
        assert_fair(drill)


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_backward_and_framework_drills_are_fair(cell: str) -> None:
    from quizapp.drills.quantities import backward_keys, framework_keys

    for seed in range(60):
        keys = backward_keys(cell)
        drill = generate_drill(DrillSpec(cell, "", (keys[seed % len(keys)],), "standard", seed))
        assert_fair(drill)
        frame = framework_keys(cell)
        drill = generate_drill(DrillSpec(cell, "", (frame[seed % len(frame)],), "hard", seed))
        for key in drill.asked:
            values = [a.values for a in drill.alternatives[key]]
            assert drill.expected[key] not in values
            ids = {a.values: a.mistake for a in drill.alternatives[key]}
            assert len(ids) == len({(a.values, a.mistake) for a in drill.alternatives[key]})


def test_same_seed_same_drill_and_other_seed_other_drill() -> None:
    spec = DrillSpec("gru", "pytorch", ("all",), "hard", 1234)
    one, two = generate_drill(spec), generate_drill(spec)
    assert one.inputs == two.inputs and one.expected == two.expected
    assert all(np.array_equal(one.params[k], two.params[k]) for k in one.params)
    other = generate_drill(DrillSpec("gru", "pytorch", ("all",), "hard", 1235))
    assert other.inputs != one.inputs


def test_every_drill_states_its_convention_in_words() -> None:
    texts = {
        ("gru", "pytorch"): ("PyTorch", "after the product", "(1 − z_t) ⊙ h̃_t + z_t ⊙ h_{t−1}"),
        ("gru", "d2l"): ("d2l", "before the product", "z_t ⊙ h_{t−1} + (1 − z_t) ⊙ h̃_t"),
        ("gru", "colah"): ("Colah", "before the product", "(1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t"),
    }
    for (cell, convention), parts in texts.items():
        drill = generate_drill(DrillSpec(cell, convention, ("h",), "standard", 0, two_biases=True))
        for part in parts:
            assert part in drill.convention_text.en
        assert "two biases" in drill.convention_text.en
        assert drill.convention_text.zh
    one_bias = generate_drill(DrillSpec("lstm", "", ("f",), "standard", 0))
    assert "one bias per gate" in one_bias.convention_text.en


def test_impossible_settings_raise_drill_error() -> None:
    bad = [
        DrillSpec("lstm", "", ("q",), "standard", 0),
        DrillSpec("lstm", "", ("f",), "easy", 0),
        DrillSpec("lstm", "", ("f",), "standard", -1),
        DrillSpec("gru", "keras", ("h",), "standard", 0),
        DrillSpec("nope", "", ("h",), "standard", 0),
        DrillSpec("sru", "", ("dh_prev",), "standard", 0),
        DrillSpec("lstm", "", ("f", "count"), "standard", 0),
        DrillSpec("mgu", "", ("shape_output",), "standard", 0),
    ]
    for spec in bad:
        with pytest.raises(DrillError):
            generate_drill(spec)


def test_whiteboard_numbers_are_small_and_on_the_grid() -> None:
    for seed in range(30):
        drill = generate_drill(DrillSpec("lstm", "", ("all",), "whiteboard", seed))
        assert drill.d <= 2 and drill.n <= 2
        for name, value in drill.params.items():
            decimals = 1 if name[0] in "WU" else 2
            assert np.allclose(value, np.round(value, decimals), atol=1e-9), name
        assert drill.record is not None
        for key in ("a_i", "a_f", "a_g", "a_o"):
            assert set(np.round(drill.record[key], 9)) <= {-2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2}
        labels = dict(drill.lookup_table)
        for a in drill.record["a_f"]:
            assert abs(labels[f"σ({a:g})"] - 1 / (1 + np.exp(-a))) < 5e-5


def test_standard_and_hard_sizes() -> None:
    for seed in range(20):
        drill = generate_drill(DrillSpec("gru", "", ("h",), "standard", seed))
        assert drill.d <= 3 and drill.n <= 3
        for value in drill.params.values():
            assert np.allclose(value, np.round(value, 2), atol=1e-12)
        hard = generate_drill(DrillSpec("lstm", "", ("h",), "hard", seed))
        assert hard.extra["layout"] == "pytorch" and hard.spec.two_biases


def test_drill_error_when_no_fair_draw_exists(monkeypatch: pytest.MonkeyPatch) -> None:
    from quizapp.drills import generate

    monkeypatch.setattr(generate, "separated", lambda *args: False)
    with pytest.raises(DrillError, match="fair"):
        generate_drill(DrillSpec("rnn", "tanh", ("h",), "standard", 0))
