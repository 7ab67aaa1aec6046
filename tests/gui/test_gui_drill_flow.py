"""A whole drill: open, type, read-as line, submit, marks, named mistake, worked solution, another,
replay by seed."""

from __future__ import annotations

import numpy as np
from gui_fixtures import _shared_formula_cache, formula_cache, started  # noqa: F401 - fixtures
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

import engine
from quizapp.drills import MISTAKES
from quizapp.gui.app import Started
from quizapp.gui.drill_plan import DrillPlan
from quizapp.gui.sample_answers import sample_answer, typed

PLAN = DrillPlan(cells=("lstm",), quantities=("f", "h"), difficulty="standard")


def _engine_values(drill: object) -> dict[str, tuple[float, ...]]:
    """The right answers recomputed with the engine from what the sheet shows."""
    inputs = drill.inputs  # type: ignore[attr-defined]
    record = engine.step(
        "lstm",
        drill.params,  # type: ignore[attr-defined]
        np.array(inputs["x"]),
        np.array(inputs["h"]),
        np.array(inputs["c"]),
    )
    return {key: tuple(float(v) for v in record[key]) for key in ("f", "h")}


def test_whole_drill_right_answers(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    window = started.window
    assert window.open_drills(PLAN, seed=11)
    view = window.drill
    drill = window.drill_controller.drill
    assert drill is not None and drill.spec.seed == 11
    assert view.seed_edit.text() == "11"
    assert list(view.sheet.fields) == ["f", "h"]
    assert view.sheet.fields["h"].edit.accessibleName() == "Answer h_t"
    assert view.sheet.fields["f"].edit.accessibleName() == "Answer f_t"

    right = _engine_values(drill)
    view.sheet.fields["f"].set_text(typed(right["f"]))
    assert view.sheet.fields["f"].reading.text().startswith("read as [")
    short = typed(right["h"][:-1])  # one number short: said before Submit
    view.sheet.fields["h"].set_text(short)
    assert f"expected {len(right['h'])} numbers" in view.sheet.fields["h"].reading.text()
    view.sheet.fields["h"].set_text(typed(right["h"]))
    with qtbot.waitSignal(window.drill_controller.graded):
        view.submit()
    grade = window.drill_controller.grade
    assert grade is not None and grade.score == 1.0
    assert view.sheet.fields["h"].mark.text().startswith("✓")
    assert view.feedback.isVisibleTo(window)
    assert view.feedback.score.text() == "Score: 100 %"
    assert view.sheet.fields["h"].edit.isReadOnly()


def test_mistake_is_named_and_solution_opens_step_by_step(
    started: Started,  # noqa: F811
    qtbot: QtBot,
) -> None:
    window = started.window
    assert window.open_drills(PLAN, seed=23)
    drill = window.drill_controller.drill
    assert drill is not None
    answer = sample_answer(drill)
    assert answer.mistake is not None
    for key, text in answer.texts.items():
        window.drill.sheet.fields[key].set_text(text)
    window.drill.submit()
    grade = window.drill_controller.grade
    assert grade is not None and grade.score < 1.0
    named = {m for q in grade.quantities for m in q.mistakes}
    assert answer.mistake in named
    titles = [
        label.text()
        for label in window.drill.feedback.findChildren(type(window.drill.feedback.score))
        if label.property("role") == "bad"
    ]
    title = MISTAKES[answer.mistake].title.en
    assert [t for t in titles if t.startswith(title)], titles
    # Said once: under "What went wrong", not again in the score's lines.
    every_text = [label.text() for label in window.drill.feedback.findChildren(QLabel)]
    assert sum(title in text for text in every_text) == 1, every_text
    feedback = window.drill.feedback
    assert feedback.shown_steps() == 1
    feedback.next_step_button.click()
    assert feedback.shown_steps() == 2
    feedback.all_steps_button.click()
    assert feedback.shown_steps() == len(feedback._steps)
    assert not feedback.next_step_button.isVisibleTo(window)


def test_another_and_replay(started: Started, qtbot: QtBot) -> None:  # noqa: F811
    window = started.window
    assert window.open_drills(PLAN, seed=5)
    first = window.drill_controller.drill
    assert first is not None
    seeds = {5}
    for _ in range(3):
        window.drill.another_button.click()
        drill = window.drill_controller.drill
        assert drill is not None
        seeds.add(drill.spec.seed)
        assert window.drill.seed_edit.text() == str(drill.spec.seed)
    assert len(seeds) > 1
    window.drill.seed_edit.setText("5")
    window.drill.replay_button.click()
    replayed = window.drill_controller.drill
    assert replayed is not None and replayed.spec == first.spec
    for name, values in first.params.items():
        np.testing.assert_array_equal(values, replayed.params[name])


def test_impossible_plan_shows_in_place(started: Started) -> None:  # noqa: F811
    window = started.window
    plan = DrillPlan(cells=("lstm",), quantities=("h",), difficulty="impossible")
    assert not window.open_drills(plan, seed=1)
    assert window.current_page() == "drill"
    assert window.drill.banner.message()
    assert window.open_drills(PLAN, seed=2)  # and the app keeps working
    assert window.drill.banner.message() == ""


def test_diagram_captions_follow_the_content_language(started: Started) -> None:  # noqa: F811
    window = started.window
    assert window.open_drills(PLAN, seed=5)
    diagram = window.drill.diagram_panel.diagram  # type: ignore[union-attr]
    assert diagram.stage_text().startswith("Whole cell: 6 stages")
    started.state.update(content_language="zh")
    assert diagram.stage_text() == "整个单元：6 个阶段，按 → 逐步查看"
    window.drill.next_stage()
    assert diagram.stage_text() == "第 1 阶段（共 6 个）：遗忘门"
    started.state.update(content_language="en")
    assert diagram.stage_text().startswith("Whole cell: 6 stages")


def test_an_unreadable_answer_is_not_graded_and_nothing_is_lost(
    started: Started,  # noqa: F811
    qtbot: QtBot,
) -> None:
    window = started.window
    assert window.open_drills(PLAN, seed=11)
    view = window.drill
    drill = window.drill_controller.drill
    right = _engine_values(drill)
    view.sheet.fields["f"].set_text(typed(right["f"]))
    view.sheet.fields["h"].set_text(typed(right["h"]) + ", 0.5")  # one number too many
    with qtbot.assertNotEmitted(window.drill_controller.graded):
        view.submit()
    assert window.drill_controller.grade is None
    message = f"expected {len(right['h'])} numbers, got {len(right['h']) + 1}"
    # Said once: by the field's reading line; the mark under it only says "not read".
    assert view.sheet.fields["h"].mark.text() == "✗ Not read"
    assert message in view.sheet.fields["h"].reading.text()
    shown = [label.text() for label in view.findChildren(QLabel) if not label.isHidden()]
    assert sum(message in text for text in shown) == 1, shown
    assert view.banner.message().startswith("Nothing was graded")
    assert not view.sheet.fields["h"].edit.isReadOnly()
    assert not view.feedback.isVisibleTo(window)
    assert view.sheet.fields["f"].edit.text() == typed(right["f"])  # what was typed stays
    view.sheet.fields["h"].set_text(typed(right["h"]))
    with qtbot.waitSignal(window.drill_controller.graded):
        view.submit()
    grade = window.drill_controller.grade
    assert grade is not None and grade.score == 1.0
    assert view.banner.message() == ""


def test_an_empty_field_counts_as_wrong_and_is_said_so_in_the_content_language(
    started: Started,  # noqa: F811
    qtbot: QtBot,
) -> None:
    window = started.window
    started.state.update(content_language="zh")
    assert window.open_drills(PLAN, seed=11)
    view = window.drill
    right = _engine_values(window.drill_controller.drill)
    view.sheet.fields["f"].set_text(typed(right["f"]))
    with qtbot.waitSignal(window.drill_controller.graded):
        view.submit()
    grade = window.drill_controller.grade
    assert grade is not None
    left_out = {quantity.key for quantity in grade.quantities if not quantity.submitted}
    assert left_out == {"h"}
    lines = [label.text() for label in view.feedback.findChildren(type(view.feedback.score))]
    assert any(line.endswith("未作答，按答错计。") for line in lines), lines
    assert grade.score == 0.5 and "Score: 50 %" in lines  # one right, one left empty
    assert view.sheet.fields["h"].mark.text() == "✗ Left empty: counts as wrong"


def test_leaving_a_drill_with_typed_answers_keeps_them(
    started: Started,  # noqa: F811
    qtbot: QtBot,
) -> None:
    window = started.window
    home = window.home
    assert window.open_drills(PLAN, seed=11)
    window.go_back()  # nothing typed: nothing to come back to
    assert window.current_page() == "home" and home.continue_drill.isHidden()
    window.open_drills(PLAN, seed=11)
    window.drill.sheet.fields["f"].set_text("0.1, 0.2")
    window.go_back()  # Esc with a typed answer
    assert window.current_page() == "home"
    assert not home.continue_drill.isHidden()
    assert home.continue_drill.text() == "Back to your drill"
    home.continue_drill.click()
    assert window.current_page() == "drill"
    assert window.drill.sheet.fields["f"].edit.text() == "0.1, 0.2"
    right = _engine_values(window.drill_controller.drill)
    window.drill.sheet.fields["f"].set_text(typed(right["f"]))
    window.drill.sheet.fields["h"].set_text(typed(right["h"]))
    with qtbot.waitSignal(window.drill_controller.graded):
        window.drill.submit()
    window.show_page("home")  # graded: nothing left to finish
    assert home.continue_drill.isHidden()


def test_typing_into_a_field_below_the_fold_brings_it_into_view(
    started: Started,  # noqa: F811
    qtbot: QtBot,
) -> None:
    window = started.window
    window.resize(1024, 700)
    assert window.open_drills(PLAN, seed=5)
    view = window.drill
    field = view.sheet.fields["f"]
    bar = view.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.value() == 0  # the problem is read from the top

    def field_shown() -> bool:
        top = field.mapTo(view.scroll_area.viewport(), field.rect().topLeft()).y()
        return top >= 0 and top + field.height() <= view.scroll_area.viewport().height()

    assert not field_shown()  # the answers are below the fold at this size
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, "0.5")
    qtbot.waitUntil(field_shown)
    assert bar.value() > 0
    scrolled = bar.value()
    qtbot.keyClicks(field.edit, ", 0.25")  # already in view: it stays put
    assert bar.value() == scrolled
