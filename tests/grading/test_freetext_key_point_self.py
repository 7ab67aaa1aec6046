"""Every key point of the bank, its own text (English and Chinese) typed as the answer, is never
judged the opposite of itself: it may be missed (key point texts are terse), not contradicted."""

from __future__ import annotations

from questions.load import load_bank
from quizapp.grading.freetext import PointStatus, grade_free_text


def test_no_key_point_contradicts_its_own_text() -> None:
    bank = load_bank(include_user_packs=False)
    questions = [q for q in bank.questions if q.key_points]
    assert len(questions) > 100
    wrong: list[tuple[str, str, str, str]] = []
    checked = 0
    for question in questions:
        for point in question.key_points:
            for lang, text in (("en", point.text.en), ("zh", point.text.zh)):
                grade = grade_free_text(question, text)
                result = next(r for r in grade.points if r.point.id == point.id)
                checked += 1
                if result.status is PointStatus.CONTRADICTED:
                    wrong.append((question.id, point.id, lang, text))
    assert checked > 500
    assert wrong == []
