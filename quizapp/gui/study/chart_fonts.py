"""The charts' Chinese font, chosen explicitly and registered with matplotlib's font manager.

matplotlib keeps a cache of the fonts it found the first time it ran; a CJK font installed later
(the README's order: start the app, then install ``fonts-noto-cjk``) is missing from that cache,
and naming its family in ``rcParams`` then draws every Chinese character as a box. So the font
file is found here, through fontconfig (``fc-match`` / ``fc-list`` for ``:lang=zh-cn``) or at the
usual places on Windows and macOS, and added to the font manager (``fontManager.addfont``), which
works whatever the cache holds.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path

# Where Windows and macOS keep a Chinese system font (used when there is no fontconfig).
KNOWN_FILES = (
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
)
_PREFERRED = ("sanscjk-regular", "sanscjksc-regular", "wqy", "sans", "")  # in a file's name
_FC_TIMEOUT = 5.0


def _fontconfig(*arguments: str) -> list[str]:
    """The output lines of a fontconfig tool (none when it is missing or fails)."""
    tool = shutil.which(arguments[0])
    if tool is None:
        return []
    try:
        result = subprocess.run(
            [tool, *arguments[1:]], capture_output=True, text=True, timeout=_FC_TIMEOUT, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return [line.strip() for line in result.stdout.splitlines() if line.strip()]


def _rank(path: str) -> tuple[int, str]:
    name = Path(path).name.lower().replace(" ", "")
    for rank, part in enumerate(_PREFERRED):
        if part in name and "mono" not in name and "bold" not in name:
            return (rank, name)
    return (len(_PREFERRED), name)


def cjk_font_files() -> list[str]:
    """Font files that hold Simplified Chinese, best first: fontconfig's own choice for zh-cn,
    then the other zh-cn fonts it lists (regular sans faces first), then the known files that
    exist. Only fonts fontconfig says cover zh-cn are taken from it (``fc-match`` always answers,
    with a Latin font when there is no Chinese one)."""
    covering = set(_fontconfig("fc-list", ":lang=zh-cn", "-f", "%{file}\n"))
    found = [path for path in _fontconfig("fc-match", "-f", "%{file}\n", ":lang=zh-cn")]
    found = [path for path in found if path in covering]
    found += sorted(covering, key=_rank)
    found += [path for path in KNOWN_FILES if Path(path).is_file()]
    return list(dict.fromkeys(found))


@cache
def chart_font_family() -> str | None:
    """The family name of the first usable Chinese font, registered with matplotlib (None when
    the machine has none: the charts then draw Chinese as boxes, and the README says what to
    install)."""
    from matplotlib import font_manager

    for path in cjk_font_files():
        try:
            font_manager.fontManager.addfont(path)
            return str(font_manager.FontProperties(fname=path).get_name())
        except (OSError, RuntimeError, ValueError):
            continue
    return None
