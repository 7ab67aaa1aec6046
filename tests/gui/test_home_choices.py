"""What the home screen remembers and how a saved choice is checked on start (no Qt)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine import CELLS
from questions.topics import TOPICS
from questions.vocab import QUESTION_TYPES
from quizapp.drills import quantities_for
from quizapp.gui.drill_plan import DrillPlan
from quizapp.gui.home_choices import HomeChoices, Offer, offered_quantities, restore
from quizapp.gui.question_deck import QuestionFilter
from quizapp.settings import DEFAULTS

CHOSEN = HomeChoices(
    cells=("gru", "mgu"),
    quantities=("z", "h"),
    difficulty="whiteboard",
    gru_convention="d2l",
    topics=("lstm-gates", "bptt"),
    types=("free_text", "numeric"),
    question_difficulty="hard",
)


def test_the_choices_go_into_the_settings_and_come_back() -> None:
    settings = DEFAULTS.replace(**CHOSEN.settings_changes())
    assert settings.drill_cells == ("gru", "mgu")
    assert settings.drill_quantities == ("z", "h")
    assert settings.difficulty == "whiteboard"
    assert settings.gru_convention == "d2l"
    assert settings.question_topics == ("lstm-gates", "bptt")
    assert settings.question_types == ("free_text", "numeric")
    assert settings.question_difficulty == "hard"
    assert HomeChoices.of(settings) == CHOSEN
    # Nothing but the home screen's fields changes.
    assert settings.replace(**HomeChoices.of(DEFAULTS).settings_changes()) == DEFAULTS


def test_the_choices_behind_a_plan_and_a_filter() -> None:
    plan = DrillPlan(("gru", "mgu"), ("z", "h"), "whiteboard", gru_convention="d2l")
    question_filter = QuestionFilter(("lstm-gates", "bptt"), ("free_text", "numeric"), "hard")
    assert HomeChoices.chosen(plan, question_filter) == CHOSEN


def test_choices_that_all_exist_are_restored_unchanged() -> None:
    restored = restore(DEFAULTS.replace(**CHOSEN.settings_changes()))
    assert restored.choices == CHOSEN
    assert restored.dropped == ()
    assert restore(DEFAULTS).choices == HomeChoices(("lstm",), ("h",), "standard", "pytorch")
    assert restore(DEFAULTS).dropped == ()


def test_names_no_longer_offered_are_dropped_one_line_each() -> None:
    settings = DEFAULTS.replace(
        drill_cells=("lstm", "transformer", "gru"),
        drill_quantities=("h", "q_t", "z"),
        question_topics=("attention", "bptt"),
        question_types=("essay", "numeric"),
    )
    restored = restore(settings)
    assert restored.choices.cells == ("lstm", "gru")
    assert restored.choices.quantities == ("h", "z")
    assert restored.choices.topics == ("bptt",)
    assert restored.choices.types == ("numeric",)
    assert restored.dropped == (
        "'drill_cells': 'transformer' is not offered any more; dropped",
        "'drill_quantities': 'q_t' is not offered any more; dropped",
        "'question_topics': 'attention' is not offered any more; dropped",
        "'question_types': 'essay' is not offered any more; dropped",
    )


def test_a_topic_removed_from_the_app_is_dropped() -> None:
    # A later version without "bptt": the saved choice must not survive.
    offer = Offer(topics=tuple(t.id for t in TOPICS if t.id != "bptt"))
    restored = restore(DEFAULTS.replace(question_topics=("bptt", "lstm-gates")), offer)
    assert restored.choices.topics == ("lstm-gates",)
    assert restored.dropped == ("'question_topics': 'bptt' is not offered any more; dropped",)


def test_a_quantity_the_saved_cells_do_not_have_is_dropped() -> None:
    # z is the GRU's update gate: saved with the LSTM alone it is not on the list.
    restored = restore(DEFAULTS.replace(drill_cells=("lstm",), drill_quantities=("z", "all", "c")))
    assert restored.choices.quantities == ("all", "c")
    assert restored.dropped == ("'drill_quantities': 'z' is not offered any more; dropped",)


def test_when_every_saved_cell_is_gone_the_default_cells_are_used() -> None:
    restored = restore(DEFAULTS.replace(drill_cells=("transformer", "mamba")))
    assert restored.choices.cells == DEFAULTS.drill_cells
    assert len(restored.dropped) == 2


def test_an_empty_choice_is_the_learners_and_kept() -> None:
    settings = DEFAULTS.replace(drill_cells=(), drill_quantities=(), question_types=())
    restored = restore(settings)
    assert restored.choices.cells == ()
    assert restored.choices.quantities == ()
    assert restored.dropped == ()


def test_a_name_saved_twice_is_kept_once_in_the_saved_order() -> None:
    restored = restore(DEFAULTS.replace(drill_cells=("gru", "lstm", "gru")))
    assert restored.choices.cells == ("gru", "lstm")
    assert restored.dropped == ()


def test_the_offered_quantities_are_each_cells_keys_once_in_order() -> None:
    gru = [info.key for info in quantities_for("gru", "d2l")]
    lstm = [info.key for info in quantities_for("lstm", "standard")]
    keys = [info.key for info in offered_quantities(("gru", "lstm"), "d2l")]
    assert keys == gru + [key for key in lstm if key not in gru]
    assert keys[:3] == ["a_r", "a_z", "r"]
    # No cell chosen: the list of the default cell.
    assert [info.key for info in offered_quantities((), "pytorch")] == lstm


def test_the_settings_still_refuse_bad_home_values() -> None:
    with pytest.raises(ValueError, match="drill_cells"):
        DEFAULTS.replace(drill_cells=[1, 2])
    with pytest.raises(ValueError, match="question_difficulty"):
        DEFAULTS.replace(question_difficulty="impossible")
    with pytest.raises(ValueError, match="gru_convention"):
        DEFAULTS.replace(gru_convention="keras")


# Any name a valid settings file can hold (the settings refuse names longer than 100 characters).
NAMES = st.lists(
    st.one_of(
        st.sampled_from([*CELLS, *QUESTION_TYPES, "h", "z", "all", "bptt"]), st.text(max_size=100)
    ),
    max_size=6,
)


@given(cells=NAMES, quantities=NAMES, topics=NAMES, types=NAMES)
def test_restore_never_fails_and_keeps_only_offered_names(
    cells: list[str], quantities: list[str], topics: list[str], types: list[str]
) -> None:
    settings = DEFAULTS.replace(
        drill_cells=cells, drill_quantities=quantities, question_topics=topics, question_types=types
    )
    restored = restore(settings)
    choices = restored.choices
    assert set(choices.cells) <= set(CELLS)
    assert set(choices.topics) <= {t.id for t in TOPICS}
    assert set(choices.types) <= set(QUESTION_TYPES)
    offered = {"all", *(info.key for info in offered_quantities(choices.cells, "pytorch"))}
    assert set(choices.quantities) <= offered
    # Every saved name that was not kept has its line.
    for setting, saved, kept in (
        ("drill_cells", cells, choices.cells),
        ("drill_quantities", quantities, choices.quantities),
        ("question_topics", topics, choices.topics),
        ("question_types", types, choices.types),
    ):
        for name in set(saved) - set(kept):
            assert f"'{setting}': {name!r} is not offered any more; dropped" in restored.dropped
    # What was restored is a valid setting again.
    assert HomeChoices.of(settings.replace(**choices.settings_changes())) == choices


def test_the_module_imports_no_qt() -> None:
    code = (
        "import sys, quizapp.gui.home_choices\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=Path(__file__).resolve().parents[2],  # this checkout first on the import path
    )
    assert result.stdout.strip() == "[]"
