"""Normalising typed answers and splitting them into tokens for the reader.

The tokenizer is a single left-to-right scan over characters (no regular expressions), so its time
is linear in the length of the answer. It knows only a whitelist of characters: digits, letters,
`_`, the operators `+ - * / ^` (and `**`, `×`, `·`, `÷`), brackets `( ) [ ]`, separators `, ;`,
and `√`. Anything else is reported with its position.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import Enum

MAX_ANSWER_LENGTH = 2000
"""Longest answer, in characters, that the reader accepts."""

MAX_NESTING = 50
"""Deepest bracket nesting the reader accepts."""


class ReadError(Exception):
    """A typed answer cannot be read; the message says what is wrong in plain words."""


class Kind(Enum):
    """What a token is."""

    NUMBER = "number"
    NAME = "name"
    OPERATOR = "operator"  # one of + - * / ^
    ROOT = "root"  # the prefix square root sign √
    OPEN = "open"  # ( or [
    CLOSE = "close"  # ) or ]
    SEPARATOR = "separator"  # , or ;


@dataclass(frozen=True)
class Token:
    """One token: its kind, its text (operators normalised), its 1-based position, and whether
    whitespace came right before it (the reader uses that to split `0.25 -0.5` into two numbers)."""

    kind: Kind
    text: str
    position: int
    space_before: bool


# Characters NFKC leaves alone but people type for minus, times and divide.
_REPLACEMENTS = {
    "\u2212": "-",  # minus sign
    "\u2013": "-",  # en dash
    "\u2012": "-",  # figure dash
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u00d7": "*",  # multiplication sign
    "\u00b7": "*",  # middle dot
    "\u22c5": "*",  # dot operator
    "\u2219": "*",  # bullet operator
    "\u2217": "*",  # asterisk operator
    "\u00f7": "/",  # division sign
    "\u2215": "/",  # division slash
}

# Superscript digits and signs; NFKC would turn `n²` into `n2`, a different name, so they become
# an explicit power first.
_SUPERSCRIPTS = {
    "\u2070": "0",
    "\u00b9": "1",
    "\u00b2": "2",
    "\u00b3": "3",
    "\u2074": "4",
    "\u2075": "5",
    "\u2076": "6",
    "\u2077": "7",
    "\u2078": "8",
    "\u2079": "9",
    "\u207b": "-",
    "\u207a": "+",
}

_OPERATOR_CHARS = "+-*/^"
_OPEN_CHARS = "(["
_CLOSE_CHARS = ")]"
_SEPARATOR_CHARS = ",;"


def normalize(text: str) -> str:
    """Full-width forms, dashes, times signs and superscripts turned into plain ASCII spellings.

    `［0.25，−0.5］` becomes `[0.25,-0.5]`; `n²` becomes `n^(2)`.
    """
    pieces: list[str] = []
    in_superscript = False
    for char in text:
        superscript = _SUPERSCRIPTS.get(char)
        if superscript is not None:
            if not in_superscript:
                pieces.append("^(")
                in_superscript = True
            pieces.append(superscript)
            continue
        if in_superscript:
            pieces.append(")")
            in_superscript = False
        pieces.append(char)
    if in_superscript:
        pieces.append(")")
    normalized = unicodedata.normalize("NFKC", "".join(pieces))
    return "".join(_REPLACEMENTS.get(char, char) for char in normalized)


def check_length(text: str) -> None:
    """Reject answers longer than MAX_ANSWER_LENGTH characters."""
    if len(text) > MAX_ANSWER_LENGTH:
        raise ReadError(
            f"the answer is too long ({len(text)} characters; the limit is {MAX_ANSWER_LENGTH})"
        )


_DIGITS = "0123456789"
_PI = "\u03c0"  # π is a name of its own, so that `πn` reads as π times n


def _is_name_start(char: str) -> bool:
    return char == "_" or (char.isalpha() and char.isidentifier())


def _is_name_char(char: str) -> bool:
    return char != _PI and (char in _DIGITS or _is_name_start(char))


def _scan_number(text: str, start: int) -> int:
    """End index of the number that starts at `start`: digits, an optional fraction and an
    optional exponent (`e`, an optional sign and at least one digit)."""
    index = start
    length = len(text)
    while index < length and text[index] in _DIGITS:
        index += 1
    if index < length and text[index] == ".":
        index += 1
        while index < length and text[index] in _DIGITS:
            index += 1
    if index < length and text[index] in "eE":
        exponent = index + 1
        if exponent < length and text[exponent] in "+-":
            exponent += 1
        if exponent < length and text[exponent] in _DIGITS:
            index = exponent
            while index < length and text[index] in _DIGITS:
                index += 1
    return index


def tokenize(text: str) -> list[Token]:
    """Split normalized text into tokens; raise ReadError at the first character not allowed."""
    tokens: list[Token] = []
    index = 0
    length = len(text)
    space_before = False
    while index < length:
        char = text[index]
        position = index + 1
        if char.isspace():
            space_before = True
            index += 1
            continue
        if char in _DIGITS or (char == "." and index + 1 < length and text[index + 1] in _DIGITS):
            # ASCII digits only: NFKC already mapped full-width digits; other scripts are refused.
            end = _scan_number(text, index)
            tokens.append(Token(Kind.NUMBER, text[index:end], position, space_before))
            index = end
        elif char == _PI:
            tokens.append(Token(Kind.NAME, char, position, space_before))
            index += 1
        elif _is_name_start(char):
            end = index + 1
            while end < length and _is_name_char(text[end]):
                end += 1
            tokens.append(Token(Kind.NAME, text[index:end], position, space_before))
            index = end
        elif char == "*" and index + 1 < length and text[index + 1] == "*":
            tokens.append(Token(Kind.OPERATOR, "^", position, space_before))
            index += 2
        elif char in _OPERATOR_CHARS:
            tokens.append(Token(Kind.OPERATOR, char, position, space_before))
            index += 1
        elif char == "\u221a":
            tokens.append(Token(Kind.ROOT, char, position, space_before))
            index += 1
        elif char in _OPEN_CHARS:
            tokens.append(Token(Kind.OPEN, char, position, space_before))
            index += 1
        elif char in _CLOSE_CHARS:
            tokens.append(Token(Kind.CLOSE, char, position, space_before))
            index += 1
        elif char in _SEPARATOR_CHARS:
            tokens.append(Token(Kind.SEPARATOR, char, position, space_before))
            index += 1
        elif char == "\u221e":
            raise ReadError(f"'∞' at position {position} is not a finite number")
        else:
            shown = char if char.isprintable() else f"U+{ord(char):04X}"
            raise ReadError(f"unexpected character '{shown}' at position {position}")
        space_before = False
    return tokens


def matching_closer(opener: str) -> str:
    """`)` for `(`, `]` for `[`."""
    return ")" if opener == "(" else "]"


def check_brackets(tokens: list[Token]) -> None:
    """Brackets must pair up (`(` with `)`, `[` with `]`) and nest at most MAX_NESTING deep."""
    stack: list[Token] = []
    for token in tokens:
        if token.kind is Kind.OPEN:
            stack.append(token)
            if len(stack) > MAX_NESTING:
                raise ReadError(
                    f"the brackets are nested too deeply (more than {MAX_NESTING} levels)"
                )
        elif token.kind is Kind.CLOSE:
            if not stack:
                raise ReadError(
                    f"'{token.text}' at position {token.position} has no opening bracket"
                )
            opener = stack.pop()
            if matching_closer(opener.text) != token.text:
                raise ReadError(
                    f"'{opener.text}' at position {opener.position} is closed by "
                    f"'{token.text}' at position {token.position}"
                )
    if stack:
        opener = stack[-1]
        raise ReadError(f"'{opener.text}' at position {opener.position} is never closed")
