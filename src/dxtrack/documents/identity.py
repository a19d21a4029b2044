"""Document identity: a number such as 308/KH-UBND is issued by every UBND every year.

A reference links to a stored document only when number, issuer and date (or year) agree;
a number match alone is a candidate ("có thể là") for a person to confirm. Pure functions:
no database (also used by the migration that re-checks old links).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dxtrack.agencies.names import exact_key

_YEAR_IN_NUMBER = re.compile(r"/((?:19|20)\d\d)(?:/|$)")
_LOCALITY = re.compile(r"\b(?:tỉnh|thành phố)\s+(.+)$")


@dataclass(frozen=True)
class Issued:
    """What identifies a document besides its number: its issuer and date."""

    number: str | None
    issuer: str | None
    issued_date: date | None


def year_of(number: str | None, day: date | None) -> int | None:
    if day is not None:
        return day.year
    found = _YEAR_IN_NUMBER.search(number or "")
    return int(found.group(1)) if found else None


def locality(issuer: str | None) -> str | None:
    """The province or city an issuer belongs to ("Ủy ban nhân dân tỉnh Kiên Giang" -> "kiên
    giang"); None for a national body or a bare "UBND tỉnh"."""
    found = _LOCALITY.search(exact_key(issuer or ""))
    return found.group(1) if found else None


def _head(issuer: str) -> str:
    key = exact_key(issuer)
    place = locality(issuer)
    return key[: -len(place)].strip() if place else key


def dates_agree(ref_number: str, ref_date: date | None, cited: Issued) -> bool:
    if ref_date is not None and cited.issued_date is not None:
        return ref_date == cited.issued_date
    wanted = year_of(ref_number, ref_date)
    return wanted is not None and wanted == year_of(cited.number, cited.issued_date)


def issuers_agree(ref_issuer: str | None, citing_issuer: str | None, cited: Issued) -> bool:
    """The cited document's issuer is the one the reference names, or, unnamed, one of the
    citing document's own province (or a national body)."""
    if not cited.issuer:
        return False
    own, theirs = locality(citing_issuer), locality(cited.issuer)
    if not ref_issuer:
        return theirs is None or theirs == own
    named = locality(ref_issuer) or (
        own if _head(ref_issuer).endswith(("tỉnh", "thành phố")) else None
    )
    head, cited_head = _head(ref_issuer), _head(cited.issuer)
    same_head = (
        head == cited_head or cited_head.startswith(head + " ") or head.startswith(cited_head + " ")
    )
    return same_head and (named == theirs or (named is None and theirs is None))


def cites(
    ref_number: str,
    ref_date: date | None,
    ref_issuer: str | None,
    *,
    citing_issuer: str | None,
    cited: Issued,
) -> bool:
    """Whether a reference (its number already matching) designates `cited`."""
    return dates_agree(ref_number, ref_date, cited) and issuers_agree(
        ref_issuer, citing_issuer, cited
    )


def same_document(a: Issued, b: Issued) -> bool:
    """Same number, issuer and date: the same letter in another file (PDF after its .txt)."""
    if not (a.issuer and b.issuer and a.issued_date and b.issued_date):
        return False
    return a.issued_date == b.issued_date and exact_key(a.issuer) == exact_key(b.issuer)
