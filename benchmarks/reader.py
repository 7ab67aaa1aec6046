"""Timing of the answer reader and the symbolic checker (a script, not a test).

Run from the project root: `PYTHONPATH=. python benchmarks/reader.py`. Prints the median time of
reading a few typical answers (microseconds) and of `check_expression` on a few pairs (ms).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from functools import partial

from quizapp.grading.reader import read_expression, read_numbers, read_shape
from quizapp.grading.symbolic import check_expression

NUMBER_ANSWERS = [
    "0.25",
    "[0.25, -0.5, 0.125, 0.75]",
    "0.25 -0.5 0.125",
    "［0.25，-0.5］",
    "sigmoid(0.3)",
    "0.5*tanh(1) + 1-0.75",
]
SHAPE_ANSWERS = ["(2, 4, 16)", "torch.Size([2, 4, 16])", "2×4×16"]
SYMBOLS = ("f_t", "i_t", "g_t", "C_prev", "h", "z", "n", "d", "a", "o", "c")
EXPRESSION_ANSWERS = ["f_t*C_prev + i_t*g_t", "4n^2+4nd+4n", "(1-z)*h + z*n"]
PAIRS = [
    ("f_t*1", "f_t"),
    ("h + z*(n-h)", "(1-z)*h + z*n"),
    ("4n^2+4nd+4n", "4*(n*(n+d)+n)"),
    ("sigmoid(-a)", "1 - sigmoid(a)"),
    ("o*(exp(2c)-1)/(exp(2c)+1)", "o*tanh(c)"),
    ("z*h + (1-z)*n", "(1-z)*h + z*n"),
]


def _median_seconds(action: Callable[[], object], repeats: int) -> float:
    action()  # warm caches
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Print the timings."""
    print("reading (median µs)")
    for text in NUMBER_ANSWERS:
        seconds = _median_seconds(partial(read_numbers, text), 200)
        print(f"  numbers    {text!r:40} {seconds * 1e6:8.1f}")
    for text in SHAPE_ANSWERS:
        seconds = _median_seconds(partial(read_shape, text), 200)
        print(f"  shape      {text!r:40} {seconds * 1e6:8.1f}")
    for text in EXPRESSION_ANSWERS:
        seconds = _median_seconds(partial(read_expression, text, SYMBOLS), 200)
        print(f"  expression {text!r:40} {seconds * 1e6:8.1f}")
    print("check_expression (median ms)")
    for answer, expected in PAIRS:
        seconds = _median_seconds(partial(check_expression, answer, expected, SYMBOLS), 15)
        print(f"  {answer!r:30} vs {expected!r:25} {seconds * 1e3:8.2f}")


if __name__ == "__main__":
    main()
