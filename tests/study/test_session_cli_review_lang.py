"""``quizapp review --lang en|zh``: the questions and the review's own words in one language, and
counts in the right number ("1 item", "2 items"; Chinese has no plural)."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

import pytest
from fsrs import Rating

from questions.load import load_bank
from questions.schema import Question
from quizapp import settings
from quizapp.cli import main
from quizapp.cli.review_words import left_line, reviewed_line
from quizapp.plural import count_en
from quizapp.study.items import question_key
from quizapp.study.schedule import ReviewScheduler
from quizapp.study.store import Store

SEEN = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
NOW = "2025-03-01T12:00:00+00:00"


def _single_choice(count: int) -> list[Question]:
    chosen = [q for q in load_bank().questions if q.answer_type == "single_choice"][:count]
    assert len(chosen) == count
    return chosen


def _seed_due(questions: list[Question]) -> None:
    with Store.open(now=SEEN) as store:
        for question in questions:
            ReviewScheduler(store).review(question_key(question.id), Rating.Again, SEEN)


def _review(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], text: str, *lang: str
) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["review", "--now", NOW, "--new", "0", "--seed", "1", *lang]) == 0
    return capsys.readouterr().out


def _right_number(out: str, question: Question, lang: str) -> str:
    """The number the terminal printed before the right option (options may be shuffled)."""
    right = next(o for o in question.options if o.id in question.correct)
    match = re.search(rf"^  (\d+)\) {re.escape(right.text.get('zh' if lang == 'zh' else 'en'))}$",
                      out, re.MULTILINE)  # fmt: skip
    assert match is not None
    return match.group(1)


class _Typist(io.StringIO):
    """Standard input that answers each choice prompt with the right option of what was shown."""

    def __init__(self, capsys: pytest.CaptureFixture[str], question: Question, lang: str) -> None:
        super().__init__()
        self.capsys, self.question, self.lang, self.shown = capsys, question, lang, ""
        self.lines = 0

    def readline(self, size: int | None = -1) -> str:
        self.lines += 1
        if self.lines == 1:
            self.shown += self.capsys.readouterr().out
            return _right_number(self.shown, self.question, self.lang) + "\n"
        return "\n" if self.lines == 2 else ""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_lang_chooses_the_language_of_question_and_words(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    # The settings say the other language: --lang wins.
    settings.save(settings.Settings(content_language="en" if lang == "zh" else "zh"))
    (question,) = _single_choice(1)
    _seed_due([question])
    typist = _Typist(capsys, question, lang)
    monkeypatch.setattr("sys.stdin", typist)
    assert main(["review", "--now", NOW, "--new", "0", "--lang", lang]) == 0
    out = typist.shown + capsys.readouterr().out
    other = "en" if lang == "zh" else "zh"
    assert question.prompt.get(lang) in out and question.prompt.get(other) not in out
    for option in question.options:
        assert option.text.get(lang) in out
    if lang == "zh":
        assert "你的选择（填编号）：" in out and "\n正确。" in out
        assert f"参考答案：{question.answer.zh}" in out
        assert "评分 4 简单：按 Enter 接受" in out and "下次复习：" in out
        assert "复习了 1 项，平均得分 100%，用时" in out
    else:
        assert "Your choice (numbers): " in out and "\nRight." in out
        assert f"Model answer: {question.answer.en}" in out
        assert "Rating 4 Easy: Enter accepts" in out and "Next review: " in out
        assert "Reviewed 1 item, mean score 100%," in out
    with Store.open() as store:
        (attempt,) = store.attempts()
        assert attempt.item_key == question_key(question.id) and attempt.score == 1.0


def test_without_lang_the_settings_decide(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings.save(settings.Settings(content_language="zh"))
    (question,) = _single_choice(1)
    _seed_due([question])
    out = _review(monkeypatch, capsys, "")
    assert question.prompt.zh in out and "已停止。" in out and "没有记录任何作答。" in out


def test_nothing_due_in_chinese(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _review(monkeypatch, capsys, "", "--lang", "zh")
    assert out == "今天没有到期的复习。明天再来，或者在应用里做练习。\n"


def test_counts_in_the_summary_have_the_right_number(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = _single_choice(3)
    _seed_due(questions)
    # Option 1 of two questions, each rating accepted with Enter, then Ctrl-D before the third.
    out = _review(monkeypatch, capsys, "1\n\n1\n\n", "--lang", "en")
    assert re.search(r"\nReviewed 2 items, mean score \d+%, \d+\.\d min\.\n", out)
    assert "\n1 item left for later.\n" in out
    assert "(s)" not in out


def test_count_words() -> None:
    assert [count_en(n, "item") for n in (0, 1, 2)] == ["0 items", "1 item", "2 items"]
    assert count_en(1, "quantity", "quantities") == "1 quantity"
    assert count_en(3, "quantity", "quantities") == "3 quantities"
    assert reviewed_line(1, "80%", 2.25, "en") == "Reviewed 1 item, mean score 80%, 2.2 min."
    assert reviewed_line(2, "80%", 2.25, "zh") == "复习了 2 项，平均得分 80%，用时 2.2 分钟。"
    assert left_line(1, "en") == "1 item left for later."
    assert left_line(5, "en") == "5 items left for later."
    assert left_line(1, "zh") == "还有 1 项留待以后。"
