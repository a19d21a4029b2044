"""Forms of a People's Council resolution (Nghị quyết của Hội đồng nhân dân) that are no
task or lend no actor (vocabulary: data/vocab.yaml `examined_intros`, `scope_labels`):

- an intro over the reports the council examines ("Hội đồng nhân dân tỉnh xem xét các báo
  cáo 6 tháng và 1 năm:" over "- Báo cáo của ...", "- Các báo cáo của ...");
- a policy's scope label before its colon ("Đối tượng được khuyến khích: Các thôn, xã ...");
- a heading naming the issuing council ("Điều 2. Hội đồng nhân dân tỉnh giao", "... thống
  nhất thông qua phương hướng, nhiệm vụ ... sau:"): it lends nothing.

Each test is guarded by a cheap substring cue, tried first.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dxtrack.extraction.textutil import fold
from dxtrack.extraction.vocab import alternation, cued, entry_cues
from dxtrack.extraction.vocab import load as load_vocab


@lru_cache(maxsize=1)
def _cues() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The words each label list cannot match without (`entry_cues`), tested before its regex."""
    vocab = load_vocab("vocab")
    return {key: entry_cues(vocab[f"{key}_labels"]) for key in ("scope", "detail")}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    vocab = load_vocab("vocab")
    return {
        "examined": re.compile(rf"\b(?:{alternation(vocab['examined_intros'])})[^:;]*:\s*$"),
        "scope": re.compile(rf"^\W*(?:[a-zđ]\)\s*)?(?:{alternation(vocab['scope_labels'])})\s*:"),
        "detail": re.compile(
            rf"^\W*(?:[a-zđ]\)\s*)?(?:{alternation(vocab['detail_labels'])})\s*:[^.;:]*[.;]?\s*$"
        ),
    }


def examined_reports(text: str) -> bool:
    """The clause opens a list of the reports a council examines (its items are documents)."""
    folded = fold(text[-300:])
    if "báo cáo" not in folded and "tờ trình" not in folded:
        return False
    return bool(_patterns()["examined"].search(folded))


def scope_item(folded: str) -> bool:
    """The clause is a policy's scope label and its value ("Đối tượng được hỗ trợ: ..."), or
    one detail of an approved project ("g) Thời gian thực hiện: 2018 - 2020.")."""
    head, cues = folded[:60], _cues()
    if len(folded) < 200 and cued(head, cues["detail"]) and _patterns()["detail"].match(folded):
        return True
    return cued(head, cues["scope"]) and bool(_patterns()["scope"].match(folded))


def speaker_gives(text: str, named: list[str], issuer: str | None) -> bool:
    """A heading naming the issuing council, short or whole ("Hội đồng nhân dân tỉnh" of
    "Hội đồng nhân dân tỉnh Lai Châu"): the council resolves, gives out or adopts what its
    items hold ("Điều 2. Hội đồng nhân dân tỉnh giao", "... thống nhất thông qua phương
    hướng, nhiệm vụ ..., trong đó cần tập trung một số nhiệm vụ chủ yếu sau:"); it acts in
    none of them."""
    if len(named) != 1 or not issuer or "nhân dân" not in text:
        return False
    short, whole = fold(named[0]), fold(issuer)
    if not short.startswith("hội đồng nhân dân"):
        return False
    return whole == short or whole.startswith(short + " ")
