"""Candidates, features and labels for the task-model experiment (benchmarks/task_model.py).

Candidates are the paragraphs of the clause tree that no rule task covers (results,
background and closing sections left out, as in the safety net). A candidate's lead comes
from the rules' finders (`find_subject`, then the nearest heading that lends agencies),
else from two looser finders tried only here: the opening noun phrase up to the first stop
word of the agency vocabulary when its first word is an agency head, and the name in a
`Trách nhiệm của X` heading. A candidate without a lead is never a task. Its label: it
matches, by the scorer's rule, a gold task the rules' tasks left unmatched (1), or none
(0); matching an optional gold task gives no label. Reads `corpus/tune/` and the seeds.
"""

from __future__ import annotations

import json
import re
import sys
from functools import cache
from itertools import pairwise
from pathlib import Path

from dxtrack.extraction.clauses import Node
from dxtrack.extraction.engine import analyse_text
from dxtrack.extraction.fields.agencies import AgencyMatcher, Expanded, get_matcher
from dxtrack.extraction.fields.deadline import first_deadline
from dxtrack.extraction.fields.recurrence import find_recurrence
from dxtrack.extraction.fields.references import citation_spans
from dxtrack.extraction.fields.safety import body_nodes
from dxtrack.extraction.fields.subjects import find_subject, heading_agencies
from dxtrack.extraction.readers import PARAGRAPH_FORMATS, read_bytes
from dxtrack.extraction.textutil import fold
from dxtrack.extraction.vocab import load as load_vocab

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "extraction"))
import score  # noqa: F401 - re-exported for task_model.py
from corpus_runner import AN_GIANG, source_of
from score import (
    clause_key,
    containment,
    leads_overlap,
    leads_right,
    same,
    task_view,
    token_f1,
)

_WORD = re.compile(r"\w+")
_CUES = {
    "giao": r"giao(?!\s+(?:thông|dịch|diện|lưu|tiếp|nhận))",
    "de_nghi": r"đề\s+nghị",
    "yeu_cau": r"yêu\s+cầu",
    "chu_tri": r"chủ\s+trì",
    "phoi_hop": r"phối\s+hợp",
    "trach_nhiem": r"(?:có|chịu)\s+trách\s+nhiệm",
    "phai": r"(?:phải|cần)",
    "past": r"(?:đã|đang)",
    "tham_muu": r"tham\s+mưu",
    "bao_cao": r"báo\s+cáo",
}
CUES = {k: re.compile(rf"(?<!\w){v}(?!\w)") for k, v in _CUES.items()}
_LEAD_IN = re.compile(
    r"^\W*(?:đối\s+với|trường\s+hợp|trong\s+trường\s+hợp|căn\s+cứ|sau\s+khi|khi)\s[^,;.:]{3,120},\s*"
)
_ROLE = re.compile(r"^\W*(?:trách\s+nhiệm|nhiệm\s+vụ)(?:\s+cụ\s+thể)?\s+của\s+")


# --- candidates -----------------------------------------------------------------------


def candidates(analysis, matcher: AgencyMatcher) -> list[dict]:
    """Paragraphs outside every rule task, each with its lead (maybe none) and task."""
    spans = [t.span for t in analysis.tasks]
    out = []
    for node in body_nodes(analysis.tree):
        for i, para in enumerate(node.paragraphs):
            start = para.start + (node.marker_len if i == 0 else 0)
            if any(s < para.end and e > start for s, e in spans):
                continue
            text = (para.text[node.marker_len :] if i == 0 else para.text).strip()
            if len(text.split()) >= 4:
                out.append(_candidate(node, i, text, matcher, analysis.year))
    return out


def _candidate(node: Node, index: int, text: str, matcher: AgencyMatcher, year) -> dict:
    lead, source = find_lead(node, index, text, matcher)
    folded = fold(text)
    recurrence = find_recurrence(folded)
    found = first_deadline(folded, year=year, masked=citation_spans(text), recurrence=recurrence)
    task = {
        "clause": node.path,
        "lead": lead,
        "coordinators": [],
        "deadline": found.isoformat() if found else None,
        "recurrence": recurrence,
        "summary": " ".join(text.split()),
    }
    return {"node": node, "index": index, "text": text, "source": source, "task": task}


def find_lead(node: Node, index: int, text: str, matcher: AgencyMatcher) -> tuple[list, str]:
    ex, subject = find_subject(text, matcher)
    if subject.leads:
        kind = "mid" if subject.mid else "assigned" if subject.assigned else "subject"
        return [m.name for m in subject.leads], kind
    owners = ([node] if index > 0 else []) + node.ancestors()
    for owner in owners:
        lent = heading_agencies(owner, matcher)
        if lent:
            return lent, "heading"
    name = open_subject(ex, matcher)
    if name:
        return [name], "open"
    for owner in owners:
        named = role_heading(owner)
        if named:
            return [named], "role_heading"
    return [], "none"


@cache
def _heads() -> frozenset[str]:
    vocab = load_vocab("agencies")
    words = {fold(h).split()[0] for h in vocab["open_heads"] + vocab["group_nouns"]}
    return frozenset(words | {"phòng", "sở", "bộ", "chủ", "tổ", "ủy", "ban", "hội", "cục"})


def open_subject(ex: Expanded, matcher: AgencyMatcher) -> str | None:
    """The opening noun phrase (after a lead-in `Đối với ...,`) when its first word is an
    agency head, up to the first stop word of the agency vocabulary: 2 to 14 words."""
    lead_in = _LEAD_IN.match(ex.folded)
    pos = lead_in.end() if lead_in else len(ex.folded) - len(ex.folded.lstrip(" -–+•"))
    first = re.match(r"(?:các\s+)?(\w+)", ex.folded[pos:])
    if not first or first.group(1) not in _heads() or matcher.is_stop(ex, pos):
        return None
    words = list(re.finditer(r"\S+", ex.folded[pos : pos + 160]))
    for k, w in enumerate(words[1:15], start=1):
        if k >= 2 and matcher.is_stop(ex, pos + w.start()):
            name = ex.text[pos : pos + words[k - 1].end()].strip(" ,;:")
            if re.search(r"\d|[.;:()]", name):
                return None
            return name[:1].upper() + name[1:]
        if re.search(r"[.;:]", w.group()):
            return None
    return None


def role_heading(node: Node) -> str | None:
    """`Trách nhiệm của Phòng X quận - huyện` over items -> the name, printed as found."""
    text = node.heading_text if node.kind != "text" else node.own_text
    m = _ROLE.match(fold(text))
    if not m or not node.children or len(text) > 160:
        return None
    name = text[m.end() :].strip(" :.-–")
    return name[:1].upper() + name[1:] if name else None


def features(c: dict, doc_type: str | None) -> list[str]:
    node, folded = c["node"], fold(c["text"])
    words = _WORD.findall(folded)
    out = ["bias", f"lead:{c['source']}", f"kind:{node.kind}", f"para:{min(c['index'], 2)}"]
    out += [f"depth:{min(len(node.ancestors()), 4)}", f"len:{min(len(words) // 10, 6)}"]
    out += [f"doc:{fold(doc_type or '')}"] + [
        f"cue:{k}" for k, rx in CUES.items() if rx.search(folded)
    ]
    out += ["deadline"] if c["task"]["deadline"] else []
    out += [f"rec:{c['task']['recurrence']}"] if c["task"]["recurrence"] else []
    out += ["colon_end"] if c["text"].rstrip().endswith(":") else []
    out += ["children"] if node.children and c["index"] == 0 else []
    out += [f"first:{w}" for w in words[:3]] + [f"w:{w}" for w in set(words)]
    out += [f"b:{a}_{b}" for a, b in set(pairwise(words))]
    ancestors = node.ancestors()
    if ancestors:
        out += [f"head:{w}" for w in _WORD.findall(fold(ancestors[0].heading_text))[:4]]
        out += [f"sect:{w}" for w in _WORD.findall(fold(ancestors[-1].heading_text))[:4]]
    return out


# --- labels -----------------------------------------------------------------------------


def match_map(gold: list[dict], pred: list[dict]) -> dict[int, int]:
    """The scorer's matching (tests/extraction/score.py score_tasks) as {gold: pred}."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            by_clause = g["clause"] is not None and g["clause"] == p["clause"]
            dl_ok = same(g["deadline"], p["deadline"])
            loose = dl_ok and leads_overlap(g["lead"], p["lead"])
            if by_clause or (loose and containment(g["summary"], p["summary"]) >= 0.5):
                key = (
                    not by_clause,
                    g["optional"],
                    not dl_ok,
                    not leads_right(g["lead"], p["lead"]),
                    not same(g["recurrence"], p["recurrence"]),
                    -token_f1(g["summary"], p["summary"]),
                )
                cands.append((key, i, j))
    match: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(cands):
        if i not in match and j not in used:
            match[i] = j
            used.add(j)
    return match


def documents() -> list[tuple[str, Path, Path]]:
    tune = ROOT / "tests" / "extraction" / "corpus" / "tune"
    out = [(lab.stem, source_of(lab), lab) for lab in sorted(tune.glob("*.json"))]
    for lab in sorted((ROOT / "tests" / "extraction" / "gold").glob("*.json")):
        out.append(("seed:" + lab.stem, ROOT / "samples" / "seeds" / f"{lab.stem}.txt", lab))
    return out


def build_document(stem: str, source: Path, label: Path) -> dict:
    """Rules' tasks, candidates with a lead, each labelled 1 / 0 / None (optional gold)."""
    gold = json.loads(label.read_text(encoding="utf-8"))["tasks"]
    raw = read_bytes(source.read_bytes(), source.name)
    analysis = analyse_text(
        raw.text, wrapped=raw.format not in PARAGRAPH_FORMATS, directory=AN_GIANG
    )
    rules = [t.to_dict() for t in analysis.tasks]
    gv = [task_view(t) for t in gold]
    free = [i for i in range(len(gv)) if i not in match_map(gv, [task_view(t) for t in rules])]
    missed = [gv[i]["clause"] for i in free if not gv[i]["optional"]]
    rows, no_lead = [], []
    for c in candidates(analysis, get_matcher(tuple(AN_GIANG))):
        if not c["task"]["lead"]:
            no_lead.append(c["task"])
            continue
        hit = match_map([gv[i] for i in free], [task_view(c["task"])])
        label_: int | None = 0
        if hit:
            gi = free.pop(next(iter(hit)))
            label_ = None if gv[gi]["optional"] else 1
        feats = features(c, analysis.meta.doc_type)
        rows.append({"feats": feats, "label": label_, "task": c["task"], "source": c["source"]})
    paths = {clause_key(n.path) for n in analysis.tree.walk()}
    return {
        "stem": stem,
        "gold": gold,
        "rules": rules,
        "rows": rows,
        "no_lead": no_lead,
        "paths": paths,
        "doc_type": analysis.meta.doc_type,
        "rule_tasks": analysis.tasks,
        "missed": missed,
    }
