"""The drill generator: settings in, a fair drill out, the same drill for the same settings.

Numbers are drawn with ``numpy.random.default_rng(seed)``; a draw that is not fair (a gate without
information, or a catalogued mistake that lands within tolerance of the right answer or of another
mistake) is thrown away and the same generator draws again, so retries are deterministic too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

import numpy as np
import numpy.typing as npt

import engine
from engine.modern.shapes import MODERN_CELLS
from engine.params import clockwork_mask, is_optional, resolve_convention
from questions.vocab import Text
from quizapp.drills import framework, texts
from quizapp.drills.errors import DrillError
from quizapp.drills.fairness import informative_gates, separated, separated_exact
from quizapp.drills.model import DIFFICULTIES, Alternative, Drill, DrillSpec
from quizapp.drills.quantities import TORCH_CELLS, category, expand, formula_keys
from quizapp.drills.symbolic_drills import formula_ask, formula_prompt
from quizapp.drills.variants import (
    Batch,
    backward_alternatives,
    backward_variants,
    forward_alternatives,
    forward_variants,
)
from quizapp.drills.whiteboard import grid_biases, lookup_table
from quizapp.grading.numeric import Tolerance

Array = npt.NDArray[np.float64]

MAX_ATTEMPTS = 500
# The table gives σ and tanh to four decimals and tanh(C_t) at C_t rounded to two decimals (an
# error below 0.005 in h), so the default tolerance accepts answers worked with the table.
WHITEBOARD_TOLERANCE = Tolerance()
_CELL_STATE = ("lstm", "peephole", "cifg", "depth_gated", "sru")


def _check_spec(spec: DrillSpec) -> DrillSpec:
    if spec.difficulty not in DIFFICULTIES:
        raise DrillError(
            f"unknown difficulty {spec.difficulty!r}; expected one of: {', '.join(DIFFICULTIES)}"
        )
    if isinstance(spec.seed, bool) or not isinstance(spec.seed, int) or spec.seed < 0:
        raise DrillError(f"seed must be a whole number >= 0, got {spec.seed!r}")
    try:
        convention = resolve_convention(spec.cell, spec.convention or None)
    except engine.EngineError as exc:
        raise DrillError(str(exc)) from exc
    if isinstance(spec.quantities, str):
        raise DrillError("quantities must be a tuple of names, not one string")
    return dataclasses.replace(spec, convention=convention, quantities=tuple(spec.quantities))


def generate_drill(spec: DrillSpec) -> Drill:
    """A fair drill for ``spec`` (deterministic); raises DrillError for impossible settings."""
    spec = _check_spec(spec)
    asked = expand(spec.cell, spec.convention, spec.quantities)
    kind = category(asked[0])
    if spec.cell in MODERN_CELLS:  # minGRU … linear attention, and their parallel scans
        if kind == "scan":
            from quizapp.drills.scan_drills import scan_drill

            return scan_drill(spec, asked)
        from quizapp.drills.modern_generate import modern_drill

        return modern_drill(spec, asked)
    if kind == "formula":
        return _formula_drill(spec, asked)
    if kind == "framework":
        return _framework_drill(spec, asked)
    return _numeric_drill(spec, asked, kind)


def _tuple(array: Array) -> tuple[float, ...]:
    return tuple(np.ravel(array).tolist())


def _frozen(mapping: Mapping[str, tuple[float, ...]]) -> Mapping[str, tuple[float, ...]]:
    return MappingProxyType(dict(mapping))


def _formula_drill(spec: DrillSpec, asked: tuple[str, ...]) -> Drill:
    key = asked[0]
    if key == "formula":
        choices = formula_keys(spec.cell)
        key = choices[int(np.random.default_rng(spec.seed).integers(len(choices)))]
    if len(asked) > 1:
        raise DrillError("a formula drill asks one formula")
    ask = formula_ask(spec.cell, spec.convention, key, two_biases=spec.two_biases)
    if key == "formula_h":  # the full statement would give the answer away
        convention_text = texts.convention_name(spec.cell, spec.convention)
    else:
        convention_text = texts.convention_text(
            spec.cell, spec.convention, two_biases=spec.two_biases, stacked=False
        )
    return Drill(
        spec=spec, d=0, n=0, inputs=_frozen({}), params=MappingProxyType({}), record=None,
        asked=(key,), expected=_frozen({key: ()}),
        convention_text=convention_text,
        prompt=formula_prompt(spec.cell, spec.convention, key, ask, spec.two_biases),
        lookup_table=(), extra=MappingProxyType({"symbols": ask.symbols}), formula=ask,
    )  # fmt: skip


def _framework_drill(spec: DrillSpec, asked: tuple[str, ...]) -> Drill:
    rng = np.random.default_rng(spec.seed)
    for attempt in range(1, MAX_ATTEMPTS + 1):  # noqa: B007 (reported in the drill)
        call = framework.draw_call(spec.cell, spec.difficulty, rng)
        right: dict[str, tuple[int, ...]] = {}
        wrong: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
        for key in asked:
            if key == "count":
                count, slips = framework.count_answers(spec.cell, call)
                right[key] = (count,)
                wrong[key] = [(m, (v,)) for m, v in slips]
            else:
                shape, shape_slips = framework.shape_answers(spec.cell, call, key)
                right[key] = shape
                wrong[key] = list(shape_slips)
        if separated_exact(right, wrong):
            break
    else:
        raise DrillError(f"could not draw a fair {spec.cell} framework drill")
    alternatives = {
        key: tuple(Alternative(m, m, tuple(float(v) for v in value)) for m, value in pairs)
        for key, pairs in wrong.items()
    }
    extra = dataclasses.asdict(call)
    extra["input_shape"] = call.input_shape()
    extra["call"] = call.call_text()
    if call.module.startswith("nn."):
        en = (
            f"In PyTorch, `{call.call_text()}` receives an input of shape {call.input_shape()} "
            "(no initial state given)."
        )
        zh = f"在 PyTorch 中，`{call.call_text()}` 接收形状为 {call.input_shape()} 的输入（不给初始状态）。"
    else:
        en = (
            f"One {texts.cell_name(spec.cell).en} layer with input size d = {call.input_size} and hidden size "
            f"n = {call.hidden_size}, one bias per gate."
        )
        zh = f"一层 {texts.cell_name(spec.cell).zh}，输入维度 d = {call.input_size}，隐状态维度 n = {call.hidden_size}，每个门一个偏置。"
    names = {
        "count": ("the number of parameters", "参数个数"),
        "shape_output": ("output.shape", "output 的形状"),
        "shape_h_n": ("h_n.shape", "h_n 的形状"),
        "shape_c_n": ("c_n.shape", "c_n 的形状"),
    }
    en += " Give: " + ", ".join(names[k][0] for k in asked) + " (shapes as (a, b, c))."
    zh += " 求：" + "、".join(names[k][1] for k in asked) + "（形状写成 (a, b, c)）。"
    return Drill(
        spec=spec, d=call.input_size, n=call.hidden_size, inputs=_frozen({}),
        params=MappingProxyType({}), record=None, asked=asked,
        expected=_frozen({k: tuple(float(v) for v in value) for k, value in right.items()}),
        convention_text=Text(
            "PyTorch modules: two biases per gate; h_n and c_n are (num_layers·directions, batch, H) "
            "whatever batch_first says." if call.module.startswith("nn.") else
            "Counts with one bias per gate.",
            "PyTorch 模块：每个门两个偏置；无论 batch_first 如何，h_n 和 c_n 都是"
            "（层数·方向数, batch, H）。" if call.module.startswith("nn.") else "按每个门一个偏置计数。"),
        prompt=Text(en, zh), lookup_table=(), extra=MappingProxyType(extra),
        alternatives=MappingProxyType(alternatives), tolerance=Tolerance(0.0, 0.0),
        framework=call, attempts=attempt,
    )  # fmt: skip


def _asymmetric(params: Mapping[str, Array], rng: np.random.Generator) -> dict[str, Array]:
    """2×2 recurrent matrices whose off-diagonal entries differ by at least 0.3, so that Uᵀ ≠ U."""
    out = dict(params)
    for name, value in params.items():
        if name.startswith("U") and value.shape == (2, 2) and abs(value[0, 1] - value[1, 0]) < 0.3:
            if not value.any():
                continue  # the clockwork mask keeps its zeros
            changed = value.copy()
            step = float(rng.choice(np.array([-1.0, 1.0]))) * float(rng.integers(3, 8)) / 10.0
            changed[1, 0] = np.clip(changed[0, 1] + step, -1.0, 1.0)
            if abs(changed[0, 1] - changed[1, 0]) < 0.3:
                changed[1, 0] = changed[0, 1] - step
            out[name] = changed
    return out


def _sizes(spec: DrillSpec, rng: np.random.Generator) -> tuple[int, int]:
    if spec.difficulty == "whiteboard":
        n = 2
        d = 2 if spec.cell == "sru" else int(rng.integers(1, 3))
    elif spec.difficulty == "standard":
        n = int(rng.integers(2, 4))
        d = n if spec.cell == "sru" else int(rng.integers(1, 4))
    else:
        n = int(rng.integers(2, 4))
        d = n if spec.cell == "sru" else int(rng.integers(2, 4))
    return d, n


def _clock(n: int, rng: np.random.Generator) -> tuple[tuple[int, ...], int]:
    periods = (1, 2) if n == 2 else (1, 2, 4)
    while True:
        t = int(rng.integers(1, 8))
        if t % periods[-1]:  # at least the slowest module keeps its state
            return periods, t


@cache
def _shapes(
    cell: str, d: int, n: int, two_biases: bool
) -> tuple[tuple[str, tuple[int, ...], int], ...]:
    """(name, shape, size) of the parameters to draw."""
    shapes = engine.param_shapes(cell, d, n)
    return tuple(
        (name, shape, int(np.prod(shape)))
        for name, shape in shapes.items()
        if two_biases or not is_optional(name)
    )


def _draw_params(
    cell: str,
    d: int,
    n: int,
    rng: np.random.Generator,
    *,
    decimals: int,
    two_biases: bool,
    periods: tuple[int, ...] | None,
) -> dict[str, Array]:
    """Parameters uniform in [-1, 1] rounded to ``decimals`` (one draw for all of them)."""
    shapes = _shapes(cell, d, n, two_biases)
    flat = np.round(rng.uniform(-1.0, 1.0, size=sum(s for _, _, s in shapes)), decimals) + 0.0
    params: dict[str, Array] = {}
    start = 0
    for name, shape, size in shapes:
        params[name] = flat[start : start + size].reshape(shape)
        start += size
    if not two_biases:
        for name, shape in engine.param_shapes(cell, d, n).items():
            if is_optional(name):
                params[name] = np.zeros(shape)
    if cell == "clockwork":
        params["U"] = params["U"] * clockwork_mask(n, periods or (1,))
    return params


def _draw_inputs(
    cell: str, kind: str, d: int, n: int, rng: np.random.Generator
) -> dict[str, Array]:
    """One-decimal inputs drawn in one go: (name, size, smallest, largest magnitude in tenths)."""
    # |x|, |h| >= 0.2 and 0.3: small inputs would hide no-recurrent and transposed-weight
    wanted: list[tuple[str, int, int, int]] = [("x", d, 2, 10)]
    if cell != "sru":
        wanted.append(("h", n, 3, 10))
    if cell in _CELL_STATE:
        # a larger old cell keeps tanh(C_t) away from C_t (h-no-tanh) and mistakes apart
        wanted.append(("c", n, 5, 20))
    if cell == "depth_gated":
        wanted.append(("c_low", n, 1, 10))
    if kind == "backward":
        wanted.append(("dh", n, 1, 10))
        if cell == "lstm":
            wanted.append(("dc", n, 1, 10))
    total = sum(size for _, size, _, _ in wanted)
    unit = rng.random(total)
    signs = rng.integers(0, 2, size=total) * 2 - 1
    inputs: dict[str, Array] = {}
    start = 0
    for name, size, smallest, largest in wanted:
        part = slice(start, start + size)
        tenths = smallest + np.floor(unit[part] * (largest - smallest + 1))
        inputs[name] = tenths * signs[part] / 10.0
        start += size
    return inputs


def _numeric_drill(spec: DrillSpec, asked: tuple[str, ...], kind: str) -> Drill:
    cell, convention = spec.cell, spec.convention
    whiteboard = spec.difficulty == "whiteboard"
    tolerance = WHITEBOARD_TOLERANCE if whiteboard else Tolerance()
    stacked = spec.difficulty == "hard" and cell in ("lstm", "gru") and kind == "forward"
    two_biases = spec.two_biases or (spec.difficulty == "hard" and cell in TORCH_CELLS)
    if cell == "sru" or cell == "depth_gated":
        two_biases = False  # their parameter lists have no second bias for every gate
    rng = np.random.default_rng(spec.seed)
    for attempt in range(1, MAX_ATTEMPTS + 1):  # noqa: B007 (reported in the drill)
        d, n = _sizes(spec, rng)
        periods, t = _clock(n, rng) if cell == "clockwork" else (None, None)
        params = _draw_params(
            cell, d, n, rng, decimals=1 if whiteboard else 2, two_biases=two_biases,
            periods=periods,
        )  # fmt: skip
        inputs = _draw_inputs(cell, kind, d, n, rng)
        if n == 2 and cell != "clockwork":
            params = _asymmetric(params, rng)
        if whiteboard and kind == "forward":
            params = grid_biases(cell, params, inputs, rng)
        if kind == "forward":
            # one batched pass gives the right values (row 0) and every mistake; the engine's
            # record is made once, for the draw that passes
            variants = forward_variants(
                cell, convention, params, d, n, stacked=stacked, two_biases=two_biases
            )
            batch, values = forward_alternatives(
                cell, convention, params, inputs, variants, asked, t=t, periods=periods
            )
            if not informative_gates(cell, values):
                continue
        else:
            record = engine.step(
                cell,
                params,
                inputs["x"],
                inputs.get("h"),
                inputs.get("c"),
                convention=convention,
            )
            if not informative_gates(cell, record.values):
                continue
            from engine.backward import backward as engine_backward  # backward drills only

            grads = engine_backward(
                cell, params, inputs["x"], inputs["h"], inputs["dh"], c=inputs.get("c"),
                dc=inputs.get("dc"), convention=convention,
            )  # fmt: skip
            variants = backward_variants(cell, convention, n, "dc" in inputs)
            batch = backward_alternatives(
                cell, convention, params, record.values, inputs,
                {key: grads[key] for key in asked}, variants, asked,
            )  # fmt: skip
        if separated(batch, tolerance):
            break
    else:
        raise DrillError(
            f"could not draw a fair {spec.difficulty} drill of {cell} asking {', '.join(asked)} "
            f"in {MAX_ATTEMPTS} attempts; ask fewer quantities or choose another difficulty"
        )
    checked_params = _read_only(params)  # drawn with every name and shape the engine expects
    if kind == "forward":
        # The engine is the one source of the right numbers; the batched pass (row 0 equal to it,
        # tests hold them within 1e-14) only supplies the mistakes' values.
        record = engine.step(
            cell, params, inputs["x"], inputs.get("h"), inputs.get("c"), convention=convention,
            t=t, periods=periods, c_low=inputs.get("c_low"),
        )  # fmt: skip
        right = {key: np.asarray(record[key]) for key in asked}
    else:
        right = {key: batch.values[key][0] for key in asked}
    alternatives = {key: _alternatives(batch, key) for key in asked}
    extra: dict[str, object] = {"layout": "pytorch" if stacked else "per-gate"}
    if cell == "clockwork":
        extra.update(t=t, periods=periods)
    table = (
        lookup_table(cell, convention, record.values, inputs)
        if (whiteboard and kind == "forward")
        else ()
    )
    prompt = (
        texts.forward_prompt(cell, asked, whiteboard)
        if kind == "forward"
        else texts.backward_prompt(cell, asked)
    )
    given = _given(cell, convention, record.values) if kind == "backward" else {}
    return Drill(
        spec=dataclasses.replace(spec, two_biases=two_biases), d=d, n=n,
        inputs=_frozen({k: _tuple(v) for k, v in inputs.items()}), params=checked_params,
        record=record, asked=asked, expected=_frozen({k: _tuple(v) for k, v in right.items()}),
        convention_text=texts.convention_text(cell, convention, two_biases=two_biases,
                                              stacked=stacked),
        prompt=prompt, lookup_table=table, extra=MappingProxyType(extra),
        alternatives=MappingProxyType(alternatives), given=_frozen(given), tolerance=tolerance,
        attempts=attempt,
    )  # fmt: skip


def _read_only(params: Mapping[str, Array]) -> Mapping[str, Array]:
    frozen: dict[str, Array] = {}
    for name, value in params.items():
        array = np.array(value, dtype=np.float64)
        array.setflags(write=False)
        frozen[name] = array
    return MappingProxyType(frozen)


def _alternatives(batch: Batch, key: str) -> tuple[Alternative, ...]:
    values = batch.values[key]
    out = [
        Alternative(batch.variants[row - 1].mistake, batch.variants[row - 1].detail,
                    _tuple(values[row]), checked)
        for rows, checked in ((batch.checked[key], True), (batch.weak[key], False))
        for row in rows
    ]  # fmt: skip
    return tuple(out)


def _given(cell: str, convention: str, values: Mapping[str, Array]) -> dict[str, tuple[float, ...]]:
    """Forward values shown in a backward drill (so that it is about the backward step)."""
    if cell == "rnn":
        keys: tuple[str, ...] = ("a", "h")
    elif cell == "lstm":
        keys = ("i", "f", "g", "o", "c", "h")
    else:
        keys = ("r", "z", "n", "h") + (("s",) if convention == "pytorch" else ())
    given = {key: _tuple(values[key]) for key in keys}
    if cell == "lstm":
        given["tanh_c"] = _tuple(np.tanh(values["c"]))
    return given
