"""The bank's facts that issue 15 found wrong, each checked by a test that catches its kind.

Shapes and state claims are checked by running the engine's LSTM over a padded batch (unpacked,
packed and bidirectional, the way PyTorch defines them); the forget-gate bias by converting a
PyTorch layout with the engine; citations by one year per cited work across every bank and lexicon
file; the Chinese wording of directions (shifted left, the layer below) by grading answers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pytest

from engine.layouts import from_torch
from engine.params import random_params
from engine.step import step
from questions.lexicon import shipped_lexicon
from questions.load import BANK_DIR, load_bank
from questions.schema import Question
from quizapp.grading.freetext import grade_free_text

BANK = {q.id: q for q in load_bank(include_user_packs=False).questions}
LEXICON_DIR = BANK_DIR.parent / "lexicon"
N, D = 3, 2
LENGTHS = (4, 2)  # a batch of two rows; the second is padded after two real steps


def _lstm_run(params: Mapping[str, object], xs: np.ndarray, length: int) -> list[np.ndarray]:
    """Hidden states of one LSTM direction over ``xs[:length]`` (the padded tail is not run)."""
    h, c = np.zeros(N), np.zeros(N)
    states = []
    for x in xs[:length]:
        record = step("lstm", params, x, h, c)
        h, c = np.asarray(record["h"]), np.asarray(record["c"])
        states.append(h)
    return states


def _layer(packed: bool, bidirectional: bool) -> tuple[np.ndarray, np.ndarray]:
    """``out`` (B, L, D·n) and ``h_n[-1]`` (B, n) of a one-layer batch_first LSTM, as PyTorch builds them.

    Unpacked, every row runs over all L steps (pads included); packed, each row stops at its length
    and ``pad_packed_sequence`` fills the rest of ``out`` with zeros. The backward direction reads
    each row's real steps from the end; its final state is its output at position 0.
    """
    rng = np.random.default_rng(15)
    forward = random_params("lstm", D, N, rng)
    backward = random_params("lstm", D, N, rng)
    steps = max(LENGTHS)
    xs = rng.normal(size=(len(LENGTHS), steps, D))
    for row, length in enumerate(LENGTHS):
        xs[row, length:] = 0.0  # padding values
    out = np.zeros((len(LENGTHS), steps, (2 if bidirectional else 1) * N))
    last = np.zeros((len(LENGTHS), N))
    for row, length in enumerate(LENGTHS):
        run = length if packed else steps
        states = _lstm_run(forward, xs[row], run)
        out[row, :run, :N] = states
        last[row] = states[-1]
        if bidirectional:
            back = _lstm_run(backward, xs[row, :run][::-1], run)[::-1]
            out[row, :run, N:] = back
            last[row] = back[0]  # h_n[-1] is the top layer's backward direction
    return out, last


def test_unpacked_padded_batch_out_last_equals_h_n() -> None:
    out, h_n_last = _layer(packed=False, bidirectional=False)
    np.testing.assert_allclose(out[:, -1], h_n_last)
    # ... though for the short row it is not the state at its last real token
    assert not np.allclose(out[1, LENGTHS[1] - 1], h_n_last[1])


def test_packed_batch_out_last_differs_and_h_n_is_the_true_last_state() -> None:
    out, h_n_last = _layer(packed=True, bidirectional=False)
    assert not np.allclose(out[1, -1], h_n_last[1])
    np.testing.assert_allclose(out[1, -1], 0.0)
    for row, length in enumerate(LENGTHS):
        np.testing.assert_allclose(out[row, length - 1], h_n_last[row])


def test_bidirectional_backward_final_state_is_at_position_zero() -> None:
    out, h_n_last = _layer(packed=False, bidirectional=True)
    assert not np.allclose(out[:, -1, N:], h_n_last)
    np.testing.assert_allclose(out[:, 0, N:], h_n_last)


def _prose(question: Question) -> str:
    return " ".join((question.answer.en, question.explanation.en, question.answer.zh))


def test_tensor_shapes_007_states_what_the_engine_shows() -> None:
    answer = BANK["tensor-shapes-007"].answer
    # unpacked padding is no exception; packing and bidirectional are
    assert re.search(r"no exception: out\[:, -1\] and h_n\[-1\] are then both", answer.en)
    assert "packed sequence" in answer.en and "out[:, 0, n:]" in answer.en
    assert "不打包的填充批次也不例外" in answer.zh and "两者相等" in answer.zh


def test_no_question_says_unpacked_padding_separates_out_and_h_n() -> None:
    wrong = re.compile(
        r"(differ|fails?|not equal)[^.;]*(padding|padded)[^.;]*without packing", re.I
    )
    assert [q.id for q in BANK.values() if wrong.search(q.answer.en + q.explanation.en)] == []


# -- the forget-gate bias in PyTorch's two vectors --------------------------------------------------


def _forget_gate(bias_ih_forget: float, bias_hh_forget: float) -> float:
    n, d = 20, 10
    layout = {
        "weight_ih": np.zeros((4 * n, d)),
        "weight_hh": np.zeros((4 * n, n)),
        "bias_ih": np.zeros(4 * n),
        "bias_hh": np.zeros(4 * n),
    }
    layout["bias_ih"][20:40] = bias_ih_forget  # PyTorch's blocks are i, f, g, o
    layout["bias_hh"][20:40] = bias_hh_forget
    record = step("lstm", from_torch("lstm", layout), np.zeros(d), np.zeros(n), np.zeros(n))
    return float(record["f"][0])


def test_setting_the_forget_slice_in_both_biases_doubles_it() -> None:
    assert _forget_gate(1.0, 0.0) == pytest.approx(1.0 / (1.0 + np.exp(-1.0)))
    assert _forget_gate(1.0, 1.0) == pytest.approx(1.0 / (1.0 + np.exp(-2.0)))
    assert BANK["rnn-init-003"].value == 2


def test_no_question_tells_to_set_the_forget_bias_in_both_vectors() -> None:
    both = re.compile(r"setting both biases|set(ting)? (it|the slice) in both|两个偏置的 \[")
    advice = [q.id for q in BANK.values() if both.search(q.explanation.en + q.explanation.zh)]
    assert advice == []
    assert "one of the two bias vectors only" in BANK["lstm-gates-008"].explanation.en


# -- citations: one year per cited work --------------------------------------------------------------

# Authors the bank cites for more than one work: each year names its work.
SEVERAL_WORKS: dict[str, dict[str, str]] = {
    "Bengio": {"1994": "Learning Long-Term Dependencies", "2015": "Scheduled Sampling"},
    "Hochreiter": {"1991": "diploma thesis", "1997": "Long Short-Term Memory"},
    "Gu": {"2022": "S4", "2023": "Mamba"},
    "Williams": {
        "1989": "Williams & Zipser, teacher forcing",
        "1990": "Williams & Peng, truncated BPTT",
    },
    "Karpathy": {"2015": "The Unreasonable Effectiveness of RNNs", "2019": "A Recipe for Training"},
    "Graves": {"2005": "Graves & Schmidhuber, BLSTM with full-gradient BPTT", "2013": "deep RNNs"},
    "Peng": {"2023": "RWKV (RWKV-4)", "2024": "Eagle and Finch (RWKV-5/6)"},
}
# A first author (not after a comma or '&'), an optional 'et al.'/co-authors/等人, then a year.
CITATION = re.compile(
    r"(?<![,&、] )(?<![A-Za-z、])(?<!和 )(?<!与 )(?<!and )([A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
    r"(?: et al\.?| 等人?|(?:, [A-Z][a-z]+)*,? (?:&|and|与|和) [A-Z][a-z]+)?"
    r"[ ,]*[(（]?((?:19|20)\d\d)\b"
)


def cited_years(text: str) -> dict[str, set[str]]:
    """Every first author cited in ``text`` with the years written next to them."""
    years: dict[str, set[str]] = {}
    for match in CITATION.finditer(text):
        years.setdefault(match.group(1), set()).add(match.group(2))
    return years


def test_citation_reader_sees_authors_and_years() -> None:
    found = cited_years(
        "Cooijmans et al. 2016; Cooijmans 等人（2017）; Jozefowicz, Zaremba & Sutskever 2015; "
        "Hochreiter & Schmidhuber (1997); Jozefowicz、Zaremba 和 Sutskever（2015）"
    )
    assert found == {"Cooijmans": {"2016", "2017"}, "Jozefowicz": {"2015"}, "Hochreiter": {"1997"}}


def test_each_cited_work_has_one_year_across_the_bank() -> None:
    years: dict[str, set[str]] = {}
    files = sorted(BANK_DIR.glob("*.yaml")) + sorted(LEXICON_DIR.glob("*.yaml"))
    for path in files:
        for author, found in cited_years(path.read_text(encoding="utf-8")).items():
            years.setdefault(author, set()).update(found)
    clashes = {
        author: sorted(found)
        for author, found in years.items()
        if len(found) > 1 and not found <= set(SEVERAL_WORKS.get(author, {}))
    }
    assert clashes == {}
    assert years["Cooijmans"] == {"2017"}


def test_cooijmans_is_cited_as_iclr_2017_arxiv_2016() -> None:
    for question in BANK.values():
        for reference in question.references:
            if "Cooijmans" in reference:
                assert reference.endswith("ICLR 2017 (arXiv 2016)"), question.id


# -- directions in Chinese ----------------------------------------------------------------------------


def test_no_text_says_the_target_is_shifted_right() -> None:
    right = re.compile(r"右移|向右移|shifted right|shifted to the right")
    for path in sorted(BANK_DIR.glob("*.yaml")):
        assert right.search(path.read_text(encoding="utf-8")) is None, path.name
    lexicon = shipped_lexicon()
    # The right shift is only recognised, as a concept of its own, so that an answer saying it
    # does not make "shifted by one" (the left shift); no other concept or text says it.
    for concept in lexicon.concepts.values():
        if concept.id != "shift-right":
            assert not any(right.search(form) for form in concept.forms()), concept.id
    for item in lexicon.misconceptions:
        for text in (item.text.en, item.text.zh, item.correction.en, item.correction.zh):
            assert right.search(text) is None, item.id


def test_a_right_shift_does_not_make_the_shifted_target_point() -> None:
    said = "The targets are the inputs shifted right by one, so it predicts the previous token."
    assert not _made("language-model-006", said, "shifted-targets")
    assert not _made("language-model-006", "目标是输入右移一位。", "shifted-targets")
    assert _made("language-model-006", "目标是输入左移一位。", "shifted-targets")


@pytest.mark.parametrize("question_id", ["training-pathologies-003", "language-model-006"])
def test_shifted_left_target_is_stated_in_both_languages(question_id: str) -> None:
    answer = BANK[question_id].answer
    assert "shifted left by one" in answer.en
    assert "左移一位" in answer.zh


def _made(question_id: str, text: str, point_id: str) -> bool:
    grade = grade_free_text(BANK[question_id], text)
    return next(p.made for p in grade.points if p.point.id == point_id)


def test_the_layer_below_is_not_the_next_layer() -> None:
    assert _made("bi-stacked-002", "第 2 层读前一层在同一步的隐状态。", "reads-lower-layer")
    assert _made("bi-stacked-002", "第 2 层读下层在同一步的隐状态。", "reads-lower-layer")
    assert not _made("bi-stacked-002", "第 2 层读下一层在同一步的隐状态。", "reads-lower-layer")


def test_no_bank_text_calls_the_upper_layer_the_previous_one() -> None:
    # 上一层 reads as the previous (lower) layer; 下一层 as the next (upper) one.
    for question in BANK.values():
        assert "以及上一层" not in _prose(question), question.id


# -- the GRU's reset placement ---------------------------------------------------------------------


def test_reset_before_is_not_called_the_original_form() -> None:
    original = re.compile(r"original[^.;]*(Cho|form|paper)|原始写法|原论文", re.I)
    for question in BANK.values():
        if question.topic in ("gru-vs-lstm", "light-variants"):
            assert original.search(_prose(question)) is None, question.id
    lexicon = (LEXICON_DIR / "m4.yaml").read_text(encoding="utf-8")
    cho = lexicon[lexicon.index("- id: cho-paper") :].split("- id:", 2)[1]
    assert "original" not in cho and "原" not in cho


def test_original_paper_does_not_earn_the_reset_before_point() -> None:
    said = "The original paper applies the reset gate before the matrix product."
    assert not _made("gru-vs-lstm-008", said, "d2l-before")
    published = "The published Cho et al. paper applies the reset gate before the matrix product."
    assert _made("gru-vs-lstm-008", published, "d2l-before")
