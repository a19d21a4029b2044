"""Forms of a People's Council resolution (Nghị quyết của Hội đồng nhân dân) that are no
task or lend no actor (vocabulary: data/vocab.yaml `examined_intros`, `scope_labels`,
`speaker_give_ends`):

- an intro over the reports the council examines ("Hội đồng nhân dân tỉnh xem xét các báo
  cáo 6 tháng và 1 năm:" over "- Báo cáo của ...", "- Các báo cáo của ...");
- a policy's scope label before its colon ("Đối tượng được khuyến khích: Các thôn, xã ...");
- a heading where the issuing council gives out the items ("Điều 2. Hội đồng nhân dân tỉnh
  giao"): it lends nothing.

Each test is guarded by a cheap substring cue, tried first.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dxtrack.extraction.textutil import fold
from dxtrack.extraction.vocab import alternation
from dxtrack.extraction.vocab import load as load_vocab


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    vocab = load_vocab("vocab")
    return {
        "examined": re.compile(rf"\b(?:{alternation(vocab['examined_intros'])})[^:;]*:\s*$"),
        "scope": re.compile(rf"^\W*(?:[a-zđ]\)\s*)?(?:{alternation(vocab['scope_labels'])})\s*:"),
        "gives": re.compile(rf"\s(?:{alternation(vocab['speaker_give_ends'])})\s*:?\s*$"),
    }


def examined_reports(text: str) -> bool:
    """The clause opens a list of the reports a council examines (its items are documents)."""
    folded = fold(text[-300:])
    if "báo cáo" not in folded and "tờ trình" not in folded:
        return False
    return bool(_patterns()["examined"].search(folded))


def scope_item(folded: str) -> bool:
    """The clause is a policy's scope label and its value ("Đối tượng được hỗ trợ: ...")."""
    head = folded[:60]
    if (
        "đối tượng" not in head
        and "mức" not in head
        and "hình thức" not in head
        and ("phạm vi" not in head)
    ):
        return False
    return bool(_patterns()["scope"].match(folded))


def speaker_gives(text: str, named: list[str], issuer: str | None) -> bool:
    """A heading naming the issuing council, short or whole ("Hội đồng nhân dân tỉnh" of
    "Hội đồng nhân dân tỉnh Lai Châu"), and ending with its give verb ("... giao")."""
    if len(named) != 1 or not issuer or "giao" not in text[-20:]:
        return False
    short, whole = fold(named[0]), fold(issuer)
    if whole != short and not whole.startswith(short + " "):
        return False
    return bool(_patterns()["gives"].search(fold(text)))
