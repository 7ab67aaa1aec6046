"""The learner's settings: one frozen record, stored as JSON at ``paths.settings_path()``.

Options are declared once (``Settings`` with its defaults and ``_CHOICES``); loading checks each field
and falls back to the default for a field that is missing or wrong, so a damaged file never stops the
app; the reasons are returned so the GUI can say what happened. Saving writes a temporary file and
renames it over the old one, so a crash mid-write leaves the previous settings intact.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from quizapp import paths

LANGUAGES: tuple[str, ...] = ("en", "zh")
THEMES: tuple[str, ...] = ("system", "light", "dark")
GRU_CONVENTIONS: tuple[str, ...] = ("pytorch", "d2l", "colah")
BIAS_CONVENTIONS: tuple[str, ...] = ("one", "two")
DRILL_DIFFICULTIES: tuple[str, ...] = ("whiteboard", "standard", "hard")
QUESTION_DIFFICULTIES: tuple[str, ...] = ("any", "easy", "medium", "hard")
FONT_SIZES: tuple[int, ...] = (9, 10, 11, 12, 13, 14, 16, 18)
# FSRS: the chance of still remembering an item when it comes due. Below 0.70 reviews come too
# late to be useful; above 0.97 they come so often that the workload explodes.
RETENTION_RANGE: tuple[float, float] = (0.70, 0.97)

# Fields whose number must lie in a closed range.
_RANGES: dict[str, tuple[float, float]] = {"desired_retention": RETENTION_RANGE}

# Fields whose value must be one of a fixed set.
_CHOICES: dict[str, tuple[object, ...]] = {
    "interface_language": LANGUAGES,
    "content_language": LANGUAGES,
    "theme": THEMES,
    "gru_convention": GRU_CONVENTIONS,
    "bias_convention": BIAS_CONVENTIONS,
    "difficulty": DRILL_DIFFICULTIES,
    "question_difficulty": QUESTION_DIFFICULTIES,
    "font_size": FONT_SIZES,
}


@dataclass(frozen=True)
class Settings:
    """Everything the app remembers between runs.

    ``tolerance_absolute`` / ``tolerance_relative`` feed the drills' ``Tolerance``;
    ``bias_convention`` "two" draws PyTorch's two biases per gate. The ``drill_*`` and ``question_*``
    fields are the last choices on the home screen; ``window_geometry`` is Qt's saved geometry as hex.
    ``desired_retention`` is the review scheduler's target recall (``RETENTION_RANGE``);
    ``show_streak`` shows the days-in-a-row count on the statistics screen (off: no pressure).
    ``record_practice`` keeps free practice (Start drills / Start questions) in the history.
    """

    interface_language: str = "en"
    content_language: str = "en"
    theme: str = "system"
    font_size: int = 11
    gru_convention: str = "pytorch"
    bias_convention: str = "one"
    difficulty: str = "standard"
    tolerance_absolute: float = 0.006
    tolerance_relative: float = 0.01
    drill_cells: tuple[str, ...] = ("lstm",)
    drill_quantities: tuple[str, ...] = ("h",)
    question_topics: tuple[str, ...] = ()
    question_types: tuple[str, ...] = ()
    question_difficulty: str = "any"
    window_geometry: str = ""
    desired_retention: float = 0.9
    show_streak: bool = False
    record_practice: bool = True

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied (checked like a loaded file; bad values raise ValueError)."""
        merged = {**dataclasses.asdict(self), **changes}
        settings, problems = _from_mapping(merged)
        if problems:
            raise ValueError("; ".join(problems))
        return settings


@dataclass(frozen=True)
class LoadedSettings:
    """The settings read from disk and, if the file was damaged, what was wrong with it."""

    settings: Settings
    problems: tuple[str, ...] = field(default=())


DEFAULTS = Settings()


def _check_field(name: str, value: object, default: object) -> tuple[object, str | None]:
    """``value`` converted to the field's type, or the default with the reason it was rejected."""
    if isinstance(default, tuple):
        if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            return tuple(value), None
        return default, f"'{name}' should be a list of names"
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value, None
        return default, f"'{name}' should be true or false"
    if isinstance(default, int):
        if isinstance(value, int) and not isinstance(value, bool):
            converted: object = value
        else:
            return default, f"'{name}' should be a whole number"
    elif isinstance(default, float):
        if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
            converted = float(value)
        else:
            return default, f"'{name}' should be a non-negative number"
    elif isinstance(default, str):
        if not isinstance(value, str):
            return default, f"'{name}' should be text"
        converted = value
    else:  # pragma: no cover - every field has one of the types above
        return default, f"'{name}' has an unsupported type"
    bounds = _RANGES.get(name)
    if bounds is not None and isinstance(converted, float):
        low, high = bounds
        if not low <= converted <= high:
            return default, f"'{name}' is {value!r}; expected a number from {low} to {high}"
    choices = _CHOICES.get(name)
    if choices is not None and converted not in choices:
        allowed = ", ".join(str(c) for c in choices)
        return default, f"'{name}' is {value!r}; expected one of {allowed}"
    return converted, None


def _from_mapping(data: Mapping[str, object]) -> tuple[Settings, list[str]]:
    values: dict[str, object] = {}
    problems: list[str] = []
    for f in fields(Settings):
        default = getattr(DEFAULTS, f.name)
        if f.name not in data:
            values[f.name] = default
            continue
        value, problem = _check_field(f.name, data[f.name], default)
        values[f.name] = value
        if problem:
            problems.append(problem)
    return Settings(**values), problems  # type: ignore[arg-type]


def load(path: Path | None = None) -> LoadedSettings:
    """Read the settings file; a missing file gives the defaults, a damaged one the defaults for
    whatever could not be read plus a problem naming the file and the field."""
    path = path or paths.settings_path()
    if not path.exists():
        return LoadedSettings(DEFAULTS)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return LoadedSettings(DEFAULTS, (f"{path}: could not be read ({error}); using defaults",))
    if not isinstance(data, dict):
        return LoadedSettings(DEFAULTS, (f"{path}: expected a JSON object; using defaults",))
    settings, problems = _from_mapping(data)
    return LoadedSettings(settings, tuple(f"{path}: {p}; using the default" for p in problems))


def save(settings: Settings, path: Path | None = None) -> Path:
    """Write ``settings`` atomically (temporary file in the same folder, then rename)."""
    path = path or paths.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(dataclasses.asdict(settings), indent=2, ensure_ascii=False, sort_keys=True)
    handle, temporary = tempfile.mkstemp(prefix=".settings-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text + "\n")
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
