"""Tensor shapes typed in the usual spellings read to tuples of whole numbers."""

from __future__ import annotations

import pytest

from quizapp.grading.reader import read_shape


@pytest.mark.parametrize(
    "text",
    [
        "(2, 4, 16)",
        "[2,4,16]",
        "2x4x16",
        "2 x 4 x 16",
        "2X4X16",
        "2×4×16",
        "2*4*16",
        "2 4 16",
        "  2, 4, 16  ",
        "2; 4; 16",
        "torch.Size([2, 4, 16])",
        "Size([2, 4, 16])",
        "（2，4，16）",
        "［２，４，１６］",
        "(2, 4, 16,)",
    ],
)
def test_shape_spellings(text: str) -> None:
    reading = read_shape(text)
    assert reading.error is None
    assert reading.values == (2, 4, 16)
    assert reading.shown == "read as (2, 4, 16)"


def test_single_and_empty_shapes() -> None:
    assert read_shape("(16,)").values == (16,)
    assert read_shape("16").shown == "read as (16,)"
    assert read_shape("torch.Size([])").values == ()
    assert read_shape("(0, 3)").values == (0, 3)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty answer"),
        ("(2, -4)", "whole numbers ≥ 0"),
        ("(2, 4.5)", "whole numbers"),
        ("2,,4", "missing before ','"),
        (",2", "missing before ','"),
        ("2x", "ends with 'x'"),
        ("(2, a)", "unexpected character 'a'"),
        ("9" * 20, "too large"),
        ("1," * 1001, "too long"),
    ],
)
def test_shape_problems(text: str, message: str) -> None:
    reading = read_shape(text)
    assert reading.values is None
    assert not reading.ok
    assert reading.error is not None
    assert message in reading.error
