"""Developer tool: write the Simplified Chinese translations into ``quizapp_zh_CN.ts`` and the
English plural forms into ``quizapp_en.ts``.

The ``.ts`` files are the source of the interface translation; these tables are how they were
written. A message with a count is written with its English plural as source,
``self.tr("%n problems …", "", n)``; Qt picks the form for the number from the loaded translation,
so English needs its own file holding just those messages (``-pluralonly``). Workflow after
changing interface strings (the study pages keep their own hand-edited ``study_*.ts``)::

    FILES=$(find quizapp/gui -name '*.py' -not -path '*/diagram/*' -not -path '*/study/*')
    pyside6-lupdate $FILES -ts quizapp/gui/i18n/quizapp_zh_CN.ts -no-obsolete
    pyside6-lupdate $FILES -ts quizapp/gui/i18n/quizapp_en.ts -no-obsolete -pluralonly \
        -source-language en_US -target-language en_US
    python -m quizapp.gui.i18n.fill_zh
    pyside6-lrelease quizapp/gui/i18n/quizapp_zh_CN.ts -qm quizapp/gui/i18n/quizapp_zh_CN.qm
    pyside6-lrelease quizapp/gui/i18n/quizapp_en.ts -qm quizapp/gui/i18n/quizapp_en.qm

Not imported by the app.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS_FILE = Path(__file__).with_name("quizapp_zh_CN.ts")
EN_TS_FILE = Path(__file__).with_name("quizapp_en.ts")

ZH: dict[str, str] = {
    "Dismiss message": "关闭提示",
    "Back to your drill": "回到未完成的练习",
    "✗ Not read: %1": "✗ 无法识别：%1",
    "✗ Not read": "✗ 无法识别",
    "Nothing was graded: correct the answer marked in red and submit again.": "尚未评分：请改正标红的答案后再提交。",
    "%1 has none of the quantities you chose; this drill asks for: %2.": "%1 没有你所选的量；本题改为求：%2。",
    "✓ right option": "✓ 正确选项",
    "✗ not right": "✗ 不正确",
    "Something went wrong": "出错了",
    "An unexpected error happened. Your work so far is kept and the app goes on running. "
    "The details below are also in the log file:": "发生了意外错误。已完成的内容都已保留，程序会继续运行。"
    "下面的详细信息也记录在日志文件中：",
    "Error details": "错误详情",
    "Copy details": "复制详情",
    "← Previous": "← 上一个",
    "Next →": "下一个 →",
    "Previous stage of the diagram": "示意图的上一步",
    "Next stage of the diagram": "示意图的下一步",
    "What went wrong": "错在哪里",
    "Worked solution": "详细解答",
    "Next step": "下一步",
    "Show all steps": "显示全部步骤",
    "Score: %1 %": "得分：%1 %",
    "The cell": "单元公式",
    "Given": "已知",
    "Parameters": "参数",
    "Values you may use": "可直接使用的数值",
    "Your answer": "你的答案",
    "Submit  (Enter)": "提交  (Enter)",
    "Submit": "提交",
    "Answer %1": "答案 %1",
    "input shape: %1": "输入形状：%1",
    "pack: %1": "题包：%1",
    "periods: %1": "周期：%1",
    "a number, e.g. 128": "一个数，例如 128",
    "a shape, e.g. (5, 3, 20)": "一个形状，例如 (5, 3, 20)",
    "a formula, e.g. f*c + i*g": "一个公式，例如 f*c + i*g",
    "Not read, not counted: %1": "无法识别，不计分：%1",
    "✓ Correct": "✓ 正确",
    "✗ %1 of %2 right": "✗ %2 个中对了 %1 个",
    "consistent with your earlier answer (carried forward)": "与你前面的答案一致（沿用计分）",
    "✗ Left empty: counts as wrong": "✗ 未作答：按答错计",
    "✗ Not read, counts as wrong: %1": "✗ 无法识别，按答错计：%1",
    "Not the expected value, but it follows from your own earlier answers: counted (error carried forward)": "不是正确值，但由你自己前面的答案正确推出：计分（错误沿用）",
    "made in %1": "出现在 %1",
    "Not counted: correct the answer and check again": "不计分：请改正答案后再检查",
    "Correct: %1": "正确公式：%1",
    "A seed is a whole number from 0 to %1.": "种子是 0 到 %1 之间的整数。",
    "Drill": "练习",
    "&Seed": "种子(&S)",
    "Seed": "种子",
    "Type a seed and press Enter to replay that drill": "输入种子并按 Enter，重做那道题",
    "Replay": "重做",
    "Another like this  (Ctrl+N)": "再来一道  (Ctrl+N)",
    "Another like this": "再来一道",
    "Print": "打印",
    "Save this drill as a PDF to work on paper, with the answer key on a new page": "把本题存为 PDF，在纸上演算；答案在新的一页",
    "Print the drill": "打印本题",
    "Not printed: %1": "未打印：%1",
    "Not printed: %1 is inside the data folder (it would overwrite the history); "
    "choose a file outside it.": "未打印：%1 位于数据文件夹内（会覆盖历史记录）；请选择文件夹之外的文件。",
    "Printed the drill (seed %1) with its answer key to %2": "已将本题（种子 %1）连同答案打印到 %2",
    "read as %1": "识别为 %1",
    "Write your answer as you would say it in an interview": "像面试时那样写下你的回答",
    "Which key points did your answer make?": "你的回答涵盖了哪些要点？",
    "write an answer first": "请先写下回答",
    "Score: %1 of %2 key points": "得分：%2 个要点中的 %1 个",
    "All outputs of the cell": "单元的全部输出",
    "What would you like to practise?": "今天想练习什么？",
    "Work a gate computation by hand on a clean sheet, or answer interview questions with "
    "feedback. Choose below and start.": "在一张干净的纸上手算门控，或者回答带反馈的面试题。在下面选择后开始。",
    "Gate drills": "门控计算练习",
    "One step of a cell with small numbers: compute the asked quantities.": "用小数字计算单元的一步：求出所问的量。",
    "&Cells": "单元(&C)",
    "&Quantities": "所求的量(&Q)",
    "Cells": "单元",
    "Quantities": "所求的量",
    "&Difficulty": "难度(&D)",
    "GRU con&vention": "GRU 约定(&V)",
    "Start drills": "开始练习",
    "Interview questions": "面试题",
    "Questions from the bank, with the model answer and an explanation.": "题库中的题目，附参考答案和解释。",
    "&Topics (none ticked: all)": "主题（不勾选即全部）(&T)",
    "T&ypes (none ticked: all)": "题型（不勾选即全部）(&Y)",
    "Topics": "主题",
    "Question types": "题型",
    "Di&fficulty": "难度(&F)",
    "Start questions": "开始答题",
    "More": "更多",
    "Drill difficulty": "练习难度",
    "GRU convention": "GRU 约定",
    "Question difficulty": "题目难度",
    "Recurrent networks, by hand": "手算循环神经网络",
    "quizapp": "quizapp",
    "Home": "主页",
    "Settings": "设置",
    "Shortcuts (F1)": "快捷键 (F1)",
    "Keyboard shortcuts": "键盘快捷键",
    "Choose…": "请选择…",
    "✓ right": "✓ 正确",
    "✗ it goes with: %1": "✗ 应配对：%1",
    "Vanilla RNN": "普通 RNN",
    "LSTM": "LSTM",
    "Peephole LSTM": "窥视孔 LSTM",
    "CIFG LSTM": "CIFG LSTM（耦合输入与遗忘门）",
    "GRU": "GRU",
    "MGU": "MGU（最小门控单元）",
    "SRU": "SRU（简单循环单元）",
    "Clockwork RNN": "Clockwork RNN（时钟 RNN）",
    "Depth-gated LSTM": "深度门控 LSTM",
    "minGRU": "minGRU",
    "minLSTM": "minLSTM",
    "sLSTM": "sLSTM",
    "mLSTM": "mLSTM",
    "Selective SSM": "选择性 SSM",
    "Linear attention": "线性注意力",
    "Paper (h̃ = W_h x + b_h)": "论文（h̃ = W_h x + b_h）",
    "Log-space code (h̃ = g(W_h x + b_h))": "对数空间代码（h̃ = g(W_h x + b_h)）",
    "Paper (normalised gates, h̃ = W_h x + b_h)": "论文（门归一化，h̃ = W_h x + b_h）",
    "Log-space code (normalised gates, h̃ = g(…))": "对数空间代码（门归一化，h̃ = g(…)）",
    "Gates not normalised": "门不归一化",
    "Forget gate σ": "遗忘门 σ",
    "Forget gate exp": "遗忘门 exp",
    "Simplified B̄ = Δ B (Mamba)": "简化的 B̄ = Δ B（Mamba）",
    "Exact zero-order hold": "精确的零阶保持",
    "minGRU convention": "minGRU 约定",
    "minLSTM convention": "minLSTM 约定",
    "sLSTM convention": "sLSTM 约定",
    "mLSTM convention": "mLSTM 约定",
    "Selective SSM convention": "选择性 SSM 约定",
    "PyTorch (reset after U h)": "PyTorch（重置门作用在 U h 之后）",
    "D2L (reset before U h)": "D2L（重置门作用在 U h 之前）",
    "Colah (z takes the candidate)": "Colah（z 取候选值）",
    "tanh": "tanh",
    "ReLU": "ReLU",
    "standard": "标准",
    "Whiteboard (by hand, small numbers)": "白板（手算，小数字）",
    "Standard": "标准",
    "Hard": "困难",
    "Any difficulty": "任意难度",
    "Easy": "简单",
    "Medium": "中等",
    "Single choice": "单选题",
    "Multiple choice": "多选题",
    "True or false": "判断题",
    "Number": "数值题",
    "Tensor shape": "张量形状",
    "Formula": "公式题",
    "Ordering": "排序题",
    "Matching": "配对题",
    "Code reading": "读代码",
    "Free text": "简答题",
    "Follow the system": "跟随系统",
    "Light": "浅色",
    "Dark": "深色",
    "One bias per gate": "每个门一个偏置",
    "Two biases per gate (PyTorch)": "每个门两个偏置（PyTorch）",
    "Move up  (Alt+↑)": "上移  (Alt+↑)",
    "Move down  (Alt+↓)": "下移  (Alt+↓)",
    "Items to put in order": "待排序的条目",
    "Not counted: %1": "不计分：%1",
    "Checking…": "正在检查…",
    "Not counted: the answer could not be checked (%1)": "不计分：无法检查这个答案（%1）",
    "The answer could not be checked (%1); nothing was graded.": "无法检查这个答案（%1），尚未评分。",
    "✓ Right": "✓ 正确",
    "Partly right: %1 %": "部分正确：%1 %",
    "✗ Not quite": "✗ 不太对",
    "Read as: %1": "识别为：%1",
    "Model answer": "参考答案",
    "Why": "解释",
    "Sources: %1": "出处：%1",
    "Questions": "题目",
    "Question %1 of %2": "第 %1 题，共 %2 题",
    "Check  (Ctrl+Enter)": "检查  (Ctrl+Enter)",
    "Check": "检查",
    "Previous question": "上一题",
    "Next question": "下一题",
    "Changes apply at once and are kept for the next start.": "修改立即生效，并在下次启动时保留。",
    "&Interface language": "界面语言(&I)",
    "&Content language (questions, drills)": "内容语言（题目、练习）(&C)",
    "&Theme": "主题配色(&T)",
    "&Font size": "字号(&F)",
    "&GRU convention": "GRU 约定(&G)",
    "&Biases": "偏置(&B)",
    "&Drill difficulty": "练习难度(&D)",
    "Tolerance, &absolute": "容差，绝对值(&A)",
    "Tolerance, &relative": "容差，相对值(&R)",
    "Desired rete&ntion (reviews)": "期望记忆保持率（复习）(&N)",
    "&Streak on the statistics page": "统计页显示连续天数(&S)",
    "How likely you should still remember an item when it comes due. Higher means more frequent "
    "reviews.": "到期复习时仍记得该题的概率。数值越高，复习越频繁。",
    "Show how many days in a row I studied": "显示我连续学习了多少天",
    "Show my streak": "显示连续天数",
    "Enter": "Enter",
    "Submit the drill / check a typed answer": "提交练习 / 检查输入的答案",
    "Ctrl+Enter": "Ctrl+Enter",
    "Check the answer to a question": "检查题目的答案",
    "Ctrl+N": "Ctrl+N",
    "Another drill like this one": "再来一道同类练习",
    "← / →": "← / →",
    "Step through the cell diagram": "逐步查看单元示意图",
    "Ctrl+D": "Ctrl+D",
    "Show the answer (counts as a miss)": "显示答案（记为答错）",
    "Show the answer  (Ctrl+D)": "显示答案  (Ctrl+D)",
    "I don't know: show the model answer (counts as a miss)": "不会：显示参考答案（记为答错）",
    "I don't know: show the worked solution (counts as a miss)": "不会：显示详细解答（记为答错）",
    "Answer shown: counted as a miss": "已显示答案：记为答错",
    "&History of free practice": "自由练习记录(&H)",
    "Save my practice": "保存我的练习",
    "Keep every drill and question answered outside a study mode in the history, its statistics and its reviews": "把学习模式之外做过的每道计算题和问题都记入学习记录、统计和复习",
    "Every answer you give here is saved to your history: it counts in the statistics and comes back for review (Settings turns this off).": "你在这里的每个回答都会保存到学习记录：计入统计，并安排复习（可在设置中关闭）。",
    "Practice is not saved to your history (turned off in Settings).": "练习不会保存到学习记录（已在设置中关闭）。",
    "1 – 9": "1 – 9",
    "Choose an option (or tick a key point)": "选择选项（或勾选要点）",
    "Alt+↑ / Alt+↓": "Alt+↑ / Alt+↓",
    "Move an item when putting things in order": "排序时移动条目",
    "Alt+← / Alt+→": "Alt+← / Alt+→",
    "Previous / next question": "上一题 / 下一题",
    "Tab / Shift+Tab": "Tab / Shift+Tab",
    "Next / previous field": "下一个 / 上一个输入框",
    "Ctrl+,": "Ctrl+,",
    "Esc": "Esc",
    "Go back": "返回",
    "Ctrl+Q": "Ctrl+Q",
    "Quit (checked answers are already saved)": "退出（已检查的答案都已保存）",
    "F1 or ?": "F1 或 ?",
    "This sheet": "本快捷键表",
    "Keys": "按键",
    "Action": "操作",
    "Where": "场合",
    "Everywhere": "任何页面",
    "Drills": "计算练习",
    "Questions and reviews": "问题与复习",
    "Another drill like this one (on home: start)": "再来一道同类练习（首页：开始练习）",
    "Enter or Space": "Enter 或空格",
    "Press the focused button": "按下当前焦点所在的按钮",
    "Submit the drill (in an answer field)": "提交练习（在答案输入框中）",
    "Show the worked solution (counts as a miss)": "显示详细解答（记为答错）",
    "Check (or Enter in a one-line answer); then: go on": "检查答案（单行答案也可按 Enter）；再按：继续",
    "Reviews, once answered: rate how well you knew it": "复习中作答后：评价掌握程度",
    "Take back the last rating": "撤销上一次评价",
    "a number, e.g. 0.25 or 1/4": "一个数，例如 0.25 或 1/4",
    "a formula in %1": "用 %1 表示的公式",
    "Unit: %1": "单位：%1",
    "expected 1 number": "应为 1 个数",
    "expected %1 numbers": "应为 %1 个数",
}

# Messages with a count (``tr(text, "", n)``): Chinese has one form for every number.
PLURALS: dict[str, str] = {
    "Matching questions: %n": "符合条件的题目：%n 道",
    "%n numbers, e.g. %1": "%n 个数，例如 %1",
    "%n question files have problems; the questions concerned are left out:": "%n 个题目文件有问题，相关题目已略去：",
}


# The English forms (one, other) of the messages with a count.
PLURALS_EN: dict[str, tuple[str, str]] = {
    "Matching questions: %n": ("Matching questions: %n", "Matching questions: %n"),
    "%n numbers, e.g. %1": ("%n number, e.g. %1", "%n numbers, e.g. %1"),
    "%n question files have problems; the questions concerned are left out:": (
        "A question file has problems; the questions concerned are left out:",
        "%n question files have problems; the questions concerned are left out:",
    ),
}


def _set_forms(translation: ET.Element, forms: tuple[str, ...]) -> None:
    for child in list(translation):
        translation.remove(child)
    translation.text = None
    for text in forms:
        ET.SubElement(translation, "numerusform").text = text


def fill_english(path: Path = EN_TS_FILE) -> list[str]:
    """Write the English plural forms into ``path``; returns the sources without forms."""
    tree = ET.parse(path)
    missing: list[str] = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if source not in PLURALS_EN:
            missing.append(source)
            continue
        _set_forms(translation, PLURALS_EN[source])
        translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


def fill(path: Path = TS_FILE) -> list[str]:
    """Write every known translation into ``path``; returns the sources still untranslated."""
    tree = ET.parse(path)
    missing: list[str] = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if source in PLURALS:
            _set_forms(translation, (PLURALS[source],))
        elif source in ZH:
            translation.text = ZH[source]
        else:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    untranslated = fill() + fill_english()
    for source in untranslated:
        print(f"untranslated: {source!r}", file=sys.stderr)
    sys.exit(1 if untranslated else 0)
