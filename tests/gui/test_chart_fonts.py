"""Chinese in the statistics charts with a matplotlib font cache built before the CJK font existed,
an empty chart that says "no data" on sensible axes, and the names the app shows on the bars."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from quizapp.gui.study import charts
from quizapp.gui.study.chart_fonts import cjk_font_files
from quizapp.gui.theme import LIGHT
from quizapp.study.display_names import cell_title, quantity_title
from quizapp.study.stats import CellTime, QuantityAccuracy, StatsSummary, TopicAccuracy

ROOT = Path(__file__).resolve().parents[2]

# Build matplotlib's font cache in a fresh folder, then take every CJK font out of it: the cache a
# machine has when the app's charts ran before ``fonts-noto-cjk`` was installed.
STALE_CACHE = """
import json, pathlib, sys
import matplotlib
matplotlib.use("Agg")
from matplotlib import font_manager
folder = pathlib.Path(sys.argv[1])
cache = next(folder.glob("fontlist-*.json"))
data = json.loads(cache.read_text())
data["ttflist"] = [f for f in data["ttflist"] if "CJK" not in f["name"] and "WenQuanYi" not in f["name"]]
cache.write_text(json.dumps(data))
print(len(data["ttflist"]))
"""

# With that cache: draw the six charts with Chinese labels, as the statistics page does.
DRAW = """
import json, sys, warnings
from datetime import date, datetime
import matplotlib
matplotlib.use("Agg")
from matplotlib import font_manager
from matplotlib.figure import Figure
stale = [f.name for f in font_manager.fontManager.ttflist if "CJK" in f.name]
from quizapp.gui.study import charts
from quizapp.gui.theme import DARK
from quizapp.study.stats import StatsSummary, TopicAccuracy, QuantityAccuracy, CellTime
texts = charts.ChartTexts("按主题的正确率", "按单元和量的正确率", "最常见的错误", "每天的回答",
                          "待复习", "每道练习的秒数中位数", "暂无数据")
summary = StatsSummary(datetime(2026, 1, 5), 3, 1, (TopicAccuracy("lstm", 2, 0.5),),
    (QuantityAccuracy("gru", "shape_output", 1, 0.0),), (), ((date(2026, 1, 5), 3),), (),
    12.0, (CellTime("gru", 1, 12.0),))
figure = Figure()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    charts.draw_stats(figure, summary, DARK, texts, lambda t: "长短期记忆网络",
                      lambda m: "遗忘门用错", lambda c, k: "门控循环单元 · output 的形状",
                      lambda c: "门控循环单元")
    figure.canvas.draw()
family = matplotlib.rcParams["font.sans-serif"][0]
path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
print(json.dumps({"stale": stale, "family": family, "path": path,
                  "warnings": [str(w.message) for w in caught]}))
"""


def _run(code: str, *arguments: str, config: Path) -> str:
    env = {"MPLCONFIGDIR": str(config), "PYTHONPATH": str(ROOT), "HOME": str(config)}
    result = subprocess.run(
        [sys.executable, "-c", code, *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.skipif(not cjk_font_files(), reason="no Chinese font installed on this machine")
def test_chinese_labels_with_a_cache_older_than_the_font(tmp_path: Path) -> None:
    from matplotlib.ft2font import FT2Font

    kept = int(_run(STALE_CACHE, str(tmp_path), config=tmp_path))
    assert kept > 0
    result = json.loads(_run(DRAW, config=tmp_path))
    assert result["stale"] == []  # the cache really did not know the CJK font
    assert not [w for w in result["warnings"] if "missing from font" in w], result["warnings"]
    assert result["path"] in cjk_font_files()
    font = FT2Font(result["path"])
    for char in "按主题的正确率暂无数据长短期记忆网络门控循环单元形状":
        assert font.get_char_index(ord(char)) != 0, char


def _draw(summary: StatsSummary, **names: Any) -> Any:
    from matplotlib.figure import Figure

    texts = charts.ChartTexts("T", "Q", "M", "D", "F", "S", "No data yet")
    figure = Figure()
    charts.draw_stats(
        figure,
        summary,
        LIGHT,
        texts,
        names.get("topic", lambda t: t),
        names.get("mistake", lambda m: m),
        names.get("quantity", lambda c, k: quantity_title(c, k)),
        names.get("cell", cell_title),
    )
    return figure


def test_empty_charts_say_no_data_on_sensible_axes() -> None:
    empty = StatsSummary(datetime(2026, 1, 5), 0, 0, (), (), (), (), (), None, ())
    figure = _draw(empty)
    for ax in figure.axes:
        assert [t.get_text() for t in ax.texts] == ["No data yet"]
        low, high = ax.get_ylim()
        assert (low, high) == (0, 1)
    zero_days = StatsSummary(
        datetime(2026, 1, 5), 0, 0, (), (), (), ((date(2026, 1, 5), 0),), (), None, ()
    )
    per_day = _draw(zero_days).axes[3]
    assert [t.get_text() for t in per_day.texts] == ["No data yet"]
    assert per_day.get_ylim() == (0, 1)


def test_bars_carry_the_names_the_app_shows() -> None:
    summary = StatsSummary(
        datetime(2026, 1, 5),
        2,
        0,
        (TopicAccuracy("lstm", 1, 0.5),),
        (QuantityAccuracy("gru", "shape_output", 1, 0.0), QuantityAccuracy("lstm", "count", 1, 1)),
        (),
        ((date(2026, 1, 5), 2),),
        (),
        10.0,
        (CellTime("clockwork", 1, 10.0),),
    )
    figure = _draw(summary)
    quantities = [t.get_text() for t in figure.axes[1].get_yticklabels()]
    assert quantities == ["GRU · shape of output", "LSTM · number of parameters"]
    assert [t.get_text() for t in figure.axes[5].get_yticklabels()] == ["Clockwork RNN"]
    assert quantity_title("gru", "shape_output", "zh") == "GRU · output 的形状"
    per_day = figure.axes[3]
    assert per_day.get_ylim()[0] == 0 and per_day.get_ylim()[1] > 2
