"""The clause vocabulary (`data/vocab.yaml`), compiled once, and the closing formulas.

`clause_vocab()` holds the compiled patterns the clause readers share: assignment verbs,
lead-ins ("Trước tình hình ...,"), obliged categories ("các chủ đầu tư"), background
verbs, non-task and category headings, closing formulas. `is_closing` tells where the
assigning part of a body ends ("Trân trọng./.", a contact block).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from dxtrack.extraction.fields.deadline import first_deadline
from dxtrack.extraction.fields.recurrence import find_recurrence
from dxtrack.extraction.textutil import fold
from dxtrack.extraction.vocab import (
    alternation,
    alternatives,
    anchored,
    by_first_letter,
    cued,
    cues,
    entry_cues,
    folded_pattern,
)
from dxtrack.extraction.vocab import load as load_vocab


@lru_cache(maxsize=1)
def clause_vocab() -> dict:
    vocab = load_vocab("vocab")
    alt = lambda *keys: alternation(w for key in keys for w in vocab[key])
    closing = [folded_pattern(w) for w in vocab["closing_formulas"]]
    objects = [  # "xử lý", "xử lý kịp thời": the words a background verb as object follows
        f"{fold(verb)} {fold(adverb)}".strip()
        for verb in vocab["background_object_verbs"]
        for adverb in ["", *vocab["background_object_adverbs"]]
    ]
    not_after_object = "".join(r"(?<!\b" + re.escape(h) + ")" for h in objects)
    heads: dict[tuple[str, ...], list[str]] = {}  # the anchored formulas by the words they need
    for w in closing:
        if anchored(w):
            heads.setdefault(cues(w), []).append(w)
    return {
        "closing": re.compile(rf"(?:{alt('closing_formulas')})"),
        # the formulas that match only at the start, tried where their words are (see
        # `closing_at`), and the others
        "closing_heads": _shared_first(heads),
        "closing_rest": re.compile(
            by_first_letter(a for w in closing if not anchored(w) for a in alternatives(w))
            or "(?!)"
        ),
        # "MỤC TIÊU" but not "MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP" (task words in the heading);
        # a report's heading ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ") always
        "non_task": re.compile(
            rf"^\W*(?:(?:{alt('report_headings')})\b|(?:{alt('non_task_headings')})\b"
            rf"(?![^.:;]{{0,60}}\b(?:{alt('task_heading_words')})\b)|(?:{alt('charter_headings')})\b)"
        ),
        # one sentence giving only a programme's time or place, nothing to do
        "schedule": re.compile(rf"^\W*(?:{alt('schedule_labels')})\s*:[^.;:]*[.;]?\s*$"),
        "content_label": re.compile(rf"^\W*(?:{alt('content_labels')})\b[^.;:]{{0,60}}:\s*$"),
        # "Các cơ sở ... phải tuân thủ các điều kiện ... quy định tại Khoản 1 Điều 22 Luật ...",
        # not asked by "giao", "yêu cầu", "đề nghị"
        "law_norm": re.compile(
            r"^(?:(?!\b(?:giao|yêu\s+cầu|đề\s+nghị)\b)[^.;:]){0,160}?\sphải\s+"
            rf"(?:{alt('law_norm_verbs')})\s.{{0,200}}?\bquy\s+định\s+tại\s+(?:khoản|điều|điểm)\b"
            r"[^;]*$"
        ),
        "duty_note": re.compile(rf"^\W*(?:{alt('duty_notes')})[^.;:]*[.;]?\s*$"),
        "visit": re.compile(rf"^\W*(?:{alt('visit_headings')})\s*:?\s*$"),
        "membership": re.compile(rf"^\W*(?:{alt('membership_headings')})\s*:?\s*$"),
        # "Giao Sở X ...", "Giao: Sở X chủ trì ..." (not "yêu cầu:" over a list of addressees)
        "assign": re.compile(rf"(?:{alt('assign_verbs')})\s+|giao\s*:\s+"),
        "lead_in": re.compile(rf"(?:{alt('lead_in')})\b"),
        # "Trường hợp các bộ ... được sáp nhập ... thì các cơ quan tiếp nhận ..."
        "succession": re.compile(
            rf"^\W*(?:trong\s+)?trường\s+hợp\s[^.;:]{{0,160}}?\s(?:{alt('succession_events')})\b"
            rf"[^.;:]{{0,200}}?\sthì\s"
        ),
        "direct": re.compile(rf"\W*(?:{alt('direct_verbs')})\s+"),
        "appraisal": re.compile(rf"\s*(?:{alt('appraisal_verbs')})\b"),
        "follow_up": re.compile(rf"\s*(?:{alt('office_follow_up')})\b"),
        "direct_request": re.compile(rf"\W*(?:{alt('direct_requests')})\s+"),
        "grant": re.compile(rf"\W*(?:{alt('grant_verbs')})\s+"),
        "category_name": re.compile(rf"(?:các\s+)?(?:{alt('obliged_categories')}|đơn\s+vị)\b"),
        # after a named body: "Sở X đề nghị các cơ quan ...", "UBND tỉnh thống nhất giao Sở X"
        # ... "UBND tỉnh giao nhiệm vụ cho Sở X" (the work named before "cho", `give_objects`)
        "request": re.compile(
            rf"\s*(?:(?:{alt('consent_words')})\s+)?(?:{alt('request_verbs')})\s+"
            rf"(?:(?:{alt('give_objects')})\s+cho\s+)?"
        ),
        # after the head of government or an issuer: "Thủ tướng Chính phủ chỉ đạo Bộ X ..."
        "own_duties": re.compile(rf"\b(?:{alt('own_duty_intros')})\b"),
        "speaker_verb": re.compile(rf"\s*(?:đã\s+)?(?:{alt('speaker_verbs')})\s*:?\s+"),
        # "..., Chủ tịch Ủy ban nhân dân tỉnh giao Sở Y ..." after a background clause
        "comma_speaker": re.compile(
            rf",\s+(?:{alt('speaker_heads')})\b[^,.;:()]{{0,60}}?\s(?:{alt('speaker_verbs')})\s*:?\s+"
        ),
        # a heading whose body directs another before the list ("2. Ủy ban nhân dân các tỉnh
        # chỉ đạo Sở X thực hiện các nội dung sau:"): the directed body does the items
        "order": re.compile(rf"\s*(?:{alt('order_verbs')})\s+"),
        # a paragraph that may assign in mid-text holds one of these: a cheap test (every
        # verb `requested_at` reads: a speaker's and a named body's)
        "any_request": re.compile(
            rf"\s(?:{alt('request_verbs', 'order_verbs', 'speaker_verbs')})\s"
        ),
        # in mid-paragraph: "Về việc này, ... giao Bộ X ...", "... và giao Bộ X ...", or
        # reported as made before ("Tại Công văn số ..., X đã giao Bộ Y ...")
        "assign_word": re.compile(rf"\s(?:{alt('request_verbs')})\s"),
        "and_assign": re.compile(rf"\s(?:và|đồng\s+thời)\s+(?:{alt('request_verbs')})\s+"),
        # a sentence opening with the speaker's consent ("Đồng ý với kiến nghị ... và giao Bộ X
        # chủ trì ..."): its "và giao" assigns
        "consent_open": re.compile(rf"\W*(?:{alt('consent_words')})\b"),
        "past_assign": re.compile(rf"\bđã\s+(?:{alt('request_verbs')})\s*$"),
        "category": re.compile(
            rf"^\W*(?:(?:{alt('category_heading_prefixes')})\s+(?:các\s+)?|các\s+|(?=chủ\s|nhà\s))"
            rf"(?:{alt('obliged_categories')})\b[^.;:]{{0,100}}:?\s*$"
        ),
        "topic": re.compile(rf"^\W*(?:{alt('topic_headings')})\s"),
        "parts_intro": re.compile(rf"[\s,](?:{alt('parts_intros')})\s*:\s*$"),
        "content_intro": re.compile(rf"[\s,](?:{alt('content_intros')})\s*:\s*$"),
        "work_noun": re.compile(rf"\b(?:{alt('work_nouns')})\b"),
        "particle": re.compile(rf"^\W*(?:{alt('subject_particles')})\s+"),
        "transfer": re.compile(rf"\s(?:{alt('transfer_marks')})\s+"),
        "transfer_end": re.compile(rf"\s+(?:{alt('transfer_ends')})\b"),
        "give": re.compile(rf"^\W*(?:{alt('give_verbs')})\s+(?:{alt('give_objects')})\s"),
        "statement": re.compile(rf"^\W*(?:{alt('statement_heads')})\s"),
        "statement_duty": re.compile(rf"\s*(?:{alt('statement_duties')})\b"),
        "label": re.compile(rf"^\W*(?:{alt('clause_labels')})\b[^:.;]{{0,40}}:\s*"),
        "category_prefix": re.compile(rf"^\W*(?:{alt('category_heading_prefixes')})\s+"),
        "role_prefix": re.compile(rf"^\W*(?:{alt('role_heading_prefixes')})\s+"),
        # ... not right after a verb handling the word as its object ("xử lý phản ánh")
        "background": re.compile(
            rf"^[^.;]{{0,120}}?{not_after_object}"
            rf"\s(?:{alt('background_verbs')})\b"
        ),
        "background_verb": re.compile(rf"\s(?:{alt('background_verbs')})\b"),  # its search
        "news_verb": re.compile(rf"(?:{alt('news_verbs')})$"),  # ends the text before it
        # the words any match of it holds (vocab.cued): most clauses lack them all
        "background_cues": entry_cues(vocab["background_verbs"]),
        # ... also at the end of its list of objects ("giải quyết các khiếu nại, tố cáo, kiến
        # nghị, phản ánh của cử tri")
        "background_object": re.compile(
            rf"\b(?:{'|'.join(map(re.escape, objects))})"
            r"(?:(?:\s+(?:các|những))?(?:\s+[^\s,.;:]+){1,3}"
            r"(?:(?:\s*,|\s+và)(?:\s+[^\s,.;:]+){1,3}){0,5}(?:\s*,|\s+và))?$"
        ),
        "mid_assign": re.compile(
            rf"(?:(?:^|[.;:]\s+|,\s+|\(\s*)(?:[^,.;(]{{0,60}}?\s)?"
            rf"|^(?:{alt('condition_openers')})\s[^,.;(]{{0,160}}?\s)(?:{alt('request_verbs')})\s+"
        ),
        "local_issuer": re.compile(rf"\b(?:{alt('local_issuer_words')})\b"),
        "upper_body": re.compile(rf"(?:{alt('upper_bodies')})"),
        "generic_partners": re.compile(rf"(?:{alt('generic_partners')})"),
        "restatement": re.compile(rf"(?:{alt('restatements')})"),
        # an item that is only a cited document's title ("(1) Báo cáo số 31/BC-UBND ngày
        # 17/6/2027 của UBND tỉnh về ...": a list of papers sent along, no work)
        "cited_title": re.compile(
            rf"^\W*(?:[\da-zđ]{{1,3}}[.)]\s*)?"
            rf"(?:{alternation(t['name'] for t in vocab['doc_types'])})\s+số\s+\S+\s+ngày\s"
            rf"[^.;:]*[.;]?\s*$"
        ),
        "cited_request": re.compile(rf"(?:{alt('cited_requests')})"),
        # a law's duty or past work told, not assigned (task_build._told)
        "law_citation": re.compile(rf"^\W*(?:{alt('law_citations')})"),
        # a meeting's attendance roll opening a sentence, and where the roll ends (fields/tasks.py)
        "attendance": re.compile(
            rf"(?:^|[.;:]\s)\W*(?:{alt('attendance_openers')})(?!\s+(?:trách\s+nhiệm|ý\s+kiến|thể)\b)"
        ),
        "attendance_end": re.compile(rf"\b(?:{alt('attendance_ends')})\b"),
        "law_duty": re.compile(rf"\s*(?:{alt('law_duties')})\b"),
        "past_period": re.compile(rf"^\W*(?:{alt('past_periods')})\s*,"),
        "deadline_paragraph": re.compile(rf"^\W*(?:{alt('deadline_paragraphs')})"),
        "results_report": re.compile(rf"^\W*(?:{alt('results_report_paragraphs')})"),
        "asks": re.compile(rf"\s*(?:{alt('ask_verbs')})(?:\s+như\s+sau)?\s*:?\s"),
        # an intro ending its paragraph (fields/tasks.py), an intro's verb (fields/addressees.py)
        "list_intro": re.compile(
            rf"\s(?:{alt('list_intro_verbs')})(?:\s+(?:như\s+sau|các\s+nội\s+dung\s+sau))?\s*:\s*$"
        ),
        "intro_verb": re.compile(
            rf"(?<!được\s)(?:{alt('ask_verbs', 'request_verbs')})"
            r"(?!\s+(?:của|tại|thông|dịch|nhận|số|\d))\s*:?\s*"
        ),
        "safety_verb": re.compile(rf"(?<!\w)(?:{alt('safety_verbs')})(?!\w)"),
        "bare_request": re.compile(rf"\W*(?:{alt('bare_request_verbs')})\s"),
        "inline_role": re.compile(
            rf"(?:^|[(.;,]\s*)(?:{alt('inline_role_labels')})\s*:\s*"
            rf"|[(;.]\s*(?:{alt('inline_role_words')})\s*:\s*"
        ),
        "do_role": re.compile(rf"\s*(?:{alt('role_verbs')})\b"),
        # one sentence naming a body's standing role ("Sở X (...) là cơ quan đầu mối quản lý
        # nhà nước về ..."), no assignment verb before it (task_build `make_task`)
        "role_only": re.compile(
            rf"^\W*(?!(?:{alt('request_verbs', 'give_verbs')})\s)[^.;:]{{0,100}}?\slà\s+"
            rf"(?:cơ\s+quan|đơn\s+vị)\s+(?:{alt('standing_roles')})\b[^.;:]*[.;]?\s*$"
        ),
        # ... or naming it to one by the decision's verb ("Phân công Sở X là đơn vị chuyên
        # trách về ..."), no comma after (", bảo đảm điều kiện ...": work follows)
        "designation": re.compile(
            rf"^\W*(?:{alt('designate_verbs')})\s[^.;:]{{0,100}}?\slà\s+"
            rf"(?:cơ\s+quan|đơn\s+vị|bộ\s+phận)\s+(?:{alt('standing_roles')})\b[^.;:,]*[.;]?\s*$"
        ),
        "mid_order": re.compile(rf"\b(?:{alt('mid_order_verbs')})\s+$"),
        # what every mid_assign match ends with: a cheap test
        "mid_verb": re.compile(rf"(?:{alt('request_verbs')})\s+"),
        # matched case-sensitively on the printed text: the verb in any case, the noun's
        # word in lower case only ("giao ban" is a meeting, "giao Ban X" a request)
        "verb_noun": re.compile(
            "|".join(
                rf"(?i:{re.escape(verb)})\s+{re.escape(noun)}(?!\w)"
                for verb, _, noun in (c.partition(" ") for c in vocab["verb_nouns"])
            )
            or "(?!)"
        ),
        # the words any match of these holds (vocab.cued): most clauses lack them all, and
        # the searches are skipped
        "request_cues": entry_cues(vocab["request_verbs"]),
        "any_request_cues": entry_cues(
            w for key in ("request_verbs", "order_verbs", "speaker_verbs") for w in vocab[key]
        ),
    }


def closing_at(folded: str) -> int | None:
    """Where the first closing formula in the folded text starts (as
    `clause_vocab()["closing"].search` finds it), None when it has none: the formulas
    anchored at the start are tried apart, so that the search for the others skips ahead
    by their first letters."""
    if _closing_head(folded):
        return 0
    return _closing_rest_at(folded)


def _closing_rest_at(folded: str) -> int | None:
    """`closing_at` for a text no formula anchored at the start matches (`_closing_head`)."""
    rest = clause_vocab()["closing_rest"]
    found = rest.search(folded)
    # a formula inside brackets is an aside on a cited document ("... ban hành Thông tư số
    # ... (Thông tư có hiệu lực thi hành kể từ ngày ...)"), not the text's closing
    while found and "(" in folded and _bracketed(folded, found.start()):
        close = folded.find(")", found.start())
        found = rest.search(folded, close + 1) if close >= 0 else None
    return found.start() if found else None


def _bracketed(folded: str, at: int) -> bool:
    """`at` lies inside a bracket opened before it."""
    return folded.count("(", 0, at) > folded.count(")", 0, at)


def _shared_first(
    heads: dict[tuple[str, ...], list[str]],
) -> list[tuple[tuple[str, ...], re.Pattern[str]]]:
    """The anchored formulas by the words they need (`_closing_head`), each one's words the
    most shared first and those opening with the same word next to each other: where a clause
    lacks that word ("thực" of most formulas), they are passed with one test."""
    shared = Counter(w for words in heads for w in set(words))
    out = []
    for words, patterns in heads.items():
        ordered = tuple(sorted(words, key=lambda w: -shared[w]))  # stable: the vocabulary's order
        out.append((ordered, re.compile("|".join(patterns))))
    first = {words[0]: i for i, (words, _) in reversed(list(enumerate(out))) if words}
    return sorted(out, key=lambda head: first[head[0][0]] if head[0] else -1)


def _closing_head(folded: str) -> bool:
    """A formula anchored at the start matches ("Đề nghị ... nghiêm túc thực hiện.")."""
    absent = ""  # the first word of the formula before, when the text lacks it
    for words, pattern in clause_vocab()["closing_heads"]:  # loops: run for every clause
        if words:
            if words[0] == absent:
                continue  # a formula opening like the one before (see `_shared_first`)
            if words[0] not in folded:
                absent = words[0]
                continue
        for w in words[1:]:
            if w not in folded:
                break
        else:
            if pattern.match(folded):
                return True
    return False


def background_end(folded: str) -> int | None:
    """Where `clause_vocab()["background"].match(folded)` ends, None when it does not match:
    its verb searched for, kept when it starts in the first 120 characters with no "." or ";"
    before it (the first verb found is the one the lazy match reaches first); a verb that is
    the object of one handling it ("tiếp nhận, xử lý phản ánh, kiến nghị") is skipped."""
    v = clause_vocab()
    if not cued(folded, v["background_cues"]):
        return None  # no background verb anywhere (the search tried every space)
    for m in v["background_verb"].finditer(folded):
        if m.start() > 120 or "." in folded[: m.start()] or ";" in folded[: m.start()]:
            return None
        if not v["background_object"].search(folded, 0, m.start()):
            return m.end()  # not the object of a verb handling it ("xử lý phản ánh")
    return None


def opens_with_closing(folded: str) -> bool:
    """A closing formula at the start of the folded text (`clause_vocab()["closing"].match`)."""
    return _closing_head(folded) or bool(clause_vocab()["closing_rest"].match(folded))


def is_closing(text: str, *, anywhere: bool = False) -> bool:
    """A closing formula or contact block: the end of the assigning part of the body.

    `anywhere`: for an unmarked paragraph, a short sentence that contains the formula
    ("Văn phòng Chính phủ xin thông báo để các cơ quan biết, thực hiện./.")."""
    if anywhere and giving_after_closing(text) is not None:
        return False  # "Yêu cầu ... nghiêm túc thực hiện. Giao Sở X theo dõi ...": a task after it
    folded = fold(text[:300]).lstrip("-–+• ")
    if opens_with_closing(folded):
        return True
    if anywhere and ";" in folded and closing_rider(text):
        return False
    # (no formula anchored at the start matches: `opens_with_closing` said so)
    found = _closing_rest_at(folded) if anywhere and len(text) < 300 else None
    if found is None:
        return False
    # "Sở X có trách nhiệm theo dõi ...; trong quá trình thực hiện, nếu ...": a sentence
    # that says enough before the formula keeps the paragraph in the body
    return closing_sentence_start(folded, found) is None


def closing_rider(text: str) -> bool:
    """A closing formula whose sentence goes on after its ";" with a dated duty of the same
    addressees ("Ban Chỉ đạo yêu cầu các đơn vị nghiêm túc triển khai thực hiện; hoàn thành
    đăng ký ... trước ngày 20/5/2026 ..."): a task of its own, after the items it closes."""
    folded = fold(text[:600]).lstrip("-–+• ")
    semicolon = folded.find(";")
    if semicolon < 0 or not opens_with_closing(folded[:semicolon]):
        return giving_after_closing(text) is not None
    stop = folded.find(". ", semicolon)
    rider = folded[semicolon + 1 : stop if stop > 0 else len(folded)]
    # a date, or a recurring day ("trước ngày 20 hằng tháng"); "thường xuyên" is no timing
    timed = find_recurrence(rider) not in {None, "continuous"} and re.search(r"\bngày\s+\d", rider)
    return first_deadline(rider, year=None) is not None or bool(timed)


def giving_after_closing(text: str) -> int | None:
    """Where a sentence giving work starts after a closing formula's sentence ("Đề nghị Thủ
    trưởng các cơ quan ... thực hiện nghiêm túc. Giao Công an tỉnh theo dõi, đôn đốc ..."):
    the assignment is the letter's own, after the items it closes (vocab.yaml `give_verbs`);
    None when the text is not so made."""
    stop = text.find(". ", 0, 600)
    if stop < 0 or not _GIVING_NEXT.match(fold(text[stop + 2 : stop + 40])):
        return None
    if not opens_with_closing(fold(text[: stop + 1]).lstrip("-–+• ")):
        return None
    return stop + 2


_GIVING_NEXT = re.compile(rf"(?:{alternation(load_vocab('vocab')['give_verbs'])})\s+\w")


def closing_sentence_start(folded: str, at: int) -> int | None:
    """Where the sentence opened by a closing formula found at `at` starts, when the text
    before it is a sentence of its own that says enough (eight words or more); None when
    the formula belongs to the first sentence ("Giám đốc Sở ...; Chủ tịch ... chịu trách
    nhiệm thi hành ...")."""
    stop = max(folded.rfind(".", 0, at), folded.rfind(";", 0, at))
    if stop <= 0 or len(folded[stop + 1 : at].split()) > 3 or len(folded[:stop].split()) < 8:
        return None
    return stop + 1
