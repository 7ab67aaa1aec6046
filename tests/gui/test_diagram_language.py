"""The diagram's captions and stage names in Chinese, and the resting picture kept between paints."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

import engine
from quizapp.gui.diagram.layout import diagram_for
from quizapp.gui.diagram.texts import caption, stage_title, translated_titles
from quizapp.gui.diagram.widget import CellDiagram


@pytest.fixture
def diagram(qtbot: QtBot) -> CellDiagram:
    widget = CellDiagram()
    qtbot.addWidget(widget)
    widget.resize(700, 420)
    return widget


def _titles_while_stepping(diagram: CellDiagram) -> list[str]:
    titles = []
    for _ in range(diagram.stage_count()):
        diagram.next_stage()
        titles.append(diagram.stage_text().split("：", 1)[1])
    return titles


def test_lstm_caption_and_stages_in_chinese(diagram: CellDiagram) -> None:
    diagram.set_language("zh")
    diagram.set_cell("lstm", "standard")
    # The LSTM update has six stages: f, i, g, c, o, h (spec/cells.md).
    assert diagram.stage_text() == "整个单元：6 个阶段，按 → 逐步查看"
    titles = _titles_while_stepping(diagram)
    assert titles[0] == "遗忘门"
    assert titles[1] == "输入门"
    assert titles[2].startswith("候选记忆元")
    assert titles[3:] == ["记忆元更新", "输出门", "隐状态"]
    assert diagram.stage_text().startswith("第 6 阶段（共 6 个）")
    assert diagram.accessibleName() == "单元结构图"
    assert diagram.accessibleDescription().startswith("第 6 阶段（共 6 个）：隐状态")


def test_gru_stages_in_chinese(diagram: CellDiagram) -> None:
    diagram.set_language("zh_CN")
    diagram.set_cell("gru", "pytorch")
    titles = _titles_while_stepping(diagram)
    assert titles[:2] == ["重置门", "更新门"]
    assert titles[2].startswith("候选隐状态")
    assert titles[3] == "隐状态"


def test_outlined_path_and_back_to_english(diagram: CellDiagram) -> None:
    diagram.set_cell("lstm", "standard")
    diagram.set_highlight(["h"])
    diagram.set_language("zh")
    assert diagram.equation_text() == "描边：计算 h_t 的路径"
    diagram.next_stage()
    diagram.set_language("en")
    assert diagram.language() == "en"
    assert diagram.stage_text() == "Stage 1 of 6: forget gate"
    assert diagram.accessibleName() == "Cell diagram"


@pytest.mark.parametrize(
    ("cell", "convention"),
    [
        (c, v)
        for c in (*engine.CELLS, *engine.MODERN_CELLS)
        for v in engine.CONVENTIONS.get(c, ("standard",))
    ],
)
def test_every_stage_title_has_a_chinese_name(cell: str, convention: str) -> None:
    for stage in diagram_for(cell, convention).stages:
        assert stage.title in translated_titles(), (cell, convention, stage.title)
        chinese = stage_title("zh", stage.title)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese), chinese


def test_unknown_caption_name_is_reported() -> None:
    with pytest.raises(KeyError, match="no diagram caption named 'nope'"):
        caption("zh", "nope")


def test_resting_picture_is_drawn_once_and_redrawn_on_change(
    diagram: CellDiagram, monkeypatch: pytest.MonkeyPatch
) -> None:
    diagram.set_cell("lstm", "standard")
    diagram.set_highlight(["h"])
    renders = []
    original = diagram._render_picture

    def counting(dark: bool) -> object:
        renders.append(dark)
        return original(dark)

    monkeypatch.setattr(diagram, "_render_picture", counting)
    first = diagram.grab().toImage()
    second = diagram.grab().toImage()
    assert len(renders) == 1
    assert first == second
    diagram.set_values({"h": [0.25, -0.5]})
    with_values = diagram.grab().toImage()
    assert len(renders) == 2
    assert with_values != first
    diagram.set_language("zh")
    diagram.grab()
    assert len(renders) == 3
    diagram.set_dark(True)
    dark = diagram.grab().toImage()
    assert len(renders) == 4 and renders[-1] is True
    # the paper is the dark palette's: its top-left pixel is dark
    assert dark.pixelColor(3, 3).lightness() < 100
