"""Claim lines and the lexicon files: what is read, and what is refused with which message."""

from __future__ import annotations

from pathlib import Path

import pytest

from questions.claims import ClaimSyntaxError, parse_claim
from questions.lexicon import read_lexicon, shipped_lexicon


def test_a_claim_line_reads_subject_slots_and_polarity() -> None:
    claim = parse_claim("  gru:  not   output-gate ")
    assert claim.subject == ("gru",)
    assert claim.slots == (("output-gate",),)
    assert claim.negated and claim.text == "gru: not output-gate"
    alt = parse_claim("cnn|conv fixed receptive-field")
    assert alt.subject == () and alt.slots == (("cnn", "conv"), ("fixed",), ("receptive-field",))
    assert not parse_claim("unit: not not saturated").negated  # double negation
    assert alt.concepts() == ("cnn", "conv", "fixed", "receptive-field")
    assert alt.ordered == ()


def test_greater_than_orders_two_slots() -> None:
    claim = parse_claim("layer-output > layer-input feed")
    assert claim.slots == (("layer-output",), ("layer-input",), ("feed",))
    assert claim.ordered == ((0, 1),)
    assert parse_claim("a: b>c>d").ordered == ((0, 1), (1, 2))
    assert parse_claim("a: b > not c").ordered == ((0, 1),) and parse_claim("a: b > not c").negated


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("", "empty claim"),
        ("a: b: c", "at most one ':'"),
        (": b", "must be one concept"),
        ("a b: c", "must be one concept"),
        ("gru: not", "needs at least one concept"),
        ("Forget_Gate", "is not a concept id"),
        ("a||b", "is not a concept id"),
        ("a: > b", "'>' stands between two concepts"),
        ("a: b >", "'>' stands between two concepts"),
        ("a: b > > c", "'>' stands between two concepts"),
    ],
)
def test_bad_claim_lines_say_what_is_wrong(line: str, message: str) -> None:
    with pytest.raises(ClaimSyntaxError, match=message):
        parse_claim(line)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("concepts:\n  - {id: a, en: [x]}\n  - {id: a, en: [y]}\n", "concept 'a' is defined twice"),
        ("concepts:\n  - {id: a}\n", "concept 'a' has no forms"),
        ("concepts:\n  - {id: a, en: [x], opposite: b}\n", "opposite 'b' is unknown"),
        ("concepts:\n  - {id: A, en: [x]}\n", "concept id 'A'"),
        ("concepts:\n  - {id: a, en: [x], colour: red}\n", "unknown key 'colour'"),
        ("concepts:\n  - {id: a, zh: [并不]}\n", "only a negation word"),
        ("concepts:\n  - {id: a, en: [not]}\n", "only a negation word"),
        ("stuff: 1\n", "unknown top-level key 'stuff'"),
        ("[1, 2]\n", "top level must be a mapping"),
        ("concepts: [\n", "not valid YAML"),
        (
            "misconceptions:\n  - {id: m, topics: [t], claims: ['a:'], en: x, zh: y,"
            " correction: {en: c, zh: d}}\n",
            "needs at least one concept",
        ),
        (
            "misconceptions:\n  - {id: m, topics: [t], claims: [zz], en: x, zh: y,"
            " correction: {en: c, zh: d}}\n",
            "names unknown concept 'zz'",
        ),
        (
            "concepts:\n  - {id: a, en: [x]}\nmisconceptions:\n"
            "  - {id: m, topics: [t], claims: [a], en: x, zh: y}\n",
            "correction must be a mapping",
        ),
        (
            "concepts:\n  - {id: a, en: [x]}\nmisconceptions:\n"
            "  - {id: m, topics: [no-such-topic], claims: [a], en: x, zh: y,"
            " correction: {en: c, zh: d}}\n",
            "unknown topic 'no-such-topic'",
        ),
    ],
)
def test_bad_lexicon_files_say_what_and_where(tmp_path: Path, text: str, message: str) -> None:
    lexicon = read_lexicon([write(tmp_path, text)])
    assert any(message in str(p) for p in lexicon.problems), [str(p) for p in lexicon.problems]


def test_opposites_are_symmetric_and_groups_make_rivals(tmp_path: Path) -> None:
    lexicon = read_lexicon(
        [
            write(
                tmp_path,
                "concepts:\n  - {id: keep, en: [keep], opposite: change}\n"
                "  - {id: change, en: [change]}\n  - {id: a, en: [a1], group: g}\n"
                "  - {id: b, en: [b1], group: g}\n  - {id: c, en: [c1]}\n",
            )
        ]
    )
    assert lexicon.problems == ()
    assert lexicon.opposite_of("change") == "keep" and lexicon.opposite_of("keep") == "change"
    assert lexicon.rivals(["a"]) == {"a", "b"} and lexicon.rivals(["c"]) == {"c"}


def test_the_shipped_lexicon_reads_without_problems() -> None:
    lexicon = shipped_lexicon()
    assert lexicon.problems == ()
    assert len(lexicon.concepts) > 100
    assert len(lexicon.misconceptions) >= 20
