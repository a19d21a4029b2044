"""Committee roles held by the heads of bodies, as the actor of a later sentence.

A decision founding a committee, team or sub-committee gives its roles to the heads of
bodies, as a member line ("1. Tổ trưởng: Giám đốc Sở Nội vụ.") or inside a sentence ("Tiểu ban
X do Giám đốc Công an tỉnh làm Trưởng Tiểu ban"). A later sentence that opens with the role
("Tổ trưởng Tổ giúp việc phê duyệt ...", "Các Trưởng Tiểu ban ban hành ...") is a task of the
bodies whose heads hold it (FORMAT.md: an office-holder becomes the agency).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

from dxtrack.extraction.fields.agencies import AgencyMatcher
from dxtrack.extraction.textutil import fold
from dxtrack.extraction.vocab import alternation
from dxtrack.extraction.vocab import load as load_vocab


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    roles = alternation(load_vocab("vocab")["committee_roles"])
    member = re.compile(rf"^\W*(?:(?:\d{{1,2}}|[a-zđ])[.)]\s*)?({roles})\s*:\s*(?:đồng\s+chí\s+)?")
    held = re.compile(rf"\bdo\s+(?:đồng\s+chí\s+)?(?=\S)(.{{3,120}}?)\s+làm\s+({roles})\b")
    opens = re.compile(rf"(?:^|(?<=[.;])\s+|(?<=\n))\W*(các\s+)?({roles})\b(?!\s*:)")
    return member, held, opens


def role_holders(texts: Iterable[str], matcher: AgencyMatcher) -> dict[str, tuple[str, ...]]:
    """Each role the document gives to the head of a body -> the bodies (a role held in
    several sub-committees, one per sentence, maps to all of them)."""
    member, held, _ = _patterns()
    out: dict[str, list[str]] = {}
    for text in texts:
        if (
            ":" not in text
            and " làm " not in text.lower()
            and unicodedata.is_normalized("NFC", text)
        ):
            continue  # neither a member line's colon nor " làm ", which folding keeps: not folded
        folded = fold(text)  # the patterns tried on the plain text first (most lines fail)
        if not (member.match(folded) or " làm " in folded and held.search(folded)):
            continue
        ex = matcher.expand(text)
        if m := member.match(ex.folded):
            found, _ = matcher.match_list(ex, m.end(), bare_groups=True)
            _add(out, m.group(1), [f.name for f in found[:1]])
        for m in held.finditer(ex.folded):
            found, end = matcher.match_list(ex, m.start(1))
            if found and end <= m.end(1):
                _add(out, m.group(2), [f.name for f in found])
    return {role: tuple(bodies) for role, bodies in out.items() if bodies}


def _add(out: dict[str, list[str]], role: str, bodies: list[str]) -> None:
    known = out.setdefault(" ".join(role.split()), [])
    known.extend(b for b in bodies if b not in known)


def role_subject(text: str, roles: dict[str, tuple[str, ...]]) -> list[str]:
    """The bodies whose heads hold the role a sentence of the clause opens with ("Các Trưởng
    Tiểu ban ban hành ..."); [] when none does."""
    if not roles:
        return []
    for m in _patterns()[2].finditer(fold(text)):
        bodies = roles.get(" ".join(m.group(2).split()), ())
        if bodies and (m.group(1) or len(bodies) == 1):
            return list(bodies)
    return []
