"""The inline markup tokeniser and its renderers, on hand-written texts and on the whole bank."""

from __future__ import annotations

import re

import pytest

from questions.load import load_bank
from questions.schema import Question
from questions.vocab import Text
from quizapp.drills.quantities import FRAMEWORK_KEYS, label_of
from quizapp.richtext import Code, Math, Plain, segments, to_html, to_markdown, to_mathjax, to_plain
from quizapp.study.export import escape_markdown


def test_math_code_and_text_are_told_apart() -> None:
    text = "From x_t and h_{t-1}, C̃_t uses 2·hidden_size and `out`; weight_ih_l0 is code."
    assert segments(text) == (
        Plain("From "),
        Math("x", "t"),
        Plain(" and "),
        Math("h", "t−1"),
        Plain(", "),
        Math("C̃", "t"),
        Plain(" uses 2·"),
        Code("hidden_size"),
        Plain(" and "),
        Code("out"),
        Plain("; "),
        Code("weight_ih_l0"),
        Plain(" is code."),
    )


def test_superscripts_and_chinese_neighbours() -> None:
    assert segments("e^(−a/2)") == (Math("e", "", "−a/2"),)
    assert segments("h^(2)_{t-1}") == (Math("h", "t−1", "(2)"),)
    assert segments("0.9^66.") == (Plain("0.9"), Math("", "", "66"), Plain("."))
    # Chinese characters count as word characters for \w; a name right after one is still math.
    assert segments("和h_t") == (Plain("和"), Math("h", "t"))


def test_dotted_and_long_names_are_code_short_ones_math() -> None:
    assert segments("h_n.shape") == (Code("h_n.shape"),)
    assert segments("max_norm") == (Code("max_norm"),)
    assert segments("dC_next") == (Math("dC", "next"),)
    assert segments("torch.nn.utils.clip_grad_norm_(p)") == (
        Code("torch.nn.utils.clip_grad_norm_"),
        Plain("(p)"),
    )


def test_latex_leftovers_become_code_or_text() -> None:
    assert segments(r"\texttt{h\_n.shape}") == (Code("h_n.shape"),)
    assert segments(r"\tilde{C}_t") == (Math("C̃", "t"),)
    assert segments(r"\#\,\text{parameters}") == (Plain("# parameters"),)
    assert segments("a\\b") == (Plain("ab"),)


def test_html_escapes_everything_and_raises_scripts() -> None:
    assert to_html("<b>h_{t-1}</b> & `x<y`") == (
        "&lt;b&gt;h<sub>t−1</sub>&lt;/b&gt; &amp; <code>x&lt;y</code>"
    )
    assert to_html("h^(2)_{t-1}") == "h<sup>(2)</sup><sub>t−1</sub>"
    assert to_html("a\nb") == "a<br>b"


def test_mathjax_writes_latex_inside_escaped_delimiters() -> None:
    assert to_mathjax("C̃_t and C_prev") == r"\(\tilde{C}_{t}\) and \(C_{\mathrm{prev}}\)"
    assert to_mathjax("σ_{a&b}") == r"\(\sigma_{a\&amp;b}\)"
    assert to_mathjax("e^(−a/2)") == r"\(e^{-a/2}\)"


def test_markdown_and_plain() -> None:
    assert to_markdown("use `x` with h_t *now*", escape_markdown) == (
        f"use `x` with h<sub>t</sub> {escape_markdown('*now*')}"
    )
    assert to_markdown("`a`b`", escape_markdown).startswith("`a`")
    assert to_plain("`x` h_{t-1} C_t e^(−a)") == "x h_{t−1} C_t e^(−a)"


def test_framework_labels_render_without_raw_latex() -> None:
    # The mock interview's shape question showed "textttoutput.shape".
    for key in FRAMEWORK_KEYS:
        latex, _ = label_of(key)
        html = to_html(latex)
        assert "texttt" not in html and "\\" not in html
    assert to_html(label_of("shape_output")[0]) == "<code>output.shape</code>"


def _texts(question: Question) -> list[Text]:
    found = [question.prompt, question.answer, question.explanation]
    for option in question.options:
        found.append(option.text)
        if option.why_wrong is not None:
            found.append(option.why_wrong)
    found += [item.text for item in question.items]
    found += [side for pair in question.pairs for side in (pair.left, pair.right)]
    found += [point.text for point in question.key_points]
    return found


_RAW = re.compile(r"_\{|`|\\texttt|\\|\b[A-Za-z]{1,2}_[A-Za-z0-9]\b")


@pytest.mark.parametrize("render", [to_html, to_mathjax])
def test_every_text_of_the_bank_renders_without_raw_markup(render: object) -> None:
    assert callable(render)
    questions = load_bank().questions
    checked = 0
    for question in questions:
        for text in _texts(question):
            for lang in ("en", "zh"):
                shown = render(text.get(lang))
                # What is inside <code> and inside MathJax's \( \) is meant as it is.
                outside = re.sub(r"<code>.*?</code>|\\\(.*?\\\)", "", shown)
                assert not _RAW.search(outside), (question.id, lang, shown)
                checked += 1
    assert len(questions) > 150 and checked > 2000
