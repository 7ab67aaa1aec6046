"""What the learner reads in a drill: proper cell names, one plain-math notation, the standard
Chinese terms, and GRU convention texts that state their own update."""

from __future__ import annotations

import re

import pytest

import engine
from quizapp.cli.drill import answer_prompt, summary_line
from quizapp.drills import DrillSpec, generate_drill, quantities_for
from quizapp.drills.quantities import backward_keys, label_of
from quizapp.drills.texts import backward_prompt, convention_text, forward_prompt

# The names a textbook uses, written out here rather than taken from the code.
PROPER_NAMES = {
    "rnn": ("RNN", "RNN"),
    "lstm": ("LSTM", "LSTM"),
    "gru": ("GRU", "GRU"),
    "peephole": ("peephole LSTM", "窥视孔 LSTM"),
    "cifg": ("CIFG LSTM", "CIFG LSTM"),
    "mgu": ("MGU", "MGU"),
    "sru": ("SRU", "SRU"),
    "clockwork": ("clockwork RNN", "Clockwork RNN"),
    "depth_gated": ("depth-gated LSTM", "深度门控 LSTM"),
}
# A cell's key written as a word in prose ("One lstm step") is what this file guards against.
LOWERCASE_KEY = re.compile(r"\b(rnn|lstm|gru|mgu|sru|cifg|depth_gated)\b")
# Terms of the Chinese edition of Dive into Deep Learning replace these.
NON_STANDARD_ZH = ("细胞状态", "隐藏状态", "候选值")


def _conventions(cell: str) -> tuple[str, ...]:
    return engine.CONVENTIONS.get(cell, ("standard",))


def _texts(cell: str) -> list[tuple[str, str]]:
    """(English, Chinese) of every prompt and convention text of the cell's numeric drills."""
    texts = []
    for convention in _conventions(cell):
        for two_biases in (False, True):
            words = convention_text(cell, convention, two_biases=two_biases, stacked=False)
            texts.append((words.en, words.zh))
        drill = generate_drill(DrillSpec(cell, convention, ("all",), "standard", 11))
        texts += [(drill.prompt.en, drill.prompt.zh),
                  (drill.convention_text.en, drill.convention_text.zh)]  # fmt: skip
    if backward_keys(cell):
        drill = generate_drill(DrillSpec(cell, "", ("dh_prev",), "standard", 11))
        texts.append((drill.prompt.en, drill.prompt.zh))
    return texts


@pytest.mark.parametrize("cell", sorted(PROPER_NAMES))
def test_prompts_use_proper_cell_names(cell: str) -> None:
    en, zh = PROPER_NAMES[cell]
    forward = forward_prompt(cell, ("h",), whiteboard=False)
    assert forward.en.startswith(f"One {en} step. ")
    assert forward.zh.startswith(f"{zh} 单步计算。")
    if backward_keys(cell):
        backward = backward_prompt(cell, ("dh_prev",))
        assert backward.en.startswith(f"One backward step of the {en}. ")
        assert backward.zh.startswith(f"{zh} 单步反向传播。")


@pytest.mark.parametrize("cell", engine.CELLS)
def test_no_lowercase_cell_keys_and_one_notation(cell: str) -> None:
    for en, zh in _texts(cell):
        assert not LOWERCASE_KEY.search(en), en
        assert not LOWERCASE_KEY.search(zh), zh
        # one notation in both languages: h_{t−1} with a true minus, never t-1 or h_prev
        for text in (en, zh):
            assert "t-1" not in text and "_prev" not in text, text
        if "h_{t−1}" in en:
            assert "h_{t−1}" in zh


@pytest.mark.parametrize("cell", engine.CELLS)
def test_chinese_uses_standard_terms(cell: str) -> None:
    for _, zh in _texts(cell):
        for term in NON_STANDARD_ZH:
            assert term not in zh, zh
    for convention in _conventions(cell):
        for info in quantities_for(cell, convention):
            for term in NON_STANDARD_ZH:
                assert term not in info.label_text.zh, info.key


def test_cell_quantity_labels_in_chinese() -> None:
    assert label_of("c")[1].zh == "新记忆元 C_t"
    assert label_of("g")[1].zh == "候选记忆元 C̃_t"
    assert label_of("h")[1].zh == "新隐状态 h_t"
    assert label_of("n")[1].zh == "候选隐状态 h̃_t"
    gates = {"f": "遗忘门", "i": "输入门", "o": "输出门", "r": "重置门", "z": "更新门"}
    for key, term in gates.items():
        assert label_of(key)[1].zh == f"{term} {key}_t"
    lstm = generate_drill(DrillSpec("lstm", "", ("c",), "standard", 3))
    assert "新记忆元 C_t" in lstm.prompt.zh and "候选记忆元 C̃_t" in lstm.convention_text.zh


# The three GRU updates in use (spec/cells.md): who multiplies the old state.
GRU_UPDATES = {
    "pytorch": "h_t = (1 − z_t) ⊙ h̃_t + z_t ⊙ h_{t−1}",
    "d2l": "h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ h̃_t",
    "colah": "h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t",
}


@pytest.mark.parametrize("convention", sorted(GRU_UPDATES))
@pytest.mark.parametrize("stacked", [False, True])
def test_gru_convention_text_names_its_update(convention: str, stacked: bool) -> None:
    words = convention_text("gru", convention, two_biases=stacked, stacked=stacked)
    for text in (words.en, words.zh):
        assert GRU_UPDATES[convention] in text
        for other, update in GRU_UPDATES.items():
            if other != convention:
                assert update not in text
    reset_after = convention == "pytorch"
    assert ("r_t ⊙ (U_n h_{t−1}" in words.en) is reset_after
    assert ("U_n (r_t ⊙ h_{t−1})" in words.en) is not reset_after


def test_answer_prompt_and_summary_sentences() -> None:
    assert answer_prompt("c", "en") == "c (new cell state Cₜ) = "
    assert answer_prompt("c", "zh") == "c（新记忆元 Cₜ）= "
    assert summary_line(1, 1, 1, 1.0, "en") == (
        "You answered 1 drill: 1 of 1 quantity right, mean score 100%."
    )
    assert summary_line(3, 4, 6, 0.6, "en") == (
        "You answered 3 drills: 4 of 6 quantities right, mean score 60%."
    )
    assert summary_line(3, 4, 6, 0.6, "zh") == "共作答 3 道练习：6 个量中答对 4 个，平均得分 60%。"
    assert summary_line(0, 0, 0, 0.0, "zh") == "没有作答任何练习。"
