"""The terminal shows bank and drill text rendered: inline math in Unicode (hₜ₋₁), code without its
backticks; no raw ``_{`` and no backtick in what ``questions practice``, ``review``, ``questions
grade`` and ``drill`` print."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from quizapp import paths
from quizapp.bank import load_questions
from quizapp.cli import main
from quizapp.richtext import to_terminal

# Markup in every part a question shows: prompt, options, why-wrong, items, pairs, answer, explanation.
PACK = """\
format: 1
module: marked
questions:
  - id: marked-choice-001
    topic: rnn-forward
    difficulty: easy
    type: single_choice
    source: "Elman 1990, Finding Structure in Time, §2"
    prompt: { en: "Which term carries h_{t-1} into `nn.RNN`?", zh: "哪一项把 h_{t-1} 送入 `nn.RNN`？" }
    answer: { en: "U h_{t-1}, in `weight_hh_l0`.", zh: "U h_{t-1}，即 `weight_hh_l0`。" }
    explanation: { en: "a_t = W x_t + U h_{t-1} + b_{ih}.", zh: "a_t = W x_t + U h_{t-1} + b_{ih}。" }
    options:
      - { id: a, en: "U h_{t-1}", zh: "U h_{t-1}" }
      - id: b
        en: "W x_{t+1}"
        zh: "W x_{t+1}"
        why_wrong: { en: "x_{t+1} is not read at step `t`.", zh: "第 t 步不读 x_{t+1}（`t`）。" }
    correct: [a]
  - id: marked-order-001
    topic: rnn-forward
    difficulty: easy
    type: ordering
    source: "Elman 1990, Finding Structure in Time, §2"
    prompt: { en: "Order the steps of `nn.RNN`.", zh: "给 `nn.RNN` 的步骤排序。" }
    answer: { en: "a_t, then h_t.", zh: "先 a_t，后 h_t。" }
    explanation: { en: "h_t needs a_t = W x_t + U h_{t-1}.", zh: "h_t 需要 a_t = W x_t + U h_{t-1}。" }
    items:
      - { id: a, en: "a_t = W x_t + U h_{t-1}", zh: "a_t = W x_t + U h_{t-1}" }
      - { id: h, en: "h_t = tanh(a_t)", zh: "h_t = tanh(a_t)" }
  - id: marked-match-001
    topic: rnn-forward
    difficulty: easy
    type: matching
    source: "Elman 1990, Finding Structure in Time, §2"
    prompt: { en: "Match each `nn.RNN` weight.", zh: "为每个 `nn.RNN` 权重配对。" }
    answer: { en: "W_{ih} reads x_t; W_{hh} reads h_{t-1}.", zh: "W_{ih} 读 x_t；W_{hh} 读 h_{t-1}。" }
    explanation: { en: "See `weight_ih_l0`.", zh: "见 `weight_ih_l0`。" }
    pairs:
      - { left: { en: "W_{ih}", zh: "W_{ih}" }, right: { en: "x_t", zh: "x_t" } }
      - { left: { en: "W_{hh}", zh: "W_{hh}" }, right: { en: "h_{t-1}", zh: "h_{t-1}" } }
"""


def _run(monkeypatch: pytest.MonkeyPatch, args: list[str], text: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    return main(args)


def _assert_rendered(out: str, code: tuple[str, ...] = ()) -> None:
    """No raw markup in ``out`` outside the lines of ``code`` (a code block is shown verbatim)."""
    lines = [line for line in out.splitlines() if line not in code]
    assert not [line for line in lines if "_{" in line or "`" in line]


@pytest.fixture
def marked_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty shipped bank and the pack above, so practice asks its questions."""
    empty = tmp_path / "empty-bank"
    empty.mkdir()
    monkeypatch.setattr("questions.load.BANK_DIR", empty)
    (paths.packs_dir() / "marked.yaml").write_text(PACK, "utf-8")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("typed", ["?", "2", "2 1", "1a 2b"])
def test_practice_prints_rendered_text(
    marked_pack: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    typed: str,
) -> None:
    args = ["questions", "practice", "--count", "3", "--no-record", "--lang", lang, "--seed", "1"]
    assert _run(monkeypatch, args, f"{typed}\n\n" * 3) == 0
    out = capsys.readouterr().out
    _assert_rendered(out)
    assert "hₜ₋₁" in out and "nn.RNN" in out
    if typed == "?":
        assert "a_t = W x_t + U h_{t-1} + b_{ih}".replace("_t", "ₜ") not in out  # not half-done
        assert "aₜ = W xₜ + U hₜ₋₁ + bᵢₕ" in out  # the explanation, rendered


def test_review_prints_rendered_text(
    marked_pack: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(monkeypatch, ["review", "--new", "3"], "?\n3\n" * 3 + "q\n") in (0, 1)
    out = capsys.readouterr().out
    assert "hₜ₋₁" in out
    _assert_rendered(out)


def test_bank_questions_with_markup_print_rendered(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A sample of the shipped bank: each topic's questions, model answers and explanations shown.
    for seed in range(3):
        args = ["questions", "practice", "--count", "8", "--no-record", "--seed", str(seed)]
        assert _run(monkeypatch, args, "?\n\n" * 12) == 0
    out = capsys.readouterr().out
    assert out.count("Answer shown") >= 20  # a free-text answer may take the blank line too
    assert out.count("_t") < out.count("ₜ")  # the bank writes h_t often: rendered, not raw
    bank = load_questions().questions
    code = tuple("    " + line for q in bank if q.code for line in q.code.splitlines())
    _assert_rendered(out, code)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_questions_grade_prints_rendered_key_points(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    args = ["questions", "grade", "lstm-gates-001", "--answer", "the forget gate", "--lang", lang]
    assert main(args) == 0
    out = capsys.readouterr().out
    _assert_rendered(out)
    assert "Cₜ = fₜ ⊙ Cₜ₋₁" in out


@pytest.mark.parametrize(
    ("ask", "shown"),
    [
        (["--cell", "gru", "--ask", "h"], "hₜ₋₁ = ["),  # a given value's name, rendered
        (["--cell", "lstm", "--ask", "count"], "In PyTorch, nn.LSTM(input_size="),  # no backticks
        (["--cell", "ssm", "--ask", "h"], "Δ_(t,j)"),
    ],
)
def test_drills_print_rendered_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], ask: list[str], shown: str
) -> None:
    args = ["drill", *ask, "--seed", "3", "--no-record"]
    assert _run(monkeypatch, args, "?\n") == 0
    out = capsys.readouterr().out
    _assert_rendered(out)
    assert shown in out


def test_the_terminal_renderer_leaves_no_markup() -> None:
    assert to_terminal("h_{t-1} and `torch.nn.LSTM`") == "hₜ₋₁ and torch.nn.LSTM"
    assert to_terminal("C_{low}, Δ_{t,j}, C̃_t") == "C_low, Δ_(t,j), C̃ₜ"
    assert to_terminal("W^{(2)}_{hh}") == "W⁽²⁾ₕₕ"
