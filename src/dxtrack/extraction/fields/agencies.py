"""Agency mentions: find the agencies a clause names, as printed with abbreviations expanded
(`fields/agency_expansion.py`).

The vocabulary is data (`data/agencies.yaml` plus the agency directory the caller passes:
names and aliases, see `extract_text(directory=...)`); this module
compiles it once into anchored matchers tried in a fixed order at a text position:

    list_head  "Các Bộ: Công an, Tài chính"  -> Bộ Công an, Bộ Tài chính
    known      names from the vocabulary and the directory (+ "tỉnh X" suffix)
    unit       "Ủy ban nhân dân tỉnh An Giang", "UBND các xã, phường, đặc khu"
    group      "các sở, ban, ngành tỉnh", "các cơ quan, đơn vị có liên quan"
    open_head  "Trung tâm ...", "Hiệp hội ..." up to the next verb
    pronoun    "Quý đơn vị"
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from dxtrack.extraction.fields.agency_expansion import Expanded, Expander
from dxtrack.extraction.fields.member_lists import province_members, shared_head_member
from dxtrack.extraction.textutil import fold, skip_space
from dxtrack.extraction.vocab import by_first_letter
from dxtrack.extraction.vocab import load as load_vocab
from dxtrack.vn import LOWER, UPPER

# the issuing council named bare after one of its bodies ("các Ban (của) Hội đồng nhân dân,"),
# or with its level's diacritic lost ("các Tổ đại biểu Hội đồng nhân dân tinh và ...")
_BARE_COUNCIL = re.compile(r"(?:của\s+)?(hội\s+đồng\s+nhân\s+dân)\b(?:\s+tinh\b)?")


class Mention(NamedTuple):  # immutable, and built faster than a frozen dataclass
    start: int
    end: int
    name: str


def _compound_ends(vocab: dict) -> str:
    """Look-aheads that keep the stop word ending a compound noun from ending a name: for
    "công lập", no stop at "lập" right after "công " ("(?!(?<=công\\s)lập\\b)")."""
    stops = {fold(w) for w in vocab["stop_words"]}
    out = []
    for compound in vocab["stop_compounds"]:
        words = fold(compound).split()
        for k in range(1, len(words)):
            tail = " ".join(words[k:])
            if tail in stops:
                before = r"\s".join(re.escape(w) for w in words[:k])
                after = r"\s+".join(re.escape(w) for w in words[k:])
                out.append(rf"(?!(?<={before}\s){after}\b)")
                break
    return "".join(out)


def _alt(items: Iterable[str]) -> str:
    words = sorted({fold(i) for i in items}, key=len, reverse=True)
    return by_first_letter(re.escape(w).replace(r"\ ", r"\s+") for w in words)


class AgencyMatcher:
    """Compiled agency vocabulary. Build once with `get_matcher()`."""

    def __init__(self, vocab: dict, directory_names: Iterable[str] = ()) -> None:
        self._expander = Expander(vocab)
        # recent answers of `match_one` (a clause's finders test a place, then list from it)
        # and of `_mention` (the same names printed again): emptied when full
        self._found: dict[tuple[Expanded, int, bool], tuple[Mention, ...]] = {}
        self._names: dict[str, tuple[int, str]] = {}
        self._unit_ends: dict[str, bool] = {}  # see `_ends_on_unit`
        all_domains = vocab["domains"] + vocab["former_domains"]
        self._domains = re.compile(rf"(?:{_alt(all_domains)})\b")
        # the same with the spaces between words optional, each to its name as spelt here
        self._glued_names = {_SPACES.sub("", fold(d)): d for d in reversed(all_domains)}
        glued = sorted(
            (r"\s*".join(map(re.escape, fold(d).split())) for d in all_domains),
            key=len,
            reverse=True,
        )
        self._glued_domains = re.compile(rf"(?:{'|'.join(glued)})\b")
        heads = ("Bộ", "Sở", *vocab["sector_heads"])
        known = list(vocab["bodies"]) + [f"{h} {d}" for h in heads for d in all_domains]
        known += [self.expand(n).text for n in directory_names]
        # known names by their letters without diacritics; two names with the same letters
        # are both left out (neither is the misspelt one's)
        bare: dict[str, set[str]] = {}
        for name in known:
            bare.setdefault(" ".join(fold(name, accents=False).split()), set()).add(name)
        self._bare_known = {k: v.pop() for k, v in bare.items() if len(v) == 1}
        units = _alt(vocab["units"])
        self._units = units
        self._known = re.compile(rf"(?:{_alt(known)})\b")
        self._suffix = re.compile(rf"\s+(?:{units})\b")
        self._units_end = re.compile(rf"\b(?:{units})$")  # a known name ending in a unit word
        # "Các Bộ: Công an, Tài chính", "Các Bộ, ngành: ...", "Các bộ, cơ quan: ..."
        self._list_head = re.compile(r"(?:các\s+)?(bộ|sở)(?:\s*,\s*(?:ngành|cơ\s+quan))?\s*:\s*")
        self._central = tuple(vocab["central_cities"])
        # province names of a list in a table cell ("UBND thành phố Hà Nội, Hòa Bình, Cần Thơ")
        places = load_vocab("metadata")["place_names"]
        self._places = (
            frozenset(p.casefold() for p in places),
            frozenset(c.casefold() for c in self._central),
        )
        self._titles = re.compile(rf"(?:các\s+)?(?:{_alt(vocab['titles'])})\s*:?\s+(?=\S)")
        self._title_before = re.compile(rf"(?:{_alt(vocab['titles'])})[ \t]+$")
        self._title_only = re.compile(r"(?:các\s+)?bộ\s+trưởng(?=\s*[,;])")
        self._body_prefix = re.compile(rf"(?:{_alt(vocab['body_prefixes'])})\s+(?=\S)")
        # a body of a council printed bare before the next, which names the council for both
        # ("các Tổ đại biểu, đại biểu Hội đồng nhân dân tỉnh")
        self._prefix_then = re.compile(
            rf"((?:{_alt(vocab['body_prefixes'])}))\s*(?:,|\bvà\b)\s*"
            rf"(?=(?:{_alt(vocab['body_prefixes'])})\s)"
        )
        # where any of the four above matches (most positions: none does)
        self._title_or_prefix = re.compile(
            "|".join(
                f"(?:{r.pattern})"
                for r in (self._title_only, self._titles, self._prefix_then, self._body_prefix)
            )
        )
        # "các Đoàn đại biểu Quốc hội": a known body's kind in the plural
        self._plural_known = re.compile(rf"các\s+(?:{_alt(vocab['bodies'])})\b")
        nouns = _alt(vocab["group_nouns"])
        suffixes = _alt(vocab["group_suffixes"] + vocab["anaphoric_tails"])
        self._anaphoric = re.compile(rf"\s(?:{_alt(vocab['anaphoric_tails'])})$")
        # "..., tổ chức phổ biến ...": a noun that is also a verb, acting, ends the chain
        verbal = rf"(?!(?:{_alt(vocab['noun_verbs'])})\s+(?:{_alt(vocab['noun_verb_actions'])})\b)"
        # "các trường hợp", "các cơ sở dữ liệu": a group noun opening another noun (no group)
        false_groups = _alt(vocab["false_group_nouns"])
        self._group = re.compile(
            rf"(?!(?:(?:các|những|tất\s+cả\s+các)\s+)?(?:{false_groups})\b)"
            # "các sở, ban, ngành và địa phương" is one group; "các Sở và các ban, ngành" two
            rf"(?:(?:các|những|tất\s+cả\s+các)\s+)?(?:{nouns})\b"
            rf"(?:\s*(?:,\s*(?:các\s+)?|và\s+(?!các\s)){verbal}(?:{nouns})\b)*"
            # "các sở, ban, ngành và các đơn vị khác": a residual group ("khác") closes the one
            # before it
            rf"(?:\s+và\s+các\s+(?:{nouns})(?:\s*,\s*(?:{nouns}))*\s+khác\b)?"
            rf"(?:\s+(?:{suffixes})\b)*"
        )
        self._unit_body = re.compile(
            rf"(ủy\s+ban\s+nhân\s+dân|công\s+an|bộ\s+chỉ\s+huy\s+quân\s+sự|hội\s+đồng\s+nhân\s+dân)"
            rf"(?:\s+các)?\s+(?:{units})\b(?:\s*(?:,|và)\s*(?:{units})\b)*"
            rf"(?:\s+(?:trực\s+thuộc\s+trung\s+ương|trên\s+địa\s+bàn(?:\s+tỉnh)?|có\s+liên\s+quan"
            rf"|của\s+tỉnh|{_alt(vocab['unit_places'])}))?"
        )
        # a unit body's head printed bare, its scope shared with the next ("Hội đồng nhân
        # dân, Ủy ban nhân dân các tỉnh")
        self._bare_unit = re.compile(
            r"(ủy\s+ban\s+nhân\s+dân|hội\s+đồng\s+nhân\s+dân)\s*(?:,|\bvà\b)\s*"
            r"(?=ủy\s+ban\s+nhân\s+dân|hội\s+đồng\s+nhân\s+dân)"
        )
        self._scope = re.compile(
            rf"\s+các\s+(?:{units})\b(?:\s*(?:,|và)\s*(?:{units})\b)*(?:\s+trực\s+thuộc\s+trung\s+ương)?"
        )
        self._self_named = re.compile(_alt(vocab["self_named_heads"]))
        self._open = re.compile(rf"(?:{_alt(vocab['open_heads'] + vocab['capital_heads'])})\b")
        # "Phòng Kinh tế" opens a name, "Phòng chống dịch" does not
        self._capital_head = re.compile(rf"(?:{_alt(vocab['capital_heads'])})[ \t]+(?=\S)")
        self._stop = re.compile(
            rf"(?!(?:{_alt(vocab['stop_nouns'])})\b){_compound_ends(vocab)}"
            rf"(?:{_alt(vocab['stop_words'])})\b"
        )
        self._name_verb = re.compile(rf"(?:{_alt(vocab['name_verbs'])})\b")
        self._comma_compound = re.compile(rf"(?:{_alt(vocab['comma_compounds'])})\b")
        self._long_name = re.compile(rf"(?:{_alt(vocab['long_name_heads'])})\b")
        # "... có liên quan" closing a group in a list, before a separator or the end
        self._relevance_tail = re.compile(
            rf"(?:{_alt(vocab['relevance_tails'])})(?=[ \t]*(?:[,;.]|\bvà\b|$))"
        )
        # "Ban Chỉ đạo Chương trình ...": a noun whose second word is a stop word
        self._stop_compound = re.compile(rf"(?:{_alt(vocab['stop_compounds'])})\b")
        # a unit word that ends an open name ("... tỉnh", "... huyện Krông Pa"); "xã hội" is none
        # ... or a number that tells bodies of one form apart ("Đội ... số 2", "Chi cục Thuế
        # khu vực XVII", "Ngân hàng Nhà nước chi nhánh Khu vực 9")
        designation = r"(?:chi\s+nhánh\s+)?(?:số|khu\s+vực)\s+(?:\d+|[ivxlc]+)\b"
        self._name_unit = re.compile(rf"(?:{units})\b(?!\s+hội\b)|{designation}")
        self._designation = re.compile(rf"\s+{designation}")
        self._branch_of = re.compile(rf"\s+chi\s+nhánh(?:\s+(?:{units})\b)?(?=\s+[^\s,;.])")
        self._branch = re.compile(rf"(?:{_alt(vocab['branch_heads'])})\s")
        self._pronoun = re.compile(rf"(?:{_alt(vocab['pronouns'])})\b")
        self._category = re.compile(rf"(?:các\s+)?(?:{_alt(vocab['categories'])})\b")
        self._form_head = re.compile(rf"(?:các\s+)?(?:{_alt(vocab['form_heads'])})\b")
        self._obligation = re.compile(rf"(?:{_alt(vocab['obligation_verbs'])})\b")
        self._verb_head = re.compile(rf"(?:{_alt(vocab['verb_heads'])})\b")
        self._verb_head_name = re.compile(
            rf"(?:{_alt(vocab['verb_heads'])})\s+(?:{_alt(vocab['verb_head_names'])})\b"
        )
        self._strong = re.compile(rf"(?:{_alt(vocab['strong_obligation_verbs'])})\b")
        self._not_name = re.compile(rf"(?:{_alt(vocab['form_breaks'])})\b")
        self._sep = re.compile(r"\s*(?:,|;|\bvà\b|\bcùng\b|/)\s*(?:với\s+)?")
        # a group joined to the bodies before it by "cùng" and closing on a relevance tail
        # ("Sở A, Sở B cùng các ngành, đơn vị có liên quan triển khai"): it takes part, A and
        # B lead (FORMAT.md lead: the chủ trì)
        self._joined_by = re.compile(rf"\s*(?:{_alt(vocab['joining_words'])})\b")
        self._partner = re.compile(rf"\b(?:{_alt(vocab['relevance_tails'])})$")
        # where `_rule_known`, `_rule_unit`, `_rule_group`, `_rule_category` or
        # `_rule_pronoun` can match: one of their first regexes matches there
        self._rule_opening = re.compile(
            "|".join(
                f"(?:{r.pattern})"
                for r in (
                    self._known,
                    self._plural_known,
                    self._unit_body,
                    self._bare_unit,
                    self._group,
                    self._category,
                    self._pronoun,
                )
            )
        )
        # ... and where `_rule_open` or `_rule_form` can match at a capital (their heads; both
        # need one there, or "các" before it, which `LIST_HEAD_OPENINGS` lets through)
        self._capital_opening = re.compile(
            f"(?:{self._open.pattern})|(?:{self._form_head.pattern})"
        )

    def expand(self, text: str) -> Expanded:
        """The text as matched: see `fields/agency_expansion.py`."""
        return self._expander.expand(text)

    # -- anchored matching -------------------------------------------------------------------
    def match_list(
        self, ex: Expanded, pos: int, *, bare_groups: bool = False
    ) -> tuple[list[Mention], int]:
        """Mentions separated by ',', ';', 'và' starting at pos; returns them and the end."""
        found: list[Mention] = []
        end = pos
        ahead: tuple[int, list[Mention]] | None = None  # the next item's match_one, looked at
        while True:
            start = skip_space(ex.folded, end)
            shared = (
                shared_head_member(ex.text, ex.folded, start, found[-1].name, self._places)
                if found
                else None
            )
            got = [Mention(*shared)] if shared else []
            if not got and ahead is not None and ahead[0] == start and bare_groups:
                got = ahead[1]  # match_one(ex, start, bare_groups=True), found below
            got = got or self.match_one(ex, start, bare_groups=bare_groups or not found)
            if not got:
                break
            found.extend(got)
            end = got[-1].end
            if found[-1].name[:4].casefold() == "các " and (
                spelled := _SPELLED_OUT.match(ex.folded, end)
            ):  # "các cơ quan ..., gồm các Sở: Tài chính, Xây dựng": the members
                members = self._members(ex, spelled)
                if members:
                    found[-1:] = members
                    end = members[-1].end
            elif found[-1].name[:4].casefold() == "các " and (
                later := _assigned_members().match(ex.folded, end)
            ):  # "Các sở được giao chủ trì ... (gồm: Sở A, Sở B) tập trung ...": the members
                members, close = self.match_list(ex, later.end(), bare_groups=True)
                shut = _CLOSE_BRACKET.match(ex.folded, close) if members else None
                if shut:
                    found[-1:] = members
                    end = shut.end()
            # a note after a member does not end the list: "Văn phòng UBND tỉnh (Trung tâm
            # Phục vụ hành chính công tỉnh), Công an tỉnh, Sở Khoa học và Công nghệ ..."
            note = _NOTE.match(ex.folded, end)
            alias = self._alias(ex, note.start(), note.end(), got[-1]) if note else None
            if alias and note:  # "Phòng Nông nghiệp ... huyện (Phòng Kinh tế thị xã)"
                found.append(alias)
                end, note = note.end(), None
            sep = self._sep.match(ex.folded, note.end() if note else end)
            if not sep:
                break
            one = self.match_one(ex, sep.end(), bare_groups=True)
            if one and self._joined_by.match(sep.group()) and self._partner.search(one[-1].name):
                break  # "Sở A, Sở B cùng các đơn vị có liên quan ...": those join, A and B lead
            nxt = one or shared_head_member(
                ex.text, ex.folded, sep.end(), found[-1].name, self._places
            )
            if not nxt:
                break
            end = sep.end()
            ahead = (end, one)
        return found, end

    def _members(self, ex: Expanded, spelled: re.Match[str]) -> list[Mention]:
        """The members spelling out a group after "gồm" or its colon: a list of bodies
        ("gồm: Báo X, Cổng Thông tin điện tử tỉnh"); after a bare colon only named bodies,
        not another group ("Các sở, ngành: các đơn vị trực thuộc ..." keeps the group)."""
        if ":" not in spelled.group() or "gồm" in spelled.group():
            members, _ = self.match_list(ex, spelled.end(), bare_groups=True)
            return members
        if ex.folded.startswith("các ", spelled.end()):
            return []
        members, _ = self.match_list(ex, spelled.end())
        return members

    def _alias(self, ex: Expanded, start: int, end: int, before: Mention) -> Mention | None:
        """A body in brackets after a body of the same head word is its counterpart where
        the units differ ("Phòng Nông nghiệp và Phát triển nông thôn huyện (Phòng Kinh tế thị
        xã)"), a body of its own; a body of another head is a note on the first ("Văn phòng
        UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh)")."""
        at = skip_space(ex.folded, ex.folded.index("(", start) + 1)
        got = self.match_one(ex, at)
        if len(got) != 1 or ex.folded[skip_space(ex.folded, got[0].end) : end].strip() != ")":
            return None
        same = fold(got[0].name).split()[:1] == fold(before.name).split()[:1]
        return got[0] if same and got[0].name != before.name else None

    def match_one(self, ex: Expanded, pos: int, *, bare_groups: bool = False) -> list[Mention]:
        key = (ex, pos, bare_groups)
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= 2048:
                self._found.clear()
            found = self._found[key] = tuple(self._match_one(ex, pos, bare_groups))
        return list(found)

    def _match_one(self, ex: Expanded, pos: int, bare_groups: bool) -> list[Mention]:
        if self._title_or_prefix.match(ex.folded, pos):  # one test for the four forms below
            return self._titled_one(ex, pos, bare_groups)
        if not (
            ex.folded.startswith(LIST_HEAD_OPENINGS, pos)  # `_rule_list_head`, "các ..."
            or _is_capital(ex.text, pos)  # `_rule_open`, `_rule_form`
            and self._capital_opening.match(ex.folded, pos)
            or self._rule_opening.match(ex.folded, pos)  # the other rules' first regexes
        ):
            return []  # no rule can match here (most positions tried)
        for rule in self._rules:  # as `_by_rules`, inline: run at most positions tried
            got = rule(self, ex, pos, bare_groups)
            if got:
                return got
        return []

    def _titled_one(self, ex: Expanded, pos: int, bare_groups: bool) -> list[Mention]:
        only = self._title_only.match(ex.folded, pos)
        if only:  # "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ ..." names the ministries
            return [Mention(only.start(), only.end(), "Các bộ")]
        t = self._titles.match(ex.folded, pos)
        if t:
            pos = t.end()
            bare_groups = True
        elif (lone := self._prefix_then.match(ex.folded, pos)) and (
            shared := self._shared_body(ex, pos, lone.end(1), lone.end(), bare_groups)
        ):
            return shared
        elif prefix := self._body_prefix.match(ex.folded, pos):
            council = _BARE_COUNCIL.match(ex.folded, prefix.end())
            if council and not self._unit_body.match(ex.folded, council.start(1)):
                # "Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, ... và đại biểu
                # Hội đồng nhân dân tỉnh": the council's bodies, its level printed once at the end
                return [self._mention(ex, pos, council.end())]
            got = self.match_one(ex, prefix.end(), bare_groups=bare_groups)
            if got:  # "Thường trực HĐND tỉnh": the standing members act for the council
                first = self._mention(ex, pos, prefix.end())
                return [Mention(pos, got[0].end, f"{first.name} {got[0].name}"), *got[1:]]
        return self._by_rules(ex, pos, bare_groups)

    def _by_rules(self, ex: Expanded, pos: int, bare_groups: bool) -> list[Mention]:
        for rule in self._rules:
            got = rule(self, ex, pos, bare_groups)
            if got:
                return got
        return []

    def _shared_body(self, ex: Expanded, pos: int, end: int, at: int, bare: bool) -> list[Mention]:
        """ "các Tổ đại biểu, đại biểu Hội đồng nhân dân tỉnh": the first body takes the
        council the second names; [] when the second names none."""
        got = self.match_one(ex, at, bare_groups=bare)
        second = self._body_prefix.match(ex.folded, at)
        if not got or second is None or got[0].start != at or got[0].end <= second.end():
            return []
        first = self._mention(ex, pos, end)
        council = " ".join(ex.text[second.end() : got[0].end].split())
        return [Mention(pos, first.end, f"{first.name} {council}"), *got]

    def _rule_list_head(self, ex: Expanded, pos: int, bare: bool) -> list[Mention]:
        if not ex.folded.startswith(LIST_HEAD_OPENINGS, pos):
            return []  # none of the three forms below opens here (most positions)
        m = self._list_head.match(ex.folded, pos)
        if not m:  # "Ủy ban nhân dân các tỉnh, thành phố: Quảng Ninh, Hải Phòng"
            # each asked only where its first word stands ("Sở Y tế" opens neither)
            found = (
                province_members(ex.text, ex.folded, pos, self._central)
                if ex.folded.startswith(_PROVINCE_MEMBERS_OPENINGS, pos)
                else []
            )
            if found:
                return [Mention(*f) for f in found]
            return self._named_members(ex, pos) if ex.folded.startswith("các", pos) else []
        head = "Bộ" if m.group(1) == "bộ" else "Sở"
        out: list[Mention] = []
        at = m.end()
        while True:
            d, name = self._domain_at(ex, at)
            if not d:
                break
            out.append(Mention(d.start(), d.end(), f"{head} {name}"))
            sep = _DOMAIN_SEP.match(ex.folded, d.end())
            if not sep or not self._domain_at(ex, sep.end())[0]:
                break
            at = sep.end()
        return out

    def _domain_at(self, ex: Expanded, at: int) -> tuple[re.Match[str] | None, str]:
        """The domain of a department or ministry named at `at` ("Các Bộ: Tài chính, ..."), as
        printed; or one a web copy printed with a space lost ("Giaothông vận tải", "Thể
        thaovà Du lịch"), as the vocabulary spells it."""
        d = self._domains.match(ex.folded, at)
        if d:
            return d, ex.text[d.start() : d.end()]
        d = self._glued_domains.match(ex.folded, at)
        if d:
            return d, self._glued_names[_SPACES.sub("", d.group(0))]
        return None, ""

    def _named_members(self, ex: Expanded, pos: int) -> list[Mention]:
        """A group spelled out by the bodies after its colon ("Các cơ quan: Bộ Y tế, Bảo hiểm
        xã hội Việt Nam ..."): the bodies."""
        m = _MEMBERS_HEAD.match(ex.folded, pos)
        if not m or not self._known.match(ex.folded, m.end()):
            return []
        return self.match_list(ex, m.end())[0]

    def _rule_known(self, ex: Expanded, pos: int, bare: bool) -> list[Mention]:
        m = self._known.match(ex.folded, pos) or self._plural_known.match(ex.folded, pos)
        if not m:
            return []
        end = self._place_suffix(ex, m.end())
        if end == m.end() and self._ends_on_unit(m.group(0)):
            end = self._place_name(ex, end)
        elif end == m.end() and _is_capital(ex.text, skip_space(ex.text, end)):
            end = self._province_after(ex, end)  # "Báo và Phát thanh, Truyền hình Lâm Đồng"
        if designation := self._designation.match(ex.folded, end):
            end = designation.end()  # "Kho bạc Nhà nước khu vực XV"
        elif scope := self._scope.match(ex.folded, end):
            end = scope.end()  # "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương"
        elif branch := self._branch_of.match(ex.folded, end):
            end = self._place_name(ex, branch.end())  # "Ngân hàng ... chi nhánh tỉnh An Giang"
        return [self._mention(ex, m.start(), end)]

    def _ends_on_unit(self, name: str) -> bool:
        """`self._units_end.search(name)`, remembered for each known name as found."""
        ends = self._unit_ends.get(name)
        if ends is None:
            if len(self._unit_ends) >= 4096:
                self._unit_ends.clear()
            ends = self._unit_ends[name] = bool(self._units_end.search(name))
        return ends

    def _rule_unit(self, ex: Expanded, pos: int, bare: bool) -> list[Mention]:
        m = self._unit_body.match(ex.folded, pos)
        if not m:
            return self._shared_scope(ex, pos)
        return [self._mention(ex, m.start(), self._place_name(ex, m.end()))]

    def _shared_scope(self, ex: Expanded, pos: int) -> list[Mention]:
        """Bodies of a level printed bare before the last one, which carries the scope for
        all ("Hội đồng nhân dân, Ủy ban nhân dân các tỉnh, thành phố", "HĐND và UBND các
        xã"): one body per head, each with that scope."""
        heads: list[tuple[int, int]] = []
        at = pos
        while bare := self._bare_unit.match(ex.folded, at):
            heads.append((bare.start(), bare.end(1)))
            at = bare.end()
        last = self._unit_body.match(ex.folded, at) if heads else None
        if not last:
            return []
        end = self._place_name(ex, last.end())
        scope = " ".join(ex.text[last.end(1) : end].split())
        out = [Mention(s, e, f"{' '.join(ex.text[s:e].split())} {scope}") for s, e in heads]
        return [*out, self._mention(ex, last.start(), end)]

    def _place_suffix(self, ex: Expanded, end: int) -> int:
        """Extend a name over a following "tỉnh An Giang" / "thành phố Hà Nội"."""
        s = self._suffix.match(ex.folded, end)
        if not s:
            return end
        named = self._place_name(ex, s.end())
        # "Văn phòng HĐND và UBND huyện": an office of the people's bodies takes its bare level
        # ... and so does any known body ("Trung tâm Phục vụ hành chính công xã", "... tỉnh");
        # "xã hội" is no level
        return end if ex.folded.startswith(" xã hội", s.start()) else named

    def _province_after(self, ex: Expanded, end: int) -> int:
        """Extend a known name over a province's bare name printed right after it ("Sở Y tế
        Long An", "Báo và Phát thanh, Truyền hình Lâm Đồng"): the longest run of up to four
        capitalised words that is a province or city of `place_names`."""
        best, at = end, end
        for _ in range(4):
            p = _PLACE_WORD.match(ex.text, at) or _PLACE_DASHED.match(ex.text, at)
            if not p:
                break
            at = p.end()
            if " ".join(ex.text[end:at].split()).casefold() in self._places[0]:
                best = at
        return best

    def _place_name(self, ex: Expanded, end: int) -> int:
        """Extend over capitalised words (a place name) that are not the next agency."""
        while (
            (p := _PLACE_WORD.match(ex.text, end))
            and ex.text[skip_space(ex.text, p.start())].isupper()  # a capital ("ủy" is none)
            and not self._starts_mention(ex, p.start() + 1)
            and not self._stop.match(ex.folded, skip_space(ex.folded, p.start()))
        ):
            end = p.end()
        return end

    def _rule_group(self, ex: Expanded, pos: int, bare: bool) -> list[Mention]:
        m = self._group.match(ex.folded, pos)
        if not m:
            return []
        collective = ex.folded.startswith(("các", "những", "tất"), pos)
        anaphoric = bool(self._anaphoric.search(m.group(0)))  # "đơn vị nêu trên"
        if not (collective or anaphoric or (bare and "," in m.group(0))):
            return []
        if m.group(0).strip() in {"tỉnh", "thành phố", "xã", "phường", "huyện", "bộ", "sở", "ban"}:
            return []
        end = m.end()
        for sep in _GROUP_SEP.finditer(ex.folded, m.start(), m.end()):
            at = sep.end()
            if any(sep.start() < b <= at for b in ex.breaks):
                end = sep.start()  # "các Sở, [Thủ trưởng] các ban, ngành": two holders
                break
            if _is_capital(ex.text, at) and (
                self._known.match(ex.folded, at)
                or self._open.match(ex.folded, at)
                and _NAME_AFTER.match(ex.text, at)
            ):
                end = sep.start()  # "của các xã, phường, Sở Y tế tổng hợp ...": a named body
                break
        return [self._mention(ex, m.start(), end)]

    def _rule_open(self, ex: Expanded, pos: int, bare: bool) -> list[Mention]:
        start = pos
        many = _MANY.match(ex.folded, pos)  # "các Công ty Lâm nghiệp"
        if many and _is_capital(ex.text, many.end()):
            pos = many.end()
        if not _is_capital(ex.text, pos):  # the cheap test first: most positions fail it
            return []
        m = self._open.match(ex.folded, pos)
        if not m or self._stop.match(ex.folded, pos):
            return []
        head = self._capital_head.match(ex.folded, pos)
        if (  # a longer head opens its own name ("Cơ quan thuế các cấp")
            head
            and head.end() == skip_space(ex.folded, m.end())
            and not _is_capital(ex.text, head.end())
        ):
            return []
        end = m.end()
        words = 0
        titled = not ex.text[pos : pos + 40].isupper()  # no heading printed in capitals
        through = unit_end = -1
        prev = pos  # where the name's last word starts
        while words < 12:
            listed = self._listed_part(ex, end) if words else 0
            if listed:  # "Phòng Kinh tế, Hạ tầng và Đô thị xã"
                end, words = listed, words + 1
                continue
            joined = self._comma_compound.match(ex.folded, prev) if words else None
            if joined and joined.end() > end:  # "Ban Chỉ đạo phòng, chống tội phạm tỉnh"
                end, words = joined.end(), words + 1
                continue
            w = _WORD.match(ex.text, end)
            if not w:
                break
            at = w.start(1)
            if at < through:  # "... đầu tư xây dựng tỉnh": up to the unit that ends the name
                end = w.end()  # (not counted: "... xây dựng các công trình dân dụng và ...")
                continue
            if end == unit_end and not _is_capital(ex.text, at):
                dash = _NAME_DASH.match(ex.folded, end)
                unit = dash and self._name_unit.match(ex.folded, dash.end())
                if unit:  # "Phòng Lao động - Thương binh và Xã hội quận - huyện"
                    end = unit_end = self._place_name(ex, unit.end())
                    words += 1
                    continue
                break  # "Hiệp hội Doanh nghiệp tỉnh vận động ...": a unit ends the name
            owner = _PARTY_OWNER.match(ex.folded, at)  # "Ban Tổ chức Tỉnh ủy"
            if owner:
                end, words = owner.end(), words + 1
                continue
            members = ex.folded.startswith("các ", at) and self._group.match(ex.folded, at)
            if members:  # "Đảng ủy các bộ, ngành", "Ban thường vụ các tỉnh ủy, thành ủy"
                end = unit_end = members.end()  # ends like a unit: "Trạm Y tế các xã, phường"
                words += 1
                continue
            unit = self._name_unit.match(ex.folded, at)
            if unit and (words or " " in m.group().strip()):
                # "Viện kiểm sát nhân dân tỉnh và Tòa án nhân dân tỉnh": a head of several
                # words is a name of its own before the unit
                end = unit_end = self._place_name(ex, unit.end())
                words += 1
                continue
            stop = self._stop.match(ex.folded, at)
            if stop and titled and _is_titled(w.group(1)):
                stop = None  # "Đội Quản lý thị trường", "Văn phòng Đăng ký đất đai": a name word
            if stop and words and self._stop_compound.match(ex.folded, prev):
                stop = None  # "Chương trình", "Công trình": the stop word ends a noun
            if stop and words and (named := self._name_verb_through(ex, pos, at)):
                through, stop = named, None
            if stop or self._starts_mention(ex, at):
                if words == 0 and (
                    _PARTY_OF.match(ex.folded, pos)
                    or self._branch.match(ex.folded, pos)
                    or not stop
                ):
                    # "Đảng ủy Công an tỉnh": the Party committee of the body after it; "Cục
                    # Thuế tỉnh": a head naming its body by a known name after it
                    body = self.match_one(ex, at)
                    if len(body) == 1:
                        end, words = body[0].end, 1
                break
            if ex.folded.startswith("và ", at) and (
                self._starts_mention(ex, skip_space(ex.folded, at + 2))
                or _MANY_HEADS.match(ex.text, at + 3)
            ):
                break  # "Tổng cục Lâm nghiệp và các Vụ, Cục liên quan thuộc Bộ"
            end, words, prev = w.end(), words + 1, at
        if words == 0 and not (
            self._self_named.fullmatch(m.group().strip())
            and self._stop.match(ex.folded, skip_space(ex.folded, end))
        ):
            return []  # "Thi hành án dân sự chủ trì ...": a head that names a body alone
        if _PARTY_OF.match(ex.folded, pos) and (groups := _AND_GROUPS.match(ex.folded, end)):
            end = groups.end()  # "Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh"
        scope = self._scope.match(ex.folded, end)  # "Cục Thuế các tỉnh, thành phố ..."
        return [self._respelt(self._mention(ex, start, scope.end() if scope else end))]

    def _respelt(self, mention: Mention) -> Mention:
        """A known name printed with a diacritic off ("Bộ Xây dụng", "Sở Tài chinh") is that
        name: the open name has the known name's letters once diacritics are dropped."""
        known = self._bare_known.get(" ".join(fold(mention.name, accents=False).split()))
        return Mention(mention.start, mention.end, known) if known else mention

    def _name_verb_through(self, ex: Expanded, start: int, at: int) -> int:
        """Where an open name ends when the verb-like word at `at` belongs to it: a unit word
        follows within a few words of the name ("Ban Quản lý dự án đầu tư xây dựng tỉnh",
        "... xây dựng các công trình giao thông tỉnh"); 0 when none does."""
        verb = self._name_verb.match(ex.folded, at)
        if not verb:
            return 0
        end = verb.end()
        # a project board's long name reaches further ("Ban Quản lý dự án đầu tư xây dựng các
        # công trình dân dụng và công nghiệp tỉnh"), over no other verb
        long = self._long_name.match(ex.folded, start)
        for _ in range(9 if long else 6):
            w = _WORD.match(ex.folded, end)
            if not w or (self._not_name.match(ex.folded, w.start(1)) and w.group(1) != "các"):
                return 0
            if long and self._stop.match(ex.folded, w.start(1)):
                return 0
            if self._name_unit.match(ex.folded, w.start(1)):
                return w.start(1)
            end = w.end()
        return 0

    def _listed_part(self, ex: Expanded, end: int) -> int:
        """After a name word, a comma and a part of the same name listed with "và" ("Phòng
        Kinh tế, Hạ tầng và Đô thị", "Trung tâm Văn hóa, Thể thao và Truyền thanh"): where
        the part after "và" starts; 0 when the comma ends the name."""
        m = _LISTED_PART.match(ex.text, end)
        if not m or self.match_one(ex, m.start(1)) or self._stop.match(ex.folded, m.start(1)):
            return 0
        return m.end()

    def _rule_category(self, ex: Expanded, pos: int, bare: bool) -> list[Mention]:
        """An obliged party that is a category, printed as found up to its verb ("Chủ đầu
        tư các dự án có trách nhiệm ...", "các chủ đầu tư khẩn trương ...")."""
        m = self._category.match(ex.folded, pos)
        if not m:
            return []
        end, words = m.end(), 0
        while words < 8 and (w := _WORD.match(ex.text, end)):
            at = w.start(1)
            if self._stop.match(ex.folded, at) or self._starts_mention(ex, at):
                break
            if ex.folded.startswith("và ", at) and (
                self._starts_mention(ex, at + 3) or self._rule_form(ex, at + 3, True)
            ):  # "chủ đầu tư và Tổ chức làm nhiệm vụ bồi thường ..., lập ..."
                break
            end, words = w.end(), words + 1
        after = skip_space(ex.folded, end)
        if after >= len(ex.folded) or ex.folded[after] in "\n:":
            return []  # a title line or a label ("1. Nhà đầu tư"), not an actor
        return [self._mention(ex, pos, end)]

    def is_anaphoric(self, name: str) -> bool:
        """A group standing for the bodies a list above named ("Các đơn vị nêu trên")."""
        return bool(self._group.fullmatch(fold(name))) and bool(self._anaphoric.search(fold(name)))

    def is_category(self, name: str) -> bool:
        """A name that is an obliged category ("Chủ đầu tư các dự án"), not a body."""
        return bool(self._category.match(fold(name)))

    def _rule_form(self, ex: Expanded, pos: int, bare: bool) -> list[Mention]:
        """A body named by form: a capitalised head word ("Tổ chức", "Hội đồng", "Quỹ",
        "Sở", "Các Cục") and the words up to an obligation verb in the same sentence ("Tổ
        chức làm nhiệm vụ bồi thường, hỗ trợ và tái định cư có trách nhiệm ..."). A head
        followed by a function word or directly by the verb is none ("Tổ chức thực hiện")."""
        if not _is_capital(ex.text, pos):  # the cheap tests first: most positions fail them
            many = _MANY.match(ex.folded, pos)  # "các Vụ, Cục liên quan thuộc Bộ"
            if not (many and _is_capital(ex.text, many.end())):
                return []
        m = self._form_head.match(ex.folded, pos)
        if not m:
            return []
        # a head that is also a verb ("Tổ chức tập huấn ...") needs a verb only a subject takes
        # ... unless a name follows it ("Tổ chức làm nhiệm vụ bồi thường, hỗ trợ ... lập ...")
        named = bool(self._verb_head_name.match(ex.folded, pos))
        verb_head = self._verb_head.match(ex.folded, pos) and not named
        verbs = self._strong if verb_head else self._obligation
        first = _FIRST_LETTER.match(ex.text, m.end())
        if (
            first
            and self._stop.match(ex.folded, first.start(1))
            and self._title_before.search(ex.folded, max(0, pos - 30), pos)
        ):
            return [self._mention(ex, pos, m.end())]  # "Giám đốc Sở chỉ đạo ...": the Sở
        if first and first.group(1).islower() and not named and not m.group().startswith("các"):
            verbs = self._strong  # "Quỹ đất dành cho ...", "Đội ngũ cán bộ ...": a noun, unless
            # a verb only a subject takes follows ("Trung tâm đào tạo nghề ... có trách nhiệm")
        end, words = m.end(), 0
        while words < 14 and (w := _LISTED_WORD.match(ex.text, end)):
            at = w.start(1)
            if verbs.match(ex.folded, at):
                return [self._mention(ex, pos, end)] if words else []
            listed = named and "," in ex.text[w.start() : at]  # "..., hỗ trợ và tái định cư"
            if (
                verb_head
                and "," in ex.text[w.start() : at]
                and _is_capital(ex.text, at)
                and (self._known.match(ex.folded, at) or self._form_head.match(ex.folded, at))
            ):
                return []  # "Tổ chức Hội nghị sơ kết ..., Sở Nội vụ chủ trì": an action
            if (
                words
                and verbs is self._obligation
                and not listed
                and self._stop.match(ex.folded, at)
            ):
                return [self._mention(ex, pos, end)]  # "Các cấp, ngành chủ động ..."
            members = (
                words
                and not verb_head  # not "Tổ chức kiểm tra các đơn vị ..."
                and ex.folded.startswith("các ", at)
                and self._group.match(ex.folded, at)
            )
            if members:  # "Trung tâm đào tạo nghề của tỉnh và các huyện, thị có trách nhiệm"
                end, words = members.end(), words + 1
                continue
            if self._not_name.match(ex.folded, at) and not (
                ex.folded.startswith("của", at) and self._suffix.match(ex.folded, at + 3)
            ):
                return []
            if words == 0 and not _is_capital(ex.text, at) and ex.folded.startswith("của", at):
                return []
            end, words = w.end(), words + 1
        return []

    def _rule_pronoun(self, ex: Expanded, pos: int, bare: bool) -> list[Mention]:
        m = self._pronoun.match(ex.folded, pos)
        return [self._mention(ex, m.start(), m.end())] if m else []

    _rules: tuple[Callable[..., list[Mention]], ...] = (
        _rule_list_head,
        _rule_known,
        _rule_unit,
        _rule_group,
        _rule_open,
        _rule_category,
        _rule_form,
        _rule_pronoun,
    )

    def opens_group(self, ex: Expanded, pos: int) -> bool:
        """A group noun or a unit word starts at pos ("thành phố trực thuộc Trung ương")."""
        return bool(self._group.match(ex.folded, pos) or self._name_unit.match(ex.folded, pos))

    def ends_name(self, ex: Expanded, pos: int) -> bool:
        """A word that ends a name (a verb of the clause: `stop_words`) starts at pos."""
        return bool(self._stop.match(ex.folded, pos))

    def relevance_tail(self, ex: Expanded, pos: int) -> int:
        """The end of a qualifier closing a group before the list goes on ("... có liên quan
        và ..."), or 0."""
        m = self._relevance_tail.match(ex.folded, pos)
        return m.end() if m else 0

    def _starts_mention(self, ex: Expanded, pos: int) -> bool:
        return bool(
            self._known.match(ex.folded, pos)
            or self._unit_body.match(ex.folded, pos)
            or (ex.folded.startswith("các ", pos) and self._group.match(ex.folded, pos))
        )

    def _mention(self, ex: Expanded, start: int, end: int) -> Mention:
        printed = ex.text[start:end]
        known = self._names.get(printed)
        if known is None:
            name = " ".join(printed.split()).strip(" ,;-–")
            size = len(name)
            if _GLUED.search(name) or _GLUED_JOINER_CUE.search(name):
                name = _unglued(name)
            if len(self._names) >= 4096:
                self._names.clear()
            known = self._names[printed] = (size, name[:1].upper() + name[1:])
        return Mention(start, start + known[0], known[1])

    # -- search ------------------------------------------------------------------------------
    def find_all(self, ex: Expanded) -> list[Mention]:
        """Every mention in the text, left to right, non-overlapping."""
        return [m for got in self._scan(ex, len(ex.folded)) for m in got]

    def names_before(self, ex: Expanded, before: int) -> bool:
        """`find_all(ex)` holds a mention starting before `before`: its scan, stopped there
        (a word starting from `before` on gives mentions starting there or later)."""
        return any(g.start < before for got in self._scan(ex, before) for g in got)

    def _scan(self, ex: Expanded, stop: int) -> Iterator[list[Mention]]:
        """`match_one` at each word start before `stop` not inside an earlier match, lazily."""
        pos = 0
        for m in _WORD_STARTS.finditer(ex.folded, 0, stop):
            if m.start() < pos:
                continue
            got = self.match_one(ex, m.start())
            if got:
                yield got
                pos = got[-1].end

    def is_stop(self, ex: Expanded, pos: int) -> bool:
        return bool(self._stop.match(ex.folded, pos))


# What `_rule_list_head`'s forms open with: `_list_head` ("các bộ", "bộ", "sở"),
# member_lists' head ("ủy ban nhân dân các ...", "công an các ..."), `_MEMBERS_HEAD` ("các")
LIST_HEAD_OPENINGS = ("các", "bộ", "sở", "ủy", "công")
# the words `province_members` opens with (its `_HEAD`), and `_MEMBERS_HEAD` "các"
_PROVINCE_MEMBERS_OPENINGS = ("ủy", "công")

# two capitalised syllables a web copy glued together ("tỉnh KhánhHòa", "Tây NamBộ"): one of
# them Vietnamese (a letter outside ASCII), so brand names ("MobiFone", "VinaPhone") stay
_GLUED = re.compile(rf"(?<![{UPPER}{LOWER}])[{UPPER}][{LOWER}]+(?=[{UPPER}][{LOWER}])")
# a lower-case letter right before a capital: where a glued joining word can end
_GLUED_JOINER_CUE = re.compile(rf"[{LOWER}][{UPPER}]")
_GLUED_PAIR = re.compile(rf"(?<![{UPPER}{LOWER}])([{UPPER}][{LOWER}]+)([{UPPER}][{LOWER}]+)\b")


def _unglued(name: str) -> str:
    """The name with its glued syllable pairs spaced again, and a joining word glued to the
    capitalised word after it ("Bộ Tài nguyên vàMôi trường"; agencies.yaml `glued_joiners`)."""

    def space(m: re.Match[str]) -> str:
        pair = m.group(0)
        return f"{m.group(1)} {m.group(2)}" if not pair.isascii() else pair

    return _glued_joiner().sub(r"\1 ", _GLUED_PAIR.sub(space, name))


@lru_cache(maxsize=1)
def _assigned_members() -> re.Pattern[str]:
    """A group's relative clause of assignment, then its members in brackets: "các sở được
    giao chủ trì theo dõi các chỉ số (gồm: ..." (`assigned_relatives` in agencies.yaml)."""
    words = "|".join(w.replace(" ", r"\s+") for w in load_vocab("agencies")["assigned_relatives"])
    return re.compile(rf"\s+(?:{words})\b[^.;:()\n]{{0,200}}?\(\s*(?:bao\s+)?gồm\s*:?\s*")


@lru_cache(maxsize=1)
def _glued_joiner() -> re.Pattern[str]:
    words = "|".join(map(re.escape, load_vocab("agencies")["glued_joiners"]))
    return re.compile(rf"(?<![{UPPER}{LOWER}])({words})(?=[{UPPER}][{LOWER}])")


# compiled once: the rules below run at every position a name may start
_WORD_STARTS = re.compile(r"(?<!\w)\w")  # where `find_all` tries a name
_MANY = re.compile(r"các\s+")
_WORD = re.compile(r"[ \t]+([^\s,;.:()“”\"]+)")
_LISTED_WORD = re.compile(r"[ \t]*,?[ \t]+([^\s,;.:()“”\"]+)")
_FIRST_LETTER = re.compile(r"[ \t]+(\w)")
_NAME_DASH = re.compile(r"[ \t]*[-–][ \t]*")
# a group, then its members: "..., gồm các Sở: ...", "..., gồm: Báo X, ...", "... của tỉnh: Báo X"
_SPELLED_OUT = re.compile(r"\s*,?\s*(?:(?:bao\s+)?gồm(?:\s*:)?\s+|:[ \t]*(?=\S))")
_CLOSE_BRACKET = re.compile(r"\s*\)")
_SPACES = re.compile(r"\s+")
_DOMAIN_SEP = re.compile(r"\s*(?:[,;]|\bvà\b)\s*")  # "Các Sở: Y tế; Nội vụ"
_PLACE_WORD = re.compile(rf"[ \t]+(?=[{UPPER}])[^\s,;.:()]+")
_PLACE_DASHED = re.compile(rf"[ \t]*[-–][ \t]*(?=[{UPPER}])[^\s,;.:()]+")  # "Bà Rịa - Vũng Tàu"

# ", Hạ tầng và Đô thị": a capitalised part, up to three more words, "và", a capitalised word
_LISTED_PART = re.compile(
    rf",[ \t]+([{UPPER}][^\s,;.:()]*(?:[ \t]+[^\s,;.:(){UPPER}][^\s,;.:()]*){{0,3}})[ \t]+và"
    rf"(?=[ \t]+[{UPPER}])"
)
# "các Vụ, Cục", "các Công ty ...": bodies of a form, a group of their own after "và"
_MANY_HEADS = re.compile(rf"[ \t]*các[ \t]+[{UPPER}]")
_MEMBERS_HEAD = re.compile(r"các\s+(?:cơ\s+quan|đơn\s+vị)(?:\s+(?:có\s+)?liên\s+quan)?\s*:\s*")
_PARTY_OWNER = re.compile(r"(?:tỉnh|thành|huyện|đảng|quân)\s+ủy\b(?!\s+quyền)")  # not "ủy quyền"
_PARTY_OF = re.compile(r"(?:các\s+)?(?:đảng\s+ủy|đảng\s+đoàn|ban\s+cán\s+sự\s+đảng)\s")
_AND_GROUPS = re.compile(
    r"\s*,\s*các\s+đ(?:oà|òa)n\s+thể(?:\s+(?:tỉnh|thành\s+phố|trung\s+ương))?\b"
)
_NOTE = re.compile(r"\s*\((?![^()]*phối\s+hợp)[^()]{1,120}\)")


# a separator inside a chain of group nouns, and a capitalised word followed by another one:
# a known name or an open name's head ("Sở Y tế", "Ban Quản lý ..."), which a chain does not
# take ("Các Bộ, Ngành Trung ương" stays one group)
_GROUP_SEP = re.compile(r"\s*,\s*(?:các\s+)?|\s+và\s+")
_NAME_AFTER = re.compile(rf"[{UPPER}]\w*[ \t]+[{UPPER}]")
# "(chủ trì)" after a listed name: the names up to it lead, the others coordinate
_CHAIR_MARK = re.compile(r"\s*\(\s*chủ\s+trì\s*\)")


def chair_marked(ex: Expanded, found: list[Mention]) -> int:
    """How many names of a list lead when "(chủ trì)" follows one ("Sở Y tế (chủ trì), Sở
    Tài chính, Sở Xây dựng (phối hợp)" -> 1): the names up to the mark; 0 without a mark."""
    for i, m in enumerate(found):
        if _CHAIR_MARK.match(ex.folded, m.end):
            return i + 1
    return 0


def _is_titled(word: str) -> bool:
    """A name word: capitalised, not a word printed in capitals."""
    return word[:1].isupper() and not word.isupper()


def _is_capital(text: str, pos: int) -> bool:
    return pos < len(text) and text[pos].isupper()


@lru_cache(maxsize=8)
def get_matcher(directory: tuple[str, ...] = ()) -> AgencyMatcher:
    """The compiled matcher for a directory (agency names and aliases given by the caller)."""
    return AgencyMatcher(load_vocab("agencies"), directory)
