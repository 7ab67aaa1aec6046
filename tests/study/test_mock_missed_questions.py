"""The mock report names each missed question and the key points its answer missed (it said
"Missed question: Free text" once per miss), in the report and in its Markdown and HTML."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from questions.load import load_bank
from quizapp.grading.answers import QuestionGrade
from quizapp.study.mock import mock_report
from quizapp.study.mock_export import mock_report_html, mock_report_markdown
from quizapp.study.session import Phase, StudyItem, StudySession
from quizapp.study.store import Store, StudyMode

START = datetime(2025, 3, 1, 9, tzinfo=UTC)


def test_missed_free_text_questions_are_named_with_their_missed_points(tmp_path: Path) -> None:
    bank = {q.id: q for q in load_bank(include_user_packs=False).questions}
    free = [q for q in bank.values() if q.type == "free_text" and len(q.key_points) >= 3][:3]
    store = Store.open(tmp_path / "h.db", now=START, backup=False)
    items = [StudyItem.of_question(q) for q in free]
    session = StudySession(store, items, StudyMode.MOCK, now=lambda: START, seed=1,
                           show_feedback=False)  # fmt: skip
    for question in free:
        first_missed = (question.key_points[0].id,)
        proposal = QuestionGrade(0.5, False, "", None, auto_score=0.5, confirmed=False,
                                 missed_points=first_missed)  # fmt: skip
        assert session.submit_question(proposal, "an answer")
        session.next()
    assert session.phase is Phase.SUMMARY
    # The learner confirms the last one with two points missed.
    last = session.unconfirmed()[-1]
    points = free[-1].key_points
    session.confirm_score(last.attempt_id, 0.5, (points[0].id, points[1].id))
    summary = session.summary
    assert summary is not None
    report = mock_report(summary, items, 600)
    assert not any(kind.startswith("question:") for kind, _ in report.mistakes_by_kind)
    assert [m.question_id for m in report.missed] == [q.id for q in free]
    assert report.missed[0].missed_points == (free[0].key_points[0].text,)
    assert report.missed[-1].missed_points == (points[0].text, points[1].text)
    markdown = mock_report_markdown(report)
    assert "## Missed questions" in markdown
    assert "Free text" not in markdown and "free text" not in markdown
    # The first words of the prompt and of a missed point appear (escaped for Markdown).
    assert free[0].prompt.en.split()[0] in markdown
    assert points[1].text.en.split()[0] in markdown
    page = mock_report_html(report)
    assert "<h2>Missed questions</h2>" in page and free[0].prompt.en.split()[0] in page
    store.close()
