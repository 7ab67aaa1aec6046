"""``quizapp drill``: JSON problems solved independently grade full; bad options exit 2 in one line;
piped answers and an early end of input finish with a summary sentence; ``--lang zh`` prints
Chinese words throughout."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest

import engine
from engine.layouts import from_torch
from quizapp.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["drill", *args])
    out, err = capsys.readouterr()
    return code, out, err


def solve(problem: dict[str, object]) -> dict[str, np.ndarray]:
    """Every forward value of the problem, from the engine and the JSON alone."""
    cell = str(problem["cell"])
    raw = problem["parameters"]
    assert isinstance(raw, dict)
    params = from_torch(cell, raw) if problem["layout"] == "pytorch" else raw
    inputs = {k: np.array(v) for k, v in problem["inputs"].items()}  # type: ignore[attr-defined]
    record = engine.step(
        cell, params, inputs["x"], inputs.get("h"), inputs.get("c"),
        convention=str(problem["convention"]), t=problem.get("t"),  # type: ignore[arg-type]
        periods=problem.get("periods"), c_low=inputs.get("c_low"),  # type: ignore[arg-type]
    )  # fmt: skip
    return dict(record.as_dict())


def vector(values: np.ndarray) -> str:
    return "[" + ", ".join(f"{v:.5f}" for v in values) + "]"


CASES = [
    ("lstm", "", "standard"), ("lstm", "", "hard"), ("gru", "pytorch", "hard"),
    ("gru", "d2l", "whiteboard"), ("rnn", "relu", "standard"), ("peephole", "", "standard"),
    ("clockwork", "", "hard"), ("depth_gated", "", "hard"), ("sru", "", "whiteboard"),
    ("mgu", "", "standard"), ("cifg", "", "whiteboard"),
]  # fmt: skip


@pytest.mark.parametrize(("cell", "convention", "difficulty"), CASES)
def test_json_problem_solved_independently_scores_full(
    capsys: pytest.CaptureFixture[str], cell: str, convention: str, difficulty: str
) -> None:
    common = ["--cell", cell, "--difficulty", difficulty, "--seed", "17", "--ask", "all"]
    if convention:
        common += ["--convention", convention]
    code, out, _ = run(capsys, *common, "--json")
    assert code == 0
    problem = json.loads(out)
    assert "expected" not in out and "alternatives" not in out
    values = solve(problem)
    answers = [f"--answer={k}={vector(values[k])}" for k in problem["asked"]]
    code, out, _ = run(capsys, *common, "--json", *answers)
    graded = json.loads(out)
    assert code == 0 and graded["score"] == 1.0
    for key, result in graded["quantities"].items():
        assert result["mistakes"] == [] and result["score"] == 1.0, key
        assert np.allclose(result["expected"], values[key])


def test_json_mistake_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    common = ["--cell", "gru", "--convention", "pytorch", "--ask", "h", "--seed", "5"]
    problem = json.loads(run(capsys, *common, "--json")[1])
    values = solve(problem)
    h_prev = np.array(problem["inputs"]["h"])
    swapped = values["z"] * values["n"] + (1 - values["z"]) * h_prev
    out = run(capsys, *common, "--json", f"--answer=h={vector(swapped)}")[1]
    result = json.loads(out)["quantities"]["h"]
    assert result["mistakes"] == ["gru-z-swapped"] and result["score"] < 1
    assert result["reading"].startswith("read as")


def test_json_backward_count_and_formula(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--cell", "lstm", "--ask", "dc_prev", "--seed", "2", "--json")
    problem = json.loads(out)
    assert code == 0 and "given" in problem and "dc" in problem["inputs"]
    code, out, _ = run(capsys, "--cell", "gru", "--ask", "count", "--seed", "2", "--json")
    assert code == 0 and "framework" in json.loads(out)
    code, out, _ = run(capsys, "--cell", "gru", "--ask", "formula_h", "--seed", "2", "--json",
                       "--answer", "formula_h=(1-z)*h_tilde + z*h_prev")  # fmt: skip
    assert code == 0 and json.loads(out)["score"] == 1.0


BAD = [
    ["--cell", "nope"], ["--seed", "-3"], ["--seed", "x"], ["--count", "0"], ["--ask", "zz"],
    ["--difficulty", "easy"], ["--tolerance", "a,b"], ["--tolerance", "-1"],
    ["--cell", "gru", "--convention", "keras"], ["--answer", "h=1"],
    ["--json", "--answer", "nope=1"], ["--json", "--answer", "noequals"],
    ["--ask", "f,count"], ["--cell", "sru", "--ask", "dh_prev"], ["--lang", "fr"],
]  # fmt: skip


@pytest.mark.parametrize("args", BAD)
def test_bad_options_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    try:
        code = main(["drill", *args])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in err + out
    assert len(err.strip().splitlines()) == 1 and "error" in err


def test_piped_answers_and_summary(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, "--cell", "rnn", "--ask", "h", "--seed", "9", "--json")
    values = solve(json.loads(out))
    lines = f"{vector(values['h'])}\nnot a number\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    code, out, err = run(capsys, "--cell", "rnn", "--ask", "h", "--seed", "9", "--count", "2")
    assert code == 0 and err == ""
    assert "read as" in out and "h: score 100%" in out
    assert "h: not read, counts as wrong" in out
    assert out.rstrip().endswith("You answered 2 drills: 1 of 2 quantities right, mean score 50%.")
    assert "W = [" in out and "worked solution" in out and "One RNN step." in out
    # inputs named as in the prompt (rendered: xₜ, hₜ₋₁), brackets of one block aligned
    x_line = next(line for line in out.splitlines() if line.startswith("xₜ"))
    h_line = next(line for line in out.splitlines() if line.startswith("hₜ₋₁"))
    assert x_line.index("[") == h_line.index("[")


def test_chinese_run_prints_chinese_words(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, "--cell", "lstm", "--ask", "f,c", "--seed", "4", "--json")
    values = solve(json.loads(out))
    lines = f"{vector(values['f'])}\n{vector(values['c'] + 1.0)}\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    code, out, err = run(capsys, "--cell", "lstm", "--ask", "f,c", "--seed", "4", "--lang", "zh")
    assert code == 0 and err == ""
    for words in ("LSTM 单步计算", "遗忘门 fₜ", "c（新记忆元 Cₜ）= ", "参数：", "读作 [",
                  "f: 得分 100%", "c: 得分 0%", "新记忆元 Cₜ：错误", "解题步骤："):  # fmt: skip
        assert words in out, words
    assert "细胞状态" not in out and "parameters:" not in out and "read as" not in out
    assert out.rstrip().endswith("共作答 1 道练习：2 个量中答对 1 个，平均得分 50%。")


def test_end_of_input_and_interrupt_end_with_summary(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, out, _ = run(capsys, "--cell", "lstm", "--seed", "1")
    assert code == 0 and out.rstrip().endswith("No drill was answered.")

    class Interrupting(io.StringIO):
        def readline(self, size: int | None = -1, /) -> str:  # type: ignore[override]
            raise KeyboardInterrupt

    monkeypatch.setattr("sys.stdin", Interrupting())
    code, out, _ = run(capsys, "--cell", "gru", "--seed", "1")
    assert code == 0 and out.rstrip().endswith("No drill was answered.")
