"""The drill sheet lists a formula drill's symbols with their meanings in the interface language."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from quizapp.drills import DrillSpec, generate_drill
from quizapp.gui.views.drill_sheet import DrillSheet


def test_symbol_meanings_follow_the_language(qtbot: QtBot) -> None:
    sheet = DrillSheet()
    qtbot.addWidget(sheet)
    drill = generate_drill(DrillSpec("gru", "pytorch", ("formula_count",), "standard", 2, True))
    zh = sheet._extra_text(drill, "zh")
    assert zh.splitlines() == ["`d`: 输入维度", "`n`: 隐状态维度"]
    assert sheet._extra_text(drill, "en").splitlines() == ["`d`: input size", "`n`: hidden size"]
