"""Reading typed answers: numbers and vectors, tensor shapes, and expressions over named symbols.

Everything goes through a hand-written tokenizer (`tokens.py`) and the recursive-descent parser
below, which accept only a whitelist: numbers, `+ - * / ^` (or `**`, `×`, `·`), parentheses, the
functions `sigmoid` (`σ`, `sig`), `tanh`, `exp`, `ln` / `log` (natural), `sqrt` (`√`), the constants
`pi` (`π`) and `e`, and, in expressions, the question's symbols. Nothing typed is ever handed to
`eval`, `sympify` or `parse_expr`; sympy expressions are built node by node from the parse tree.

Grammar (usual precedence; `^` is right-associative and binds tighter than a leading minus, so
`-2^2` is -4 and `2^-1` is 0.5):

    sum      := product (("+" | "-") product)*
    product  := prefixed (("*" | "/") prefixed | implicit-factor)*
    prefixed := ("+" | "-" | "√")* power
    power    := atom ("^" ("+" | "-" | "√")* atom)*
    atom     := number | constant | symbol | function "(" sum ")" | "(" sum ")"

Implicit multiplication: a name, `(` or `√` right after a factor multiplies it (`4n`, `2(n+d)`,
`0.5tanh(1)`). In number answers it must follow without a space (`2 pi` is two numbers); in
expressions a space is fine (`4 n d`). A run of letters that is not a symbol but is made only of
symbols reads as their product (`nd` is `n·d` when `n` and `d` are symbols).

Separating the numbers of a vector: brackets `[ ]` or `( )` around the whole answer are optional.
If the answer contains `,` or `;` (outside inner parentheses), only those separate numbers.
Otherwise whitespace separates them, and a sign needs care: a `-` or `+` with a space before it
and none after it starts a new number (`0.25 -0.5` is two numbers), while a sign with spaces on
both sides or on neither is arithmetic (`1 - 0.75` and `1-0.75` are both 0.25).

Limits: answers over 2,000 characters, brackets nested more than 50 deep, functions nested more
than DEEPEST_CALLS (4) deep in an expression, and any number or intermediate result above 1e12 in
size (or infinite, or not a number) are refused with a message, before sympy builds anything.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import TYPE_CHECKING

from quizapp.grading.lazy import OnDemand

if TYPE_CHECKING:
    import sympy
else:
    sympy = OnDemand("sympy")  # imported at the first expression, not at start-up

from quizapp.grading.tokens import (
    Kind,
    ReadError,
    Token,
    check_brackets,
    check_length,
    matching_closer,
    normalize,
    tokenize,
)

LARGEST_VALUE = 1e12
"""Largest magnitude of any number or intermediate result the reader accepts."""

LARGEST_SYMBOLIC_EXPONENT = 100
"""Largest numeric exponent on a symbolic base, so that equivalence checks stay fast."""

DEEPEST_CALLS = 4
"""Most function calls (and roots) nested inside each other in an expression: sympy takes seconds
to build exp(-exp(-exp(…))) twelve deep, before any check could bound it."""

_LIMIT_TEXT = "1e12"
_LONGEST_CHAIN = 10  # signs in a row (`--√x`) or powers in a row (`a^b^c`): keeps sympy fast
_LONGEST_DECIMAL_EXPONENT = 400  # `1e-400` is fine to refuse; `1e-99999` must not build 10**99999

_FUNCTIONS = {
    "sigmoid": "sigmoid",
    "sig": "sigmoid",
    "σ": "sigmoid",
    "tanh": "tanh",
    "exp": "exp",
    "ln": "log",
    "log": "log",
    "sqrt": "sqrt",
}
_CONSTANTS = {"pi": "pi", "π": "pi", "e": "e"}
_NOT_FINITE_WORDS = ("inf", "infinity", "nan")
_NUMBER_WORDS = "sigmoid (σ), tanh, exp, ln (log), sqrt (√), pi and e"
_SHAPE_WRAPPERS = ("torch.Size", "Size")
_VECTOR_WRAPPERS = ("torch.tensor", "tensor", "numpy.array", "np.array", "array")


# --- public results -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NumbersReading:
    """How a typed number or vector was read: the values, a "read as …" line, or what is wrong."""

    values: tuple[float, ...] | None
    shown: str
    error: str | None

    @property
    def ok(self) -> bool:
        """True when the answer was read."""
        return self.values is not None


@dataclass(frozen=True)
class ShapeReading:
    """How a typed tensor shape was read: whole numbers ≥ 0, a "read as …" line, or the problem."""

    values: tuple[int, ...] | None
    shown: str
    error: str | None

    @property
    def ok(self) -> bool:
        """True when the answer was read."""
        return self.values is not None


@dataclass(frozen=True)
class ExpressionReading:
    """How a typed expression was read: a sympy expression, a "read as …" line, or what is wrong."""

    expr: sympy.Expr | None
    shown: str
    error: str | None
    latex: str = ""
    """The expression as mathtext LaTeX, written from the parse tree (`sympy.latex` can take
    seconds on nested calls such as exp(-exp(-exp(-a))): it simplifies while printing)."""

    @property
    def ok(self) -> bool:
        """True when the answer was read."""
        return self.expr is not None


# --- parse tree -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Number:
    text: str
    value: float
    exact: Fraction


@dataclass(frozen=True)
class _Constant:
    name: str  # "pi" or "e"


@dataclass(frozen=True)
class _Symbol:
    name: str


@dataclass(frozen=True)
class _Call:
    function: str  # a value of _FUNCTIONS
    argument: _Node


@dataclass(frozen=True)
class _Prefix:
    operators: tuple[str, ...]  # "+", "-" or "√", applied right to left
    operand: _Node


@dataclass(frozen=True)
class _Sum:
    signs: tuple[str, ...]  # "+" or "-" before each term
    terms: tuple[_Node, ...]


@dataclass(frozen=True)
class _Product:
    operators: tuple[str, ...]  # "*" or "/" before each factor (the first is "*")
    factors: tuple[_Node, ...]
    spelled_as_one_word: bool = False  # `nd` for n·d: a power after it applies to d only


@dataclass(frozen=True)
class _Power:
    """`a ^ p1 b ^ p2 c …` where p are prefix signs on the exponents: folded from the right as
    `a ^ p1(b ^ p2(c))`. Kept flat so that long chains do not deepen the recursion."""

    operands: tuple[_Node, ...]
    prefixes: tuple[tuple[str, ...], ...]  # prefixes[0] is always ()


_Node = _Number | _Constant | _Symbol | _Call | _Prefix | _Sum | _Product | _Power


# --- parser ---------------------------------------------------------------------------------------


def _clip(text: str) -> str:
    """Typed text quoted in a message, shortened when long."""
    return text if len(text) <= 20 else text[:20] + "…"


def _describe(token: Token | None) -> str:
    if token is None:
        return "the end of the answer"
    return f"'{_clip(token.text)}' at position {token.position}"


class _Parser:
    """Recursive descent over a token list. Recursion deepens only with brackets, which
    `check_brackets` has limited, so long inputs cannot exhaust the stack."""

    def __init__(self, tokens: Sequence[Token], symbols: Sequence[str] | None) -> None:
        self.tokens = tokens
        self.index = 0
        # None: a number answer (no symbols; implicit products need no space).
        self.symbols = symbols

    def peek(self) -> Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def at_operator(self, operators: str) -> bool:
        token = self.peek()
        return token is not None and token.kind is Kind.OPERATOR and token.text in operators

    def parse_sum(self, split_on_attached_sign: bool = False) -> _Node:
        signs = ["+"]
        terms = [self.parse_product()]
        while self.at_operator("+-"):
            sign = self.tokens[self.index]
            following = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
            if (
                split_on_attached_sign
                and sign.space_before
                and following is not None
                and not following.space_before
            ):
                break  # `0.25 -0.5`: the sign starts the next number of the vector
            self.take()
            signs.append(sign.text)
            terms.append(self.parse_product())
        return terms[0] if len(terms) == 1 else _Sum(tuple(signs), tuple(terms))

    def starts_implicit_factor(self) -> bool:
        token = self.peek()
        if token is None or token.kind not in (Kind.NAME, Kind.ROOT, Kind.OPEN):
            return False
        if token.kind is Kind.OPEN and token.text != "(":
            return False
        return self.symbols is not None or not token.space_before

    def parse_product(self) -> _Node:
        operators = ["*"]
        factors = [self.parse_prefixed()]
        while True:
            if self.at_operator("*/"):
                operators.append(self.take().text)
            elif not self.starts_implicit_factor():
                break
            else:
                operators.append("*")
            factors.append(self.parse_prefixed())
        return factors[0] if len(factors) == 1 else _Product(tuple(operators), tuple(factors))

    def parse_prefixes(self) -> tuple[str, ...]:
        operators: list[str] = []
        while True:
            token = self.peek()
            if token is not None and (
                token.kind is Kind.ROOT or (token.kind is Kind.OPERATOR and token.text in "+-")
            ):
                operators.append(self.take().text)
                if len(operators) > _LONGEST_CHAIN:
                    raise ReadError(
                        f"too many signs in a row at position {token.position} "
                        f"(at most {_LONGEST_CHAIN})"
                    )
            else:
                return tuple(operators)

    def parse_prefixed(self) -> _Node:
        operators = self.parse_prefixes()
        operand = self.parse_power()
        return _Prefix(operators, operand) if operators else operand

    def parse_power(self) -> _Node:
        operands = [self.parse_atom()]
        prefixes: list[tuple[str, ...]] = [()]
        while self.at_operator("^"):
            caret = self.take()
            if len(operands) == _LONGEST_CHAIN:
                raise ReadError(
                    f"too many powers in a row at position {caret.position} "
                    f"(at most {_LONGEST_CHAIN}); use brackets"
                )
            prefixes.append(self.parse_prefixes())
            operands.append(self.parse_atom())
        if len(operands) == 1:
            return operands[0]
        first = operands[0]
        if isinstance(first, _Product) and first.spelled_as_one_word:
            # `nd^2` is n·d^2, as it would be with a space or a `*` between n and d.
            power = _Power((first.factors[-1], *operands[1:]), tuple(prefixes))
            return _Product(first.operators, (*first.factors[:-1], power))
        return _Power(tuple(operands), tuple(prefixes))

    def parse_atom(self) -> _Node:
        token = self.peek()
        if token is None:
            raise ReadError("the answer ends where a number was expected")
        if token.kind is Kind.NUMBER:
            self.take()
            return _read_literal(token)
        if token.kind is Kind.NAME:
            self.take()
            return self.parse_name(token)
        if token.kind is Kind.OPEN:
            if token.text != "(":
                raise ReadError(
                    f"'[' at position {token.position}: square brackets may only surround the "
                    "whole answer; use ( ) for grouping"
                )
            self.take()
            inner = self.parse_sum()
            self.expect_close(token)
            if isinstance(inner, _Product) and inner.spelled_as_one_word:
                return replace(inner, spelled_as_one_word=False)  # `(nd)^2` is (n·d)^2
            return inner
        raise ReadError(f"expected a number or '(' but found {_describe(token)}")

    def expect_close(self, opener: Token) -> None:
        token = self.peek()
        if token is not None and token.kind is Kind.CLOSE:
            self.take()
            return
        if token is not None and token.kind is Kind.SEPARATOR:
            raise ReadError(
                f"'{token.text}' at position {token.position} is inside the brackets opened at "
                f"position {opener.position}; separate numbers only at the top level"
            )
        raise ReadError(
            f"expected an operator or '{matching_closer(opener.text)}' but found {_describe(token)}"
        )

    def parse_name(self, token: Token) -> _Node:
        name = token.text
        if self.symbols is not None and name in self.symbols:
            return _Symbol(name)
        function = _FUNCTIONS.get(name.lower())
        if function is not None:
            opener = self.peek()
            if opener is None or opener.kind is not Kind.OPEN or opener.text != "(":
                raise ReadError(
                    f"'{name}' at position {token.position} needs its argument in brackets, "
                    f"like {name}(0.5)"
                )
            self.take()
            argument = self.parse_sum()
            self.expect_close(opener)
            return _Call(function, argument)
        if name.lower() in _NOT_FINITE_WORDS:
            raise ReadError(f"'{name}' at position {token.position} is not a finite number")
        # `e` is lower-case only (E is too easily a name); pi in any case.
        constant = _CONSTANTS.get(name) or _CONSTANTS.get(name.lower() if name != "E" else name)
        if constant is not None:
            return _Constant(constant)
        if self.symbols is not None:
            pieces = _split_into_symbols(name, self.symbols)
            if pieces is not None:
                symbols = tuple(_Symbol(piece) for piece in pieces)
                return _Product(("*",) * len(pieces), symbols, spelled_as_one_word=True)
            allowed = ", ".join(self.symbols) if self.symbols else "none"
            raise ReadError(
                f"unknown word '{_clip(name)}' at position {token.position}; the symbols here are: "
                f"{allowed}"
            )
        raise ReadError(
            f"unknown word '{_clip(name)}' at position {token.position}; numbers may use {_NUMBER_WORDS}"
        )


def _read_literal(token: Token) -> _Number:
    """A number token as a float and an exact fraction, refusing huge or out-of-range values."""
    text = token.text
    _, _, exponent = text.lower().partition("e")
    if exponent and abs(int(exponent)) > _LONGEST_DECIMAL_EXPONENT:
        raise ReadError(
            f"the number '{_clip(text)}' at position {token.position} is out of range "
            f"(numbers must be at most {_LIMIT_TEXT} in size)"
        )
    value = float(text)
    if not math.isfinite(value) or abs(value) > LARGEST_VALUE:
        raise ReadError(
            f"the number '{_clip(text)}' at position {token.position} is too large "
            f"(the limit is {_LIMIT_TEXT})"
        )
    return _Number(text, value, Fraction(text))


def _split_into_symbols(name: str, symbols: Sequence[str]) -> list[str] | None:
    """Fewest symbols whose concatenation is `name` (`nd` -> [n, d]), or None."""
    # pieces[end]: fewest symbols spelling name[:end], with the last symbol used to get there.
    pieces: list[tuple[int, str] | None] = [None] * (len(name) + 1)
    pieces[0] = (0, "")
    for end in range(1, len(name) + 1):
        for symbol in symbols:
            start = end - len(symbol)
            previous = pieces[start] if start >= 0 else None
            if previous is None or not symbol or name[start:end] != symbol:
                continue
            current = pieces[end]
            if current is None or previous[0] + 1 < current[0]:
                pieces[end] = (previous[0] + 1, symbol)
    if pieces[len(name)] is None:
        return None
    spelled: list[str] = []
    end = len(name)
    while end > 0:
        step = pieces[end]
        assert step is not None
        spelled.append(step[1])
        end -= len(step[1])
    return spelled[::-1]


# --- arithmetic on floats -------------------------------------------------------------------------


def _checked(value: float) -> float:
    if math.isnan(value):
        raise ReadError("the result is not a number")
    if not math.isfinite(value) or abs(value) > LARGEST_VALUE:
        raise ReadError(f"the result is too large (the limit is {_LIMIT_TEXT})")
    return value


def _sigmoid(value: float) -> float:
    # Two forms so that exp never overflows for large |value|.
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    exponential = math.exp(value)
    return exponential / (1.0 + exponential)


def _apply_function(function: str, value: float) -> float:
    if function == "sigmoid":
        return _sigmoid(value)
    if function == "tanh":
        return math.tanh(value)
    if function == "exp":
        if value > math.log(LARGEST_VALUE):
            raise ReadError(f"exp({value:g}) is too large (the limit is {_LIMIT_TEXT})")
        return math.exp(value)
    if function == "log":
        if value <= 0:
            raise ReadError(f"the logarithm of {value:g} is undefined (it needs a number > 0)")
        return math.log(value)
    if value < 0:
        raise ReadError(f"the square root of {value:g} is undefined (it needs a number ≥ 0)")
    return math.sqrt(value)


def _apply_prefixes(operators: tuple[str, ...], value: float) -> float:
    for operator in reversed(operators):
        if operator == "-":
            value = -value
        elif operator == "√":
            value = _apply_function("sqrt", value)
    return value


def _power(base: float, exponent: float) -> float:
    if base < 0 and not exponent.is_integer():
        raise ReadError(f"{base:g} to the power {exponent:g} is not a real number")
    if base == 0 and exponent < 0:
        raise ReadError("division by zero (0 to a negative power)")
    try:
        return _checked(math.pow(base, exponent))
    except OverflowError:
        raise ReadError(f"the result is too large (the limit is {_LIMIT_TEXT})") from None


def _divide(numerator: float, denominator: float) -> float:
    if denominator == 0:
        raise ReadError("division by zero")
    return _checked(numerator / denominator)


def _evaluate(node: _Node) -> float:
    """The value of a symbol-free tree; every intermediate result is checked."""
    if isinstance(node, _Number):
        return node.value
    if isinstance(node, _Constant):
        return math.pi if node.name == "pi" else math.e
    if isinstance(node, _Symbol):
        raise ReadError(f"'{node.name}' has no value here")  # only reachable through misuse
    if isinstance(node, _Call):
        return _checked(_apply_function(node.function, _evaluate(node.argument)))
    if isinstance(node, _Prefix):
        return _checked(_apply_prefixes(node.operators, _evaluate(node.operand)))
    if isinstance(node, _Sum):
        total = 0.0
        for sign, term in zip(node.signs, node.terms, strict=True):
            value = _evaluate(term)
            total = _checked(total - value if sign == "-" else total + value)
        return total
    if isinstance(node, _Product):
        result = 1.0
        for operator, factor in zip(node.operators, node.factors, strict=True):
            value = _evaluate(factor)
            result = _divide(result, value) if operator == "/" else _checked(result * value)
        return result
    accumulated = _apply_prefixes(node.prefixes[-1], _evaluate(node.operands[-1]))
    for index in range(len(node.operands) - 2, -1, -1):
        raised = _power(_evaluate(node.operands[index]), accumulated)
        accumulated = _checked(_apply_prefixes(node.prefixes[index], raised))
    return accumulated


# --- building sympy expressions -------------------------------------------------------------------


def _sympy_function(function: str, argument: sympy.Expr) -> sympy.Expr:
    if function == "sigmoid":
        return sympy.Integer(1) / (sympy.Integer(1) + sympy.exp(-argument))
    if function == "tanh":
        return sympy.tanh(argument)
    if function == "exp":
        return sympy.exp(argument)
    if function == "log":
        return sympy.log(argument)
    return sympy.sqrt(argument)


def _sympy_prefixes(operators: tuple[str, ...], expr: sympy.Expr) -> sympy.Expr:
    for operator in reversed(operators):
        if operator == "-":
            expr = -expr
        elif operator == "√":
            expr = sympy.sqrt(expr)
    return expr


@dataclass(frozen=True)
class _Built:
    """A sympy expression with, when it has no symbols, its checked float value and how deeply
    function calls nest inside it."""

    expr: sympy.Expr
    value: float | None
    calls: int = 0


_DEEPEST_EXACT_CALLS = (
    2  # sympy slows down sharply on nested numeric calls like tanh(tanh(tanh(1)))
)


def _numeric(expr: sympy.Expr, value: float | None, calls: int) -> _Built:
    if value is not None and calls > _DEEPEST_EXACT_CALLS:
        return _Built(sympy.Float(value), value, 0)
    return _Built(expr, value, calls)


def _to_sympy(node: _Node) -> _Built:
    """The sympy expression of a tree; symbol-free parts also get a checked float value.

    The float runs alongside so that numeric parts obey the same limits as number answers (no
    `9^9^9` reaching sympy's exact integers), and deeply nested numeric calls become floats."""
    if isinstance(node, _Symbol):
        return _Built(sympy.Symbol(node.name, real=True), None)
    if isinstance(node, _Number):
        return _Built(sympy.Rational(node.exact.numerator, node.exact.denominator), node.value)
    if isinstance(node, _Constant):
        return _Built(sympy.pi, math.pi) if node.name == "pi" else _Built(sympy.E, math.e)
    if isinstance(node, _Call):
        argument = _to_sympy(node.argument)
        value = argument.value
        checked = None if value is None else _checked(_apply_function(node.function, value))
        expr = _sympy_function(node.function, argument.expr)
        return _numeric(expr, checked, argument.calls + 1)
    if isinstance(node, _Prefix):
        operand = _to_sympy(node.operand)
        value = operand.value
        checked = None if value is None else _checked(_apply_prefixes(node.operators, value))
        calls = operand.calls + (1 if "√" in node.operators else 0)
        return _numeric(_sympy_prefixes(node.operators, operand.expr), checked, calls)
    if isinstance(node, _Sum):
        terms: list[sympy.Expr] = []
        total: float | None = 0.0
        calls = 0
        for sign, term in zip(node.signs, node.terms, strict=True):
            built = _to_sympy(term)
            terms.append(-built.expr if sign == "-" else built.expr)
            calls = max(calls, built.calls)
            if total is None or built.value is None:
                total = None
            else:
                total = _checked(total - built.value if sign == "-" else total + built.value)
        return _numeric(sympy.Add(*terms), total, calls)
    if isinstance(node, _Product):
        factors: list[sympy.Expr] = []
        result: float | None = 1.0
        calls = 0
        for operator, factor in zip(node.operators, node.factors, strict=True):
            built = _to_sympy(factor)
            if operator == "/" and built.value == 0:
                raise ReadError("division by zero")
            factors.append(sympy.Pow(built.expr, -1) if operator == "/" else built.expr)
            calls = max(calls, built.calls)
            if result is None or built.value is None:
                result = None
            elif operator == "/":
                result = _divide(result, built.value)
            else:
                result = _checked(result * built.value)
        return _numeric(sympy.Mul(*factors), result, calls)
    last = _to_sympy(node.operands[-1])
    expr = _sympy_prefixes(node.prefixes[-1], last.expr)
    value = None if last.value is None else _checked(_apply_prefixes(node.prefixes[-1], last.value))
    calls = last.calls
    for index in range(len(node.operands) - 2, -1, -1):
        base = _to_sympy(node.operands[index])
        if value is not None and base.value is None and abs(value) > LARGEST_SYMBOLIC_EXPONENT:
            raise ReadError(
                f"the exponent {value:g} is too large (the limit is {LARGEST_SYMBOLIC_EXPONENT})"
            )
        # A fractional power such as 2^(1/3) is as costly for sympy as a function call.
        fractional = value is None or not value.is_integer()
        if base.value is not None and value is not None:
            value = _checked(_apply_prefixes(node.prefixes[index], _power(base.value, value)))
        else:
            value = None
        calls = max(calls, base.calls) + (1 if fractional else 0)
        expr = _sympy_prefixes(node.prefixes[index], sympy.Pow(base.expr, expr))
        built = _numeric(expr, value, calls)
        expr, calls = built.expr, built.calls
    return _Built(expr, value, calls)


# --- showing how an answer was read ---------------------------------------------------------------

_SHOWN_FUNCTIONS = {"sigmoid": "σ", "tanh": "tanh", "exp": "exp", "log": "ln", "sqrt": "√"}


def _precedence(node: _Node) -> int:
    if isinstance(node, _Sum):
        return 1
    if isinstance(node, _Product):
        return 2
    if isinstance(node, _Prefix):
        return 3
    if isinstance(node, _Power):
        return 4
    return 5


def _shown_number(text: str) -> str:
    return "0" + text if text.startswith(".") else text


def _show(node: _Node, least: int = 0) -> str:
    """The tree written back with explicit products (`·`) and only the brackets it needs."""
    if _precedence(node) < least:
        return f"({_show(node)})"
    if isinstance(node, _Number):
        return _shown_number(node.text)
    if isinstance(node, _Constant):
        return "π" if node.name == "pi" else "e"
    if isinstance(node, _Symbol):
        return node.name
    if isinstance(node, _Call):
        if node.function == "sqrt" and _precedence(node.argument) == 5:
            return f"√{_show(node.argument)}"
        return f"{_SHOWN_FUNCTIONS[node.function]}({_show(node.argument)})"
    if isinstance(node, _Prefix):
        operand_least = 5 if node.operators[-1] == "√" else 4
        return "".join(node.operators) + _show(node.operand, operand_least)
    if isinstance(node, _Sum):
        text = _show(node.terms[0], 2)
        for sign, term in zip(node.signs[1:], node.terms[1:], strict=True):
            text += f" {sign} {_show(term, 4 if isinstance(term, _Prefix) else 2)}"
        return text
    if isinstance(node, _Product):
        text = _show(node.factors[0], 3)
        for operator, factor in zip(node.operators[1:], node.factors[1:], strict=True):
            # `n·(d·h)` needs no brackets: a product of products is one product.
            associative = (
                operator == "*" and isinstance(factor, _Product) and "/" not in factor.operators
            )
            text += ("/" if operator == "/" else "·") + _show(factor, 2 if associative else 4)
        return text
    text = _show(node.operands[-1], 5)
    simple = not node.prefixes[-1]
    text = "".join(node.prefixes[-1]) + text
    for index in range(len(node.operands) - 2, -1, -1):
        exponent = text if simple else f"({text})"
        text = "".join(node.prefixes[index]) + f"{_show(node.operands[index], 5)}^{exponent}"
        simple = False
    return text


_LATEX_FUNCTIONS = {"sigmoid": r"\sigma", "tanh": r"\tanh", "exp": r"\exp", "log": r"\ln"}


def _latex_symbol(name: str) -> str:
    base, _, rest = name.partition("_")
    if not rest:
        return base
    return rf"{base}_{{\mathrm{{{rest.replace('_', ',')}}}}}"


def _latex_prefixed(operators: tuple[str, ...], text: str) -> str:
    for operator in reversed(operators):
        text = rf"\sqrt{{{text}}}" if operator == "√" else operator + text
    return text


def _latex(node: _Node, least: int = 0) -> str:
    """The tree as mathtext LaTeX, with the same brackets as `_show` (no dollars)."""
    if _precedence(node) < least:
        return rf"\left({_latex(node)}\right)"
    if isinstance(node, _Number):
        return _shown_number(node.text)
    if isinstance(node, _Constant):
        return r"\pi" if node.name == "pi" else "e"
    if isinstance(node, _Symbol):
        return _latex_symbol(node.name)
    if isinstance(node, _Call):
        if node.function == "sqrt":
            return rf"\sqrt{{{_latex(node.argument)}}}"
        return rf"{_LATEX_FUNCTIONS[node.function]}\left({_latex(node.argument)}\right)"
    if isinstance(node, _Prefix):
        operand = _latex(node.operand, 5 if node.operators[-1] == "√" else 4)
        return _latex_prefixed(node.operators, operand)
    if isinstance(node, _Sum):
        text = _latex(node.terms[0], 2)
        for sign, term in zip(node.signs[1:], node.terms[1:], strict=True):
            text += f" {sign} {_latex(term, 4 if isinstance(term, _Prefix) else 2)}"
        return text
    if isinstance(node, _Product):
        text = _latex(node.factors[0], 3)
        for operator, factor in zip(node.operators[1:], node.factors[1:], strict=True):
            associative = (
                operator == "*" and isinstance(factor, _Product) and "/" not in factor.operators
            )
            joint = "/" if operator == "/" else r" \cdot "
            text += joint + _latex(factor, 2 if associative else 4)
        return text
    text = _latex_prefixed(node.prefixes[-1], _latex(node.operands[-1], 5))
    for index in range(len(node.operands) - 2, -1, -1):
        raised = f"{_latex(node.operands[index], 5)}^{{{text}}}"
        text = _latex_prefixed(node.prefixes[index], raised)
    return text


# --- numbers and vectors --------------------------------------------------------------------------


def format_number(value: float, digits: int = 4) -> str:
    """A number for display: whole numbers in full, others to `digits` decimals (at least
    `digits` significant digits below 1), without trailing zeros."""
    if value == 0:
        return "0"
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if abs(value) >= 1:
        text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:.{digits}g}"
    mantissa, marker, exponent = text.partition("e")
    if marker:
        text = f"{mantissa}e{int(exponent)}"
    return text


def format_vector(values: Sequence[float], digits: int = 4) -> str:
    """`[0.25, -0.5]`."""
    return "[" + ", ".join(format_number(v, digits) for v in values) + "]"


def _strip_wrapper(text: str, wrappers: Sequence[str]) -> str:
    """`torch.Size([2, 4])` -> `[2, 4]` for the given wrapper names (no regular expressions)."""
    stripped = text.strip()
    for wrapper in wrappers:
        if stripped.startswith(wrapper):
            rest = stripped[len(wrapper) :].lstrip()
            if rest.startswith("(") and rest.endswith(")"):
                return rest[1:-1]
    return text


def _closing_index(tokens: Sequence[Token], opening: int) -> int:
    depth = 0
    for index in range(opening, len(tokens)):
        if tokens[index].kind is Kind.OPEN:
            depth += 1
        elif tokens[index].kind is Kind.CLOSE:
            depth -= 1
            if depth == 0:
                return index
    return len(tokens)  # unreachable after check_brackets


def _prepared_tokens(text: str, wrappers: Sequence[str]) -> list[Token]:
    check_length(text)
    normalized = normalize(text)
    check_length(normalized)
    tokens = tokenize(_strip_wrapper(normalized, wrappers))
    if not tokens:
        raise ReadError("empty answer")
    check_brackets(tokens)
    return tokens


def _uses_separators(tokens: Sequence[Token]) -> bool:
    depth = 0
    for token in tokens:
        if token.kind is Kind.OPEN:
            depth += 1
        elif token.kind is Kind.CLOSE:
            depth -= 1
        elif token.kind is Kind.SEPARATOR and depth == 0:
            return True
    return False


def _parse_list(tokens: Sequence[Token]) -> list[_Node]:
    by_separators = _uses_separators(tokens)
    parser = _Parser(tokens, None)
    elements: list[_Node] = []
    while True:
        token = parser.peek()
        if token is not None and token.kind is Kind.SEPARATOR:
            raise ReadError(f"expected a number before '{token.text}' at position {token.position}")
        elements.append(parser.parse_sum(split_on_attached_sign=not by_separators))
        token = parser.peek()
        if token is None:
            return elements
        if by_separators:
            if token.kind is not Kind.SEPARATOR:
                raise ReadError(f"expected an operator or ',' but found {_describe(token)}")
            parser.take()
            if parser.peek() is None:
                return elements  # a trailing separator, as in `(0.25,)`
        elif not token.space_before:
            raise ReadError(f"expected an operator but found {_describe(token)}")


def _read_number_list(text: str) -> list[float]:
    tokens = _prepared_tokens(text, _VECTOR_WRAPPERS)
    if tokens[0].kind is Kind.OPEN and _closing_index(tokens, 0) == len(tokens) - 1:
        tokens = tokens[1:-1]
        if not tokens:
            raise ReadError("there are no numbers between the brackets")
    elements = _parse_list(tokens)
    values: list[float] = []
    for position, element in enumerate(elements, start=1):
        try:
            values.append(_checked(_evaluate(element)))
        except ReadError as problem:
            if len(elements) == 1:
                raise
            raise ReadError(f"number {position}: {problem}") from None
    return values


def read_numbers(text: str, expected_length: int | None = None) -> NumbersReading:
    """Read one number or a vector typed in any of the usual forms (see the module docstring).

    `expected_length` (if given) is the number of values the answer must have."""
    try:
        values = _read_number_list(text)
    except ReadError as problem:
        return NumbersReading(None, "", str(problem))
    except (OverflowError, ZeroDivisionError, ValueError, RecursionError) as problem:
        return NumbersReading(None, "", f"the answer could not be read ({problem})")
    if expected_length is not None and len(values) != expected_length:
        noun = "number" if expected_length == 1 else "numbers"
        return NumbersReading(None, "", f"expected {expected_length} {noun}, got {len(values)}")
    shown = format_number(values[0]) if len(values) == 1 else format_vector(values)
    return NumbersReading(tuple(values), f"read as {shown}", None)


# --- shapes ---------------------------------------------------------------------------------------

_LONGEST_DIMENSION = 12  # digits


def _read_dimensions(body: str) -> list[int]:
    dimensions: list[int] = []
    digits = ""
    last_separator = ""
    for offset, char in enumerate(body + " "):
        if "0" <= char <= "9":
            digits += char
            continue
        if digits:
            if len(digits) > _LONGEST_DIMENSION:
                raise ReadError(f"the dimension {digits[:20]}… is too large")
            if char == ".":
                raise ReadError(f"dimensions are whole numbers; found '{digits}.' ")
            dimensions.append(int(digits))
            digits = ""
            last_separator = ""
        if char.isspace():
            continue
        where = f"at position {offset + 1}"
        if char in ",;*xX":
            if last_separator or not dimensions:
                raise ReadError(f"a dimension is missing before '{char}' {where}")
            last_separator = char
        elif char in "-+":
            raise ReadError(f"dimensions are whole numbers ≥ 0; found '{char}' {where}")
        else:
            shown = char if char.isprintable() else f"U+{ord(char):04X}"
            raise ReadError(f"unexpected character '{shown}' {where} in a shape")
    if last_separator and last_separator not in ",;":
        raise ReadError(f"the shape ends with '{last_separator}'")
    return dimensions


def read_shape(text: str) -> ShapeReading:
    """Read a tensor shape: `(2, 4, 16)`, `[2,4,16]`, `2x4x16`, `2×4×16`, `2 4 16`,
    `torch.Size([2, 4, 16])`, full-width forms; whole numbers ≥ 0 only."""
    try:
        check_length(text)
        body = _strip_wrapper(normalize(text), _SHAPE_WRAPPERS).strip()
        if not body:
            raise ReadError("empty answer")
        if body[0] in "([" and body[-1] == matching_closer(body[0]):
            body = body[1:-1]
        dimensions = _read_dimensions(body)
    except ReadError as problem:
        return ShapeReading(None, "", str(problem))
    if len(dimensions) == 1:
        shown = f"({dimensions[0]},)"
    else:
        shown = "(" + ", ".join(str(d) for d in dimensions) + ")"
    return ShapeReading(tuple(dimensions), f"read as {shown}", None)


# --- expressions ----------------------------------------------------------------------------------


def _not_finite() -> tuple[sympy.Expr, ...]:
    return (sympy.S.ComplexInfinity, sympy.S.Infinity, sympy.S.NegativeInfinity, sympy.S.NaN)


def _children(node: _Node) -> tuple[_Node, ...]:
    if isinstance(node, _Call):
        return (node.argument,)
    if isinstance(node, _Prefix):
        return (node.operand,)
    if isinstance(node, _Sum):
        return node.terms
    if isinstance(node, _Product):
        return node.factors
    if isinstance(node, _Power):
        return node.operands
    return ()


def _call_depth(tree: _Node) -> int:
    """How many calls and roots nest inside each other at the deepest (without recursion)."""
    deepest = 0
    pending = [(tree, 0)]
    while pending:
        node, depth = pending.pop()
        if isinstance(node, _Call):
            depth += 1
        elif isinstance(node, _Prefix):
            depth += node.operators.count("√")
        elif isinstance(node, _Power):
            depth += sum(prefixes.count("√") for prefixes in node.prefixes)
        deepest = max(deepest, depth)
        pending.extend((child, depth) for child in _children(node))
    return deepest


def _parse_expression(text: str, symbols: Sequence[str]) -> _Node:
    tokens = _prepared_tokens(text, ())
    parser = _Parser(tokens, tuple(symbols))
    tree = parser.parse_sum()
    token = parser.peek()
    if token is not None:
        if token.kind is Kind.SEPARATOR:
            raise ReadError(
                f"one expression was expected; found '{token.text}' at position {token.position}"
            )
        raise ReadError(f"expected an operator but found {_describe(token)}")
    return tree


def read_expression(text: str, symbols: Sequence[str]) -> ExpressionReading:
    """Read an expression over the given symbol names (case-sensitive) into a sympy expression
    with real symbols, exact rationals for decimals, and σ(u) written as 1/(1 + exp(-u))."""
    try:
        tree = _parse_expression(text, symbols)
        if _call_depth(tree) > DEEPEST_CALLS:
            raise ReadError(
                f"the functions are nested too deeply (more than {DEEPEST_CALLS} inside each other)"
            )
        expr = _to_sympy(tree).expr
        if expr.has(*_not_finite()):
            raise ReadError("the expression divides by zero or is not finite")
    except ReadError as problem:
        return ExpressionReading(None, "", str(problem))
    except RecursionError:
        return ExpressionReading(None, "", "the expression is nested too deeply")
    except (OverflowError, ZeroDivisionError, ValueError) as problem:
        return ExpressionReading(None, "", f"the expression could not be read ({problem})")
    return ExpressionReading(expr, f"read as {_show(tree)}", None, _latex(tree))
