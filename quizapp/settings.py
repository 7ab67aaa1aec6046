"""The learner's settings: one frozen record, stored as JSON at ``paths.settings_path()``.

Options are declared once (``Settings`` with its defaults and ``_CHOICES``); loading checks each field
and falls back to the default for a field that is missing or wrong, so a damaged file never stops the
app; the reasons are returned so the GUI can say what happened. Saving writes a temporary file and
renames it over the old one, so a crash mid-write leaves the previous settings intact.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import re
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from quizapp import paths

LANGUAGES: tuple[str, ...] = ("en", "zh")
THEMES: tuple[str, ...] = ("system", "light", "dark")
GRU_CONVENTIONS: tuple[str, ...] = ("pytorch", "d2l", "colah")
# The modern cells' conventions, offered as the GRU's are: the field of each cell and its choices
# (the engine's, first = default): minGRU/minLSTM candidate and normalisation, the xLSTM forget
# gate σ or exp, the SSM's B̄ (Mamba's simplified Δ B or the exact zero-order hold).
MODERN_CONVENTIONS: dict[str, tuple[str, ...]] = {
    "mingru": ("paper", "log_space"),
    "minlstm": ("paper", "log_space", "unnormalised"),
    "slstm": ("sigmoid", "exp"),
    "mlstm": ("sigmoid", "exp"),
    "ssm": ("simplified", "zoh"),
}
BIAS_CONVENTIONS: tuple[str, ...] = ("one", "two")
DRILL_DIFFICULTIES: tuple[str, ...] = ("whiteboard", "standard", "hard")
QUESTION_DIFFICULTIES: tuple[str, ...] = ("any", "easy", "medium", "hard")
FONT_SIZES: tuple[int, ...] = (9, 10, 11, 12, 13, 14, 16, 18)
# FSRS: the chance of still remembering an item when it comes due. Below 0.70 reviews come too
# late to be useful; above 0.97 they come so often that the workload explodes.
RETENTION_RANGE: tuple[float, float] = (0.70, 0.97)

# Tolerances as the settings screen offers them: beyond 1 every answer near the truth passes.
TOLERANCE_RANGE: tuple[float, float] = (0.0, 1.0)

# Fields whose number must lie in a closed range.
_RANGES: dict[str, tuple[float, float]] = {
    "desired_retention": RETENTION_RANGE,
    "tolerance_absolute": TOLERANCE_RANGE,
    "tolerance_relative": TOLERANCE_RANGE,
}

# A settings file is a few hundred bytes; anything far larger is refused unread, and nesting is
# checked before parsing (json.loads recurses once per level: 100,000 levels raise RecursionError).
MAX_FILE_BYTES = 1_000_000
MAX_NESTING = 20
# Name lists (cells, topics, ...) and the hex window geometry are short in any real use.
MAX_NAMES = 64
MAX_NAME_LENGTH = 100
MAX_GEOMETRY_LENGTH = 10_000
_HEX = re.compile(r"(?:[0-9a-fA-F]{2})*\Z")
# JSON strings (with their escapes) and brackets: what the nesting check looks at.
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')

# Fields whose value must be one of a fixed set.
_CHOICES: dict[str, tuple[object, ...]] = {
    "interface_language": LANGUAGES,
    "content_language": LANGUAGES,
    "theme": THEMES,
    "gru_convention": GRU_CONVENTIONS,
    **{f"{cell}_convention": choices for cell, choices in MODERN_CONVENTIONS.items()},
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
    mingru_convention: str = "paper"
    minlstm_convention: str = "paper"
    slstm_convention: str = "sigmoid"
    mlstm_convention: str = "sigmoid"
    ssm_convention: str = "simplified"
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

    def cell_conventions(self) -> tuple[tuple[str, str], ...]:
        """(cell, convention) of every modern cell, as the drills should use them."""
        return tuple((cell, getattr(self, f"{cell}_convention")) for cell in MODERN_CONVENTIONS)

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


def _shown(value: object) -> str:
    """``value`` for a message: short, on one line, control characters escaped."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**30:
        digits = len(str(abs(value))) if abs(value).bit_length() < 10_000 else None
        return f"a number with {digits} digits" if digits else "a huge number"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _finite_number(value: object) -> bool:
    """True for an int or float that is finite and small enough to become a float."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return abs(value) < 10**300
    return isinstance(value, float) and math.isfinite(value)


def _check_names(name: str, value: object) -> tuple[tuple[str, ...] | None, str | None]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        return None, f"'{name}' should be a list of names"
    if len(value) > MAX_NAMES or any(len(v) > MAX_NAME_LENGTH for v in value):
        return None, (
            f"'{name}' should be a list of at most {MAX_NAMES} names of at most "
            f"{MAX_NAME_LENGTH} characters"
        )
    return tuple(value), None


def _check_field(name: str, value: object, default: object) -> tuple[object, str | None]:
    """``value`` converted to the field's type, or the default with the reason it was rejected."""
    if isinstance(default, tuple):
        names, problem = _check_names(name, value)
        return (default, problem) if names is None else (names, None)
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value, None
        return default, f"'{name}' should be true or false"
    if isinstance(default, int):
        if isinstance(value, int) and not isinstance(value, bool):
            converted: object = value
        else:
            return default, f"'{name}' is {_shown(value)}; expected a whole number"
    elif isinstance(default, float):
        # NaN, infinities and integers too large for a float all fail here, before float().
        if not _finite_number(value):
            low, high = _RANGES.get(name, (0.0, math.inf))
            return default, f"'{name}' is {_shown(value)}; expected a number from {low} to {high}"
        assert isinstance(value, int | float)
        converted = float(value)
        if converted < 0:
            return default, f"'{name}' is {_shown(value)}; expected a non-negative number"
    elif isinstance(default, str):
        if not isinstance(value, str):
            return default, f"'{name}' should be text"
        if name == "window_geometry" and (
            len(value) > MAX_GEOMETRY_LENGTH or not _HEX.match(value)
        ):
            return default, (
                f"'{name}' is {_shown(value)}; expected hexadecimal digits "
                f"(at most {MAX_GEOMETRY_LENGTH})"
            )
        converted = value
    else:  # pragma: no cover - every field has one of the types above
        return default, f"'{name}' has an unsupported type"
    bounds = _RANGES.get(name)
    if bounds is not None and isinstance(converted, float):
        low, high = bounds
        if not low <= converted <= high:
            return default, f"'{name}' is {_shown(value)}; expected a number from {low} to {high}"
    choices = _CHOICES.get(name)
    if choices is not None and converted not in choices:
        allowed = ", ".join(str(c) for c in choices)
        return default, f"'{name}' is {_shown(value)}; expected one of {allowed}"
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
    if path is None:
        try:
            path = paths.settings_path()
        except OSError as error:  # the data folder itself cannot be used
            return LoadedSettings(DEFAULTS, (f"{error}; using the default settings",))
    try:
        data = _read_json(path)
    except FileNotFoundError:
        return LoadedSettings(DEFAULTS)
    except _Unreadable as error:
        return LoadedSettings(DEFAULTS, (f"{path}: {error}; using defaults",))
    if not isinstance(data, dict):
        return LoadedSettings(DEFAULTS, (f"{path}: expected a JSON object; using defaults",))
    settings, problems = _from_mapping(data)
    return LoadedSettings(settings, tuple(f"{path}: {p}; using the default" for p in problems))


class _Unreadable(Exception):
    """The settings file cannot be used at all; the message says why."""


def _read_json(path: Path) -> object:
    """The parsed file; FileNotFoundError when there is none, ``_Unreadable`` when it is unusable.

    Only a regular file is opened (a named pipe would block forever), its size is checked before
    reading, and its nesting before parsing.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise
    except OSError as error:
        raise _Unreadable(f"could not be read ({error.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise _Unreadable(f"is {kind}, not a settings file")
    if info.st_size > MAX_FILE_BYTES:
        raise _Unreadable(f"is {info.st_size} bytes; a settings file is at most {MAX_FILE_BYTES}")
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise _Unreadable(f"could not be read ({error.strerror})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise _Unreadable(f"is over {MAX_FILE_BYTES} bytes; a settings file is at most that")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _Unreadable(f"is not UTF-8 text (byte {error.start})") from None
    if _nesting(text) > MAX_NESTING:
        raise _Unreadable(f"nested more than {MAX_NESTING} levels deep; a settings file is flat")
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:
        # ValueError covers bad JSON and integers of more digits than Python converts.
        reason = str(error)
        reason = reason if len(reason) <= 120 else reason[:117] + "..."
        raise _Unreadable(f"could not be read ({reason})") from None


def _nesting(text: str) -> int:
    """The deepest nesting of ``[`` and ``{`` in JSON ``text`` (brackets inside strings ignored)."""
    depth = deepest = 0
    for match in _JSON_TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest


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
