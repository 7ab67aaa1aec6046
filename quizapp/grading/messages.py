"""The reader's messages in Simplified Chinese, for learners who work in the Chinese interface.

The reader writes its messages in English (they also appear in logs and JSON); ``localize`` maps the
common ones to Chinese by pattern and leaves any other message as it is.
"""

from __future__ import annotations

import re

_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^empty answer$", "答案为空"),
        (r"^no answer given$", "没有作答"),
        (r"^expected (\d+) numbers?, got (\d+)$", r"应输入 \1 个数，实际读到 \2 个"),
        (r"^unknown word '(.+?)' at position (\d+); the symbols here are: (.*)$",
         r"第 \2 个字符处的“\1”无法识别；可用的符号：\3"),
        (r"^unknown word '(.+?)' at position (\d+); numbers may use (.*)$",
         r"第 \2 个字符处的“\1”无法识别；数字中可以使用 \3"),
        (r"^unexpected character '(.+?)' at position (\d+)$", r"第 \2 个字符“\1”无法识别"),
        (r"^'(.+?)' at position (\d+) is never closed$", r"第 \2 个字符处的“\1”没有闭合"),
        (r"^'(.+?)' at position (\d+) is not a finite number$", r"第 \2 个字符处的“\1”不是有限数"),
        (r"^division by zero$", "除以零"),
        (r"^the result is not a number$", "结果不是数"),
        (r"^the result is too large \(the limit is (.+)\)$", r"结果太大（上限为 \1）"),
        (r"^the answer ends where a number was expected$", "答案在应为数字的地方结束了"),
        (r"^there are no numbers between the brackets$", "括号中没有数"),
        (r"^the brackets are nested too deeply \(more than (\d+) levels\)$",
         r"括号嵌套太深（超过 \1 层）"),
        (r"^the answer is longer than (.+)$", r"答案太长（超过 \1）"),
        (r"^expected an operator but found (.+)$", r"这里应为运算符，却是 \1"),
        (r"^expected a number or '\(' but found (.+)$", r"这里应为数字或“(”，却是 \1"),
        (r"^number (\d+): (.+)$", r"第 \1 个数：\2"),
        (r"^type an answer$", "请输入答案"),
        (r"^choose an option$", "请选择一个选项"),
        (r"^choose exactly one option$", "只能选择一个选项"),
        (r"^expected one number$", "应输入一个数"),
        (r"^expected a shape such as (.+)$", r"应输入形状，例如 \1"),
        (r"^the functions are nested too deeply \(more than (\d+) inside each other\)$",
         r"函数嵌套太深（超过 \1 层）"),
        (r"^the expression is too large to check \(the time to check it ran out after (\d+) ms\); "
         r"nothing was graded: write it in a simpler form$",
         r"表达式太大，无法检查（检查用时超过 \1 毫秒）；未评分：请写成更简单的形式"),
        (r"^the expression is too large to check \(its values go beyond (.+?) \(about (.+?)\) at "
         r"the test points\); nothing was graded: write it in a simpler form$",
         r"表达式太大，无法检查（在检验点上的值超过 \1，约 \2）；未评分：请写成更简单的形式"),
        (r"^the expression could not be checked in time \(it was stopped after (.+?) s\); "
         r"nothing was graded: write it in a simpler form$",
         r"未能及时检查该表达式（符号检查在 \1 秒后停止）；未评分：请写成更简单的形式"),
        (r"^the expression cannot be checked \(its values fall below (.+?) \(about (.+?)\) at the "
         r"test points: too small to compute, they underflow\); nothing was graded: write it "
         r"without such small numbers$",
         r"无法检查该表达式（在检验点上的值小于 \1，约 \2，太小而无法计算，发生下溢）；"
         r"未评分：请不要使用这么小的数"),
        (r"^the expression cannot be checked \(its values cannot be computed precisely at the "
         r"test points\); nothing was graded: write it in a simpler form$",
         r"无法检查该表达式（在检验点上的值无法精确计算）；未评分：请写成更简单的形式"),
    )
)  # fmt: skip


def localize(message: str, lang: str) -> str:
    """``message`` in ``lang`` ("en" or "zh"); unknown messages are returned unchanged."""
    if lang != "zh":
        return message
    for pattern, replacement in _ZH:
        match = pattern.match(message)
        if match:
            translated = match.expand(replacement)
            # a nested message ("number 2: division by zero") is translated too
            if pattern.pattern.startswith("^number"):
                translated = match.expand(r"第 \1 个数：") + localize(match.group(2), lang)
            return translated
    return message
