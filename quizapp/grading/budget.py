"""Running one pure computation with a time limit: on a daemon thread, abandoned when time is up.

``within(seconds, work)`` runs ``work`` on a new daemon thread and waits at most ``seconds``. When
the time is up it raises ``OutOfTime`` and abandons the thread:

- the result goes into a slot that only this call reads, and the slot is closed (under a lock)
  before ``OutOfTime`` is raised, so a late result is dropped: it can never reach a later answer;
- the abandoned thread is asked to stop (an exception raised in it at its next Python instruction,
  through CPython's ``PyThreadState_SetAsyncExc``), so a runaway sympy computation does not keep
  a core busy; the thread catches that exception and ends quietly. A thread waiting inside C code
  stops once the call returns; being a daemon, it never keeps the program from ending.

``work`` must be pure (it returns its result and writes nothing shared), as sympy's routines are.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

Result = TypeVar("Result")


class OutOfTime(Exception):
    """The computation did not finish within its time."""


class _Stopped(BaseException):
    """Raised inside an abandoned thread to end it (never escapes the thread)."""


class _Slot(Generic[Result]):
    """Where the thread leaves its outcome; closed once the caller stops waiting."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.filled = threading.Event()
        self.closed = False
        self.outcome: tuple[Result] | Exception | None = None  # (result,) or the error raised

    def fill(self, outcome: tuple[Result] | Exception) -> None:
        with self.lock:
            if self.closed:
                return  # abandoned: nobody reads this outcome, and nothing else may
            self.outcome = outcome
            self.filled.set()

    def close(self) -> bool:
        """Close the slot unless it is already filled; True when it was closed empty."""
        with self.lock:
            if self.filled.is_set():
                return False
            self.closed = True
            return True


def _run(slot: _Slot[Result], work: Callable[[], Result]) -> None:
    try:
        try:
            result = work()
        except _Stopped:
            return
        except Exception as error:  # handed to the caller, raised there
            slot.fill(error)
            return
        slot.fill((result,))
    except _Stopped:  # asked to stop just as the work ended
        return


def _stop(thread: threading.Thread) -> None:
    """Raise ``_Stopped`` inside ``thread`` at its next Python instruction."""
    if thread.ident is None or not thread.is_alive():
        return
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread.ident), ctypes.py_object(_Stopped)
    )


def within(seconds: float, work: Callable[[], Result], name: str = "bounded") -> Result:
    """``work()``'s result, or its exception, if it ends within ``seconds``; else ``OutOfTime``."""
    slot: _Slot[Result] = _Slot()
    thread = threading.Thread(target=_run, args=(slot, work), name=name, daemon=True)
    thread.start()
    slot.filled.wait(seconds)
    if slot.close():
        _stop(thread)
        raise OutOfTime(f"not finished within {seconds:g} s")
    outcome = slot.outcome
    if isinstance(outcome, Exception):
        raise outcome
    assert outcome is not None  # the slot was filled
    return outcome[0]
