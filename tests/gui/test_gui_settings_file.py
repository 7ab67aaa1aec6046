"""The settings file: defaults, round trip, a damaged file, field checks, atomic save (no Qt)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizapp import paths
from quizapp import settings as settings_module
from quizapp.settings import DEFAULTS, Settings


def test_missing_file_gives_defaults_without_problems() -> None:
    loaded = settings_module.load()
    assert loaded.settings == DEFAULTS
    assert loaded.problems == ()


def test_round_trip_keeps_every_field() -> None:
    chosen = Settings(
        interface_language="zh",
        content_language="en",
        theme="dark",
        font_size=14,
        gru_convention="colah",
        bias_convention="two",
        difficulty="whiteboard",
        tolerance_absolute=0.01,
        tolerance_relative=0.02,
        drill_cells=("gru", "mgu"),
        drill_quantities=("z", "h"),
        question_topics=("lstm-gates",),
        question_types=("free_text",),
        question_difficulty="hard",
        window_geometry="01d9d0cb",
        desired_retention=0.85,
        show_streak=True,
    )
    path = settings_module.save(chosen)
    assert path == paths.settings_path()
    assert settings_module.load().settings == chosen


def test_damaged_json_falls_back_to_defaults_and_names_the_file() -> None:
    path = paths.settings_path()
    path.write_text("{ not json", encoding="utf-8")
    loaded = settings_module.load()
    assert loaded.settings == DEFAULTS
    assert len(loaded.problems) == 1
    assert str(path) in loaded.problems[0]


def test_bad_fields_fall_back_one_by_one() -> None:
    path = paths.settings_path()
    data = {"theme": "purple", "font_size": "big", "gru_convention": "d2l", "drill_cells": [1]}
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = settings_module.load()
    assert loaded.settings.gru_convention == "d2l"  # the good field is kept
    assert loaded.settings.theme == DEFAULTS.theme
    assert loaded.settings.font_size == DEFAULTS.font_size
    assert loaded.settings.drill_cells == DEFAULTS.drill_cells
    joined = " ".join(loaded.problems)
    assert "'theme'" in joined and "purple" in joined
    assert "'font_size'" in joined and "'drill_cells'" in joined


def test_a_top_level_list_is_refused() -> None:
    paths.settings_path().write_text("[1, 2]", encoding="utf-8")
    loaded = settings_module.load()
    assert loaded.settings == DEFAULTS
    assert "JSON object" in loaded.problems[0]


def test_replace_checks_values() -> None:
    assert DEFAULTS.replace(theme="dark").theme == "dark"
    with pytest.raises(ValueError, match="theme"):
        DEFAULTS.replace(theme="neon")
    with pytest.raises(ValueError, match="tolerance_absolute"):
        DEFAULTS.replace(tolerance_absolute=-1.0)


def test_save_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "settings.json"
    settings_module.save(DEFAULTS.replace(font_size=16), target)
    assert [p.name for p in target.parent.iterdir()] == ["settings.json"]
    assert json.loads(target.read_text(encoding="utf-8"))["font_size"] == 16


@pytest.mark.parametrize("retention", [0.69, 0.98, 1.5, -1, "high", True])
def test_desired_retention_out_of_range_falls_back(retention: object) -> None:
    paths.settings_path().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_path().write_text(
        json.dumps({"desired_retention": retention, "show_streak": True}), encoding="utf-8"
    )
    loaded = settings_module.load()
    assert loaded.settings.desired_retention == 0.9
    assert loaded.settings.show_streak is True
    assert len(loaded.problems) == 1 and "'desired_retention'" in loaded.problems[0]
    with pytest.raises(ValueError, match="desired_retention"):
        DEFAULTS.replace(desired_retention=retention)


@pytest.mark.parametrize("retention", [0.7, 0.8, 0.97])
def test_desired_retention_range_ends_are_allowed(retention: float) -> None:
    assert DEFAULTS.replace(desired_retention=retention).desired_retention == retention


def test_show_streak_must_be_a_boolean() -> None:
    paths.settings_path().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_path().write_text(json.dumps({"show_streak": "yes"}), encoding="utf-8")
    loaded = settings_module.load()
    assert loaded.settings.show_streak is False
    assert "'show_streak'" in loaded.problems[0]
