"""The words of ``quizapp review`` in the terminal, in English and Chinese (``--lang``).

``word(key, lang, **values)`` fills one text; the summary lines put their counts in the right
number (English ``1 item`` / ``2 items``; Chinese has no plural).
"""

from __future__ import annotations

from questions.vocab import Text
from quizapp.plural import count_en

WORDS: dict[str, Text] = {
    "nothing_due": Text(
        "Nothing is due today. Come back tomorrow, or drill with the app.",
        "今天没有到期的复习。明天再来，或者在应用里做练习。",
    ),
    "stopped": Text("Stopped.", "已停止。"),
    "not_counted": Text("Not counted: {message}. Try again.", "不计分：{message}。请再试一次。"),
    "right": Text("Right.", "正确。"),
    "score_question": Text("Score {score}.", "得分 {score}。"),
    "read_as": Text("  (read as {value})", "（识别为 {value}）"),
    "model_answer": Text("Model answer: {answer}", "参考答案：{answer}"),
    "ask_choice": Text("Your choice (numbers): ", "你的选择（填编号）："),
    "ask_order": Text(
        "The right order (numbers, e.g. 2 1 3): ", "正确的顺序（填编号，例如 2 1 3）："
    ),
    "ask_matching": Text(
        "Letter for each numbered item (e.g. b a c): ",
        "按编号顺序为每一项填一个字母（例如 b a c）：",
    ),
    "ask_free_text": Text("Write your answer; an empty line ends it.", "写下你的回答；空行结束。"),
    "key_points": Text("Key points (x = your answer makes it):", "要点（x = 你的回答涵盖了）："),
    "ask_toggles": Text(
        "Numbers to toggle, Enter to accept: ", "输入要更改的编号，按 Enter 确认："
    ),
    "ask_answer": Text("Your answer: ", "你的答案："),
    "show_hint": Text(
        "(Type ? to see the answer; it counts as a miss.)", "（输入 ? 查看答案；记为答错。）"
    ),
    "shown": Text("Answer shown: counted as a miss.", "已显示答案：记为答错。"),
    "no_questions": Text("No question matches these choices.", "没有符合这些条件的题目。"),
    "not_read": Text(
        "  {quantity}: not read ({message}); try again",
        "  {quantity}：无法识别（{message}），请再试一次",
    ),
    "score_drill": Text("Score {score}", "得分 {score}"),
    "ask_rating": Text(
        "Rating {rating} {name}: Enter accepts, or 1 Again, 2 Hard, 3 Good, 4 Easy: ",
        "评分 {rating} {name}：按 Enter 接受，或输入 1 重来、2 困难、3 良好、4 简单：",
    ),
    "rating_refused": Text(
        "Type 1, 2, 3 or 4, or press Enter.", "请输入 1、2、3 或 4，或直接按 Enter。"
    ),
    "next_review": Text("Next review: {when}", "下次复习：{when}"),
    "no_answers": Text("No answers recorded.", "没有记录任何作答。"),
    "mistake": Text("  {mistake}: {count}x", "  {mistake}：{count} 次"),
}

RATING_NAMES: dict[int, Text] = {
    1: Text("Again", "重来"),
    2: Text("Hard", "困难"),
    3: Text("Good", "良好"),
    4: Text("Easy", "简单"),
}


def in_language(text: Text, lang: str) -> str:
    """The text in ``lang`` ("zh" or anything else for English)."""
    return text.zh if lang == "zh" else text.en


def word(key: str, lang: str, **values: object) -> str:
    """The review's text ``key`` in ``lang`` with ``values`` filled in."""
    return in_language(WORDS[key], lang).format(**values)


def reviewed_line(answered: int, mean_percent: str, minutes: float, lang: str) -> str:
    """``Reviewed 1 item, mean score 80%, 2.5 min.``"""
    if lang == "zh":
        return f"复习了 {answered} 项，平均得分 {mean_percent}，用时 {minutes:.1f} 分钟。"
    return f"Reviewed {count_en(answered, 'item')}, mean score {mean_percent}, {minutes:.1f} min."


def left_line(count: int, lang: str) -> str:
    """``2 items left for later.``"""
    if lang == "zh":
        return f"还有 {count} 项留待以后。"
    return f"{count_en(count, 'item')} left for later."
