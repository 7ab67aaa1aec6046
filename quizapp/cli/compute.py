"""``quizapp compute CELL``: one forward step (and optionally one backward step) from a JSON object.

Input (a file or standard input): ``{"x": [...], "h": [...], "c": [...], "params": {...}}`` with
``params`` by the spec's per-gate names (``W_f``, ``U_f``, ``b_f``, ``bh_f`` …) or, for rnn, lstm and
gru, in PyTorch's stacked layout (``weight_ih``, ``weight_hh``, ``bias_ih``, ``bias_hh``). Clockwork
takes ``t`` and ``periods``, depth_gated ``c_low``; the rnn's optional readout ``V`` and ``c_y`` in
``params`` add ``y = ψ(V h' + c_y)`` with ψ = ``readout`` (softmax, the default, sigmoid or
identity). Optional ``dh`` (and ``dc`` for the LSTM) add a ``backward`` object with the one-step
gradients. Output: one JSON object with every intermediate of the step (pre-activations included),
the new state ``h`` (and ``c``). Any bad input: exit status 2 and one line on standard error saying
what and where.

The modern cells (mingru, minlstm, slstm, mlstm, ssm, linear_attention) take one example and their
previous state as ``"state": {...}`` by name, matrices as nested lists (mingru, minlstm: h; slstm: h, c,
n, m; mlstm: C, n, m; ssm: h (d×N); linear_attention: S, z); ``h`` and ``c`` may also stand at the top.
``"upstream": {name: gradient}`` (any of the new state entries and the output, ``h`` or ``y``) or
``dh`` adds their ``backward`` object. docs/cells-modern.md gives the equations and conventions.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Mapping
from typing import Any, TextIO

import numpy as np

from engine import CELLS, MODERN_CELLS, EngineError, step
from engine.backward import BACKWARD_CELLS, backward
from engine.layouts import TORCH_KEYS, TORCH_ORDER, from_torch
from engine.params import Array

INPUT_KEYS: tuple[str, ...] = (
    "x", "h", "c", "params", "t", "periods", "c_low", "readout", "dh", "dc", "state", "upstream",
)  # fmt: skip
ALL_CELLS: tuple[str, ...] = (*CELLS, *MODERN_CELLS)
EXIT_BAD_INPUT = 2


class InputError(Exception):
    """The JSON input cannot be used; the message says what and where."""


def add_parser(subparsers: Any) -> None:
    """Register ``quizapp compute``."""
    parser = subparsers.add_parser(
        "compute",
        help="compute one step of a cell from JSON",
        description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("cell", help=f"one of: {', '.join(ALL_CELLS)}")
    parser.add_argument(
        "--convention",
        help="gru: pytorch (default), d2l or colah; rnn: tanh (default) or relu; mingru: paper "
        "(default) or log_space; minlstm: paper (default), log_space or unnormalised; slstm, mlstm: "
        "sigmoid (default) or exp (the forget gate)",
    )
    parser.add_argument("file", nargs="?", default="-", help="JSON file, or - for standard input")
    parser.add_argument(
        "--indent", type=int, default=2, help="indentation of the output (default 2)"
    )
    parser.set_defaults(func=run)


def _reject_constant(name: str) -> float:
    # json accepts NaN and Infinity by default; refuse them where they are read.
    raise InputError(f"non-finite number {name} in the JSON input; only finite numbers are allowed")


def _read_json(args: argparse.Namespace) -> dict[str, Any]:
    try:
        if args.file == "-":
            text = sys.stdin.read()
            where = "standard input"
        else:
            with open(args.file, encoding="utf-8") as handle:
                text = handle.read()
            where = args.file
    except OSError as exc:
        raise InputError(f"cannot read {args.file}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{args.file} is not UTF-8 text (byte {exc.start})") from exc
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"bad JSON in {where} at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError as exc:
        raise InputError(f"bad JSON in {where}: nested too deeply") from exc
    if not isinstance(data, dict):
        raise InputError(f"expected a JSON object at the top of {where}, got {type(data).__name__}")
    unknown = sorted(set(data) - set(INPUT_KEYS))
    if unknown:
        raise InputError(f"unknown key {unknown[0]!r}; expected some of: {', '.join(INPUT_KEYS)}")
    return data


def _params(cell: str, raw: object) -> Mapping[str, object]:
    if not isinstance(raw, dict):
        raise InputError(f"'params' must be an object of named arrays, got {type(raw).__name__}")
    if any(key in TORCH_KEYS for key in raw):
        if cell not in TORCH_ORDER:
            raise InputError(f"the PyTorch layout is accepted for rnn, lstm and gru, not {cell}")
        readout = {k: v for k, v in raw.items() if k in ("V", "c_y")}
        stacked = {k: v for k, v in raw.items() if k not in readout}
        return {**from_torch(cell, stacked), **readout}
    return raw


def _whole_number(data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"'{key}' must be a whole number, got {value!r}")
    return value


def _periods(data: Mapping[str, Any]) -> tuple[int, ...] | None:
    value = data.get("periods")
    if value is None:
        return None
    if not isinstance(value, list) or not value:
        raise InputError("'periods' must be a non-empty list of whole numbers")
    for index, item in enumerate(value):
        if isinstance(item, bool) or not isinstance(item, int) or item < 1:
            raise InputError(f"periods[{index}] must be a positive whole number, got {item!r}")
    return tuple(value)


def _readout(data: Mapping[str, Any]) -> str:
    value = data.get("readout", "softmax")
    if not isinstance(value, str):
        raise InputError(f"'readout' must be softmax, sigmoid or identity, got {value!r}")
    return value


def _jsonable(array: Array) -> Any:
    return array.tolist()


def _named_object(data: Mapping[str, Any], key: str) -> dict[str, Any] | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise InputError(f"'{key}' must be an object of named arrays, got {type(value).__name__}")
    return value


def _modern_backward(
    cell: str, convention: str | None, data: Mapping[str, Any], params: Mapping[str, object]
) -> dict[str, Any]:
    if "dc" in data:
        raise InputError(f"{cell} takes its upstream gradients as 'upstream' (and 'dh'), not 'dc'")
    grads = backward(
        cell,
        params,
        data["x"],
        data.get("h"),
        data.get("dh"),
        c=data.get("c"),
        convention=convention,
        state=_named_object(data, "state"),
        upstream=_named_object(data, "upstream"),
    )
    return {name: _jsonable(values) for name, values in grads.values.items()}


def compute(cell: str, convention: str | None, data: Mapping[str, Any]) -> dict[str, Any]:
    """The output object for one input object; raises InputError or EngineError."""
    if cell not in ALL_CELLS:
        raise InputError(f"unknown cell {cell!r}; expected one of: {', '.join(ALL_CELLS)}")
    if "x" not in data:
        raise InputError("missing 'x' (the input vector)")
    if "params" not in data:
        raise InputError("missing 'params' (the cell's parameters)")
    if cell in MODERN_CELLS:
        extra = [key for key in ("t", "periods", "c_low", "readout") if key in data]
        if extra:
            raise InputError(f"'{extra[0]}' does not apply to {cell}")
    elif "upstream" in data:
        raise InputError(f"'upstream' is for the modern cells; {cell} takes 'dh' (and 'dc')")
    params = _params(cell, data["params"])
    record = step(
        cell,
        params,
        data["x"],
        data.get("h"),
        data.get("c"),
        convention=convention,
        t=_whole_number(data, "t"),
        periods=_periods(data),
        c_low=data.get("c_low"),
        readout=_readout(data),
        state=_named_object(data, "state"),
    )
    result: dict[str, Any] = {name: _jsonable(values) for name, values in record.values.items()}
    if cell in MODERN_CELLS:
        if "dh" in data or "dc" in data or "upstream" in data:
            result["backward"] = _modern_backward(cell, convention, data, params)
        return result
    if "dh" in data or "dc" in data:
        if cell not in BACKWARD_CELLS:
            raise InputError(f"backward ('dh') is available for {', '.join(BACKWARD_CELLS)} only")
        if "dh" not in data:
            raise InputError("'dc' needs 'dh' too (use zeros for no gradient through h)")
        grads = backward(
            cell,
            params,
            data["x"],
            data.get("h"),
            data["dh"],
            c=data.get("c"),
            dc=data.get("dc"),
            convention=convention,
        )
        result["backward"] = {name: _jsonable(values) for name, values in grads.values.items()}
    return result


def _write(result: Mapping[str, Any], indent: int, out: TextIO) -> None:
    json.dump(result, out, indent=indent if indent > 0 else None, allow_nan=False)
    out.write("\n")


def run(args: argparse.Namespace) -> int:
    """Entry point of ``quizapp compute``."""
    try:
        data = _read_json(args)
        with np.errstate(all="ignore"):  # overflow is reported below as one line, not a warning
            result = compute(args.cell, args.convention, data)
        _check_finite(result)
    except (InputError, EngineError) as exc:
        print(f"quizapp compute: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (ValueError, TypeError, OverflowError, RecursionError, MemoryError) as exc:
        print(
            f"quizapp compute: error: unusable input ({type(exc).__name__}: {exc})", file=sys.stderr
        )
        return EXIT_BAD_INPUT
    _write(result, args.indent, sys.stdout)
    return 0


def _check_finite(result: Mapping[str, Any]) -> None:
    for name, value in result.items():
        if isinstance(value, Mapping):
            _check_finite(value)
        elif not all(math.isfinite(v) for v in np.ravel(np.asarray(value, dtype=np.float64))):
            raise InputError(f"the step overflowed: {name} is not finite (inputs too large?)")
