"""Item keys: building, parsing back and refusing malformed parts."""

from __future__ import annotations

import pytest

from quizapp.study.items import (
    DrillTemplate,
    ItemKeyError,
    ItemKind,
    QuestionItem,
    drill_template_key,
    item_kind,
    parse_item_key,
    question_key,
)


def test_drill_key_matches_documented_form() -> None:
    assert drill_template_key("gru", "pytorch", ["h"], "standard") == "d:gru:pytorch:h:standard"
    assert drill_template_key("lstm", "keras", ("c", "h"), "hard") == "d:lstm:keras:c+h:hard"


def test_keys_parse_back() -> None:
    template = parse_item_key("d:lstm:keras:c+h:hard")
    assert template == DrillTemplate("lstm", "keras", ("c", "h"), "hard")
    assert template.key == "d:lstm:keras:c+h:hard"
    assert parse_item_key("q:lstm-forget:1") == QuestionItem("lstm-forget:1")
    assert question_key("lstm-forget:1") == "q:lstm-forget:1"
    assert item_kind("q:x") is ItemKind.QUESTION
    assert item_kind("d:rnn:pytorch:h:easy") is ItemKind.DRILL


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("gru", "py:torch", ["h"], "standard"), "convention"),
        (("gru", "pytorch", ["h+c"], "standard"), "quantity"),
        (("gru", "pytorch", [], "standard"), "empty"),
        (("gru", "pytorch", ["h", "h"], "standard"), "repeat"),
        (("", "pytorch", ["h"], "standard"), "cell"),
        (("gru", "pytorch", "h", "standard"), "string"),
    ],
)
def test_bad_drill_parts_are_refused(args: tuple[object, ...], fragment: str) -> None:
    with pytest.raises(ItemKeyError, match=fragment):
        drill_template_key(*args)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "key", ["x:1", "nothing", "q:", "d:gru:pytorch:h", "d:gru:pytorch::standard", "d:a:b:c:d:e"]
)
def test_bad_keys_are_refused(key: str) -> None:
    with pytest.raises(ItemKeyError):
        parse_item_key(key)
