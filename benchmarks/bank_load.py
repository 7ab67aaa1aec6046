"""Time to load the shipped question bank (every YAML file of ``questions/bank``, parsed and
checked), the cost paid at every start of the app and the CLI.

Run from the project root: ``python benchmarks/bank_load.py``. Prints the median and the fastest
of several loads in one process (the first, which also imports the loader's modules, is printed
apart). Aim: a load of the bank under 0.5 s.
"""

from __future__ import annotations

import statistics
import time

RUNS = 7
AIM_S = 0.5


def main() -> None:
    start = time.perf_counter()
    from questions.load import load_bank

    bank = load_bank(include_user_packs=False)
    first = time.perf_counter() - start
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        load_bank(include_user_packs=False)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"{len(bank.questions)} questions, {len(bank.problems)} problems")
    print(f"first load (with imports): {first * 1000:.0f} ms")
    print(
        f"load the bank: median {median * 1000:.0f} ms, fastest {min(times) * 1000:.0f} ms "
        f"over {RUNS} loads (aim < {AIM_S * 1000:.0f} ms: {'met' if median < AIM_S else 'missed'})"
    )


if __name__ == "__main__":
    main()
