"""Free-text scores: the grader's proposal and the learner's confirmed score are both kept."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from questions.load import load_paths
from quizapp.grading.answers import QuestionGrade
from quizapp.study import migrations
from quizapp.study.session import Phase, StudyItem, StudySession
from quizapp.study.stats import build_stats, format_stats_text
from quizapp.study.store import Store, StoreError, StudyMode

START = datetime(2025, 3, 1, 9, tzinfo=UTC)
PACK = Path(__file__).parent.parent / "data" / "packs" / "good"
FREE = next(q for q in load_paths([PACK]).questions if q.type == "free_text")


def _session(store: Store, mode: StudyMode) -> StudySession:
    return StudySession(
        store, [StudyItem.of_question(FREE)], mode, now=lambda: START, seed=1,
        show_feedback=mode is not StudyMode.MOCK,
    )  # fmt: skip


def test_a_mock_answer_is_recorded_unconfirmed_then_confirmed(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "h.db", now=START, backup=False)
    session = _session(store, StudyMode.MOCK)
    proposal = QuestionGrade(0.5, False, "", None, auto_score=0.5, confirmed=False)
    assert session.submit_question(proposal, "my answer")
    session.next()
    assert session.phase is Phase.SUMMARY
    (pending,) = session.unconfirmed()
    (attempt,) = store.attempts()
    assert (attempt.score, attempt.auto_score, attempt.confirmed) == (0.5, 0.5, False)
    assert store.unconfirmed_count() == 1
    assert build_stats(store, START).unconfirmed_scores == 1
    assert "never confirmed: 1" in format_stats_text(build_stats(store, START))

    session.confirm_score(pending.attempt_id, 0.75)
    (attempt,) = store.attempts()
    assert (attempt.score, attempt.auto_score, attempt.confirmed) == (0.75, 0.5, True)
    assert session.unconfirmed() == ()
    assert session.summary is not None and session.summary.mean_score == 0.75
    assert build_stats(store, START).unconfirmed_scores == 0
    with pytest.raises(Exception, match="no answer with attempt id 999"):
        session.confirm_score(999, 1.0)


def test_a_checklist_answer_keeps_both_scores(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "h.db", now=START, backup=False)
    session = _session(store, StudyMode.QUESTIONS)
    assert session.submit_question(QuestionGrade(1.0, True, "", None, auto_score=0.25), "text")
    (attempt,) = store.attempts()
    assert (attempt.score, attempt.auto_score, attempt.confirmed) == (1.0, 0.25, True)
    assert session.unconfirmed() == ()


def test_confirm_score_checks_its_input(tmp_path: Path) -> None:
    with Store.open(tmp_path / "h.db", now=START, backup=False) as store:
        with pytest.raises(StoreError, match=r"outside 0\.\.1"):
            store.confirm_score(1, 1.5)
        with pytest.raises(StoreError, match="no attempt with id 7"):
            store.confirm_score(7, 0.5)


def test_version_2_history_gains_the_columns_and_keeps_its_answers(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    with Store.open(path, now=START, backup=False) as store:
        session = _session(store, StudyMode.QUESTIONS)
        session.submit_question(QuestionGrade(1.0, True, "", None), "old answer")
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP INDEX attempts_unconfirmed; ALTER TABLE attempts DROP COLUMN auto_score; "
        "ALTER TABLE attempts DROP COLUMN confirmed; PRAGMA user_version = 2;"
    )
    conn.close()
    with Store.open(path, now=START, backup=False) as store:
        assert store.report.message is None
        (attempt,) = store.attempts()
        assert (attempt.answer, attempt.auto_score, attempt.confirmed) == ("old answer", None, True)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
    conn.close()
