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


# -- hostile and damaged settings files -----------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "text", "shown"),
    [
        ("tolerance_absolute", "Infinity", "inf"),
        ("tolerance_absolute", "NaN", "nan"),
        ("tolerance_absolute", "-0.5", "-0.5"),
        ("tolerance_absolute", "5", "5"),
        ("tolerance_absolute", "1" + "0" * 400, "a number with 401 digits"),
        ("tolerance_relative", "-Infinity", "-inf"),
        ("tolerance_relative", "1e308", "1e+308"),
        ("tolerance_relative", '"0.01"', "'0.01'"),
        ("desired_retention", "NaN", "nan"),
        ("font_size", "1" + "0" * 400, "a number with 401 digits"),
        ("font_size", "12.0", "12.0"),
    ],
)
def test_numbers_out_of_range_are_named_and_replaced_by_the_default(
    field: str, text: str, shown: str
) -> None:
    paths.settings_path().write_text(
        f'{{"theme": "dark", "{field}": {text}, "show_streak": true}}', encoding="utf-8"
    )
    loaded = settings_module.load()
    assert getattr(loaded.settings, field) == getattr(DEFAULTS, field)
    assert (loaded.settings.theme, loaded.settings.show_streak) == ("dark", True)
    assert len(loaded.problems) == 1
    problem = loaded.problems[0]
    assert problem.startswith(f"{paths.settings_path()}: '{field}' is {shown}")
    assert problem.endswith("; using the default")
    assert len(problem) < len(str(paths.settings_path())) + 200


def test_tolerances_are_limited_to_what_the_settings_screen_offers() -> None:
    good = DEFAULTS.replace(tolerance_absolute=0.0, tolerance_relative=1.0)
    assert (good.tolerance_absolute, good.tolerance_relative) == (0.0, 1.0)
    for bad in (float("inf"), float("nan"), 1.5, -0.001):
        with pytest.raises(ValueError, match="tolerance_relative"):
            DEFAULTS.replace(tolerance_relative=bad)


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("drill_cells", ["lstm"] * 1000, "at most 64 names"),
        ("question_topics", ["x" * 1000], "at most 64 names"),
        ("window_geometry", "zz-not-hex", "hexadecimal"),
        ("window_geometry", "ab" * 100_000, "hexadecimal"),
        ("theme", "\x1b[2Jdark", "expected one of"),
    ],
)
def test_lists_and_texts_are_bounded(field: str, value: object, reason: str) -> None:
    paths.settings_path().write_text(json.dumps({field: value, "font_size": 14}), "utf-8")
    loaded = settings_module.load()
    assert getattr(loaded.settings, field) == getattr(DEFAULTS, field)
    assert loaded.settings.font_size == 14
    assert len(loaded.problems) == 1 and f"'{field}'" in loaded.problems[0]
    assert reason in loaded.problems[0]
    assert "\x1b" not in loaded.problems[0]
    assert len(loaded.problems[0]) < len(str(paths.settings_path())) + 200


def test_deeply_nested_file_is_refused_without_recursion_error() -> None:
    path = paths.settings_path()
    path.write_text('{"theme": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    loaded = settings_module.load()
    assert loaded.settings == DEFAULTS
    assert loaded.problems == (
        f"{path}: nested more than 20 levels deep; a settings file is flat; using defaults",
    )


def test_nested_brackets_inside_text_are_only_text() -> None:
    path = paths.settings_path()
    path.write_text(json.dumps({"window_geometry": "", "theme": "[" * 50_000}), "utf-8")
    loaded = settings_module.load()
    assert loaded.settings == DEFAULTS
    assert len(loaded.problems) == 1 and "'theme'" in loaded.problems[0]


def test_huge_file_is_refused_unread(monkeypatch: pytest.MonkeyPatch) -> None:
    path = paths.settings_path()
    with path.open("wb") as stream:
        stream.truncate(50_000_000)  # sparse: 50 MB of nothing
    opened: list[object] = []
    real_open = Path.open

    def spy(self: Path, *args: object, **kwargs: object) -> object:
        opened.append(self)
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", spy)
    monkeypatch.setattr(Path, "read_text", lambda *a, **k: pytest.fail("read"))
    monkeypatch.setattr(Path, "read_bytes", lambda *a, **k: pytest.fail("read"))
    loaded = settings_module.load()
    assert opened == []
    assert loaded.settings == DEFAULTS
    assert loaded.problems == (
        f"{path}: is 50000000 bytes; a settings file is at most 1000000; using defaults",
    )


@pytest.mark.parametrize("kind", ["folder", "fifo", "invalid-utf8", "huge-integer-digits"])
def test_unreadable_files_give_defaults_and_one_problem(kind: str) -> None:
    import os

    path = paths.settings_path()
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)  # opening it to read would block forever
    elif kind == "invalid-utf8":
        path.write_bytes(b'{"theme": "\xff"}')
    else:
        path.write_text('{"font_size": ' + "9" * 5000 + "}", encoding="utf-8")
    loaded = settings_module.load()
    assert loaded.settings == DEFAULTS
    assert len(loaded.problems) == 1 and loaded.problems[0].startswith(f"{path}: ")
    assert loaded.problems[0].endswith("using defaults")
    assert len(loaded.problems[0]) < len(str(path)) + 200
