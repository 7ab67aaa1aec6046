"""Property tests: the reader never raises, never hangs, and never accepts garbage."""

from __future__ import annotations

import math
import time

import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.grading.reader import (
    LARGEST_VALUE,
    read_expression,
    read_numbers,
    read_shape,
)

SYMBOLS = ("n", "d", "h", "z", "f_t")
HANG = 1.0  # seconds; only proves the call did not hang (the design target is 50 ms)

# Characters the grammar cares about, plus look-alikes and troublemakers.
_ALPHABET = (
    "0123456789.eE+-*/^()[],; \t\nσ√πxndhz_f tanhsigmoidexplnsqrtpi"
    "×·÷−–，；（）［］０１²³⁻∞$#{}'\"\\\u200b\u00a0"
)
_RICH = st.text(alphabet=_ALPHABET, max_size=300)
_SETTINGS = settings(max_examples=150, deadline=None, derandomize=True)


def _assert_numbers_sane(text: str) -> None:
    start = time.perf_counter()
    reading = read_numbers(text)
    assert time.perf_counter() - start < HANG
    if reading.ok:
        assert reading.values is not None
        assert len(reading.values) >= 1
        assert all(math.isfinite(v) and abs(v) <= LARGEST_VALUE for v in reading.values)
        assert reading.error is None
        assert reading.shown.startswith("read as ")
    else:
        assert reading.error
        assert reading.shown == ""


def _assert_shape_sane(text: str) -> None:
    start = time.perf_counter()
    reading = read_shape(text)
    assert time.perf_counter() - start < HANG
    if reading.ok:
        assert reading.values is not None
        assert all(isinstance(v, int) and v >= 0 for v in reading.values)
    else:
        assert reading.error


def _assert_expression_sane(text: str) -> None:
    start = time.perf_counter()
    reading = read_expression(text, SYMBOLS)
    assert time.perf_counter() - start < HANG
    if reading.ok:
        assert reading.expr is not None
        assert {s.name for s in reading.expr.free_symbols} <= set(SYMBOLS)
        assert not reading.expr.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo)
    else:
        assert reading.error


@_SETTINGS
@given(st.text())
def test_any_text(text: str) -> None:
    _assert_numbers_sane(text)
    _assert_shape_sane(text)
    _assert_expression_sane(text)


@_SETTINGS
@given(_RICH)
def test_text_made_of_grammar_characters(text: str) -> None:
    _assert_numbers_sane(text)
    _assert_shape_sane(text)
    _assert_expression_sane(text)


@_SETTINGS
@given(
    st.integers(min_value=0, max_value=200),
    st.sampled_from(["(", "[", "tanh(", "σ(", "(-", "√(", "exp("]),
    st.sampled_from(["1", "n", "0.5", "-", ""]),
    st.booleans(),
)
def test_nested_brackets(depth: int, opener: str, core: str, balanced: bool) -> None:
    closer = "]" if opener == "[" else ")"
    text = opener * depth + core + closer * (depth if balanced else depth // 2)
    _assert_numbers_sane(text)
    _assert_expression_sane(text)
    if depth > 50:
        assert not read_numbers(text).ok


@_SETTINGS
@given(
    st.sampled_from(["9", "1e", "2^", "exp(", "10**", "e^"]),
    st.integers(min_value=1, max_value=600),
)
def test_huge_numbers(piece: str, repeat: int) -> None:
    text = piece * repeat + "9" + (")" * repeat if piece == "exp(" else "")
    _assert_numbers_sane(text)
    _assert_expression_sane(text)


@_SETTINGS
@given(st.lists(st.floats(min_value=-1e12, max_value=1e12), min_size=1, max_size=20))
def test_printed_floats_read_back_exactly(values: list[float]) -> None:
    for text in (
        "[" + ", ".join(repr(v) for v in values) + "]",
        " ".join(repr(v) for v in values),
        "; ".join(repr(v) for v in values),
    ):
        reading = read_numbers(text, expected_length=len(values))
        assert reading.values == tuple(values), (text, reading.error)


@_SETTINGS
@given(st.lists(st.integers(min_value=0, max_value=10**6), max_size=8))
def test_printed_shapes_read_back(dimensions: list[int]) -> None:
    inner = ", ".join(str(v) for v in dimensions)
    assert read_shape(f"torch.Size([{inner}])").values == tuple(dimensions)
    if dimensions:
        assert read_shape("x".join(str(v) for v in dimensions)).values == tuple(dimensions)


def test_reading_numbers_does_not_import_sympy() -> None:
    """sympy costs most of a second to import: numbers, vectors and shapes must not need it."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys\n"
        "from quizapp.grading.reader import read_numbers, read_shape\n"
        "import quizapp.grading.answers, quizapp.drills\n"
        "assert read_numbers('[sigmoid(0.3), -0.5]', 2).ok and read_shape('(2, 4)').ok\n"
        "print('sympy' in sys.modules)\n"
    )
    root = Path(__file__).parents[2]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
