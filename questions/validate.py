"""Checking one question read from YAML and building its ``Question``, or saying what is wrong.

Every message names the field and what was expected; ``Problem`` adds the file, line and question
id. Nothing here evaluates a string: an expression, a number written as text or code is only data.
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from questions.claims import ClaimSyntaxError, parse_claim
from questions.schema import (
    CHOICE_TYPES,
    DIFFICULTIES,
    LANGS,
    QUESTION_TYPES,
    Claim,
    KeyPoint,
    Option,
    OrderItem,
    Pair,
    Question,
    Text,
)
from questions.topics import TOPIC_IDS
from questions.yamlsafe import YamlList, YamlMap, find_refused
from questions.zh_spacing import spacing_problem

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
MAX_ID_LENGTH = 80

# Problem kinds that callers count separately (``quizapp questions stats``).
MISSING_TRANSLATION = "missing_translation"
DUPLICATE_ID = "duplicate_id"
ZH_SPACING = "zh_spacing"

COMMON_REQUIRED: tuple[str, ...] = (
    "id",
    "topic",
    "difficulty",
    "type",
    "source",
    "prompt",
    "answer",
    "explanation",
)
COMMON_OPTIONAL: tuple[str, ...] = ("tags", "references")
MAX_SOURCE_LENGTH = 300
_SOURCE_EXAMPLE = (
    "'PyTorch documentation, torch.nn.LSTM: https://...' or 'Cho et al. 2014, ..., §2.3'"
)

# type -> (required fields, optional fields)
TYPE_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "single_choice": (("options", "correct"), ()),
    "multi_choice": (("options", "correct"), ()),
    "true_false": (("options", "correct"), ()),
    "numeric": (("value",), ("tolerance", "unit", "computed")),
    "shape": (("shape",), ("computed",)),
    "symbolic": (("expression", "symbols"), ()),
    "ordering": (("items",), ()),
    "matching": (("pairs",), ()),
    "code_reading": (("code", "answer_type"), ("language",)),
    "free_text": (("key_points",), ()),
}

# computed kind -> (required fields, optional fields)
COMPUTED_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "param_count": (("cell", "d", "n"), ("biases", "bidirectional", "num_layers", "proj_size")),
    "torch_shape": (
        ("module", "output", "input_size", "hidden_size", "batch", "seq_len"),
        ("num_layers", "bidirectional", "batch_first", "proj_size"),
    ),
    "gate_value": (("cell", "quantity", "x", "h", "params"), ("convention", "index", "c")),
}
COMPUTED_FOR: dict[str, tuple[str, ...]] = {
    "numeric": ("param_count", "gate_value"),
    "shape": ("torch_shape",),
}

# Integers beyond this cannot become a float (OverflowError) and would stop the whole run.
_LARGEST_FLOAT = int(sys.float_info.max)

_LANGUAGE_NAMES = {"en": "English (en) text", "zh": "Chinese (zh) translation"}


class BankError(Exception):
    """Base of the errors the question bank raises."""


# The type-specific fields of a question while they are being checked: Question's own field names
# mapped to their checked values (the rest keep Question's defaults).
TypeFields = dict[str, Any]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a question file; ``line`` is 1-based (0 when unknown)."""

    file: str
    line: int
    question_id: str | None
    field: str | None
    message: str
    kind: str = ""

    def __str__(self) -> str:
        where = []
        if self.question_id is not None:
            where.append(f"question '{self.question_id}'")
        if self.field is not None:
            where.append(f"field '{self.field}'")
        prefix = f"{self.file}:{self.line}: "
        return printable(prefix + (", ".join(where) + ": " if where else "") + self.message)


def printable(text: str) -> str:
    """``text`` with control and formatting characters escaped (``\\x1b``, ``\\u202e``).

    A pack's file name, keys, ids and names reach the terminal inside messages; an ESC sequence or a
    right-to-left override there could rewrite the screen or hide what follows, so it is shown as
    the escape a Python string would use. Other text, Chinese included, is unchanged.
    """
    if text.isprintable():
        return text
    return "".join(_shown(character) for character in text)


def _shown(character: str) -> str:
    if character.isprintable() or unicodedata.category(character) == "Zs":
        return character
    return repr(character)[1:-1]


# Beyond this many digits an integer is not a measured value but a mistake or an attack; its digits
# are counted, not printed (Python refuses to print more than 4300 digits).
_MAX_SHOWN_DIGITS = 30


def _digit_count(value: int) -> int:
    """Decimal digits of ``value`` without converting it to text."""
    magnitude = abs(value)
    estimate = max(1, int(magnitude.bit_length() * math.log10(2)))
    # the estimate is the true count or one less
    return estimate + 1 if magnitude >= 10**estimate else estimate


def describe(value: object) -> str:
    """A short name of a YAML value's kind for messages."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int) and _digit_count(value) > _MAX_SHOWN_DIGITS:
        return f"a number with {_digit_count(value)} digits"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _plain(value: object) -> object:
    """YamlMap/YamlList to plain dict/list (for ``computed``)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _option_id(value: object) -> str | None:
    # `id: true` in YAML is a boolean; true_false options are spelled that way naturally.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


class QuestionChecker:
    """Checks one question mapping; ``check()`` returns the Question or None, ``problems`` why."""

    def __init__(self, file: str, data: YamlMap) -> None:
        self.file = file
        self.data = data
        self.problems: list[Problem] = []
        raw_id = data.get("id")
        self.qid: str | None = raw_id if isinstance(raw_id, str) and raw_id else None

    # -- reporting -----------------------------------------------------------------------------

    def fail(
        self, field: str | None, message: str, line: int | None = None, kind: str = ""
    ) -> None:
        if line is None:
            line = self.data.line_of(field.split(".")[0].split("[")[0]) if field else self.data.line
        self.problems.append(Problem(self.file, line, self.qid, field, message, kind))

    # -- the whole question --------------------------------------------------------------------

    def check(self) -> Question | None:
        if self._refused():
            return None
        data = self.data
        qid = self._id()
        topic = self._choice_field("topic", TOPIC_IDS, "a topic id from the topic list")
        difficulty = self._choice_field("difficulty", DIFFICULTIES, "easy, medium or hard")
        qtype = self._choice_field("type", QUESTION_TYPES, "one of " + ", ".join(QUESTION_TYPES))
        prompt = self.text(data, "prompt", "prompt")
        answer = self.text(data, "answer", "answer")
        explanation = self.text(data, "explanation", "explanation")
        tags = self.strings(data, "tags", "tags")
        references = self.strings(data, "references", "references")
        source = self._source()
        fields: TypeFields = {}
        answer_type = qtype
        if qtype is not None:
            answer_type = self._type_fields(qtype, fields)
        if self.problems or None in (qid, topic, difficulty, qtype, prompt, answer, explanation):
            return None
        assert qid and topic and difficulty and qtype and answer_type
        assert prompt and answer and explanation
        return Question(
            id=qid,
            topic=topic,
            difficulty=difficulty,
            type=qtype,
            prompt=prompt,
            answer=answer,
            explanation=explanation,
            references=references,
            tags=tags,
            answer_type=answer_type,
            **fields,
            source=source or "",
            file=self.file,
            line=data.line,
        )

    def _source(self) -> str | None:
        """The one line naming the paper section or documentation page that settles the answer."""
        raw = self.data.get("source")
        if raw is None:
            self.fail(
                "source",
                "missing; name the paper (with section or equation) or the documentation "
                f"page that settles the answer, e.g. {_SOURCE_EXAMPLE}",
            )
            return None
        if not isinstance(raw, str) or not raw.strip():
            self.fail("source", f"got {describe(raw)}; expected one line of text")
            return None
        text = raw.strip()
        if "\n" in text or len(text) > MAX_SOURCE_LENGTH:
            self.fail(
                "source",
                f"expected one line of at most {MAX_SOURCE_LENGTH} characters; "
                "put further reading in 'references'",
            )
            return None
        return text

    def _refused(self) -> bool:
        """Report values the YAML reader refused (tags, aliases, ...); True when there were any."""
        found = [(key, item) for key, value in self.data.items() for item in find_refused(value)]
        # An alias bomb repeats one refusal hundreds of times: report each kind once per field.
        counts: dict[tuple[str, str], int] = {}
        for key, item in found:
            counts[key, item.message] = counts.get((key, item.message), 0) + 1
        for key, item in found:
            repeats = counts.pop((key, item.message), 0)
            if repeats:
                more = f" ({repeats - 1} more like this)" if repeats > 1 else ""
                self.fail(key, item.message + more, item.line)
        return bool(found)

    def _id(self) -> str | None:
        raw = self.data.get("id")
        if raw is None:
            self.fail("id", "missing; every question needs an id like 'lstm-gates-001'")
            return None
        if not isinstance(raw, str) or not ID_PATTERN.match(raw) or len(raw) > MAX_ID_LENGTH:
            self.fail(
                "id",
                f"got {describe(raw)}; expected lower-case letters, digits and '-' "
                f"(pattern [a-z0-9][a-z0-9-]*, at most {MAX_ID_LENGTH} characters)",
            )
            return None
        return raw

    def _choice_field(self, field: str, allowed: object, expected: str) -> str | None:
        raw = self.data.get(field)
        if raw is None:
            self.fail(field, f"missing; expected {expected}")
            return None
        assert isinstance(allowed, frozenset | tuple)
        if not isinstance(raw, str) or raw not in allowed:
            noun = {"topic": "topic", "type": "question type", "difficulty": "difficulty"}[field]
            shown = f"'{raw}'" if isinstance(raw, str) else describe(raw)
            self.fail(field, f"unknown {noun} {shown}; expected {expected}")
            return None
        return raw

    def _type_fields(self, qtype: str, fields: TypeFields) -> str | None:
        """Checks the fields of ``qtype`` into ``fields``; returns the answer type."""
        allowed = set(COMMON_REQUIRED) | set(COMMON_OPTIONAL)
        required, optional = TYPE_FIELDS[qtype]
        allowed |= set(required) | set(optional)
        answer_type: str | None = qtype
        if qtype == "code_reading":
            fields["code"] = self.string(self.data, "code", "code")
            fields["code_language"] = self.string(self.data, "language", "language", required=False)
            answer_type = self._inner_type()
            if answer_type is not None:
                inner_required, inner_optional = TYPE_FIELDS[answer_type]
                allowed |= set(inner_required) | set(inner_optional)
        self._unknown_fields(allowed, qtype)
        if answer_type is None:
            return None
        for name in TYPE_FIELDS[answer_type][0]:
            if name not in self.data:
                self.fail(name, f"missing; a {answer_type} question needs it")
        if answer_type in CHOICE_TYPES:
            self._choices(answer_type, fields)
        elif answer_type == "numeric":
            self._numeric(fields)
        elif answer_type == "shape":
            self._shape(fields)
        elif answer_type == "symbolic":
            self._symbolic(fields)
        elif answer_type == "ordering":
            fields["items"] = self._items()
        elif answer_type == "matching":
            fields["pairs"] = self._pairs()
        elif answer_type == "free_text":
            fields["key_points"] = self._key_points()
        return answer_type

    def _inner_type(self) -> str | None:
        raw = self.data.get("answer_type")
        inner = tuple(t for t in QUESTION_TYPES if t != "code_reading")
        if raw is None:
            return None  # reported as a missing required field
        if not isinstance(raw, str) or raw not in inner:
            self.fail("answer_type", f"got {describe(raw)}; expected one of " + ", ".join(inner))
            return None
        return raw

    def _unknown_fields(self, allowed: set[str], qtype: str) -> None:
        other_types = {name for req, opt in TYPE_FIELDS.values() for name in (*req, *opt)}
        for key in self.data:
            if key in allowed:
                continue
            if key in other_types:
                self.fail(key, f"does not belong to a {qtype} question")
            else:
                self.fail(
                    key, "unknown field (a typo?); expected one of " + ", ".join(sorted(allowed))
                )

    # -- small readers -------------------------------------------------------------------------

    def text(
        self, container: YamlMap, key: str, field: str, *, required: bool = True
    ) -> Text | None:
        """A ``{en: ..., zh: ...}`` mapping under ``key``."""
        raw = container.get(key)
        line = container.line_of(key)
        if raw is None:
            if required:
                self.fail(field, "missing; expected a mapping with 'en' and 'zh' texts", line)
            return None
        if not isinstance(raw, YamlMap):
            self.fail(field, f"got {describe(raw)}; expected a mapping {{en: ..., zh: ...}}", line)
            return None
        return self.text_of(raw, field, (), line)

    def text_of(
        self,
        mapping: YamlMap,
        field: str,
        other_keys: tuple[str, ...],
        missing_line: int | None = None,
    ) -> Text | None:
        """The en/zh texts written directly in ``mapping`` (which may hold ``other_keys`` too).

        A missing language is reported at ``missing_line`` (the field's key) or the mapping's first line.
        """
        texts: dict[str, str] = {}
        for lang in LANGS:
            raw = mapping.get(lang)
            line = mapping.key_lines.get(lang, missing_line or mapping.line)
            if isinstance(raw, int | float) and not isinstance(raw, bool):
                raw = str(raw)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                name = _LANGUAGE_NAMES[lang]
                message = f"the {name} is empty" if lang in mapping else f"missing the {name}"
                self.fail(field, message, line, MISSING_TRANSLATION)
            elif not isinstance(raw, str):
                self.fail(f"{field}.{lang}", f"got {describe(raw)}; expected text", line)
            else:
                texts[lang] = raw.strip()
                spacing = spacing_problem(texts[lang]) if lang == "zh" else None
                if spacing is not None:
                    self.fail(f"{field}.zh", spacing, line, ZH_SPACING)
        for key in mapping:
            if key not in LANGS and key not in other_keys:
                expected = ", ".join((*LANGS, *other_keys))
                self.fail(
                    f"{field}.{key}", f"unknown key; expected {expected}", mapping.line_of(key)
                )
        if len(texts) != len(LANGS):
            return None
        return Text(en=texts["en"], zh=texts["zh"])

    def string(
        self, container: YamlMap, key: str, field: str, *, required: bool = True
    ) -> str | None:
        raw = container.get(key)
        if raw is None:
            if required:
                self.fail(field, "missing; expected text", container.line_of(key))
            return None
        if not isinstance(raw, str) or not raw.strip():
            self.fail(
                field, f"got {describe(raw)}; expected non-empty text", container.line_of(key)
            )
            return None
        return raw

    def strings(self, container: YamlMap, key: str, field: str) -> tuple[str, ...]:
        """An optional list of non-empty strings."""
        raw = container.get(key)
        if raw is None:
            return ()
        if not isinstance(raw, YamlList):
            self.fail(
                field, f"got {describe(raw)}; expected a list of texts", container.line_of(key)
            )
            return ()
        out: list[str] = []
        for index, item in enumerate(raw):
            if not isinstance(item, str) or not item.strip():
                self.fail(
                    f"{field}[{index}]", f"got {describe(item)}; expected text", raw.line_of(index)
                )
            else:
                out.append(item.strip())
        return tuple(out)

    def number(self, field: str, raw: object, line: int) -> float | None:
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            self.fail(field, f"got {describe(raw)}; expected a number", line)
            return None
        if isinstance(raw, int) and abs(raw) > _LARGEST_FLOAT:
            self.fail(field, f"got {describe(raw)}; too large for this app", line)
            return None
        if not math.isfinite(raw):
            self.fail(field, f"got {raw}; expected a finite number", line)
            return None
        return float(raw)

    def mappings(self, key: str, minimum: int, what: str) -> list[tuple[int, YamlMap]]:
        """The list under ``key`` whose items must be mappings; at least ``minimum`` of them."""
        raw = self.data.get(key)
        if raw is None:
            return []  # reported as a missing required field
        if not isinstance(raw, YamlList):
            self.fail(key, f"got {describe(raw)}; expected a list of {what}")
            return []
        if len(raw) < minimum:
            self.fail(key, f"has {len(raw)} {what}; expected at least {minimum}")
        out: list[tuple[int, YamlMap]] = []
        for index, item in enumerate(raw):
            if isinstance(item, YamlMap):
                out.append((index, item))
            else:
                self.fail(
                    f"{key}[{index}]",
                    f"got {describe(item)}; expected a mapping",
                    raw.line_of(index),
                )
        return out

    def _unique_id(self, field: str, item: YamlMap, seen: dict[str, int]) -> str | None:
        raw = item.get("id")
        item_id = _option_id(raw)
        if item_id is None:
            self.fail(
                f"{field}.id", f"got {describe(raw)}; expected a short id", item.line_of("id")
            )
            return None
        if item_id in seen:
            self.fail(
                f"{field}.id",
                f"id '{item_id}' is used twice (first at line {seen[item_id]})",
                item.line_of("id"),
            )
            return None
        seen[item_id] = item.line_of("id")
        return item_id

    # -- the types -----------------------------------------------------------------------------

    def _choices(self, qtype: str, fields: TypeFields) -> None:
        options: list[Option] = []
        seen: dict[str, int] = {}
        for index, item in self.mappings("options", 2, "options"):
            field = f"options[{index}]"
            option_id = self._unique_id(field, item, seen)
            text = self.text_of(item, field, ("id", "why_wrong"))
            why_wrong = self.text(item, "why_wrong", f"{field}.why_wrong", required=False)
            if option_id is not None and text is not None:
                options.append(Option(option_id, text, why_wrong))
        if qtype == "true_false" and "options" in self.data and set(seen) != {"true", "false"}:
            self.fail(
                "options",
                "a true_false question needs exactly two options, with ids true and false",
            )
        raw = self.data.get("correct")
        raw_list: list[object] = list(raw) if isinstance(raw, list) else [raw]
        correct: list[str] = []
        line = self.data.line_of("correct")
        for entry in raw_list:
            answer = _option_id(entry)
            if answer is None:
                if raw is not None:
                    self.fail("correct", f"got {describe(entry)}; expected option ids", line)
                continue
            if answer not in seen:
                listed = ", ".join(seen) or "none"
                self.fail("correct", f"answer '{answer}' is not among the options ({listed})", line)
            elif answer in correct:
                self.fail("correct", f"answer '{answer}' is listed twice", line)
            else:
                correct.append(answer)
        if raw is not None and qtype != "multi_choice" and len(raw_list) != 1:
            self.fail("correct", f"a {qtype} question has exactly one right answer", line)
        if raw is not None and not raw_list:
            self.fail("correct", "is empty; expected at least one option id", line)
        fields["options"] = tuple(options)
        fields["correct"] = tuple(correct)

    def _numeric(self, fields: TypeFields) -> None:
        if "value" in self.data:
            fields["value"] = self.number("value", self.data["value"], self.data.line_of("value"))
        if "tolerance" in self.data:
            tolerance = self.number(
                "tolerance", self.data["tolerance"], self.data.line_of("tolerance")
            )
            if tolerance is not None and tolerance < 0:
                self.fail("tolerance", f"got {tolerance}; expected a number >= 0")
            elif tolerance is not None:
                fields["tolerance"] = tolerance
        fields["unit"] = self.text(self.data, "unit", "unit", required=False)
        fields["computed"] = self._computed("numeric")

    def _shape(self, fields: TypeFields) -> None:
        raw = self.data.get("shape")
        if raw is None:
            return
        if not isinstance(raw, YamlList) or not raw:
            self.fail("shape", f"got {describe(raw)}; expected a non-empty list of whole numbers")
            return
        sizes: list[int] = []
        for item in raw:
            if isinstance(item, bool) or not isinstance(item, int) or item < 0:
                self.fail("shape", f"has {describe(item)}; expected whole numbers >= 0")
                return
            sizes.append(item)
        fields["shape"] = tuple(sizes)
        fields["computed"] = self._computed("shape")

    def _computed(self, answer_type: str) -> Mapping[str, object] | None:
        raw = self.data.get("computed")
        if raw is None:
            return None
        if not isinstance(raw, YamlMap):
            self.fail("computed", f"got {describe(raw)}; expected a mapping with 'kind'")
            return None
        kinds = COMPUTED_FOR[answer_type]
        kind = raw.get("kind")
        if not isinstance(kind, str) or kind not in kinds:
            self.fail(
                "computed.kind",
                f"got {describe(kind)}; a {answer_type} answer is computed by "
                + " or ".join(kinds),
                raw.line_of("kind"),
            )
            return None
        required, optional = COMPUTED_FIELDS[kind]
        for name in required:
            if name not in raw:
                self.fail(f"computed.{name}", f"missing; {kind} needs it", raw.line)
        for name in raw:
            if name != "kind" and name not in required and name not in optional:
                expected = ", ".join((*required, *optional))
                self.fail(
                    f"computed.{name}",
                    f"unknown for {kind}; expected {expected}",
                    raw.line_of(name),
                )
        plain = _plain(raw)
        assert isinstance(plain, dict)
        return plain

    def _symbolic(self, fields: TypeFields) -> None:
        fields["expression"] = self.string(self.data, "expression", "expression")
        raw = self.data.get("symbols")
        if raw is None:
            return
        if not isinstance(raw, YamlList):
            self.fail("symbols", f"got {describe(raw)}; expected a list of symbol names")
            return
        symbols: list[str] = []
        for item in raw:
            if not isinstance(item, str) or not item.isidentifier():
                self.fail(
                    "symbols",
                    f"has {describe(item)}; a symbol name is letters, digits and _ "
                    "(not starting with a digit)",
                )
            elif item in symbols:
                self.fail("symbols", f"symbol '{item}' is listed twice")
            else:
                symbols.append(item)
        fields["symbols"] = tuple(symbols)

    def _items(self) -> tuple[OrderItem, ...]:
        items: list[OrderItem] = []
        seen: dict[str, int] = {}
        for index, item in self.mappings("items", 2, "items"):
            field = f"items[{index}]"
            item_id = self._unique_id(field, item, seen)
            text = self.text_of(item, field, ("id",))
            if item_id is not None and text is not None:
                items.append(OrderItem(item_id, text))
        return tuple(items)

    def _pairs(self) -> tuple[Pair, ...]:
        pairs: list[Pair] = []
        for index, item in self.mappings("pairs", 2, "pairs"):
            field = f"pairs[{index}]"
            left = self.text(item, "left", f"{field}.left")
            right = self.text(item, "right", f"{field}.right")
            for key in item:
                if key not in ("left", "right"):
                    self.fail(
                        f"{field}.{key}", "unknown key; expected left and right", item.line_of(key)
                    )
            if left is not None and right is not None:
                pairs.append(Pair(left, right))
        for side in ("left", "right"):
            texts = [getattr(pair, side).en for pair in pairs]
            if len(set(texts)) != len(texts):
                self.fail(
                    "pairs", f"two pairs have the same {side} text; matching would be ambiguous"
                )
        return tuple(pairs)

    def _key_points(self) -> tuple[KeyPoint, ...]:
        points: list[KeyPoint] = []
        seen: dict[str, int] = {}
        for index, item in self.mappings("key_points", 1, "key points"):
            field = f"key_points[{index}]"
            point_id = self._unique_id(field, item, seen)
            text = self.text_of(item, field, ("id", "claims", "misconceptions", "formula"))
            claims = self._claims(item, field)
            misconceptions = self._misconception_ids(item, field)
            formulas = self._formulas(item, field)
            if point_id is not None and text is not None and claims:
                points.append(KeyPoint(point_id, text, claims, misconceptions, formulas))
        return tuple(points)

    def _claims(self, item: YamlMap, field: str) -> tuple[Claim, ...]:
        if "phrasings" in item or "negations" in item:
            key = "phrasings" if "phrasings" in item else "negations"
            self.fail(
                f"{field}.{key}",
                "phrasings and negations were replaced by claims: write the point as claims "
                "of lexicon concepts (see FORMAT.md, 'free_text')",
                item.line_of(key),
            )
            return ()
        raw = item.get("claims")
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not raw:
            self.fail(
                f"{field}.claims",
                f"got {describe(raw)}; expected a list of claims such as 'gru: not output-gate'",
                item.line_of("claims"),
            )
            return ()
        claims: list[Claim] = []
        for index, entry in enumerate(raw):
            if not isinstance(entry, str):
                self.fail(f"{field}.claims[{index}]", f"got {describe(entry)}; expected a claim")
                continue
            try:
                claims.append(parse_claim(entry))
            except ClaimSyntaxError as error:
                self.fail(f"{field}.claims[{index}]", f"{entry!r}: {error}", item.line_of("claims"))
        return tuple(claims)

    def _formulas(self, item: YamlMap, field: str) -> tuple[str, ...]:
        raw = item.get("formula")
        if raw is None:
            return ()
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not raw:
            self.fail(
                f"{field}.formula",
                f"got {describe(raw)}; expected a formula such as 'h_t = o_t ⊙ tanh(C_t)' or a "
                "list of them",
                item.line_of("formula"),
            )
            return ()
        formulas: list[str] = []
        for value in raw:
            if (
                not isinstance(value, str)
                or value.count("=") != 1
                or not all(side.strip() for side in value.split("="))
            ):
                self.fail(
                    f"{field}.formula",
                    f"got {describe(value)}; a formula is one 'left = right' with both sides "
                    "written",
                    item.line_of("formula"),
                )
            else:
                formulas.append(value.strip())
        return tuple(formulas)

    def _misconception_ids(self, item: YamlMap, field: str) -> tuple[str, ...]:
        raw = item.get("misconceptions")
        if raw is None:
            return ()
        if not isinstance(raw, list) or not all(isinstance(v, str) and v for v in raw):
            self.fail(
                f"{field}.misconceptions",
                f"got {describe(raw)}; expected a list of misconception ids",
                item.line_of("misconceptions"),
            )
            return ()
        return tuple(str(v) for v in raw)
