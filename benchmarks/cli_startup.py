"""Start-up time of ``quizapp --version`` and ``quizapp --help`` against a bare ``python -c pass``.

Runs the three commands in turn, several rounds (the order alternates, so a slow moment of the
machine does not fall on one of them only), and prints each one's median wall time and its ratio to
the bare interpreter (aim: at most 2). ``quizapp`` runs as the installed console script does:
``from quizapp.cli import main``, in the same interpreter as this script.

Usage: ``python benchmarks/cli_startup.py [--runs N]`` from the project root. Bytecode is kept in a
temporary cache folder (``PYTHONPYCACHEPREFIX``) after one warm-up run of each command, so that a
shell with ``PYTHONDONTWRITEBYTECODE=1`` does not make every run compile the sources again.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ENTRY = "import sys; from quizapp.cli import main; sys.exit(main())"
COMMANDS: dict[str, list[str]] = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "quizapp --version": [sys.executable, "-c", ENTRY, "--version"],
    "quizapp --help": [sys.executable, "-c", ENTRY, "--help"],
}


def _time(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def measure(runs: int) -> dict[str, list[float]]:
    """Wall times in seconds of every command, ``runs`` each, in alternating order."""
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "PYTHONPYCACHEPREFIX": cache}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for command in COMMANDS.values():
            _time(command, env)  # warm-up: compile once, fill the file-system cache
        times: dict[str, list[float]] = {name: [] for name in COMMANDS}
        names = list(COMMANDS)
        for round_index in range(runs):
            for name in names if round_index % 2 == 0 else reversed(names):
                times[name].append(_time(COMMANDS[name], env))
    return times


def main() -> None:
    """Print the medians and the ratios to the bare interpreter."""
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    options.add_argument("--runs", type=int, default=21, help="rounds (default 21)")
    runs = options.parse_args().runs
    times = measure(runs)
    bare = statistics.median(times["python -c pass"])
    print(f"{runs} alternating runs each, median wall time:")
    for name, values in times.items():
        median = statistics.median(values)
        ratio = "" if name.startswith("python") else f"   {median / bare:4.2f}× bare (aim ≤ 2×)"
        print(f"  {name:<20} {1000 * median:6.1f} ms{ratio}")


if __name__ == "__main__":
    main()
