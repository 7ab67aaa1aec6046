"""``quizapp review`` in the terminal on a fixed clock (``--now``), with typed input."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from fsrs import Rating

from quizapp.cli import main
from quizapp.study.schedule import ReviewScheduler
from quizapp.study.store import Store, StudyMode

KEY = "d:rnn:tanh:h:standard"
# The hidden size is drawn; answers of 1..6 nines: the unreadable ones are asked again, and the
# lines left over after the readable one are refused as ratings ("Type 1, 2, 3 or 4").
WRONG = "".join(", ".join(["9"] * n) + "\n" for n in range(1, 7))
SEEN = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
NOW = "2025-03-01T12:00:00+00:00"


def _seed_due_card() -> None:
    with Store.open(now=SEEN) as store:
        ReviewScheduler(store).review(KEY, Rating.Again, SEEN)  # due again within minutes


def _run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], text: str) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    code = main(["review", "--now", NOW, "--new", "0", "--seed", "3"])
    assert code == 0
    return capsys.readouterr().out


def test_nothing_due(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(monkeypatch, capsys, "")
    assert "Nothing is due today" in out


def test_a_due_drill_is_asked_graded_rated_and_recorded(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _seed_due_card()
    # A wrong answer (no tanh output reaches 9), then "4" overrides the proposed Again.
    out = _run(monkeypatch, capsys, WRONG + "4\n")
    assert "[1/1]" in out and "One RNN step." in out and "h (new hidden state hₜ) = " in out
    # the drill is printed and graded by ``quizapp drill``'s line builders
    assert "h: score 0%" in out and "new hidden state hₜ: wrong; expected" in out
    assert "worked solution:" in out and "Score 0%" in out
    assert "Rating 1 Again" in out
    assert "Reviewed 1 item, mean score 0%" in out
    with Store.open() as store:
        attempts = store.attempts()
        assert len(attempts) == 1
        assert attempts[0].item_key == KEY and attempts[0].mode is StudyMode.REVIEW
        assert attempts[0].answered_at == datetime.fromisoformat(NOW)
        last = store.last_review()
        assert last is not None and last.rating == 4 and last.item_key == KEY


def test_end_of_input_stops_cleanly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _seed_due_card()
    out = _run(monkeypatch, capsys, "")
    assert "Stopped." in out and "No answers recorded." in out
    with Store.open() as store:
        assert store.attempt_count() == 0
        session = store.session(1)
        assert session.ended_at is not None  # the session was closed


def test_enter_accepts_the_proposed_rating(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _seed_due_card()
    _run(monkeypatch, capsys, WRONG + "\n")
    with Store.open() as store:
        last = store.last_review()
        assert last is not None and last.rating == 1  # Again: score 0


def test_bad_now_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", "--now", "yesterday"]) == 2
    assert "--now 'yesterday'" in capsys.readouterr().err
