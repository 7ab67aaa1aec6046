"""Messages with a count read right in both languages: "1 day", "2 days" (Qt's plural forms from
``i18n/*_en.ts`` and ``*_zh_CN.ts``); no "(s)" anywhere in the interface texts."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from quizapp.gui import names, translations
from quizapp.gui.study import set_study_language
from quizapp.gui.views.question import QuestionView

I18N = Path(translations.__file__).parent / "i18n"

# context, source, then per language the text for 1 and for 2.
CASES: list[tuple[str, str, dict[str, tuple[str, str]]]] = [
    ("StatsPage", "Streak: %n days in a row", {
        "en": ("Streak: 1 day in a row", "Streak: 2 days in a row"),
        "zh": ("连续学习：1 天", "连续学习：2 天")}),
    ("StatsPage", "%n answers recorded", {
        "en": ("1 answer recorded", "2 answers recorded"),
        "zh": ("已记录 1 次作答", "已记录 2 次作答")}),
    ("StatsPage", "Wrote %n answers to %1", {
        "en": ("Wrote 1 answer to %1", "Wrote 2 answers to %1"),
        "zh": ("已将 1 次作答写入 %1", "已将 2 次作答写入 %1")}),
    ("QuestionView", "%n question files have problems; the questions concerned are left out:", {
        "en": ("A question file has problems; the questions concerned are left out:",
               "2 question files have problems; the questions concerned are left out:"),
        "zh": ("1 个题目文件有问题，相关题目已略去：", "2 个题目文件有问题，相关题目已略去：")}),
    ("DrillSheet", "%n numbers, e.g. %1", {
        "en": ("1 number, e.g. %1", "2 numbers, e.g. %1"),
        "zh": ("1 个数，例如 %1", "2 个数，例如 %1")}),
]  # fmt: skip


@pytest.fixture
def language(qtbot: QtBot) -> Iterator[None]:
    """Switches the interface language in the test; English again afterwards."""
    del qtbot  # the QApplication
    yield
    translations.set_language("en")
    set_study_language("en")


def _use(lang: str) -> None:
    assert translations.set_language(lang) and set_study_language(lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("context", "source", "expected"), CASES)
def test_counted_messages_in_singular_and_plural(
    language: None, lang: str, context: str, source: str, expected: dict[str, tuple[str, str]]
) -> None:
    _use(lang)
    one, two = (QCoreApplication.translate(context, source, "", n) for n in (1, 2))
    assert (one, two) == expected[lang]


@pytest.mark.parametrize(
    ("lang", "one", "three"),
    [("en", "expected 1 number", "expected 3 numbers"), ("zh", "应为 1 个数", "应为 3 个数")],
)
def test_expected_numbers(language: None, lang: str, one: str, three: str) -> None:
    _use(lang)
    assert (names.expected_numbers(1), names.expected_numbers(3)) == (one, three)


def test_question_view_names_one_problem_in_the_singular(language: None, qtbot: QtBot) -> None:
    view = QuestionView()
    qtbot.addWidget(view)
    view.show()
    _use("en")
    view.show_problems(["packs/a.yaml:3: bad"])
    assert view.banner.message() == (
        "A question file has problems; the questions concerned are left out:\npacks/a.yaml:3: bad"
    )
    view.show_problems(["packs/a.yaml:3: bad", "packs/b.yaml:9: worse"])
    assert view.banner.message().startswith("2 question files have problems; the questions")
    _use("zh")
    view.show_problems(["packs/a.yaml:3: bad"])
    assert view.banner.message().startswith("1 个题目文件有问题，相关题目已略去：\n")


def test_no_interface_text_says_s_in_brackets() -> None:
    files = sorted(I18N.glob("*.ts"))
    assert {f.name for f in files} >= {
        "quizapp_en.ts", "quizapp_zh_CN.ts", "study_en.ts", "study_zh_CN.ts",
    }  # fmt: skip
    for file in files:
        for message in ET.parse(file).iter("message"):
            texts = [message.findtext("source") or ""]
            texts += [
                t.text or "" for t in message.iter() if t.tag in ("translation", "numerusform")
            ]
            assert not [t for t in texts if "(s)" in t], f"{file.name}: {texts[0]!r}"
