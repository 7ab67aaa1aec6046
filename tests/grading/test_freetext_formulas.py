"""Key formulas compared by structure with the equations an answer writes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from questions.claims import parse_claim
from questions.lexicon import read_lexicon
from questions.load import load_bank, load_file
from questions.schema import KeyPoint, Question, Text
from quizapp.grading.freetext import default_grader, grader_for
from quizapp.grading.freetext.formulas import (
    FormulaVerdict,
    KeyFormula,
    check_formula,
    equations_in,
    plain,
)

GRADER = grader_for(
    read_lexicon([Path(__file__).parent.parent / "data" / "lexicon" / "matcher.yaml"])
)


def verdict(key: str, answer: str) -> str | None:
    formula = KeyFormula.of(key)
    assert formula is not None
    hit = check_formula(formula, equations_in(answer))
    return None if hit is None else hit.verdict.value


@pytest.mark.parametrize(
    ("written", "same_as"),
    [
        ("C_{t-1}", "c_tm1"),
        ("C_t-1", "c_tm1"),
        ("C_(t−1)", "c_tm1"),
        ("δa_{t+1}", "da_tp1"),
        ("h_t", "h"),
        ("C̃_t", "ctilde"),
        ("g_t", "ctilde"),
        ("f ⊙ c", "f * c"),
        ("1 − h_t²", "1 - h^2"),
        ("Uᵀ δa", "u da"),
        ("U^T δa", "u da"),
        ("Σ_t δa_t h_{t-1}ᵀ", "da h_tm1"),
        ("diag(f_t)", "(f)"),
        ("softmax(V h_t + c)", "exp(v h + c)"),
        ("f′_t", "f'"),  # a typographic prime is the ASCII one
        ("tanh′(a)", "dtanh(a)"),
    ],
)
def test_notation_is_rewritten_one_way(written: str, same_as: str) -> None:
    assert plain(written).strip() == same_as


def test_equations_are_cut_out_of_sentences() -> None:
    found = equations_in(
        "From T back: δh_t = ∂L_t/∂h_t + Uᵀ δa_{t+1} (δa_{T+1} = 0), so through the tanh "
        "δa_t = δh_t ⊙ (1 − h_t²)。然后 ∂L/∂U = Σ_t δa_t h_{t-1}ᵀ，对各步求和。"
    )
    assert [e.written for e in found] == [
        "δh_t = ∂L_t/∂h_t + Uᵀ δa_{t+1}",  # the bracketed remark is not part of it
        "δa_{T+1} = 0",  # but an equation of its own
        "δa_t = δh_t ⊙ (1 − h_t²)",
        "∂L/∂U = Σ_t δa_t h_{t-1}ᵀ",
    ]
    assert equations_in("write δh_t = ∂L/∂h_t for short") == []  # a definition states nothing
    assert equations_in("if a <= b or a == b") == []


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Then δa_t = δh_t ⊙ (1 − h_t²).", "right"),
        ("δa_t = (1 - h_t^2) * δh_t", "right"),  # order of factors
        ("δa_t = δh_t − δh_t h_t²", "right"),  # expanded
        ("δa_t = δh_t + (1 − h_t²)", "wrong"),  # + for ⊙
        ("δa_t = δh_t ⊙ (1 + h_t²)", "wrong"),
        ("δa_t = δh_t ⊙ h_t(1 − h_t)", "wrong"),  # the sigmoid's derivative
        ("δa_t = δh_t ⊙ (1 − tanh²(a_t))", None),  # another notation: a_t is not the key's
        ("the tanh derivative multiplies δh_t", None),  # no equation
    ],
)
def test_a_formula_is_right_wrong_or_undecided(answer: str, expected: str | None) -> None:
    assert verdict("δa_t = δh_t ⊙ (1 - h_t²)", answer) == expected


def test_a_right_formula_anywhere_beats_a_rival_formula() -> None:
    key = "h_t = o_t ⊙ tanh(C_t)"
    both = "An RNN has h_t = tanh(W x_t + U h_{t-1}), the LSTM h_t = o_t ⊙ tanh(C_t)."
    assert verdict(key, both) == "right"
    assert verdict(key, "An RNN has h_t = tanh(W x_t + U h_{t-1}).") == "wrong"
    assert verdict("C_t = f_t ⊙ C_{t-1} + i_t ⊙ C̃_t", "C_t = f ⊙ C_t-1 + i ⊙ g") == "right"
    assert verdict("C_t = f_t ⊙ C_{t-1} + i_t ⊙ C̃_t", "C_t = f_t ⊙ C_{t-1} ⊙ i_t ⊙ C̃_t") == (
        "wrong"
    )
    # A wrong time step is a wrong formula, not another notation.
    assert verdict("δh_t = ∂L_t/∂h_t + Uᵀ δa_{t+1}", "δh_t = ∂L_t/∂h_t + U δa_{t-1}") == "wrong"


def formula_question(formula: str) -> Question:
    point = KeyPoint("p", Text("tanh step", "tanh 步"), (parse_claim("sum"),), (), (formula,))
    empty = Text("", "")
    return Question(
        "q",
        "bptt",
        "easy",
        "free_text",
        empty,
        empty,
        empty,
        (),
        (),
        "free_text",
        key_points=(point,),
    )


def test_a_formula_decides_its_point_over_the_claims() -> None:
    question = formula_question("δa_t = δh_t ⊙ (1 - h_t²)")
    right = GRADER.grade(question, "δa_t = δh_t ⊙ (1 − h_t²)")
    assert right.points[0].status.value == "made"
    assert right.points[0].clause == "δa_t = δh_t ⊙ (1 − h_t²)"
    # The claim ("sum") is made by the words, but the formula written beside them is wrong.
    wrong = GRADER.grade(question, "We sum it: δa_t = δh_t + (1 − h_t²)")
    assert wrong.points[0].status.value == "contradicted"
    assert wrong.points[0].clause == "δa_t = δh_t + (1 − h_t²)"
    # No formula written: the claims decide as before.
    assert GRADER.grade(question, "We sum it.").points[0].status.value == "made"
    assert GRADER.grade(question, "Nothing here.").points[0].status.value == "missed"


def test_the_bank_reads_formulas_and_refuses_bad_ones(tmp_path: Path) -> None:
    def point(formula: object) -> dict[str, object]:
        return {"id": "p", "en": "x", "zh": "某", "claims": ["sum"], "formula": formula}

    question = {
        "id": "gen-001",
        "topic": "bptt",
        "difficulty": "easy",
        "type": "free_text",
        "source": "Werbos 1990, Backpropagation Through Time, §2",
        "prompt": {"en": "p", "zh": "问"},
        "answer": {"en": "a", "zh": "答"},
        "explanation": {"en": "e", "zh": "释"},
    }
    for formula, problem in [
        ("δa_t = δh_t ⊙ (1 - h_t²)", None),
        (["δi = δC ⊙ g", "δg = δC ⊙ i"], None),
        ("a = b = c", "a formula is one 'left = right'"),
        ("= b", "a formula is one 'left = right'"),
        (3, "expected a formula such as"),
        ({"en": "x"}, "expected a formula such as"),
    ]:
        path = tmp_path / "pack.yaml"
        document = {
            "format": 1,
            "module": "gen",
            "questions": [{**question, "key_points": [point(formula)]}],
        }
        path.write_text(yaml.safe_dump(document, allow_unicode=True), "utf-8")
        result = load_file(path)
        formula_problems = [p for p in result.problems if p.field.endswith(".formula")]
        if problem is None:
            assert formula_problems == []
        else:
            assert len(formula_problems) == 1 and problem in formula_problems[0].message
            assert formula_problems[0].field == "key_points[0].formula"


def test_the_verdicts_name_their_kind() -> None:
    assert FormulaVerdict.RIGHT.value == "right" and FormulaVerdict.WRONG.value == "wrong"


def test_perplexity_written_out_is_the_symbol() -> None:
    bank = {q.id: q for q in load_bank(include_user_packs=False).questions}
    question = bank["language-model-102"]

    def exp_of_ce(answer: str) -> str:
        grade = default_grader().grade(question, answer)
        return next(p.status.value for p in grade.points if p.point.id == "exp-of-ce")

    assert exp_of_ce("Perplexity = exp(2L), the exponential of twice the loss.") == "contradicted"
    assert exp_of_ce("Perplexity = exp(L), the exponential of the cross-entropy.") == "made"
    assert exp_of_ce("困惑度 = exp(L)。") == "made"
    # a value for one case is not the formula written wrong
    assert exp_of_ce("A uniform model over the vocabulary has PPL = V.") == "missed"
