"""Where quizapp keeps its files: the one place that resolves user folders.

The data folder comes from, in order: ``set_data_dir`` (the CLI's ``--data-dir``), the environment
variable ``QUIZAPP_DATA_DIR``, then platformdirs' user data folder. Logs, settings, the history
database and user question packs all live below it, so tests point one variable at a temporary folder
and never touch the real home folder.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "QUIZAPP_DATA_DIR"
_override: Path | None = None


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    """Override the data folder for this process (``None`` removes the override)."""
    global _override
    _override = _absolute(Path(path)) if path is not None else None


def _absolute(path: Path) -> Path:
    """``path`` with links resolved; only made absolute when they cannot be (a link loop, which
    ``data_dir`` then reports)."""
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return path.expanduser().absolute()


class DataFolderError(OSError):
    """The data folder (or a folder in it) cannot be made or used; the message says which and why."""


def data_dir() -> Path:
    """The user data folder, created if missing."""
    base = data_dir_location()
    _make_folder(base, "the data folder")
    return base


def data_dir_location() -> Path:
    """Where the data folder is, whether or not it exists or can be used (for messages)."""
    if _override is not None:
        return _override
    if os.environ.get(ENV_VAR):
        return _absolute(Path(os.environ[ENV_VAR]))
    import platformdirs  # not at import: `quizapp --version` needs no data folder

    return Path(platformdirs.user_data_dir("quizapp", appauthor=False))


def _make_folder(path: Path, what: str) -> None:
    """Create ``path`` if missing; DataFolderError saying what is in the way when that fails."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise DataFolderError(
            f"{what} {path} is not a folder (a file, a pipe, or a broken or looping link is in the way); "
            "move it away or choose another data folder (--data-dir)"
        ) from None
    except (OSError, RuntimeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise DataFolderError(
            f"{what} {path} cannot be made or used ({reason}); choose another data folder "
            "(--data-dir)"
        ) from None


def _sub(name: str) -> Path:
    path = data_dir() / name
    _make_folder(path, f"the {name} folder")
    return path


def log_dir() -> Path:
    """Folder for log files."""
    return _sub("logs")


def packs_dir() -> Path:
    """Folder for the user's own question packs (YAML files)."""
    return _sub("packs")


def cache_dir() -> Path:
    """Folder for rendered formulas and other caches."""
    return _sub("cache")


def backups_dir() -> Path:
    """Folder for rotated database backups."""
    return _sub("backups")


def database_path() -> Path:
    """The SQLite history database."""
    return data_dir() / "history.sqlite3"


def settings_path() -> Path:
    """The settings file (JSON)."""
    return data_dir() / "settings.json"


def inside_data_folder(target: Path) -> bool:
    """Whether ``target`` lies in the data folder (links followed); True when that cannot be told,
    so that an export never overwrites the history or its files."""
    data = _absolute(data_dir_location())  # made absolute only, when its links loop
    try:
        resolved = target.expanduser().resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return True
    return resolved == data or data in resolved.parents
