"""Derived-indicator formulas: parsed with `ast` into a whitelist, never evaluated by eval."""

from __future__ import annotations

import pytest

from dxtrack.errors import Invalid
from dxtrack.indicators.formula import NotComputable, ZeroDenominator, parse_formula


class TestEvaluate:
    def test_it_spending_share(self):
        formula = parse_formula("CNTT / NSNN * 100")
        value = formula.evaluate({"CNTT": 52_160e6, "NSNN": 19_922e9})
        assert round(value, 2) == 0.26

    def test_bracketed_codes_and_precedence(self):
        formula = parse_formula("([CT-1.1] + [CT-1.2]) / 2 - -1")
        assert formula.codes == {"CT-1.1", "CT-1.2"}
        assert formula.evaluate({"CT-1.1": 4, "CT-1.2": 6}) == 6

    def test_zero_denominator(self):
        with pytest.raises(ZeroDenominator):
            parse_formula("A / (B - B)").evaluate({"A": 1, "B": 3})

    def test_overflow_is_not_computable(self):
        with pytest.raises(NotComputable):
            parse_formula("A * 1e308 * 10").evaluate({"A": 1e10})


class TestSafety:
    @pytest.mark.parametrize(
        "formula",
        [
            "__import__('os').system('rm -rf /')",
            "open('/etc/passwd').read()",
            "A.__class__",
            "A[0]",
            "A ** 100000",
            "A if B else C",
            "A < B",
            "lambda: 1",
            "'abc' * 3",
            "[A, B]",
            "A; B",
            "A and B",
            "True + A",
            "A // B",
            "A % B",
            "_ref0 + 1",
            "__builtins__",
            "x := 1",
            "f'{A}'",
            "1" * 400,
            "(" * 300 + "A" + ")" * 300,
            "",
            "2 + 3",
        ],
    )
    def test_refused_with_vietnamese_message(self, formula):
        with pytest.raises(Invalid) as caught:
            parse_formula(formula)
        assert "Công thức" in caught.value.message

    def test_never_calls_eval(self, monkeypatch):
        import builtins

        def forbidden(*_args, **_kwargs):
            raise AssertionError("eval/exec must not be used")

        monkeypatch.setattr(builtins, "eval", forbidden)
        monkeypatch.setattr(builtins, "exec", forbidden)
        assert parse_formula("A + 1").evaluate({"A": 1}) == 2
