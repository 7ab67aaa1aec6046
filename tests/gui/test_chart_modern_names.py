"""The modern cells on the statistics charts: their own names (minGRU, sLSTM, not "mingru" nor
"MinGRU"), quantity names with Unicode subscripts (hₜ, not h_t) and mistake titles with a transpose
ᵀ drawn without a missing glyph in Chinese."""

from __future__ import annotations

import warnings
from datetime import date, datetime

from matplotlib.figure import Figure

from quizapp.drills import MISTAKES
from quizapp.gui.study import charts
from quizapp.gui.theme import DARK
from quizapp.study.display_names import cell_title, item_title, quantity_title
from quizapp.study.items import DrillTemplate
from quizapp.study.stats import CellTime, MistakeTrend, QuantityAccuracy, StatsSummary


def test_modern_cell_titles_keep_their_capitals() -> None:
    assert cell_title("mingru") == "minGRU" and cell_title("slstm", "zh") == "sLSTM"
    assert cell_title("linear_attention") == "Linear attention"
    assert cell_title("linear_attention", "zh") == "线性注意力"
    assert cell_title("gru") == "GRU" and cell_title("peephole") == "Peephole LSTM"
    assert cell_title("no_such_cell") == "no_such_cell"
    assert quantity_title("mlstm", "C").startswith("mLSTM · ")
    key = DrillTemplate("mingru", "paper", ("h",), "standard").key
    assert item_title(key) == "minGRU · new hidden state h_t · Standard"


def test_chinese_mistake_titles_with_a_transpose_draw_every_glyph() -> None:
    mistakes = ("mlstm-kv-order", "mlstm-key-unscaled")
    assert all("ᵀ" in MISTAKES[m].title.zh or "√" in MISTAKES[m].title.zh for m in mistakes)
    summary = StatsSummary(
        datetime(2026, 12, 6),
        4,
        0,
        (),
        (QuantityAccuracy("mlstm", "C", 2, 0.5), QuantityAccuracy("mingru", "h", 2, 1.0)),
        tuple(MistakeTrend(m, 2, 0.5, 0.25, True) for m in mistakes),
        ((date(2026, 12, 5), 4),),
        (),
        30.0,
        (CellTime("mlstm", 2, 30.0),),
    )
    texts = charts.ChartTexts("主题", "单元与量", "错误", "每日", "待复习", "用时", "暂无数据")
    figure = Figure()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        charts.draw_stats(
            figure,
            summary,
            DARK,
            texts,
            lambda topic: topic,
            lambda mistake: MISTAKES[mistake].title.zh,
            lambda cell, key: quantity_title(cell, key, "zh"),
            lambda cell: cell_title(cell, "zh"),
        )
        figure.canvas.draw()
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert missing == []
    labels = [t.get_text() for ax in figure.axes for t in ax.get_yticklabels()]
    assert any(label.startswith("mLSTM · ") for label in labels), labels
    assert "minGRU · 新隐状态 hₜ" in labels  # quantity_title's h_t, its subscript lowered
    assert not [label for label in labels if "_" in label], labels
    assert f"{MISTAKES['mlstm-kv-order'].title.zh} ↓" in labels  # ↓: fading
