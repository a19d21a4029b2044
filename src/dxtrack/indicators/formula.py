"""Derived indicators: a formula over other indicators' codes, parsed safely (never eval).

Grammar, checked on the `ast` tree: numbers, indicator codes, + - * /, unary minus and
parentheses. A code that is not a Python identifier is written in brackets: `[CT-1.2]`.
Anything else (calls, attributes, subscripts, powers, comparisons, strings ...) is refused.
"""

from __future__ import annotations

import ast
import functools
import math
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from dxtrack.errors import Invalid

MAX_LENGTH = 500
MAX_NODES = 200
_BRACKETED = re.compile(r"\[([\w.\-/]{1,64})\]")
_BINARY: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


class NotComputable(ArithmeticError):
    """The formula has no finite value for these inputs: the indicator is not evaluated."""

    reason = "kết quả công thức không xác định"


class ZeroDenominator(NotComputable):
    reason = "mẫu số bằng 0"


@dataclass(frozen=True)
class Formula:
    text: str
    tree: ast.Expression
    names: dict[str, str]  # placeholder or identifier -> indicator code

    @property
    def codes(self) -> set[str]:
        return set(self.names.values())

    def evaluate(self, values: Mapping[str, float]) -> float:
        """Value with `values` by indicator code; NotComputable (ZeroDenominator) otherwise."""
        result = _evaluate(self.tree.body, {k: values[v] for k, v in self.names.items()})
        if not math.isfinite(result):
            raise NotComputable
        return result


def _refuse(formula: str, why: str) -> Invalid:
    return Invalid(f"Công thức «{formula[:80]}» không hợp lệ: {why}.")


def _check_node(node: ast.AST, formula: str) -> None:
    if isinstance(node, ast.Expression | ast.Load):
        return
    if isinstance(node, ast.BinOp):
        if type(node.op) not in _BINARY:
            raise _refuse(formula, "chỉ cho phép các phép tính + - * /")
        return
    if isinstance(node, ast.UnaryOp):
        if not isinstance(node.op, ast.USub | ast.UAdd):
            raise _refuse(formula, "chỉ cho phép dấu âm trước một số hoặc mã chỉ tiêu")
        return
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise _refuse(formula, "chỉ cho phép số và mã chỉ tiêu")
        try:
            finite = math.isfinite(float(node.value))
        except OverflowError:
            finite = False
        if not finite:
            raise _refuse(formula, "số quá lớn")
        return
    if isinstance(node, ast.Name | ast.operator | ast.unaryop):
        return
    raise _refuse(formula, "chỉ cho phép số, mã chỉ tiêu, + - * / và dấu ngoặc")


@functools.lru_cache(maxsize=2048)
def parse_formula(formula: str) -> Formula:
    """Parse and check a formula; Invalid (Vietnamese message) when anything is not allowed.

    Cached by text (the tree is never mutated); refusals are not cached."""
    text = formula.strip()
    if not text:
        raise _refuse(formula, "công thức trống")
    if len(text) > MAX_LENGTH:
        raise _refuse(formula, f"dài quá {MAX_LENGTH} ký tự")
    names: dict[str, str] = {}

    def placeholder(match: re.Match[str]) -> str:
        key = f"_ref{len(names)}"
        names[key] = match.group(1)
        return f" {key} "  # spaced, so «A[0]» cannot become the identifier «A_ref0»

    source = _BRACKETED.sub(placeholder, text).strip()
    try:
        tree = ast.parse(source, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        raise _refuse(formula, "sai cú pháp") from None
    nodes = list(ast.walk(tree))
    if len(nodes) > MAX_NODES:
        raise _refuse(formula, "quá phức tạp")
    for node in nodes:
        _check_node(node, formula)
        if isinstance(node, ast.Name) and node.id not in names:
            if node.id.startswith("_"):
                raise _refuse(formula, f"tên «{node.id}» không được phép")
            names[node.id] = node.id
    if not names:
        raise _refuse(formula, "phải tham chiếu ít nhất một chỉ tiêu")
    return Formula(text, tree, names)


def _evaluate(node: ast.AST, values: Mapping[str, float]) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return float(node.value)
    if isinstance(node, ast.Name):
        return values[node.id]
    if isinstance(node, ast.UnaryOp):
        value = _evaluate(node.operand, values)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp):
        left, right = _evaluate(node.left, values), _evaluate(node.right, values)
        if isinstance(node.op, ast.Div) and right == 0:
            raise ZeroDenominator
        return _BINARY[type(node.op)](left, right)
    raise Invalid("Công thức không hợp lệ.")  # unreachable: parse_formula checked the tree
