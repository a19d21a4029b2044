"""The letterhead's issuer block: the national motto cut out of its lines and the issuer's
name read from what is left, also when a printed or scanned two-column letterhead wrapped
the name ("BỘ NÔNG NGHIỆP VÀ MÔI" / "TRƯỜNG") or the motto in its column."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from dxtrack import vn
from dxtrack.extraction.fields.agencies import get_matcher
from dxtrack.extraction.textutil import sentence_case
from dxtrack.extraction.vocab import load as load_vocab

_MOTTO = re.compile(
    r"CỘNG\s+H(?:ÒA|OÀ|OA)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+\w+\s+NAM"  # "VIẾT NAM" typos too
    r"|Độc\s+lập\s*[-–—]?\s*Tự\s+do\s*[-–—]?\s*Hạnh\s+phúc",  # dashes lost in print or OCR
    re.IGNORECASE,
)
_PARTY_MOTTO = re.compile(
    r"(?:^|\s)(?:Đ[ẢÁA]NG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM"  # the Party's own (OCR: ĐÁNG)
    r"|ĐOÀN\s+(?:TNCS|THANH\s+NIÊN\s+CỘNG\s+SẢN)\s+HỒ\s+CHÍ\s+MINH)\s*$"  # the Youth Union's
)
ISSUER_HEAD = re.compile(
    # a Party organisation over its committee, a council's standing body, a regional tax office
    r"^(?:ĐẢNG\s+BỘ|THƯỜNG\s+TRỰC|THUẾ\s+(?:TỈNH|THÀNH\s+PHỐ|CƠ\s+SỞ|KHU\s+VỰC)"
    r"|ỦY|UỶ|UBND|BỘ|SỞ|VĂN\s+PHÒNG|THỦ\s+TƯỚNG|CHÍNH\s+PHỦ|QUỐC\s+HỘI|BAN|TỔNG\s+CỤC|CỤC|CHI\s+CỤC"
    r"|HỘI|HĐND|(?:TỈNH|HUYỆN|THÀNH|QUẬN|THỊ|ĐẢNG)\s+(?:ỦY|UỶ)|ĐẢNG\s+ĐOÀN|TRUNG\s+TÂM|CÔNG\s+AN"
    r"|THANH\s+TRA|NGÂN\s+HÀNG"
    r"|KHO\s+BẠC|BẢO\s+HIỂM|ĐÀI|TRƯỜNG|VIỆN|TẬP\s+ĐOÀN|TỔNG\s+CÔNG\s+TY|CÔNG\s+TY|HIỆP\s+HỘI|LIÊN"
    r"|ĐOÀN|MẶT\s+TRẬN|KIỂM\s+TOÁN|TÒA|VỤ|BQL|BCĐ|BHXH|KBNN|UBMTTQ|MTTQ|LĐLĐ|CHI\s+NHÁNH|PHÒNG"
    r"|HỌC\s+VIỆN|ĐẠI\s+HỌC|BỆNH\s+VIỆN|CỔNG\s+THÔNG\s+TIN|BÁO|TẠP\s+CHÍ)\b"
)
_BARE_MOTTO = re.compile(
    r"cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia\s+\w+\s+nam|doc\s+lap\s*[-–—]?\s*tu\s+do\s*[-–—]?\s*hanh\s+phuc"
)


# The motto's first line wrapped in its column ("... TỈNH QUẢNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA" /
# "NGÃI VIỆT NAM Độc lập - Tự do - Hạnh phúc"): its head ends a line, "VIỆT NAM" follows.
_MOTTO_HEAD = re.compile(
    r"[\s|]*CỘNG\s+H(?:ÒA|OÀ|OA)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA(?P<viet>\s+VI[ỆẾ]T)?\s*$", re.IGNORECASE
)
_MOTTO_TAIL = re.compile(r"(?:^|\s)(?:VI[ỆẾ]T\s+)?NAM(?=\s*(?:Độc\s+lập|$))", re.IGNORECASE)


def unwrap_motto(lines: list[str]) -> list[str]:
    """The lines with a motto wrapped over two lines cut out of both (same line count)."""
    out = list(lines)
    for i in range(len(out) - 1):
        if "cộng" not in out[i].lower():
            continue  # (what every `_MOTTO_HEAD` match holds, in any case)
        head = _MOTTO_HEAD.search(out[i])
        if head and not _MOTTO.search(out[i]) and (tail := _MOTTO_TAIL.search(out[i + 1])):
            out[i] = out[i][: head.start()].rstrip()
            out[i + 1] = f"{out[i + 1][: tail.start()]} {out[i + 1][tail.end() :]}".strip()
    return out


# The motto's head with its tail cut off or damaged by OCR ("BỘ CÔNG THƯƠNG CỘNG HOÀ XÃ HỘI É",
# "CỘNG HOÀ XÃ : HỦ NGHĨA"): the
# motto is the right-hand cell, so the rest of the line goes with it.
_MOTTO_START = re.compile(r"\s*\bC[ỘO]NG\s+H(?:ÒA|OÀ|OA)\s*X[ÃA]\b.*$", re.IGNORECASE)


def motto_start(line: str) -> int:
    """Where the national motto starts in the line (its length when there is none)."""
    m = _MOTTO.search(line) or _MOTTO_START.search(line)
    return m.start() if m else len(line)


def without_motto(line: str) -> str:
    """The line without the national motto, also when OCR lost its diacritics ("CONG HÒA
    XA HOI CHỦ NGHĨA VIET NAM", "Độc lập — Tự do — Hạnh phúc") or its tail."""
    # (each search is tried only where the words its matches hold are, in their case: most
    # lines hold none, and the patterns are tried at every position)
    party = _PARTY_MOTTO.search(line) if "CỘNG" in line or "ĐOÀN" in line else None
    if party and (not line[: party.start()].strip(" -–—_|*") or ISSUER_HEAD.match(line.strip())):
        line = line[: party.start()].strip(" -–—_|*")  # "TỈNH ỦY LÀO CAI  ĐẢNG CỘNG SẢN VIỆT NAM",
        # or the motto's cell after the rule under the issuer: "------- | ĐẢNG CỘNG SẢN VIỆT NAM"
    low = line.lower()
    if ("cộng" in low or "độc" in low) and _MOTTO.search(line):
        line = _MOTTO.sub(" ", line).strip(" -–_|")
        return _MOTTO_START.sub("", line).strip(" -–_|")
    if ("cộng" in low or "cong" in low) and _MOTTO_START.search(line):
        return _MOTTO_START.sub("", line).strip(" -–—_|")
    bare = vn.fold(line, accents=False)
    if len(bare) != len(line) or not _BARE_MOTTO.search(bare):
        return _without_damaged_motto(line, bare)
    for m in reversed(list(_BARE_MOTTO.finditer(bare))):
        line = line[: m.start()] + " " + line[m.end() :]
    return line.strip(" -–—_|")


_MOTTO_WORDS = (
    ("cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam"),
    ("doc", "lap", "tu", "do", "hanh", "phuc"),
)

# the motto words a damaged motto keeps one of: "XÃ HỘI VIỆT NAM" alone ends a body's name
# ("BẢO HIỂM XÃ HỘI VIỆT NAM"), not a motto
_MOTTO_CORE = (frozenset({0, 1, 4, 5}), frozenset(range(len(_MOTTO_WORDS[1]))))


# each motto's words by their first letter, with their places in it: the only ones a word
# with that letter can be near (`_near`)
_MOTTO_BY_INITIAL = tuple(
    {
        c: tuple((n, t) for n, t in enumerate(motto) if t[0] == c)
        for c in dict.fromkeys(t[0] for t in motto)
    }
    for motto in _MOTTO_WORDS
)


# each motto's places of the words a token is near, by token (`_nears_of`): a head's words
# recur, in its lines and in every document
_NEARS: tuple[dict[str, tuple[int, ...]], ...] = tuple({} for _ in _MOTTO_WORDS)


def _nears_of(word: str, which: int) -> tuple[int, ...]:
    """The places in motto `which` of the words `word` is near (`_near`), kept."""
    known = _NEARS[which]
    if len(known) >= 16384:
        known.clear()
    known[word] = tuple(
        n for n, target in _MOTTO_BY_INITIAL[which].get(word[:1], ()) if _near(word, target)
    )
    return known[word]


_TOKEN = re.compile(r"[^\s|]+")  # a token of a head's line


class _NearCodes(dict[str, str]):
    """A letter for each token of a line's fold without diacritics, by token: "a" when its word
    (the token stripped as `_without_damaged_motto` strips it) is near a word of the first
    motto, "b" of the second, "c" of both, "n" of neither; bounded. Looked up once a token
    (`map`, no Python call for a token met before): a line whose letters count fewer than four
    tokens near either motto's words holds no damaged motto."""

    def __missing__(self, token: str) -> str:
        if len(self) >= 16384:
            self.clear()
        word = token.strip("-–—_*")
        known = [_NEARS[w].get(word) for w in range(len(_MOTTO_WORDS))]
        first, second = (k if k is not None else _nears_of(word, w) for w, k in enumerate(known))
        code = self[token] = "nabc"[bool(first) + 2 * bool(second)]
        return code


_NEAR_CODES = _NearCodes()
_HELD_CODES = ("ac", "bc")  # the letters of the tokens near each motto's words
_HELD = tuple(re.compile(f"[{letters}]") for letters in _HELD_CODES)


def _without_damaged_motto(line: str, bare: str | None = None) -> str:
    """The line without a motto OCR damaged beyond the patterns ("CONG HOAYXA HOI atts NGHIA
    lon NAM", "Doc lap - Ty do - Hanh phic"): a run of tokens that opens and closes on motto
    words and holds four of them in order, each spelt right or one letter off."""
    tokens: list[re.Match[str]] | None = None  # found only for a cut, when `bare` serves
    words: list[str] | None = None  # found only for a motto whose tokens lie close enough
    if bare is not None and vn.folds_alone(line):
        # a token's fold is its slice of the line's, which has its spaces and "|" where the
        # line has them: the fold's tokens, split (`_TOKEN`'s `\s` is `str.split`'s space)
        raw = bare.replace("|", " ").split()
    else:
        tokens = list(_TOKEN.finditer(line))
        raw = words = [vn.fold(t.group(), accents=False).strip("-–—_*") for t in tokens]
    # a letter a token for the mottos its word is near (`_NearCodes`), each looked up once
    codes = "".join(map(_NEAR_CODES.__getitem__, raw))
    cuts: list[tuple[int, int]] = []
    for which, motto in enumerate(_MOTTO_WORDS):
        # the tokens near a motto word: a run counts a hit at most once a token that is, within
        # its window of `reach` tokens, so four of them must lie within one (most lines hold
        # fewer than four, or hold them far apart)
        if codes.count(_HELD_CODES[which][0]) + codes.count("c") < 4:
            continue
        held = [m.start() for m in _HELD[which].finditer(codes)]
        reach = len(motto) + 3
        if not any(held[i + 3] - held[i] < reach for i in range(len(held) - 3)):
            continue
        if words is None:
            words = [w.strip("-–—_*") for w in raw]
        # the motto words each token is near, tried once per token (not once per start)
        known = _NEARS[which]
        nears = [known[w] if w in known else _nears_of(w, which) for w in words]
        for start in range(len(words)):
            if words[start] and not nears[start]:
                continue  # (a start near no motto word stops the run at once)
            if bisect_left(held, start + reach) - bisect_left(held, start) < 4:
                continue  # fewer than four tokens near a motto word in its window
            k, hits, end, core = 0, 0, -1, False
            for j in range(start, min(len(words), start + len(motto) + 3)):
                if not words[j]:
                    continue
                for n in nears[j]:  # the first motto word from k on that it is near
                    if n >= k:
                        k, hits, end = n + 1, hits + 1, j
                        core = core or n in _MOTTO_CORE[which]
                        break
                if j == start and end != j or k == len(motto):
                    break
            if hits >= 4 and core:
                if tokens is None:
                    tokens = list(_TOKEN.finditer(line))
                cuts.append((tokens[start].start(), tokens[end].end()))
                break
    for a, b in sorted(cuts, reverse=True):
        line = f"{line[:a]} {line[b:]}"
    return " ".join(line.split()).strip(" -–—_|") if cuts else line


@lru_cache(maxsize=16384)  # a line's words, tried against each motto word, recur in every head
def _near(word: str, target: str) -> bool:
    if word == target:
        return True
    # (lengths two apart or more are two edits apart: not worth the distance)
    return (
        len(target) >= 2
        and word[:1] == target[:1]
        and abs(len(word) - len(target)) <= 1
        and _distance(word, target, 1) <= 1
    )


# A web copy that split a syllable around its accented vowel ("B Ộ LAO ĐỘNG - THƯƠNG BINH V À
# X Ã HỘI", "TRƯ Ờ NG"): a lone accented vowel between a consonant cluster and its end.
_SPLIT_SYLLABLE = re.compile(
    r"(?<![^\s|*])([B-DF-HJ-NP-TV-XZĐ]{1,3}|QU|GI|[A-ZĐ]{0,3}[ƯƠ])"
    r" ([ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]{1,2})"
    r"(?: (NG|NH|CH|[CMNPTIYOU]))?(?![^\s|*])"
)


# ... or between a syllable's opening consonants and a marked vowel ("T ỈNH Đ ỒNG THÁP",
# "SỞ T ÀI CH ÍNH"): a token of opening consonants alone is no Vietnamese word.
_SPLIT_ONSET = re.compile(
    r"(?<![^\s|*])(NGH|CH|GH|GI|KH|NG|NH|PH|QU|TH|TR|[BCDĐGHKLMNPRSTVX])"
    r" (?=[ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ])"
)


def rejoin_syllables(line: str) -> str:
    """An issuer line in capitals with its split syllables joined again."""
    if not line.isupper() or " " not in line:
        return line
    line = _SPLIT_SYLLABLE.sub(lambda m: "".join(g for g in m.groups() if g), line)
    return _SPLIT_ONSET.sub(r"\1", line)


# A parent and its unit on one line ("BỘ CÔNG THƯƠNG CỤC HÓA CHẤT"): two bodies.
# "ỦY BAN THƯỜNG VỤ QUỐC HỘI" is one body, not "ỦY BAN THƯỜNG" over a "VỤ" (metadata.yaml
# `unit_compounds`).
_UNIT_SPLIT = re.compile(rf"(?<=[{vn.UPPER}])\s+(?=(?P<unit>TỔNG\s+CỤC|CỤC|SỞ|VỤ)\s+[{vn.UPPER}])")


@lru_cache(maxsize=1)
def _unit_compounds() -> frozenset[str]:
    return frozenset(vn.fold(w) for w in load_vocab("metadata")["unit_compounds"])


def _unit_parts(line: str) -> list[str]:
    """The line split before each unit's word that makes no compound with the word before."""
    cuts = [
        m
        for m in _UNIT_SPLIT.finditer(line)
        if vn.fold(f"{line[: m.start()].split()[-1]} {m.group('unit').split()[0]}")
        not in _unit_compounds()
    ]
    parts, at = [], 0
    for m in cuts:
        parts.append(line[at : m.start()])
        at = m.end()
    return [*parts, line[at:]]


def issuer_of(lines: list[str], directory: tuple[str, ...]) -> str | None:
    """'ỦY BAN NHÂN DÂN' + 'TỈNH AN GIANG' -> one body; 'UBND TỈNH X' over 'SỞ Y' -> 'Sở Y tỉnh X'."""
    if not lines:
        return None
    matcher = get_matcher(directory)
    bodies: list[str] = []
    cells = [cell for line in lines for cell in re.split(r"\s+\|\s+", line) if cell]  # "A | B"
    lines = [_GLUED.sub(" ", _CITY.sub("THÀNH PHỐ ", known_name(line))) for line in cells]
    # Công báo prints the issuer's name over the letterhead's own: one body
    lines = [line for i, line in enumerate(lines) if i == 0 or line != lines[i - 1]]
    for line in (part for whole in _unwrapped(lines) for part in _unit_parts(whole)):
        text = matcher.expand(line).text
        if bodies and _PLACE_LINE.match(text):
            bodies[-1] = f"{bodies[-1]} {text}"
        else:
            bodies.append(text)
    names = [_with_acronyms(b, sentence_case(b)) for b in bodies]
    issuer = names[0]
    for own in names[1:]:  # "ĐẢNG BỘ TỈNH X" / "TỈNH ỦY" / "BAN THƯỜNG VỤ": from the top down
        issuer = _under(issuer, own)
    return issuer


# The place a parent line names: a unit's kind, then its name ("tỉnh Lào Cai"); "xã hội" is
# no commune, "Tỉnh ủy" no province.
_PARENT_PLACE = re.compile(
    r"\b((?i:tỉnh|thành phố|huyện|quận|thị xã|xã(?!\s+hội\b)|phường|đặc khu))"
    r"\s+(?!(?i:ủy|uỷ)\b)(\S.*)$"
)
_OWN_PLACE = re.compile(_PARENT_PLACE.pattern.replace(r"(\S.*)$", r"\S"))
_UNIT_END = re.compile(r"\s(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường)$", re.IGNORECASE)


def _under(parent: str, own: str) -> str:
    """The name of a unit under its parent line. A unit named only by its kind ("Văn phòng"),
    or any unit of a collective body (a Party committee, a People's Council, the Front's
    committee: data/metadata.yaml `collective_issuers`), takes the parent's whole name ("Ban
    Tuyên giáo Tỉnh ủy X", "Thường trực Hội đồng nhân dân tỉnh X"); any other unit takes the
    parent's place ("Sở Y tỉnh X", "Tỉnh ủy X" under "Đảng bộ tỉnh X")."""
    if own.casefold() in _BARE_UNITS:  # "UBND TỈNH ĐỒNG NAI" / "VĂN PHÒNG"
        return f"{own} {parent}"
    if _parent_named(own) and parent.split()[0].casefold() not in own.casefold():
        return f"{own} {parent}"  # "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM" / "CHI NHÁNH KHU VỰC 10"
    if _collective(parent) and not _OWN_PLACE.search(own) and not _party_group(own):
        return f"{own} {parent}"
    place = _PARENT_PLACE.search(parent)
    if not place or place.group(2).casefold() in own.casefold() or _OWN_PLACE.search(own):
        return own  # "Đảng ủy xã Thanh Sơn" under "Đảng bộ tỉnh Phú Thọ": its own place
    if _UNIT_END.search(own) or own.casefold().endswith(("ủy", "uỷ")):
        return f"{own} {place.group(2)}"  # "Đảng ủy các cơ quan Đảng tỉnh" + "Đắk Lắk"
    word = place.group(1).lower()
    return f"{own} {'Thành phố' if word == 'thành phố' else word} {place.group(2)}"


@lru_cache(maxsize=1)
def _parent_names() -> tuple[str, ...]:
    return tuple(n.casefold() for n in load_vocab("metadata")["parent_named_units"])


def _parent_named(own: str) -> bool:
    return own.casefold().startswith(_parent_names())


@lru_cache(maxsize=1)
def _party_groups() -> tuple[str, ...]:
    return tuple(n.casefold() for n in load_vocab("metadata")["party_groups"])


def _party_group(own: str) -> bool:
    """A Party group named after the body it leads ("Đảng đoàn Quốc hội")."""
    return own.casefold().startswith(_party_groups()) and len(own.split()) > 2


@lru_cache(maxsize=1)
def _collectives() -> tuple[str, ...]:
    return tuple(n.casefold() for n in load_vocab("metadata")["collective_issuers"])


def _collective(name: str) -> bool:
    folded = name.casefold().replace("uỷ", "ủy")
    return folded.startswith(_collectives())


# Two letterhead lines glued by a copy ("ỦY BAN NHÂN DÂNTỈNH LÂM ĐỒNG").
_GLUED = re.compile(r"(?<=DÂN)(?=(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|XÃ|PHƯỜNG|THỊ\s+XÃ)\b)")
_CITY = re.compile(r"\bTP(?:\.\s*|\s+(?=\w))")  # "UBND TP. HỒ CHÍ MINH", "UBND TP HỒ CHÍ MINH"
_BARE_UNITS = {"văn phòng"}  # a unit named only by its kind takes its parent's name
_VOWELS = re.compile(r"[aeiouyăâêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]")


def _with_acronyms(upper: str, cased: str) -> str:
    """Acronyms kept in capitals ("TRƯỜNG THPT CHUYÊN" -> "Trường THPT chuyên", "KCN"): a
    word without a vowel is no Vietnamese syllable."""
    words, out = upper.split(), cased.split()
    if len(words) != len(out):
        return cased
    return " ".join(
        w if w.isupper() and not _VOWELS.search(w.lower()) else o for w, o in zip(words, out)
    )


# A line ending with a Party committee's name ends a name: "TỈNH ỦY" / "BAN THƯỜNG VỤ".
_COMMITTEE_END = re.compile(r"(?:^|\s)(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ)\s+(?:ỦY|UỶ)$")
_PLACE_LINE = re.compile(
    r"^(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|XÃ|PHƯỜNG|THỊ XÃ|ĐẶC KHU)\b(?!\s+(?:ỦY|UỶ)\b)"  # not "TỈNH ỦY"
)


def _unwrapped(lines: list[str]) -> list[str]:
    """Issuer lines with a name wrapped in its column joined again: "ỦY BAN NHÂN DÂN TỈNH HÀ" /
    "GIANG", "BỘ NÔNG NGHIỆP VÀ MÔI" / "TRƯỜNG". A line continues the one above when it opens
    with no issuer's head word nor a place ("TỈNH ...", joined as a place below), or when the
    line above ends on a word that leaves a name unfinished ("VÀ", "MÔI")."""
    open_ends = set(load_vocab("vocab")["issuer_open_ends"])
    out: list[str] = []
    for line in lines:
        ends_open = (
            bool(out)
            and (out[-1].split()[-1] in open_ends or " ".join(out[-1].split()[-2:]) in open_ends)
            and not _COMMITTEE_END.search(out[-1])  # "TỈNH ỦY" / "BAN THƯỜNG VỤ"
        )
        heads = ISSUER_HEAD.match(line) or _PLACE_LINE.match(line)
        if out and (ends_open or not heads):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


@lru_cache(maxsize=1)
def _known_names() -> dict[str, str]:
    """National letterhead names by their letters without diacritics or spaces."""
    agencies, meta = load_vocab("agencies"), load_vocab("metadata")
    names = [f"Bộ {d}" for d in agencies["domains"]] + agencies["bodies"]
    return {_letters(n): n.upper() for n in [*names, *meta["letterhead_names"]]}


@lru_cache(maxsize=1)
def _known_by_head() -> dict[str, list[tuple[str, str]]]:
    """`_known_names`' items by the letters of the name's first word, in their order."""
    out: dict[str, list[tuple[str, str]]] = {}
    for name_key, name in _known_names().items():
        out.setdefault(_letters(name.split()[0]), []).append((name_key, name))
    return out


@lru_cache(maxsize=1)
def _known_places() -> dict[str, str]:
    """Place lines of a letterhead ("TỈNH LÂM ĐỒNG") by their letters without diacritics, so
    that an OCR'd or unaccented line ("TINH LAM DONG") is read as the place."""
    units = ["TỈNH", "THÀNH PHỐ"]
    places = load_vocab("metadata")["place_names"]
    return {_letters(f"{u} {p}"): f"{u} {p}".upper() for u in units for p in places}


@lru_cache(maxsize=1)
def _first_letter_lost() -> dict[str, str]:
    """National letterhead names by their letters without the first one."""
    return {key[1:]: name for key, name in _known_names().items()}


@lru_cache(maxsize=1)
def _known_local_names() -> dict[str, str]:
    """A local body's letterhead with its place on one line ("ỦY BAN NHÂN DÂN TỈNH AN GIANG")
    by its letters: a national letterhead name of a local body (data/metadata.yaml
    `local_letterhead_names`) with a province or city line."""
    heads = load_vocab("metadata")["local_letterhead_names"]
    return {
        _letters(f"{head} {place}"): f"{head} {place}".upper()
        for head in heads
        for place in _known_places().values()
    }


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", vn.fold(text, accents=False))


def known_name(line: str) -> str:
    """An OCR'd letterhead line read as the national name it spells ("TONG CYC THUE",
    "BỘ TAI CHÍNH", "THỦ TƯỚNG CHÍNHPHỦ"); any other line as it is."""
    key = _letters(line)
    if len(key) < 6 or line.upper() in _known_names().values():
        return line
    if key in _known_names():
        return _known_names()[key]
    if len(key) >= 8 and (first_lost := _first_letter_lost().get(key)):
        return first_lost  # "Y BAN NHÂN DÂN": a PDF font without the glyph "Ủ"
    if key in _known_places() and (line.isascii() or _spaced(line)):
        return _known_places()[key]  # "TINH LAM DONG", "T HÀNH P HỐ C ẦN T HƠ": no fuzzy match
    if key in _known_local_names() and _spaced(line):
        return _known_local_names()[key]  # "ỦY B AN NHÂN D Â N T ỈNH AN G IANG"
    limit = 1 if len(key) < 12 else 2
    head = _letters(line.split()[0])  # "SỞ TÀI CHÍNH" is never "BỘ TÀI CHÍNH"
    for name_key, name in _known_by_head().get(head, ()):
        if (
            name_key.startswith(head)
            and abs(len(name_key) - len(key)) <= limit
            and _distance(key, name_key, limit) <= limit
        ):
            return name
    return line


def _spaced(line: str) -> bool:
    """A line a PDF or web copy spaced apart inside its words: a letter standing alone."""
    return any(len(w) == 1 and w.isalpha() for w in line.split())


def _distance(a: str, b: str, limit: int) -> int:
    """Edit distance, cut short once every path exceeds `limit`."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
        if min(row) > limit:
            return limit + 1
    return row[-1]
