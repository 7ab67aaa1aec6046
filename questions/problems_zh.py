"""Problems found in question files, in the language of the interface (English or Chinese).

The loader and the checker (``load``, ``validate``, ``yamlsafe``, ``zh_spacing``) write their
messages in English: ``quizapp questions validate`` prints them and tests read them. The window
shows a pack's problems in its banner in the interface language, so ``problem_line`` gives each
line in Chinese: the file and line as they are, the question and field named in Chinese, and the
message translated clause by clause ("got …; expected …"). Field names, ids, keys and values are
data and stay as written; a clause without a translation here stays in English (as
``quizapp.grading.messages.localize`` does for the reader's messages).
"""

from __future__ import annotations

import re

from questions.validate import Problem, printable
from questions.vocab import Lang

_Rules = tuple[tuple[re.Pattern[str], str], ...]


def _rules(*pairs: tuple[str, str]) -> _Rules:
    return tuple((re.compile(f"^{pattern}$"), replacement) for pattern, replacement in pairs)


# What ``validate.describe`` says about a value ("got X", "has X", "question #1 is X").
_VALUES = _rules(
    (r"nothing \(null\)", "空值（null）"),
    (r"true/false \((true|false)\)", r"布尔值（\1）"),
    (r"a number with (\d+) digits", r"\1 位的数"),
    (r"a number \((.+)\)", r"数（\1）"),
    (r"text ('.*'|\".*\")", r"文本 \1"),
    (r"a list", "列表"),
    (r"a mapping", "映射"),
    (r"(-?[\d.e+-]+|inf|-inf|nan)", r"\1"),
)

_NOUNS = {
    "options": "选项",
    "items": "排序项",
    "pairs": "配对",
    "key points": "要点",
    "topic": "主题",
    "question type": "题型",
    "difficulty": "难度",
    "left": "左侧",
    "right": "右侧",
    "English (en) text": "英文（en）文本",
    "Chinese (zh) translation": "中文（zh）译文",
    "a file": "一个文件",
    "a named pipe": "命名管道",
    "a socket": "套接字",
    "a device": "设备",
    "not a file or folder": "既非文件也非文件夹的对象",
    # the operating system's reasons (``strerror``) most often met
    "Permission denied": "权限不足",
    "No such file or directory": "没有这个文件或文件夹",
    "Is a directory": "这是文件夹",
    "Not a directory": "不是文件夹",
    "Too many levels of symbolic links": "符号链接层数过多",
    "Input/output error": "输入/输出错误",
}

# What a clause "expected X" asks for.
_EXPECTED = _rules(
    (r"a mapping", "映射"),
    (r"text", "文本"),
    (r"non-empty text", "非空文本"),
    (r"a number", "数"),
    (r"a finite number", "有限数"),
    (r"a number >= 0", "≥ 0 的数"),
    (r"a list of texts", "文本列表"),
    (r"a list of questions", "题目列表"),
    (r"a list of (options|items|pairs|key points)", r"⟦\1⟧列表"),
    (r"at least (\d+)", r"至少 \1 个"),
    (r"a short id", "简短的 id"),
    (r"option ids", "选项 id"),
    (r"at least one option id", "至少一个选项 id"),
    (r"a non-empty list of whole numbers", "非空的整数列表"),
    (r"whole numbers >= 0", "≥ 0 的整数"),
    (r"a mapping with 'kind'", "含 'kind' 的映射"),
    (r"a list of symbol names", "符号名列表"),
    (r"a claim", "一条断言"),
    (r"a list of claims such as (.+)", r"断言列表，例如 \1"),
    (r"a list of misconception ids", "误解 id 列表"),
    (r"a mapping with 'en' and 'zh' texts", "含 'en' 和 'zh' 文本的映射"),
    (r"a mapping \{en: \.\.\., zh: \.\.\.\}", "映射 {en: ..., zh: ...}"),
    (r"one line of text", "一行文本"),
    (r"one line of at most (\d+) characters", r"一行，最多 \1 个字符"),
    (
        r"lower-case letters, digits and '-' \(pattern (.+), at most (\d+) characters\)",
        r"小写字母、数字和 '-'（模式 \1，最多 \2 个字符）",
    ),
    (r"one of (.+)", r"以下之一：\1"),
    (r"a topic id from the topic list", "主题列表中的主题 id"),
    (r"easy, medium or hard", "easy、medium 或 hard"),
    (r"left and right", "left 和 right"),
    (
        r"a mapping with 'format: 1', 'module' and a 'questions' list",
        "含 'format: 1'、'module' 和 'questions' 列表的映射",
    ),
    (r"a short name such as (\S+) or (\S+)", r"简短的名字，例如 \1 或 \2"),
    (r"[\w.-]+(, [\w.-]+)*", r"\g<0>"),  # a list of keys or ids: data, as written
)

# Whole clauses (a message is split at "; " into clauses).
_CLAUSES = _rules(
    (r"got (.+)", "得到 ⟦value:1⟧"),
    (r"has (\d+) (options|items|pairs|key points)", r"只有 \1 个⟦\2⟧"),
    (r"has (.+)", "含有 ⟦value:1⟧"),
    (r"expected (.+)", "应为 ⟦expected:1⟧"),
    (r"missing", "缺少此项"),
    (r"is empty", "为空"),
    (r"too large for this app", "数值太大，本应用无法处理"),
    (r"missing the (English \(en\) text|Chinese \(zh\) translation)", r"缺少⟦\1⟧"),
    (r"the (English \(en\) text|Chinese \(zh\) translation) is empty", r"⟦\1⟧为空"),
    (r"unknown key", "未知的键"),
    (r"unknown top-level key", "未知的顶层键"),
    (r"unknown field \(a typo\?\)", "未知字段（拼写错误？）"),
    (r"unknown (topic|question type|difficulty) (.+)", r"未知的⟦\1⟧ \2"),
    (r"does not belong to a (\w+) question", r"不属于 \1 题"),
    (r"a (\w+) question needs it", r"\1 题需要此项"),
    (r"(\w+) needs it", r"\1 需要此项"),
    (r"unknown for (\w+)", r"不适用于 \1"),
    (r"id '(.*)' is used twice \(first at line (\d+)\)", r"id '\1' 出现了两次（第一次在第 \2 行）"),
    (r"answer '(.*)' is not among the options \((.*)\)", r"答案 '\1' 不在选项中（\2）"),
    (r"answer '(.*)' is listed twice", r"答案 '\1' 列出了两次"),
    (r"a (\w+) question has exactly one right answer", r"\1 题只有一个正确答案"),
    (
        r"a true_false question needs exactly two options, with ids true and false",
        "true_false 题需要恰好两个选项，id 为 true 和 false",
    ),
    (r"symbol '(.*)' is listed twice", r"符号 '\1' 列出了两次"),
    (
        r"two pairs have the same (left|right) text",
        r"两个配对的⟦\1⟧文本相同",
    ),
    (r"matching would be ambiguous", "配对会有歧义"),
    (
        r"a symbol name is letters, digits and _ \(not starting with a digit\)",
        "符号名由字母、数字和 _ 组成（不能以数字开头）",
    ),
    (r"a (\w+) answer is computed by (.+)", r"\1 答案由 \2 计算"),
    (r"put further reading in 'references'", "延伸阅读请写在 'references' 中"),
    (
        r"name the paper \(with section or equation\) or the documentation page that settles "
        r"the answer, e\.g\. (.+)",
        r"请写明能确定答案的论文（含章节或公式）或文档页面，例如 \1",
    ),
    (r"every question needs an id like '(.+)'", r"每道题都需要一个 id，例如 '\1'"),
    (r"duplicate id '(.*)'", r"重复的 id '\1'"),
    (r"already used at (.+)", r"已在 \1 使用"),
    (r"cannot read the packs folder: (.+)", r"无法读取题包文件夹：⟦\1⟧"),
    (r"no packs were loaded", "未加载任何题包"),
    (
        r"no packs were loaded \(move it aside so a folder can take its place\)",
        "未加载任何题包（请把它移到别处，让文件夹取而代之）",
    ),
    (r"the packs folder is a symbolic link that loops", "题包文件夹是一个循环的符号链接"),
    (r"the packs folder is a symbolic link to nothing", "题包文件夹是一个指向不存在目标的符号链接"),
    (r"the packs folder is (.+), not a folder", r"题包文件夹是⟦\1⟧，不是文件夹"),
    (r"cannot read the folder: (.+)", r"无法读取文件夹：⟦\1⟧"),
    (r"a symbolic link that loops", "循环的符号链接"),
    (r"a symbolic link to a missing file", "指向不存在文件的符号链接"),
    (r"skipped", "已跳过"),
    (r"skipped \(packs are read one level deep\)", "已跳过（题包只读取一层文件夹）"),
    (r"no such file or folder", "没有这个文件或文件夹"),
    (r"cannot read the file: (.+)", r"无法读取文件：⟦\1⟧"),
    (r"a folder, not a question file", "这是文件夹，不是题目文件"),
    (r"not a regular file \((.+)\)", r"不是普通文件（⟦\1⟧）"),
    (r"file is (\d+) bytes", r"文件大小为 \1 字节"),
    (r"question files are limited to (\d+)", r"题目文件的上限为 \1 字节"),
    (r"not UTF-8 text", "不是 UTF-8 文本"),
    (r"save the file as UTF-8", "请将文件保存为 UTF-8"),
    (r"question #(\d+) is (.+)", r"第 \1 道题是 ⟦value:2⟧"),
    (r"the file is empty", "文件为空"),
    (r"the top level is (.+)", "顶层是 ⟦value:1⟧"),
    (r"this version reads format (\d+)", r"此版本只读取格式 \1"),
    (r"nested more than (\d+) levels deep", r"嵌套超过 \1 层"),
    (r"cannot read (.+) as (\S+)", r"无法将 \1 读作 \2"),
    (r"a mapping key must be a plain word, got (.+)", r"映射的键必须是普通的词，却是 \1"),
    (r"key '(.*)' appears twice \(first at line (\d+)\)", r"键 '\1' 出现了两次（第一次在第 \2 行）"),
    (
        r"YAML tag '(.+)' is not allowed: question files hold plain data only and nothing in "
        r"them is built or run",
        r"不允许使用 YAML 标签 '\1'：题目文件只含普通数据，其中的内容不会被构造或运行",
    ),
    (
        r"YAML aliases \(\*name\) are not allowed in question files: write the value out",
        "题目文件中不允许使用 YAML 别名（*name）：请把值完整写出",
    ),
    (r"not valid YAML: (.+)", r"不是有效的 YAML：\1"),
    (
        r"phrasings and negations were replaced by claims: write the point as claims of lexicon "
        r"concepts \(see FORMAT\.md, 'free_text'\)",
        "phrasings 和 negations 已由 claims 取代：请用词表中的概念把要点写成断言"
        "（见 FORMAT.md 的 'free_text' 一节）",
    ),
    (r"Chinese spacing: (.+) in “(.*)”", r"中文空格：“\2”中⟦\1⟧"),
    (r"write no space before or after (.+) and the like", r"\1 等标点前后不要加空格"),
    (r"join them \(a line break inside a folded >- block becomes a space\)",
     "请把它们连起来（折叠的 >- 块中的换行会变成空格）"),
    (r"write one space between them, as in (.+)", r"两者之间加一个空格，例如 \1"),
    (r"write one", "只写一个"),
)  # fmt: skip

_SPACING = {
    "a space next to full-width punctuation": "全角标点旁有空格",
    "a space between two Chinese characters": "两个汉字之间有空格",
    "no space between Chinese and a Latin letter or digit": "汉字与拉丁字母或数字之间没有空格",
    "two spaces in a row": "连续两个空格",
}
_MORE = re.compile(r"^(.*) \((\d+) more like (?:this|it)\)$", re.DOTALL)
_HAN_SPACE = re.compile(r"^[\u4e00-\u9fff] [\u4e00-\u9fff]$")
_FILLED = re.compile(r"⟦(value|expected):(\d)⟧|⟦([^⟦⟧]+)⟧")


def _first(rules: _Rules, text: str) -> str | None:
    """``text`` by the first rule that matches it (with nouns and nested parts filled), or None."""
    for pattern, replacement in rules:
        match = pattern.match(text)
        if match is not None:
            return _filled(match, replacement)
    return None


def _filled(match: re.Match[str], replacement: str) -> str:
    """``match.expand(replacement)`` with each ⟦…⟧ part translated: a value, an expectation, or a
    noun (the group it names, looked up in _NOUNS)."""
    pieces: list[str] = []
    done = 0
    for part in _FILLED.finditer(replacement):
        pieces.append(match.expand(replacement[done : part.start()]))
        done = part.end()
        if part.group(1) is not None:
            rules = _VALUES if part.group(1) == "value" else _EXPECTED
            text = match.group(int(part.group(2)))
            piece = _first(rules, text) or text
        else:
            noun = match.expand(part.group(3))
            piece = _NOUNS.get(noun, _SPACING.get(noun, noun))
        # "应为 en, zh" keeps its space; "应为 映射" becomes "应为映射" (no space between Han)
        if pieces and _HAN_SPACE.search(pieces[-1][-2:] + piece[:1]):
            pieces[-1] = pieces[-1][:-1]
        pieces.append(piece)
    pieces.append(match.expand(replacement[done:]))
    return "".join(pieces)


def _clause(text: str) -> str | None:
    """One clause in Chinese, with its "(N more like this)" ending; None without a translation."""
    more = _MORE.match(text)
    if more is not None:
        inner = _clause(more.group(1))
        return None if inner is None else f"{inner}（另有 {more.group(2)} 处类似）"
    return _first(_CLAUSES, text)


def message_zh(message: str) -> str:
    """A loader or checker ``message`` in Chinese; clauses without a translation stay English."""
    clauses = message.split("; ")
    translated = [_clause(clause) for clause in clauses]
    if None in translated:  # perhaps a "; " inside a value: the message as one clause
        whole = _clause(message)
        if whole is not None:
            return whole
    return "；".join(zh or en for zh, en in zip(translated, clauses, strict=True))


def problem_line(problem: Problem, lang: Lang) -> str:
    """One problem as the line people read: ``str(problem)`` in English, or in Chinese."""
    if lang != "zh":
        return str(problem)
    where = []
    if problem.question_id is not None:
        where.append(f"题目 '{problem.question_id}'")
    if problem.field is not None:
        where.append(f"字段 '{problem.field}'")
    prefix = f"{problem.file}:{problem.line}: "
    return printable(
        prefix + ("，".join(where) + "：" if where else "") + message_zh(problem.message)
    )
