"""A command whose reader goes away (``quizapp drill --json | head``) stops quietly, without a traceback."""

from __future__ import annotations

import subprocess
import sys


def test_a_closed_pipe_ends_the_command_quietly() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "quizapp", "drill", "--cell", "lstm", "--count", "200", "--json",
         "--seed", "1", "--no-record"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.read(10)
    process.stdout.close()  # the reader goes away after ten bytes
    error = process.stderr.read().decode()
    status = process.wait(timeout=120)
    assert first.startswith(b"[")
    assert "Traceback" not in error and "BrokenPipe" not in error
    assert status == 141
