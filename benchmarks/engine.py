"""Microseconds per forward step for every cell at d = n = 3 and d = n = 256.

Run: ``python benchmarks/engine.py``. Figures are medians over repeated runs; compare ratios within one
run, since the machines are shared and noisy.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

# This file is named like the package it measures: keep its own folder off the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent.resolve()]

import numpy as np  # noqa: E402

import engine  # noqa: E402


def _inputs(cell: str, size: int, rng: np.random.Generator) -> dict[str, object]:
    kwargs: dict[str, object] = {"x": rng.normal(size=size), "h": rng.normal(size=size)}
    if cell in ("lstm", "peephole", "cifg", "sru", "depth_gated"):
        kwargs["c"] = rng.normal(size=size)
    if cell == "depth_gated":
        kwargs["c_low"] = rng.normal(size=size)
    if cell == "clockwork":
        kwargs.update(t=4, periods=(1,) if size % 2 else (1, 2))
    return kwargs


def median_microseconds(cell: str, size: int, repeats: int = 7, loops: int = 200) -> float:
    """Median time of one checked ``engine.step`` call, in microseconds."""
    rng = np.random.default_rng(0)
    periods = (1,) if size % 2 else (1, 2)
    params = engine.random_params(cell, size, size, rng, periods=periods)
    kwargs = _inputs(cell, size, rng)
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(loops):
            engine.step(cell, params, **kwargs)  # type: ignore[arg-type]
        timings.append((time.perf_counter() - start) / loops * 1e6)
    return statistics.median(timings)


def main() -> None:
    print(f"{'cell':<12} {'d=n=3 (µs)':>12} {'d=n=256 (µs)':>14}")
    for cell in engine.CELLS:
        small = median_microseconds(cell, 3)
        large = median_microseconds(cell, 256, loops=50)
        print(f"{cell:<12} {small:>12.1f} {large:>14.1f}")


if __name__ == "__main__":
    main()
