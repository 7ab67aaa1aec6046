"""Startup and drill timings of the desktop app, against a bare PySide6 window that imports numpy.

Prints, in one run:
- time from process start to the first drill on screen (cold formula cache, then warm), and the
  same for a bare PySide6 window importing numpy, with their ratio (aim: at most 1.5), and the
  time to the home screen, which is what ``quizapp`` shows first, and from "Start drills" there
  to the drill on screen;
- time to show the next drill including formula rendering, once the cache is warm (aim: < 50 ms);
- resident memory after ten drills (aim: < 250 MB);
- where the time goes: imports, building the window, showing the drill, the first paint.

Usage: ``QT_QPA_PLATFORM=offscreen python benchmarks/startup.py`` from the project root. Each
measurement runs in a fresh process with a temporary data folder; the parent passes its clock.

Bytecode: an installed app runs from compiled ``.pyc`` files, but a shell with
``PYTHONDONTWRITEBYTECODE=1`` makes every run compile the project's sources again (about 0.2 s,
which the bare window never pays since numpy and PySide6 ship compiled). The children therefore
keep bytecode in a cache folder outside the tree (``PYTHONPYCACHEPREFIX``) after one warm-up run
of each kind; ``--source`` measures the old way, compiling every time.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# This folder holds benchmarks/engine.py, which would shadow the engine package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
RUNS = 7


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def child_bare(started: float) -> dict[str, float]:
    """A QMainWindow with a label, numpy imported: the floor any PySide6 app pays."""
    import numpy  # noqa: F401

    numpy_imported = time.time()
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    imported = time.time()
    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setCentralWidget(QLabel("hello"))
    window.resize(1280, 860)
    window.show()
    app.processEvents()
    window.grab()  # forces a paint, as a drill "on screen" below
    done = time.time()
    return {
        "on_screen": done - started,
        "phase_numpy": numpy_imported - started,
        "phase_imports": imported - started,
        "phase_window": done - imported,
    }


def child_home(started: float) -> dict[str, float]:
    """quizapp as ``quizapp`` starts it: the home screen on screen; then, once the background
    preload has run (as it has by the time a learner clicks), "Start drills" to a drill on screen."""
    from quizapp.gui.app import start
    from quizapp.gui.preload import preload_in_background
    from quizapp.gui.widgets.math_label import shared_renderer

    result = start()
    window = result.window
    window.resize(1280, 860)
    window.show()
    result.app.processEvents()
    window.grab()
    on_screen = time.time() - started
    preload_in_background().join(60.0)
    begin = time.perf_counter()
    window.home.start_drills.click()
    result.app.processEvents()
    window.grab()
    clicked = time.perf_counter() - begin
    assert window.current_page() == "drill"
    shared_renderer().wait_idle(60.0)
    shared_renderer().shutdown()
    return {"on_screen": on_screen, "start_drills": clicked}


def child_app(started: float) -> dict[str, float]:
    """quizapp: the window with the first drill, then ten more drills."""
    from quizapp.gui.app import start
    from quizapp.gui.drill_plan import DrillPlan
    from quizapp.gui.widgets.math_label import shared_renderer

    imported = time.time()
    result = start()
    window = result.window
    window.resize(1280, 860)
    plan = DrillPlan(cells=("lstm",), quantities=("h",), difficulty="standard")
    built = time.time()
    # The drill page is opened before the window is shown, as an app started straight into a
    # drill would: the home page is then never built.
    window.open_drills(plan, seed=1)
    window.show()
    opened = time.time()
    result.app.processEvents()
    window.grab()
    on_screen = time.time() - started
    matplotlib_loaded = "matplotlib" in sys.modules
    renderer = shared_renderer()
    renderer.wait_idle(60.0)
    window.grab()
    rendered = time.time() - started
    times = []
    for seed in range(2, 12):
        begin = time.perf_counter()
        window.drill_controller.replay(seed)
        renderer.wait_idle(60.0)
        window.grab()
        times.append(time.perf_counter() - begin)
    renderer.shutdown()
    return {
        "on_screen": on_screen,
        "phase_imports": imported - started,
        "phase_window": built - imported,
        "phase_drill": opened - built,
        "phase_paint": on_screen - (opened - started),
        "formulas_rendered": rendered,
        "next_drill_median": statistics.median(times[1:]),
        "next_drill_max": max(times[1:]),
        "rss_mb": _rss_mb(),
        "matplotlib_at_first_drill": float(matplotlib_loaded),
    }


PYCACHE = Path(tempfile.gettempdir()) / "quizapp-bench-pycache"


def _spawn(kind: str, data_dir: str, *, bytecode: bool = True) -> dict[str, float]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    env["QUIZAPP_DATA_DIR"] = data_dir
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    started = time.time()
    output = subprocess.run(
        [sys.executable, __file__, "--child", kind, repr(started)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    return dict(json.loads(output.strip().splitlines()[-1]))


def main(bytecode: bool = True) -> int:
    """Run every measurement and print the summary."""
    if bytecode:  # fill the bytecode cache (the formula cache stays cold: its own folder)
        _spawn("bare", tempfile.mkdtemp())
        _spawn("app", tempfile.mkdtemp())
    data_dir = tempfile.mkdtemp(prefix="quizapp-bench-")
    cold = _spawn("app", data_dir, bytecode=bytecode)
    # Alternate the two kinds of run so that load from elsewhere on a shared machine falls on both;
    # compare the best of each.
    bare_runs: list[dict[str, float]] = []
    home_runs: list[dict[str, float]] = []
    warm_runs: list[dict[str, float]] = []
    for _ in range(RUNS):
        bare_runs.append(_spawn("bare", tempfile.mkdtemp(), bytecode=bytecode))
        warm_runs.append(_spawn("app", data_dir, bytecode=bytecode))
        home_runs.append(_spawn("home", data_dir, bytecode=bytecode))
    bare = [run["on_screen"] for run in bare_runs]
    home = [run["on_screen"] for run in home_runs]
    warm = min(warm_runs, key=lambda r: r["on_screen"])
    bare_best = min(bare)
    print(f"bare PySide6 + numpy window on screen:   {bare_best * 1000:7.0f} ms")
    print(
        f"quizapp first drill on screen (cold):    {cold['on_screen'] * 1000:7.0f} ms"
        f"   formulas rendered: {cold['formulas_rendered'] * 1000:.0f} ms"
    )
    print(
        f"quizapp first drill on screen (warm):    {warm['on_screen'] * 1000:7.0f} ms"
        f"   formulas rendered: {warm['formulas_rendered'] * 1000:.0f} ms"
    )
    print(
        f"ratio warm / bare:                       {warm['on_screen'] / bare_best:7.2f}"
        "   (aim <= 1.5)"
    )
    print(
        f"quizapp home screen on screen (warm):    {min(home) * 1000:7.0f} ms"
        f"   ratio {min(home) / bare_best:.2f} (what `quizapp` shows first)"
    )
    print(
        f"home, Start drills -> drill on screen:    {min(r['start_drills'] for r in home_runs) * 1000:7.0f} ms"
        "   (drill modules preloaded while home is shown)"
    )
    print(
        f"next drill incl. formulas (warm cache):  {warm['next_drill_median'] * 1000:7.1f} ms"
        f" median, {warm['next_drill_max'] * 1000:.1f} ms max   (aim < 50 ms)"
    )
    print(f"resident memory after ten drills:        {warm['rss_mb']:7.0f} MB   (aim < 250 MB)")
    best_bare = min(bare_runs, key=lambda r: r["on_screen"])
    print(
        "where the time goes (ms, best runs):     bare: interpreter + numpy"
        f" {best_bare['phase_numpy'] * 1000:.0f}, + PySide6 {best_bare['phase_imports'] * 1000:.0f},"
        f" window {best_bare['phase_window'] * 1000:.0f}"
    )
    print(
        "                                         quizapp: imports"
        f" {warm['phase_imports'] * 1000:.0f}, window {warm['phase_window'] * 1000:.0f},"
        f" drill {warm['phase_drill'] * 1000:.0f}, first paint {warm['phase_paint'] * 1000:.0f}"
    )
    loaded = bool(warm["matplotlib_at_first_drill"])
    print(f"matplotlib imported before the first drill (warm cache): {'yes' if loaded else 'no'}")
    print("(bytecode cached, as installed)" if bytecode else "(sources compiled on every start)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child = {"bare": child_bare, "home": child_home}.get(sys.argv[2], child_app)
        print(json.dumps(child(float(sys.argv[3]))))
        sys.exit(0)
    sys.exit(main(bytecode="--source" not in sys.argv[1:]))
