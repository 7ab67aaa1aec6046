"""Practice in the terminal is remembered: ``quizapp drill`` and ``quizapp questions practice``
record every graded answer (mode practice), ``?`` shows the answer as a miss, ``--no-record``
keeps nothing."""

from __future__ import annotations

import io

import pytest

from quizapp.cli import main
from quizapp.study.practice import SHOWN
from quizapp.study.store import Store, StudyMode


def _run(monkeypatch: pytest.MonkeyPatch, args: list[str], text: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    return main(args)


def test_drill_answers_are_recorded_and_question_mark_shows_the_solution(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["drill", "--cell", "gru", "--ask", "h", "--count", "2", "--seed", "5"]
    assert _run(monkeypatch, args, "?\n0.1, 0.2\n") == 0
    out = capsys.readouterr().out
    assert "Answer shown: counted as a miss." in out and "worked solution:" in out
    with Store.open() as store:
        shown, answered = store.attempts()
        assert (shown.mode, shown.seed, shown.answer, shown.score) == (
            StudyMode.PRACTICE,
            5,
            SHOWN,
            0.0,
        )
        assert (answered.seed, answered.answer) == (6, '{"h": "0.1, 0.2"}')
        review = store.last_review()
        assert review is not None and review.item_key == "d:gru:pytorch:h:standard"


def test_drill_no_record_keeps_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["drill", "--cell", "gru", "--ask", "h", "--seed", "5", "--no-record"]
    assert _run(monkeypatch, args, "0.1, 0.2\n") == 0
    with Store.open() as store:
        assert store.attempt_count() == 0


def test_questions_practice_records_each_answer_in_a_fair_order(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["questions", "practice", "--type", "true_false", "--count", "3", "--seed", "2"]
    assert _run(monkeypatch, args, "?\n\n1\n\n2\n\n") == 0
    out = capsys.readouterr().out
    assert "[1/3]" in out and "[3/3]" in out and "Reviewed 3 items" in out
    assert "Answer shown: counted as a miss." in out
    with Store.open() as store:
        attempts = store.attempts()
        assert len(attempts) == 3 and {a.mode for a in attempts} == {StudyMode.PRACTICE}
        assert attempts[0].answer == SHOWN and attempts[0].score == 0.0
        assert len({a.subject for a in attempts}) == 3  # three topics, not the bank's first
        assert attempts[1].answer in ("true", "false")  # recorded by option id


def test_questions_practice_in_chinese_without_recording(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["questions", "practice", "--count", "1", "--lang", "zh", "--no-record", "--seed", "1"]
    assert _run(monkeypatch, args, "?\n\n") == 0
    assert "已显示答案：记为答错。" in capsys.readouterr().out
    with Store.open() as store:
        assert store.attempt_count() == 0


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--topic", "nope"], "--topic: unknown topic 'nope'"),
        (["--type", "essay"], "--type: unknown type 'essay'"),
        (["--count", "0"], "--count: expected 1 to 500"),
        (["--difficulty", "brutal"], "--difficulty: expected one of"),
    ],
)
def test_questions_practice_refuses_bad_options(
    capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    assert main(["questions", "practice", *extra]) == 2
    assert message in capsys.readouterr().err


def test_review_question_mark_records_a_miss(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(monkeypatch, ["review", "--new", "1", "--seed", "1"], "?\n\n") == 0
    assert "Answer shown: counted as a miss." in capsys.readouterr().out
    with Store.open() as store:
        (attempt,) = store.attempts()
        assert (attempt.mode, attempt.answer, attempt.score) == (StudyMode.REVIEW, SHOWN, 0.0)
        review = store.last_review()
        assert review is not None and review.rating == 1


@pytest.mark.parametrize(
    "args",
    [
        ["review", "--new", "1", "--seed", "1"],
        ["questions", "practice", "--count", "1", "--seed", "1"],
        ["drill", "--cell", "gru", "--ask", "h", "--seed", "5"],
    ],
)
def test_input_that_is_not_utf8_is_asked_again_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    raw = b"\xff\xfe\x80 0.5\n?\n\n\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "UnicodeDecodeError" not in captured.err
    assert "not UTF-8" not in captured.err
    if args[0] != "drill":  # a drill answer that cannot be read is not recorded
        with Store.open() as store:
            assert store.attempt_count() == 1  # the session went on: "?" was recorded
