"""The modern cells' drills in the study layer: practice is recorded under a drill template key,
counted by the statistics, scheduled and drawn again from its key; their conventions are settings
offered as the GRU's are."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

import engine
from quizapp import settings as settings_module
from quizapp.drills import DrillSpec, generate_drill, grade_drill
from quizapp.gui.drill_plan import DrillPlan
from quizapp.gui.sample_answers import typed
from quizapp.study.items import DrillTemplate, parse_item_key
from quizapp.study.practice import PracticeLog
from quizapp.study.schedule import ReviewScheduler
from quizapp.study.stats import build_stats
from quizapp.study.store import Store

NOW = datetime(2026, 12, 6, 10, tzinfo=UTC)


def _log(tmp_path: Path) -> PracticeLog:
    store = Store.open(tmp_path / "h.db", now=NOW, backup=False)
    return PracticeLog(store, ReviewScheduler(store, enable_fuzzing=False), lambda: NOW)


@pytest.mark.parametrize(
    ("cell", "convention", "asked"),
    [("slstm", "exp", ("c", "h")), ("mlstm", "sigmoid", ("C",)), ("ssm", "zoh", ("scan_h",)),
     ("minlstm", "paper", ("combine_a", "combine_b"))],
)  # fmt: skip
def test_practice_is_recorded_counted_and_drawn_again(
    tmp_path: Path, cell: str, convention: str, asked: tuple[str, ...]
) -> None:
    practice = _log(tmp_path)
    drill = generate_drill(DrillSpec(cell, convention, asked, "standard", 5))
    answers = {key: typed(drill.expected[key], 6) for key in drill.asked}
    practice.record_drill(drill, grade_drill(drill, answers), answers, 30.0)
    (attempt,) = practice.store.attempts()
    key = f"d:{cell}:{convention}:{'+'.join(asked)}:standard"
    assert (attempt.item_key, attempt.score) == (key, 1.0)
    assert practice.scheduler.card(key) is not None
    stats = build_stats(practice.store, NOW)
    assert stats.total_attempts == 1
    assert {(row.cell, row.quantity) for row in stats.accuracy_by_quantity} == {
        (cell, q) for q in asked
    }
    template = parse_item_key(key)
    assert template == DrillTemplate(cell, convention, asked, "standard")
    assert isinstance(template, DrillTemplate)
    again = generate_drill(DrillSpec(template.cell, template.convention, template.quantities,
                                     template.difficulty, 99))  # fmt: skip
    assert again.asked == asked and again.spec.convention == convention


def test_conventions_are_settings_like_the_grus() -> None:
    for cell, choices in settings_module.MODERN_CONVENTIONS.items():
        assert choices == engine.CONVENTIONS[cell]
        assert getattr(settings_module.DEFAULTS, f"{cell}_convention") == choices[0]
    chosen = settings_module.DEFAULTS.replace(
        slstm_convention="exp", minlstm_convention="unnormalised"
    )
    with pytest.raises(
        ValueError, match="'mlstm_convention' is 'tanh'; expected one of sigmoid, exp"
    ):
        settings_module.DEFAULTS.replace(mlstm_convention="tanh")
    plan = DrillPlan(("slstm", "minlstm", "gru", "ssm"), ("h",), "standard", "d2l",
                     conventions=chosen.cell_conventions())  # fmt: skip
    assert [plan.spec_for(seed).convention for seed in range(4)] == [
        "exp",
        "unnormalised",
        "d2l",
        "simplified",
    ]
    assert DrillPlan(("slstm",), ("h",), "standard").spec_for(0).convention == "sigmoid"


def test_a_damaged_convention_falls_back_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"ssm_convention": "euler", "slstm_convention": "exp"}', encoding="utf-8")
    loaded = settings_module.load(path)
    assert loaded.settings.ssm_convention == "simplified"
    assert loaded.settings.slstm_convention == "exp"
    assert any("ssm_convention" in problem for problem in loaded.problems)
