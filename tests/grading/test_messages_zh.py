"""The reader's messages in Chinese."""

from __future__ import annotations

from quizapp.grading.messages import localize
from quizapp.grading.reader import read_numbers


def test_common_reader_messages_are_translated() -> None:
    cases = {
        "": "答案为空",
        "[0.5, 0.2]": "应输入 3 个数，实际读到 2 个",
        "0.5, foo, 1": "无法识别",
        "(0.5, 0.2": "没有闭合",
        "1/0, 1, 2": "第 1 个数：除以零",
    }
    for text, expected in cases.items():
        reading = read_numbers(text, 3)
        assert reading.error is not None, text
        assert expected in localize(reading.error, "zh"), (text, reading.error)


def test_english_and_unknown_messages_pass_through() -> None:
    assert localize("expected 3 numbers, got 2", "en") == "expected 3 numbers, got 2"
    assert localize("something new", "zh") == "something new"
