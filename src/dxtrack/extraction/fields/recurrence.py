"""Recurrence: weekly ... yearly, or continuous ("thường xuyên"), from a table of rules.

The first row that matches wins, so specific periods come before "thường xuyên"
("thường xuyên, hằng năm" is yearly). "Hằng năm" counts only where it qualifies the
action (clause start, after punctuation or "định kỳ"), not a noun ("kế hoạch ... hằng năm").
"""

from __future__ import annotations

import re

from dxtrack.extraction.vocab import alternation
from dxtrack.extraction.vocab import load as load_vocab

_EVERY = r"(?:hằng|hàng)"
# what happens often in a place or to a thing ("khu vực thường xuyên xảy ra sạt lở", "các
# phương tiện thường xuyên đi qua"): the words qualify a noun, not the action
_HAPPENS = alternation(load_vocab("vocab")["recurrence_situations"])
# a name ending with the words ("trung tâm giáo dục thường xuyên"): one look-behind per name,
# "(?<!giáo\sdục\sthường)", after the "thường" of the rule below
_NAMED = "".join(
    r"(?<!{}\sthường)".format(r"\s".join(map(re.escape, n.split()[:-2])))
    for n in load_vocab("vocab")["recurrence_nouns"]
)
# "báo cáo thường xuyên, định kỳ, đột xuất": kinds of report, a noun's (no recurrence)
_REPORT_KINDS = alternation(load_vocab("vocab")["report_kinds"])
_ACTION_POS = (
    r"(?:^|[,;:(]\s*|(?<!\d)[.]\s+|[-–+]\s+|định\s+kỳ\s+"
    # "báo cáo hằng năm" after a verb that takes it as its object ("Trình báo cáo hằng năm
    # cho ...", "gửi báo cáo hằng năm"): the annual report, a noun
    r"|(?:thực\s+hiện|(?<!trình\s)(?<!gửi\s)(?<!lập\s)báo\s+cáo|tổ\s+chức|tổng\s+kết|sơ\s+kết|đánh\s+giá)\s+"
    r"|(?<!chi\s)(?<!phí\s)thường\s+xuyên\s+(?:và\s+)?)"  # not "chi/kinh phí thường xuyên"
)

# "01 lần/năm", "một lần/quý", "tối thiểu 1 lần/tháng": once per period
_ONCE = r"(?:một|01|1)\s+lần\s*/\s*"

_NOT_BENEFIT = r"(?<!cấp\s)(?<!đãi\s)(?<!tuất\s)(?<!dưỡng\s)(?<!lương\s)(?<!hưu\s)(?<!nhập\s)"
# The same, checked after the "h" of "hằng"/"hàng" (the rules open with a letter, where the
# regex engine skips ahead to; only whether a rule matches is used).
_NOT_BENEFIT_H = _NOT_BENEFIT.replace(r"\s)", r"\sh)")
_EVERY_H = r"h(?:ằng|àng)"  # _EVERY after its "h"
_ONCE_ALTS = (r"một\s+lần\s*/\s*", r"01\s+lần\s*/\s*", r"1\s+lần\s*/\s*")  # _ONCE's forms
_ONCE_MONTH = "|".join(once + "tháng" for once in _ONCE_ALTS)
_ONCE_QUARTER = "|".join(once + "quý" for once in _ONCE_ALTS)
_THREE_MONTHS_ONCE = "|".join(
    n + r"\s+tháng\s+(?:một\s+lần|/\s*lần)" for n in ("03", "3", "ba")
)  # "(?:0?3|ba)\s+tháng\s+(?:một\s+lần|/\s*lần)"

RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "weekly",
        re.compile(rf"{_EVERY}\s+tuần|định\s+kỳ\s+(?:hằng\s+|hàng\s+)?tuần|mỗi\s+tuần|{_ONCE}tuần"),
    ),
    (
        "monthly",
        re.compile(
            # not a monthly benefit ("trợ cấp hằng tháng", "ưu đãi hằng tháng", "tiền tuất ...")
            rf"h{_NOT_BENEFIT_H}(?:ằng|àng)\s+tháng|định\s+kỳ\s+(?:hằng\s+|hàng\s+)?tháng(?!\s*\d)"
            rf"|mỗi\s+tháng|{_ONCE_MONTH}"
        ),
    ),
    (
        "half-yearly",
        re.compile(
            rf"định\s+kỳ\s+(?:0?6|sáu)\s+tháng|{_EVERY}\s+(?:0?6|sáu)\s+tháng"
            r"|(?:0?6|sáu)\s+tháng\s+(?:một\s+lần|/\s*lần)|nửa\s+năm\s+một\s+lần"
            # "Báo cáo 6 tháng: ... trước ngày 05/7", not "báo cáo 6 tháng đầu năm 2025"
            r"|báo\s+cáo\s+(?:6|sáu)\s+tháng(?!\s+(?:đầu|cuối|năm|\d))"
            # "Thời gian: 6 tháng, hằng năm": the periods listed, the shortest first
            # (each form opens with its letter, the look-behind after it)
            rf"|(?:0(?<![\d/]0)6|6(?<![\d/]6)|sáu)\s+tháng\s*,\s*{_EVERY}\s+năm"
        ),
    ),
    (
        "quarterly",
        re.compile(
            rf"h(?<!phí\sh)(?:ằng|àng)\s+quý|định\s+kỳ\s+(?:hằng\s+|hàng\s+)?\(?quý|mỗi\s+quý"
            rf"|{_ONCE_QUARTER}"
            # "trước ngày 20 của tháng cuối quý", "báo cáo theo quý"
            r"|tháng\s+cuối\s+(?:của\s+)?(?:mỗi\s+|hằng\s+|hàng\s+)?quý|báo\s+cáo\s+(?:\w+\s+){0,3}?theo\s+quý"
            # "trước ngày 05 của tháng đầu quý tiếp theo / quý sau"
            r"|tháng\s+đầu\s+(?:tiên\s+)?(?:của\s+)?(?:mỗi\s+)?quý\s+(?:tiếp\s+theo|sau|kế\s+tiếp)"
            # "định kỳ 03 tháng", "3 tháng một lần"
            rf"|định\s+kỳ\s+(?:0?3|ba)\s+tháng|{_EVERY_H}\s+(?:0?3|ba)\s+tháng"
            rf"|{_THREE_MONTHS_ONCE}"
        ),
    ),
    (
        "yearly",
        re.compile(
            rf"{_ACTION_POS}{_EVERY}\s+năm|định\s+kỳ\s+(?:hằng\s+|hàng\s+)?năm"
            # "... phối hợp với các sở, ngành hằng năm tổ chức tập huấn ...": before the action
            rf"|{_EVERY}\s+năm\s+(?:tổ\s+chức|báo\s+cáo|rà\s+soát|tổng\s+hợp|kiểm\s+tra|cân\s+đối"
            r"|bố\s+trí|sơ\s+kết|đánh\s+giá)\b"
            # "Kiểm toán nhà nước hằng năm thực hiện kiểm toán ...", not a noun's "kế hoạch
            # hằng năm thực hiện Đề án", "dự toán hằng năm thực hiện ..."
            rf"|(?<!hoạch\s)(?<!trình\s)(?<!toán\s)(?<!sách\s)(?<!vụ\s)(?<!tiêu\s)(?<!cáo\s)"
            rf"{_EVERY}\s+năm\s+thực\s+hiện\b"
            # "... quyết toán vốn hằng năm đúng quy định": the rule the action follows after it,
            # not a plan's noun ("kế hoạch hằng năm theo quy định")
            # (the look-behinds after the "h" it opens with, like _NOT_BENEFIT_H)
            rf"|h(?<!hoạch\sh)(?<!toán\sh)(?<!sách\sh)(?<!tiêu\sh)(?<!cáo\sh)(?<!vụ\sh)"
            rf"(?<!trình\sh)(?:ằng|àng)\s+năm\s+(?:theo|đúng)\s+quy\s+định"
            # "báo cáo kết quả thực hiện Nghị quyết này hằng năm": "này" closes the noun, the
            # period is the action's
            rf"|\bnày\s+{_EVERY}\s+năm"
            # a report regime's period ("..., kỳ báo cáo là 01 năm", "trước ngày 15 tháng 02
            # của năm liền kề sau năm báo cáo"): a yearly report
            r"|kỳ\s+báo\s+cáo\s+(?:là\s+)?(?:01|1|một)\s+năm|năm\s+liền\s+kề\s+sau\s+năm\s+báo\s+cáo"
            rf"|mỗi\s+năm|{_ONCE}năm|(?<!\d\s)(?<!hai\s)(?<!ba\s)(?<!năm\s)năm\s+một\s+lần"  # not "hai năm một lần"
            rf"|ngày\s+\d{{1,2}}\s+tháng\s+\d{{1,2}}\s+{_EVERY}\s+năm"  # "trước ngày 30 tháng 6 hằng năm"
            # "trước ngày 25/12 hằng năm", "trước ngày 30/6 và 31/12 hằng năm"
            rf"|(?:ngày|trước)\s+\d{{1,2}}\s*/\s*\d{{1,2}}(?:\s*(?:,|và)\s*(?:ngày\s+)?\d{{1,2}}\s*/\s*\d{{1,2}})*"
            rf"(?!\s*/\s*\d)\s+{_EVERY}\s+năm"
            rf"|định\s+kỳ\s+(?:báo\s+cáo|tổng\s+hợp|đánh\s+giá)\b[^.;]{{0,120}}?{_EVERY}\s+năm"
            # "... hằng năm, trước ngày 31 tháng 12": a yearless day right after times the action
            rf"|{_EVERY}\s+năm\s*,\s*(?:trước|chậm\s+nhất|hạn\s+chót|hoàn\s+thành\s+trước)\s+"
            rf"(?:ngày\s+)?\d{{1,2}}(?:\s+tháng\s+\d{{1,2}}|\s*/\s*\d{{1,2}})(?!\s*/\s*\d|\s+năm)"
        ),
    ),
    (
        "continuous",
        re.compile(
            # not "chi thường xuyên", "nhiệm vụ thường xuyên" (a kind of duty), nor "không
            # (mang tính chất) thường xuyên"
            r"thường"
            rf"(?:(?<!cáo\sthường)|(?!\s+xuyên\s*,\s*(?:{_REPORT_KINDS})\b))"
            r"(?<!chi\sthường)(?<!phí\sthường)(?<!vụ\sthường)(?<!xuyên\sthường)"
            rf"(?<!không\sthường)(?<!chất\sthường){_NAMED}\s+xuyên(?!\s+(?:nguồn|ngân|kinh\s+phí|của))"
            rf"(?!\s+(?:{_HAPPENS})\b)"
        ),
    ),
]


# Every rule above needs one of these words: a clause without any has no recurrence (most
# clauses), which spares the rules' look-behinds.
_CUES = ("hằng", "hàng", "định", "mỗi", "lần", "thường", "báo cáo")


# What each rule needs besides: every match of the rule holds a word of each of its groups, so
# a rule is tried only on a clause that does (most clauses skip the look-behinds). A new form
# in a rule may need its word here: tests/extraction/test_fast_paths.py checks every match
# over the corpus and the golden cases.
_PERIOD_CUES = ("hằng", "hàng", "định", "mỗi", "lần")
RULE_CUES: dict[str, tuple[tuple[str, ...], ...]] = {
    "weekly": (("tuần",),),
    "monthly": (("tháng",), ("hằng", "hàng", "định", "mỗi", "lần")),
    "half-yearly": (("tháng", "năm"), (*_PERIOD_CUES, "báo cáo")),
    "quarterly": (("quý", "tháng"), (*_PERIOD_CUES, "báo cáo", "cuối", "đầu")),
    "yearly": (("năm",), (*_PERIOD_CUES, "báo cáo")),
    "continuous": (("thường",),),
}


# What every match of a rule holds besides, where the rule's pattern opens with no letter the
# regex engine can skip ahead to (the yearly rule's action positions, the half-yearly rule's
# forms): a search for it, led by its words, is cheap and spares the rule's search over a
# clause without it (test_fast_paths.py holds each rule's matches to it).
RULE_CORES: dict[str, re.Pattern[str]] = {
    "half-yearly": re.compile(r"(?:6|sáu)\s+tháng|nửa\s+năm"),
    "yearly": re.compile(
        rf"{_EVERY}\s+năm|định\s+kỳ|kỳ\s+báo\s+cáo|năm\s+liền\s+kề|mỗi\s+năm|lần\s*/\s*năm"
        r"|năm\s+một\s+lần"
    ),
}


def find_recurrence(folded: str) -> str | None:
    """The clause's recurrence from its folded text, or None."""
    for cue in _CUES:  # loops, not any()/all() over generators: run for every clause
        if cue in folded:
            break
    else:
        return None
    for name, pattern in RULES:
        for group in RULE_CUES.get(name, ()):
            for w in group:
                if w in folded:
                    break
            else:
                break  # no word of this group
        else:
            core = RULE_CORES.get(name)
            if (core is None or core.search(folded)) and pattern.search(folded):
                return name
    return None


_TIME_YEARLY = re.compile(rf"\b{_EVERY}\s+năm\b")
_TIME_CONTINUOUS = re.compile(r"\bthường\s+xuyên\b")


def time_recurrence(folded: str) -> str | None:
    """The recurrence of a time cell or a "Thời gian thực hiện:" line, which only times the
    action: there "hằng năm" anywhere is the action's ("Năm 2022 và hàng năm", "Tháng 11,
    12/2013 và bổ sung, sửa đổi hàng năm"), and "thường xuyên" too ("Nhiệm vụ thường xuyên")."""
    found = find_recurrence(folded)
    if found is None and _TIME_YEARLY.search(folded):
        return "yearly"
    if found is None and _TIME_CONTINUOUS.search(folded):
        return "continuous"  # "Nhiệm vụ thường xuyên" in the time column
    return found
