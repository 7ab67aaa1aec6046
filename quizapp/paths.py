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
    _override = Path(path).expanduser().resolve() if path is not None else None


def data_dir() -> Path:
    """The user data folder, created if missing."""
    if _override is not None:
        base = _override
    elif os.environ.get(ENV_VAR):
        base = Path(os.environ[ENV_VAR]).expanduser().resolve()
    else:
        import platformdirs  # not at import: `quizapp --version` needs no data folder

        base = Path(platformdirs.user_data_dir("quizapp", appauthor=False))
    base.mkdir(parents=True, exist_ok=True)
    return base


def _sub(name: str) -> Path:
    path = data_dir() / name
    path.mkdir(parents=True, exist_ok=True)
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
    try:
        data = data_dir().resolve()
        resolved = target.expanduser().resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return True
    return resolved == data or data in resolved.parents
