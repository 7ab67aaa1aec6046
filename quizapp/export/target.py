"""Where an export may be written: never inside the data folder (it holds the history), never onto
a folder, and only into a folder that exists. The messages name the file and say nothing was written.
"""

from __future__ import annotations

from pathlib import Path

from quizapp.paths import inside_data_folder


def export_refusal(target: Path, suffix: str) -> str | None:
    """Why ``target`` must not receive an export ending in ``suffix`` (``None``: it may)."""
    if inside_data_folder(target):
        return (
            f"{target}: refusing to write inside the data folder (it would overwrite the history "
            "or its files); nothing was written. Choose a file outside that folder."
        )
    resolved = target.expanduser()
    if resolved.is_dir():
        return f"{target}: is a folder; nothing was written. Give a file name."
    if resolved.exists() and not resolved.is_file():  # a pipe would block the writer forever
        return f"{target}: is not a regular file (a pipe or a device); nothing was written."
    if not resolved.parent.is_dir():
        return f"{target}: the folder {resolved.parent} does not exist; nothing was written."
    if resolved.suffix.lower() != suffix:
        return f"{target}: the file name must end in {suffix}; nothing was written."
    return None
