"""The symbolic route's time budget: a slow sympy step is abandoned, the numbers decide when they
did, the answer is refused as "could not be checked in time" when they did not, and the abandoned
thread neither delivers its late result nor keeps running."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from quizapp.grading import budget, symbolic
from quizapp.grading.messages import localize
from quizapp.grading.symbolic import NOT_IN_TIME, Verdict, check_expression

BUDGET = 0.3  # seconds given to the patched slow step in these tests


@pytest.fixture
def excepthook_calls(monkeypatch: pytest.MonkeyPatch) -> list[threading.ExceptHookArgs]:
    """Every exception that escapes a thread (there must be none)."""
    calls: list[threading.ExceptHookArgs] = []
    monkeypatch.setattr(threading, "excepthook", calls.append)
    return calls


def _threads_named(name: str) -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == name]


def _gone(name: str, within: float = 2.0) -> bool:
    end = time.perf_counter() + within
    while _threads_named(name) and time.perf_counter() < end:
        time.sleep(0.01)
    return not _threads_named(name)


@pytest.fixture
def slow_sympy(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """symbolic_verdict replaced by a step that loops in Python for 30 s, then says DIFFERENT."""
    calls: list[str] = []

    def slow(answer: object, expected: object, *, thorough: bool = False) -> Verdict:
        calls.append(str(answer))
        end = time.perf_counter() + 30
        while time.perf_counter() < end:
            sum(range(200))
        return Verdict.DIFFERENT

    check_expression("z", "z", ["z"])  # sympy imported before the patch
    monkeypatch.setattr(symbolic, "symbolic_verdict", slow)
    monkeypatch.setattr(symbolic, "SYMBOLIC_BUDGET", BUDGET)
    yield calls
    assert _gone("symbolic-check"), "an abandoned symbolic thread is still running"


def test_the_numbers_decide_when_the_slow_symbolic_step_is_stopped(
    slow_sympy: list[str], excepthook_calls: list[threading.ExceptHookArgs]
) -> None:
    started = time.perf_counter()
    right = check_expression("(z+1)^2", "z^2+2*z+1", ["z"])
    elapsed = time.perf_counter() - started
    assert slow_sympy == ["(z + 1)**2"]  # the symbolic step did run, and was abandoned
    assert right.correct and right.error is None
    assert BUDGET <= elapsed < BUDGET + 1.0
    wrong = check_expression("(z+1)^2", "z^2+1", ["z"])  # a counterexample: sympy not asked
    assert not wrong.correct and wrong.error is None
    assert len(slow_sympy) == 1
    assert _gone("symbolic-check") and excepthook_calls == []


def test_an_answer_only_sympy_could_decide_is_refused_in_time(
    slow_sympy: list[str], excepthook_calls: list[threading.ExceptHookArgs]
) -> None:
    # Values beyond 2^400 at every point: the numbers decide nothing, and sympy is too slow.
    started = time.perf_counter()
    grade = check_expression("exp(exp(exp(99*z)))", "z", ["z"])
    assert time.perf_counter() - started < BUDGET + 1.0
    assert not grade.correct and grade.shown == "read as exp(exp(exp(99·z)))"
    assert grade.error == (
        "the expression could not be checked in time (it was stopped after 0.3 s); "
        "nothing was graded: write it in a simpler form"
    )
    assert grade.error.startswith(NOT_IN_TIME)
    assert localize(grade.error, "zh") == (
        "未能及时检查该表达式（符号检查在 0.3 秒后停止）；未评分：请写成更简单的形式"
    )
    assert _gone("symbolic-check") and excepthook_calls == []


def test_the_budget_returns_results_and_errors_of_work_that_ends_in_time() -> None:
    assert budget.within(1.0, lambda: 42) == 42
    assert budget.within(1.0, lambda: None) is None

    def broken() -> int:
        raise ValueError("bad input")

    with pytest.raises(ValueError, match="bad input"):
        budget.within(1.0, broken)


def test_an_abandoned_result_is_dropped_and_the_next_call_gets_its_own(
    excepthook_calls: list[threading.ExceptHookArgs],
) -> None:
    release = threading.Event()
    finished = threading.Event()

    def stuck_in_c() -> str:
        release.wait(10)  # a C call: the stop request takes effect only when it returns
        finished.set()
        return "late"

    with pytest.raises(budget.OutOfTime):
        budget.within(0.1, stuck_in_c, name="stuck-probe")
    assert _threads_named("stuck-probe")  # still inside the C call
    assert budget.within(1.0, lambda: "own") == "own"
    release.set()
    assert _gone("stuck-probe")
    # Stopped at its first Python instruction after the wait: "late" was never produced.
    assert not finished.is_set()
    assert excepthook_calls == []


def test_a_python_loop_is_stopped_soon_after_the_budget() -> None:
    counted: list[int] = []

    def endless() -> None:
        while True:
            counted.append(1)
            if len(counted) > 10_000:
                counted.clear()

    started = time.perf_counter()
    with pytest.raises(budget.OutOfTime, match=r"not finished within 0\.2 s"):
        budget.within(0.2, endless, name="endless-probe")
    assert time.perf_counter() - started < 1.0
    assert _gone("endless-probe", within=1.0)
