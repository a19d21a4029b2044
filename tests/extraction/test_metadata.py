"""Golden cases for the metadata rules (tests/extraction/cases/metadata.txt).

Each case: the head and/or the closing of a document, a "." line, then "field: value" lines
for the fields it checks (doc_type, number, issuer, place, issued_date, subject, recipients
joined by " ; ", references: the cited numbers joined so, signer, signer.title); "null" is None. A first line "@paragraphs" reads the
lines as paragraphs (a DOCX, or a text with blank lines between paragraphs). Issuers compare without case, as the
corpus scorer does ("Sở Công thương" / "Sở Công Thương").
"""

from __future__ import annotations

import pytest
from case_documents import AN_GIANG
from test_fields import load_cases

from dxtrack.extraction import extract_text


def _value(result, key: str) -> str:
    if key == "recipients":
        return " ; ".join(result.recipients)
    if key == "references":  # the numbers it cites (its own number never among them)
        return " ; ".join(r["number"] for r in result.to_dict()["references"])
    if key.startswith("signer"):
        signer = result.signer or {}
        value = signer.get("title" if key == "signer.title" else "name")
    else:
        value = getattr(result, key)
    return "null" if value is None else str(value)


@pytest.mark.parametrize("case", load_cases("metadata"), ids=lambda c: c[1][0][:60])
def test_metadata(case):
    source, expected = case
    wrapped = not source.startswith("@paragraphs\n")
    source = source if wrapped else source.split("\n", 1)[1]
    result = extract_text(source, wrapped=wrapped, directory=AN_GIANG)
    for line in expected:
        key, value = line.split(": ", 1)
        got = _value(result, key)
        if key == "issuer":
            got, value = got.casefold(), value.casefold()
        assert (key, got) == (key, value)
