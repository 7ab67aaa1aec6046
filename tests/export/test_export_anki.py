"""The Anki export: the package opens as a collection with one note per question, the fields and
tags the issue asks for, ids that stay the same across exports, escaped text with MathJax and code,
the mistakes newest first, and clear refusals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from anki_reading import read_apkg

from questions.load import load_bank
from questions.schema import Option, Question, Text
from quizapp.cli import main
from quizapp.export.anki import MODEL_ID, deck_id
from quizapp.export.anki_fields import FIELD_NAMES, note_content, note_guid
from quizapp.richtext import to_mathjax
from quizapp.study.items import ItemKind
from quizapp.study.store import Attempt, Store, StudyMode

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def _bank(topic: str) -> list[Question]:
    return [q for q in load_bank(include_user_packs=False).questions if q.topic == topic]


def _export(tmp_path: Path, name: str, *extra: str) -> Path:
    target = tmp_path / name
    assert main(["export", "anki", str(target), *extra]) == 0
    return target


def test_package_holds_each_question_with_its_fields_and_tags(tmp_path: Path) -> None:
    package = read_apkg(_export(tmp_path, "rnn.apkg", "--topic", "rnn-why"), tmp_path / "a")
    expected = _bank("rnn-why")
    assert len(package.notes) == len(expected) > 3
    notes = package.by_question()
    assert set(notes) == {q.id for q in expected}
    model = package.models[MODEL_ID]
    assert [f["name"] for f in model["flds"]] == list(FIELD_NAMES)  # type: ignore[attr-defined]
    choice = next(q for q in expected if q.type == "single_choice")
    note = notes[choice.id]
    right = next(o for o in choice.options if o.id in choice.correct)
    wrong = next(o for o in choice.options if o.id not in choice.correct)
    assert note.fields["Key"] == f"<ul><li><b>{right.id}.</b> {to_mathjax(right.text.en)}</li></ul>"
    assert to_mathjax(wrong.text.en) in note.fields["Options"]
    assert to_mathjax(wrong.text.en) not in note.fields["Key"]
    assert note.fields["Prompt"] == to_mathjax(choice.prompt.en)
    assert note.fields["ModelAnswer"] == to_mathjax(choice.answer.en)
    assert note.fields["Explanation"] == to_mathjax(choice.explanation.en)
    assert set(note.tags) == {
        "quizapp", "topic::rnn-why", f"difficulty::{choice.difficulty}", "type::single_choice",
    }  # fmt: skip
    free = next(q for q in expected if q.type == "free_text")
    assert notes[free.id].fields["KeyPoints"].count("<li>") == len(free.key_points) > 0
    assert {n.deck_id for n in package.notes} == {deck_id("en", False)}


def test_second_export_keeps_note_guids_model_and_deck(tmp_path: Path) -> None:
    first = read_apkg(_export(tmp_path, "one.apkg", "--topic", "bptt"), tmp_path / "a")
    second = read_apkg(_export(tmp_path, "two.apkg", "--topic", "bptt"), tmp_path / "b")
    one, two = first.by_question(), second.by_question()
    assert one.keys() == two.keys() and len(one) > 2
    for question_id, note in one.items():
        assert two[question_id].guid == note.guid == note_guid(question_id, "en")
        assert two[question_id].model_id == note.model_id == MODEL_ID
        assert two[question_id].deck_id == note.deck_id
    # Another language is another note (its own guid), so an English deck is never overwritten.
    chinese = read_apkg(
        _export(tmp_path, "zh.apkg", "--topic", "bptt", "--lang", "zh"), tmp_path / "c"
    )
    assert {n.guid for n in chinese.notes}.isdisjoint({n.guid for n in first.notes})
    assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese.notes[0].fields["Prompt"])


def test_both_languages_on_one_card(tmp_path: Path) -> None:
    package = read_apkg(
        _export(tmp_path, "b.apkg", "--topic", "rnn-why", "--lang", "both"), tmp_path / "a"
    )
    question = _bank("rnn-why")[0]
    prompt = package.by_question()[question.id].fields["Prompt"]
    assert prompt.startswith('<div class="en">') and '<div class="zh" lang="zh">' in prompt
    assert question.prompt.zh[:4] in prompt


def _question(prompt: str, code: str | None = None) -> Question:
    return Question(
        id="t-1", topic="lstm-gates", difficulty="easy", type="single_choice",
        prompt=Text(prompt, prompt), answer=Text("a", "a"),
        explanation=Text("C_t = f_t ⊙ C_{t-1}", "同上"), references=("Paper <2020>",),
        tags=(), answer_type="single_choice",
        options=(Option("a", Text("`sigmoid` & σ", "x"), None),
                 Option("b", Text("tanh", "y"), Text("no", "不"))),
        correct=("a",), code=code, code_language="python",
    )  # fmt: skip


def test_fields_are_escaped_html_with_mathjax_and_code() -> None:
    question = _question("Is <b>h_{t-1}</b> & `x.shape` right?", code="if a < b:\n    print('<i>')")
    fields = dict(zip(FIELD_NAMES, note_content(question, "en").fields, strict=True))
    prompt = fields["Prompt"]
    assert "<b>" not in prompt.split("<pre")[0] and "&lt;b&gt;" in prompt
    assert r"\(h_{t-1}\)" in prompt and "<code>x.shape</code>" in prompt and "&amp;" in prompt
    assert "<pre" in prompt and "if a &lt; b:\n    print(&#x27;&lt;i&gt;&#x27;)" in prompt
    assert "<code>sigmoid</code> &amp; σ" in fields["Key"] and "tanh" not in fields["Key"]
    assert r"\(C_{t}\)" in fields["Explanation"] and r"\(C_{t-1}\)" in fields["Explanation"]
    assert fields["Source"] == "Paper &lt;2020&gt;"


def _attempt(key: str, score: float, minutes: int) -> Attempt:
    kind = ItemKind.QUESTION if key.startswith("q:") else ItemKind.DRILL
    return Attempt(
        item_key=key, item_kind=kind, subject="rnn-why", quantities=("h",) if kind is ItemKind.DRILL else (),
        difficulty=None, seed=None, answer="x", read_as="x", score=score, mistakes=(),
        duration_seconds=5.0, answered_at=T0 + timedelta(minutes=minutes), mode=StudyMode.REVIEW,
    )  # fmt: skip


def test_mistakes_are_the_wrong_questions_newest_first(tmp_path: Path) -> None:
    first, second, third = (q.id for q in _bank("rnn-why")[:3])
    with Store.open(now=T0, backup=False) as store:
        store.record_attempt(_attempt(f"q:{first}", 0.0, 1))
        store.record_attempt(_attempt(f"q:{second}", 0.5, 5))
        store.record_attempt(_attempt(f"q:{third}", 1.0, 9))  # right: not a mistake
        store.record_attempt(_attempt("d:lstm:standard:h:standard", 0.0, 10))  # a drill: left out
        store.record_attempt(_attempt(f"q:{first}", 0.0, 12))  # wrong again: now the newest
    package = read_apkg(_export(tmp_path, "m.apkg", "--mistakes"), tmp_path / "a")
    assert [n.fields["QuestionId"] for n in package.notes] == [first, second]
    assert package.decks[deck_id("en", True)] == "quizapp::My mistakes (English)"
    assert {n.deck_id for n in package.notes} == {deck_id("en", True)}


def test_refusals_name_the_problem_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], _isolated_data_dir: Path
) -> None:
    inside = _isolated_data_dir / "deck.apkg"
    cases = [
        ([str(inside)], "inside the data folder"),
        ([str(tmp_path / "deck.txt")], "must end in .apkg"),
        ([str(tmp_path / "deck.apkg"), "--topic", "nope"], "unknown topic 'nope'"),
        ([str(tmp_path / "no-such-folder" / "deck.apkg")], "does not exist"),
    ]
    for argv, message in cases:
        assert main(["export", "anki", *argv]) == 2
        assert message in capsys.readouterr().err
    assert main(["export", "anki", str(tmp_path / "deck.apkg"), "--mistakes"]) == 1
    assert "no wrong answers" in capsys.readouterr().err
    assert not inside.exists() and not (tmp_path / "deck.apkg").exists()
