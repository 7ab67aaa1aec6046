"""The mock interview: topic weighting, the time budget, no grades before the end, the report."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from questions.load import load_bank
from questions.topics import TOPICS
from quizapp.gui.sample_answers import typed
from quizapp.study.mock import mock_items, mock_report, pick_questions
from quizapp.study.mock_export import mock_report_html, mock_report_markdown
from quizapp.study.session import Phase, StudySession
from quizapp.study.store import Store, StudyMode

START = datetime(2025, 3, 1, 9, tzinfo=UTC)


def test_starred_topics_are_drawn_about_twice_as_often() -> None:
    bank = load_bank(include_user_packs=False).questions
    starred = {t.id for t in TOPICS if t.starred}
    counts: Counter[bool] = Counter()
    for seed in range(300):
        for question in pick_questions(bank, 1, random.Random(seed)):
            counts[question.topic in starred] += 1
    n_starred = len({q.topic for q in bank} & starred)
    n_plain = len({q.topic for q in bank} - starred)
    # Expected share of starred picks with weights 2 : 1.
    share = 2 * n_starred / (2 * n_starred + n_plain)
    observed = counts[True] / 300
    assert abs(observed - share) < 0.09


def test_mock_items_mix_questions_and_computations() -> None:
    bank = load_bank(include_user_packs=False).questions
    items = mock_items(bank, random.Random(3), n_questions=6, n_drills=3)
    kinds = ["q" if i.question is not None else "d" for i in items]
    assert kinds == ["q", "q", "d", "q", "q", "d", "q", "q", "d"]
    assert len({i.key for i in items}) == 9


def test_time_budget_ends_the_interview_and_the_report_counts_the_rest_as_zero(
    tmp_path: Path,
) -> None:
    bank = load_bank(include_user_packs=False).questions
    items = mock_items(bank, random.Random(8), n_questions=2, n_drills=2)
    # Pairs of questions alternate with computations; the spare computation comes last.
    assert [i.question is not None for i in items] == [True, True, False, False]
    clock = [START]
    store = Store.open(tmp_path / "h.db", now=START, backup=False)
    session = StudySession(
        store, items, StudyMode.MOCK, now=lambda: clock[0], seed=1,
        show_feedback=False, time_budget_seconds=600,
    )  # fmt: skip
    session.skip()
    session.skip()
    assert session.drill is not None
    drill = session.drill
    clock[0] += timedelta(seconds=200)
    session.submit_drill({k: typed(drill.expected[k], 6) for k in drill.asked})
    assert session.proposed_rating is not None
    clock[0] += timedelta(seconds=500)  # past the 10 minutes
    assert session.time_up
    assert session.next() is Phase.SUMMARY
    assert store.last_review() is None  # a mock interview reschedules nothing
    report = mock_report(session.finish(), items, 600)
    # One perfect item of four: 25 %.
    assert report.score == 0.25
    assert [t.seconds for t in report.times] == [None, None, 200.0, None]
    assert report.summary.elapsed_seconds == 700.0
    weak = set(report.study_next)
    assert {items[0].topic, items[1].topic} <= weak
    assert items[2].topic not in weak or any(
        r.topic == items[2].topic and r.mean_score < 0.8 for r in report.by_topic
    )
    markdown = mock_report_markdown(report)
    assert "## Score by topic" in markdown and "25%" in markdown
    page = mock_report_html(report)
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    store.close()


def test_report_text_is_escaped() -> None:
    from quizapp.study.mock import MockReport, TopicScore
    from quizapp.study.session import summarize_results

    summary = summarize_results(1, StudyMode.MOCK, [])
    report = MockReport(summary, 60, 0.0, (TopicScore("<b>|x", 0, 1, 0.0),), (), (), ("<b>|x",))
    assert "<b>" not in mock_report_html(report)
    assert "\\|x" in mock_report_markdown(report) and "<b>" not in mock_report_markdown(report)
