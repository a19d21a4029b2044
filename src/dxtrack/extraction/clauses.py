"""The body as a clause tree: parts, Roman sections, articles, 1. / 1.1., a), (1), (i), dashes.

Markers are a ranked table; a paragraph with a marker opens a node under the nearest
open node of lower rank; a paragraph without one continues the current node.
Vietnamese letter order (a b c d đ e g h i k l m n) is checked so that a wrapped
line starting with "e)" after "c)" does not break the tree. A numbered list in another
style under an item that opens a list ("2. Sở X có trách nhiệm:" over "1)", "2)") is a
level of its own; a list run together on one line ("sau: a) ...; b) ...") is split into
its items.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from dxtrack.extraction.normalize import Paragraph
from dxtrack.extraction.textutil import (
    ARTICLE_DAMAGED,
    ATTRIBUTE,
    LEVEL_BLOCK,
    NEXT_ATTRIBUTE,
    TIME_KEY,
    is_upper_line,
)
from dxtrack.extraction.vocab import load as load_vocab
from dxtrack.vn import UPPER

LETTERS = "abcdđeghiklmnopqrstuvxy"
# numbered clauses (not parts, dashes or loose text): what makes a document "structured"
ITEM_KINDS = frozenset({"roman", "number", "letter", "article", "paren", "lroman"})
ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")

# "PHẦN THỨ HAI": a part numbered by an ordinal word (data/layout.yaml part_ordinals)
_PART_ORDINAL = re.compile(
    r"^(?:PHẦN|Phần)\s+(?:THỨ|[Tt]hứ)\s+("
    + "|".join(w for o in load_vocab("layout")["part_ordinals"] for w in (o, o.upper()))
    + r")\b[.:]?\s*"
)

# "Nhiệm vụ 1. Rà soát ...", "HOẠT ĐỘNG 2: ...": a plan's item numbered by a word
# (data/layout.yaml item_words)
_ITEM_WORD = re.compile(
    r"^(?:"
    + "|".join(w for o in load_vocab("layout")["item_words"] for w in (o, o.upper()))
    + r")\s+(\d{1,2})\s*[.:)]\s+(?=\S)"
)

# (kind, pattern, rank): lower rank encloses higher rank.
MARKERS: list[tuple[str, re.Pattern[str], float]] = [
    ("part", re.compile(r"^(?:PHẦN|Phần|CHƯƠNG|Chương)\s+([IVXLC]+|\d+)\b[.:]?\s*"), 0),
    ("part", _PART_ORDINAL, 0),
    # "B. NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP" over Roman items: a lettered section (title in capitals)
    ("section", re.compile(rf"^([A-HĐ])\.\s+(?=[{UPPER}]{{2,}})"), 0.5),
    # (not a line that a wrapped citation opens: "... quy định tại khoản 6" / "Điều 22 Luật
    # BHYT:", the article of a law, decree or circular with no stop after its number)
    (
        "article",
        re.compile(
            r"^(?:Điều|ĐIỀU)\s+(\d+)(?![\d\s]*(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị\s+định|Thông\s+tư)\s)"
            r"\s*[.:]?\s*"
        ),
        1,
    ),
    ("article", re.compile(rf"^(?={ARTICLE_DAMAGED})\D+(\d+)\s*[.:]\s*"), 1),  # "Điêu 2."
    ("roman", re.compile(r"^([IVXLC]{1,6})\s?[.)/\-–]\s+"), 1),
    ("roman", re.compile(rf"^([IVXLC]{{1,6}})\.(?=[{UPPER}]{{2}})"), 1),  # "II.NHIỆM VỤ"
    # "II.1. Công an tỉnh ...": an item numbered with its section's roman numeral in front
    ("number", re.compile(r"^(?:[IVX]{1,5})\.(\d{1,2}(?:\.\d{1,2})*)\.?\s+(?=\S)"), 2),
    # "2.1.a. Thành lập ...": a lettered item printed with its number in front, a letter of
    # the open "2.1." item (like "a)")
    ("letter", re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.([a-zđ])[.)]\s+(?=\S)"), 3),
    ("number", re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+"), 2),
    ("number", re.compile(rf"^(\d{{1,2}}(?:\.\d{{1,2}})+)\.(?=[{UPPER}])"), 2),  # "1.1.Triển khai"
    ("number", re.compile(r"^(\d{1,2})[.)/]\s*(?=[^\d\s/])"), 2),
    ("number", re.compile(rf"^(\d{{1,2}})[-–]\s+(?=[{UPPER}])"), 2),  # "1- Sở Nội vụ ..."
    ("number", _ITEM_WORD, 2),
    ("letter", re.compile(r"^([a-zđ])\)\s*"), 3),
    ("letter", re.compile(r"^([a-zđ])/\s+(?=\S)"), 3),  # "a/ Sở Y tế ...", like "1/"
    ("letter", re.compile(rf"^([a-zđ])\.\s+(?=[{UPPER}])"), 3),
    # "(1) Rà soát ...", "(2). Xem xét ...": a level under the item (or letter) above
    ("paren", re.compile(r"^\((\d{1,2})\)\.?\s*(?=\S)"), 3.5),
    # "(i) ...", "(ii). ...", "iii) ...": small Roman numerals
    ("lroman", re.compile(r"^\(([ivx]{1,5})\)\.?\s*(?=\S)"), 3.6),
    ("lroman", re.compile(r"^([ivx]{2,5})[.)]\s+(?=\S)"), 3.6),
    ("dash", re.compile(r"^[-–—•]\s*"), 4),
    ("plus", re.compile(r"^[+*]\s*"), 5),
]


def _one_alternation(
    markers: list[tuple[str, re.Pattern[str], float]],
) -> tuple[re.Pattern[str], dict[int, tuple[int, int]]]:
    """The markers' patterns (each anchored by "^", without flags) as one alternation, tried
    in their order as the loop over them tried them (the first that matches wins), each
    followed by an empty group that tells it matched (`Match.lastindex`): one match per
    paragraph instead of one per marker. Returns the pattern and, by that group's index,
    the marker's place in the list and the index of its own first group."""
    parts: list[str] = []
    which: dict[int, tuple[int, int]] = {}
    index = 1
    for i, (_, pattern, _) in enumerate(markers):
        if not pattern.pattern.startswith("^") or pattern.flags & ~re.UNICODE:
            raise ValueError(f"not an anchored marker: {pattern.pattern!r}")
        parts.append(f"(?:{pattern.pattern[1:]}())")
        which[index + pattern.groups] = (i, index)
        index += pattern.groups + 1
    return re.compile("^(?:" + "|".join(parts) + ")"), which


_MARKER, _MARKER_OF = _one_alternation(MARKERS)

# "Mục 1" / "MỤC 2. CƠ QUAN CẤP XÃ" between a chapter and its articles: a part of the
# text (not in the path) when nothing but a title in capitals follows its number.
_MUC = re.compile(r"^(?:MỤC|Mục)\s+(\d{1,2}|[IVXLC]{1,5})\s*(?:[.:\-–]\s*)?")


@dataclass
class Node:
    kind: str
    label: str
    rank: float
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    marker_len: int = 0  # characters of the marker in the first paragraph
    attributes: dict[str, str] = field(default_factory=dict)
    style: str = ""  # a number's punctuation ("." in "1.", ")" in "1)")
    # `own_text` and `heading_text` as last worked out, with what they were worked out from
    # (the paragraphs' list, its length, the marker's length): read many times per node by the
    # field finders, worked out again only when the node has changed since
    _texts: tuple[object, int, int, str, str] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def path(self) -> str:
        labels: list[str] = []
        node: Node | None = self
        while node is not None and node.kind != "root":
            if node.kind not in {"part", "dash", "plus"}:
                labels.append(node.label)
            node = node.parent
        labels.reverse()
        # "7" followed by "7.1" is one level: keep the longer label only.
        out: list[str] = []
        for label in labels:
            if out and label.startswith(out[-1] + "."):
                out[-1] = label
            else:
                out.append(label)
        return ".".join(out)

    @property
    def own_text(self) -> str:
        """The node's text without its marker, continuation paragraphs included."""
        return self._current_texts()[3]

    @property
    def heading_text(self) -> str:
        return self._current_texts()[4]

    def _current_texts(self) -> tuple[object, int, int, str, str]:
        """`_texts`, worked out again when the node changed since (paragraphs or marker)."""
        texts = self._texts
        paras = self.paragraphs
        if (
            texts is None
            or texts[0] is not paras
            or texts[1] != len(paras)
            or texts[2] != self.marker_len
        ):
            return self._work_texts()
        return texts

    def _work_texts(self) -> tuple[object, int, int, str, str]:
        """`own_text` and `heading_text` worked out (and kept in `_texts`)."""
        paras = self.paragraphs
        if not paras:
            own = heading = ""
        else:
            first = paras[0].text[self.marker_len :]
            own = "\n".join([first] + [p.text for p in paras[1:]]).strip()
            heading = first.strip()
        self._texts = (paras, len(paras), self.marker_len, own, heading)
        return self._texts

    def ancestors(self) -> list[Node]:
        out: list[Node] = []
        node = self.parent
        while node is not None and node.kind != "root":
            out.append(node)
            node = node.parent
        return out

    def walk(self):
        for child in self.children:
            yield child
            yield from child.walk()


# A plan's capital-letter sections over its Roman ones ("A. MỤC ĐÍCH, YÊU CẦU", "B. NỘI
# DUNG, NHIỆM VỤ", "C. ...", "D. TỔ CHỨC THỰC HIỆN"): a heading in capitals; "C" and "D" are
# these letters, not Roman numerals.
_SECTION = re.compile(r"^([A-HĐ])\.\s+(?=\S)")
SECTIONS = "ABCDĐEFGH"


_WORDY = re.compile(r"\w")
# kinds whose marker opens its text on the same line ("Điều 2." and "Chương I" may stand alone
# over their title)
_CONTENT_KINDS = frozenset({"number", "letter", "paren", "lroman"})


def match_marker(text: str) -> tuple[str, str, float, int] | None:
    section = _SECTION.match(text)
    if section and is_upper_line(text[section.end() :]):
        return "section", section.group(1), 0.5, section.end()
    muc = _MUC.match(text) if text[:1] == "M" else None
    if muc and (muc.end() == len(text) or is_upper_line(text[muc.end() :])):
        return "part", muc.group(1), 0.2, muc.end()
    m = _MARKER.match(text)  # the first of MARKERS that matches
    if not m or m.lastindex is None:
        return None
    at, first = _MARKER_OF[m.lastindex]
    kind, pattern, rank = MARKERS[at]
    if kind in _CONTENT_KINDS and not _WORDY.search(text, m.end()):
        return None  # "(24)." under the Nơi nhận list: a copy count, no item
    label = m.group(first) if pattern.groups else ""
    if kind == "number" and "." in label:
        rank = 2 + 0.1 * label.count(".")
    return kind, label, rank, m.end()


def build_tree(
    paragraphs: list[Paragraph],
    *,
    is_closing=lambda text, anywhere=False: False,
    after_table: set[int] | frozenset[int] = frozenset(),
    names_actor: Callable[[str], bool] | None = None,
    names_agencies: Callable[[str], bool] | None = None,
    ends_items: Callable[[str], bool] | None = None,
) -> Node:
    """Clause tree of the body. A closing paragraph ("Trân trọng", "Thông tin liên hệ:")
    opens a top-level "closing" node that takes the dash lines after it. Unmarked
    paragraphs right after a table (`after_table`: the first one's start) are no part of
    the item before the table but loose text (a note under it: "(*) ...", "Thời gian ...
    sẽ được điều chỉnh ...", "Ghi chú:" over dash lines); the next numbered item goes on
    from the item before the table. `names_actor(text)`: the text opens with an agency;
    given, a list run together on one line whose items each name their actor is split
    into its items (`inline_items`). `names_agencies(text)`: the text only names agencies;
    given, such an unmarked line over dash items (a web copy's bold "**Sở Xây dựng**") heads
    them (`_agency_label`). `ends_items(text)`: an unmarked paragraph that closes the items
    with a duty of its own (a closing formula with a dated rider); given, it leaves the item
    above for the top level."""
    root = Node("root", "", -1)
    current = root
    resume: Node | None = None  # the item a note after a table interrupted
    items = (
        [item for whole in paragraphs for item in inline_items(whole, names_actor, names_agencies)]
        if names_actor is not None
        else paragraphs
    )
    one = _one_read_as_letter(items)
    romans = _damaged_romans(items)
    for at, para in enumerate(items):
        marker = match_marker(para.text) if para is not one else _item_one(para.text)
        marker = romans.get(id(para), marker)
        if marker is None and para.start in after_table and current.kind != "closing":
            resume = resume or current
            current = root
        elif marker is not None and marker[0] not in {"dash", "plus"} and resume is not None:
            current, resume = resume, None  # the next item goes on from where the table was
        if (
            (marker is None or marker[0] in {"dash", "plus"})
            and current.kind != "closing"
            and is_closing(para.text, anywhere=marker is None and not _opens_list(items, at))
        ):
            current = Node("closing", "", 0.5, [para], parent=root)
            root.children.append(current)
            continue
        if marker and _attribute(para.text) and current is not root:
            if _after_blocks(current, marker[0]):
                current = current.parent  # type: ignore[assignment]
            marker = None  # "- Cơ quan chủ trì: ..." belongs to the item above
        if marker and marker[0] == "section" and not is_upper_line(para.text[marker[3] :]):
            marker = None  # "A. Nguyễn Văn B" or a sentence, not a section in capitals
        marker = _lost_stroke(current, marker) if marker and marker[1] == "d" else marker
        marker = (
            _ocr_letter(current, para.text)
            or _ocr_number(current, para.text, marker)
            or marker
            or _stray_before_letter(current, para.text)
        )
        style = _style(marker, para.text)
        if marker and style:
            marker = _nested_style(current, marker, style)
        if marker and not _plausible_next(current, marker, para.text):
            marker = _small_roman(current, marker)
        marker = marker or _comma_number(current, para.text) or _level_block(current, para.text)
        if marker is None and names_agencies is not None:
            marker = _agency_label(current, items, at, names_agencies)
        if marker is None and _agency_label_node(current) and is_upper_line(para.text):
            current = current.parent  # type: ignore[assignment]  # a section title ends its scope
        if (
            marker is None
            and (current.kind in ITEM_KINDS or current.kind in {"dash", "plus"})
            and ends_items is not None
            and ends_items(para.text)
        ):
            current = _attach(root, para)  # a paragraph of the letter's own, after the items
            continue
        if marker is None:
            current = _attach(current, para)
            continue
        kind, label, rank, length = marker
        if kind == "article":
            label = f"Điều {label}"
        parent = current
        if kind not in {"dash", "plus"} and _inside_closing(current):
            parent = root  # a new clause after "Nơi nhận"/signature: e.g. an attached plan
        while parent.kind != "root" and (
            parent.rank >= rank or (kind == "article" and _section_in_article(parent))
        ):
            if kind == "roman" and _roman_in_article(parent, items, at, para.text[length:]):
                break
            parent = parent.parent  # type: ignore[assignment]
        node = Node(kind, label, rank, [para], parent=parent, marker_len=length, style=style)
        attr = _attribute(para.text[length:])
        if kind in ITEM_KINDS and attr:
            _add_attributes(node, *attr)  # "1. Cơ quan chủ trì: Sở Y tế" over "Nội dung: ..."
        if attr and _closing_time_line(parent, kind, attr[0]):
            _add_attributes(parent, *attr)
        parent.children.append(node)
        current = node
    _step_time_lines(root)
    return root


def _step_time_lines(root: Node) -> None:
    """A time line that closes every step of a list the same way ("2.2. Bước 2: ..." /
    "Thời gian hoàn tất: trước ngày ..."), printed in a step with lettered parts after its
    last part ("2.1. Bước 1:" / "a) ..." / "b) ..." / "Thời gian hoàn tất: ..."): the step's
    time line, which holds for each part (FORMAT.md: timing lines belong to their item)."""
    for step in list(root.walk()):
        last = step.children[-1] if step.children else None
        if step.kind != "number" or last is None or last.kind != "letter" or step.attributes:
            continue
        keys = [k for k in last.attributes if _TIME_KEY.match(k)]
        if len(keys) != 1 or step.parent is None:
            continue
        alike = [c for c in step.parent.children if c is not step and c.kind == step.kind]
        if sum(1 for c in alike if keys[0] in c.attributes) >= 2:
            step.attributes[keys[0]] = last.attributes.pop(keys[0])


def _roman_in_article(article: Node, items: list[Paragraph], at: int, title: str) -> bool:
    """A Roman section of an article's own text ("Điều 1. Tán thành ..." / "I. Về tình hình
    ..." / "II. Về nhiệm vụ ..." / "Điều 2."): its title is a sentence, not a plan's heading
    in capitals, and the next article follows it; it goes under the article (clause path
    "Điều 1.II.1"). A plan inlined in an article keeps its own numbering ("II.1")."""
    if article.kind != "article":
        return False
    if any(c.kind == "roman" for c in article.children):
        return True  # "II." after "I." that went under the article
    if is_upper_line(title) or not title[:1].isupper():
        return False
    after = f"Điều {int(article.label.split()[-1]) + 1}"
    for later in items[at + 1 :]:
        if later.text.startswith(after) and later.text[len(after) : len(after) + 1] in ".: ":
            return True
    return False


def _section_in_article(node: Node) -> bool:
    """A lettered section ("C. TỔ CHỨC THỰC HIỆN") of a text inlined in an article (it comes
    after one): the next article ("Điều 2.") closes it, it does not go under it."""
    if node.kind != "section" or node.parent is None:
        return False
    return any(a.kind == "article" for a in [*node.ancestors(), *node.parent.children])


# "I." or "l." where OCR lost the digit one: the list then goes on "2.", "3." with no "II."
_ONE_AS_LETTER = re.compile(rf"^[Il][.)]\s+(?=[{UPPER}])")
_TWO = re.compile(r"^2[.)/]\s*(?=[^\d\s/])")
_ROMAN_TWO = re.compile(r"^II\s?[.)/\-–]\s+")


def _one_read_as_letter(paragraphs: list[Paragraph]) -> Paragraph | None:
    """The first "I." whose next numbered paragraph is "2." (no "II." anywhere): item 1."""
    if any(_ROMAN_TWO.match(p.text) for p in paragraphs):
        return None
    for i, para in enumerate(paragraphs):
        if _ONE_AS_LETTER.match(para.text):
            for nxt in paragraphs[i + 1 :]:
                marker = match_marker(nxt.text)
                if marker and marker[0] in {"roman", "number", "article", "part", "section"}:
                    return para if _TWO.match(nxt.text) else None
            return None
    return None


# a Roman heading in capitals whose numeral OCR damaged: "HI- TỔ CHỨC THỰC HIỆN" for III,
# "1- MỤC ĐÍCH, YÊU CẦU" for I, "Il." for II
_DAMAGED_ROMAN = re.compile(r"^([IVXHl1|]{1,5})\s?[.\-–)]\s+")
_ROMAN_NUMERALS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _damaged_romans(paragraphs: list[Paragraph]) -> dict[int, tuple[str, str, float, int]]:
    """Roman headings whose numeral reads as the one due once OCR's "H" (for "II") and "l",
    "1", "|" (for "I") are mended; the first one ("1-") only when the next reads "II"."""
    out: dict[int, tuple[str, str, float, int]] = {}
    last = 0  # the Roman numeral reached (1 for I)
    pending: tuple[int, Paragraph, int] | None = None  # a damaged "I" awaiting its "II"
    for para in paragraphs:
        m = _DAMAGED_ROMAN.match(para.text)
        if m is None or not is_upper_line(para.text[m.end() :]):
            continue
        mended = m.group(1).replace("H", "II").translate(str.maketrans("l1|", "III"))
        number = _ROMAN_NUMERALS.index(mended) + 1 if mended in _ROMAN_NUMERALS else 0
        marker = match_marker(para.text)
        if marker is not None and marker[0] == "roman":
            if pending and number == 2:
                out[id(pending[1])] = ("roman", "I", 1, pending[2])
            pending = None
            last = number or last
            continue
        if number and number == last + 1 and last:
            out[id(para)] = ("roman", mended, 1, m.end())
            last = number
        elif number == 1 and not last:
            pending = (1, para, m.end())
            last = 1
    return out


def _item_one(text: str) -> tuple[str, str, float, int] | None:
    m = _ONE_AS_LETTER.match(text)
    return ("number", "1", 2, m.end()) if m else None


def _opens_list(items: list[Paragraph], at: int) -> bool:
    """ "..., Ủy ban nhân dân tỉnh trân trọng đề nghị Bộ X:" over "(i) ...", "(ii) ...": a
    sentence introducing a numbered list, not the letter's closing courtesy."""
    text = items[at].text.rstrip()
    if not text.endswith(":") or at + 1 >= len(items):
        return False
    nxt = match_marker(items[at + 1].text)
    if nxt is not None and nxt[0] in {"dash", "plus"}:
        # "... nghiêm túc thực hiện đúng các cam kết đối với các công trình cụ thể sau:" over
        # "- ..." items: the list's intro names what it asks in its items, no closing
        return _LIST_END.search(text, max(0, len(text) - 20)) is not None
    return nxt is not None and nxt[0] in ITEM_KINDS


_LIST_END = re.compile(r"\b(?:sau|cụ\s+thể)\s*:$")


def _inside_closing(node: Node | None) -> bool:
    while node is not None:
        if node.kind == "closing":
            return True
        node = node.parent
    return False


_POSTAMBLE = re.compile(r"^(?:Vậy|Trên\s+đây|Như\s+vậy|Đề\s+nghị|Yêu\s+cầu)\b")


def _attach(node: Node, para: Paragraph) -> Node:
    """Attach an unmarked paragraph; return the node that is current afterwards."""
    if (
        node.kind == "number"
        and node.parent is not None
        and node.parent.kind == "root"
        and not node.children
        and _POSTAMBLE.match(para.text)
    ):
        node = node.parent  # after the last numbered clause of a letter: its closing part
    if _closes_list(node) or _after_sentence_list(node, para):
        node = node.parent  # type: ignore[assignment]  # "- A;" "- B." then a body paragraph
    if node.kind == "root":
        text = Node("text", "", 9, [para], parent=node)
        node.children.append(text)
        return node
    attr = _attribute(para.text)
    if attr and _block_after_bullets(node):
        node = node.parent  # type: ignore[assignment]  # "- A;" "- B;" then "Đơn vị thực hiện: X"
    if attr:
        _add_attributes(node, *attr)
    node.paragraphs.append(para)
    return node


def _after_blocks(node: Node, kind: str) -> bool:
    """ "- Thời gian hoàn thành: ..." after "- Ở địa phương:" whose own attributes are "+"
    lines: a line of the item above, which holds for each of its blocks."""
    if node.kind != kind or kind != "dash" or node.parent is None or node.parent.kind == "root":
        return False
    return any(p.text.lstrip().startswith("+") and ATTRIBUTE.match(p.text) for p in node.paragraphs)


# Fields of an item numbered under it ("1. Hoàn thiện hạ tầng số" / "1.1. Nội dung: ..." /
# "1.2. Cơ quan chủ trì: Sở X" / "1.3. Thời gian hoàn thành: Quý IV/2025"): its attributes.
_FIELD_NUMBER = re.compile(
    r"^\d{1,2}\.\d{1,2}\.?\s+(?=(?:Nội\s+dung|Cơ\s+quan|Đơn\s+vị|Thời\s+(?:gian|hạn)|Sản\s+phẩm)\b)"
)


def _attribute(text: str) -> tuple[str, str] | None:
    """(key, value) of an attribute line, also one numbered as a field of the item above."""
    if ":" not in text:  # every attribute has its colon (a cheap test: run for every node)
        return None
    number = _FIELD_NUMBER.match(text)
    rest = text[number.end() :] if number else text
    attr = ATTRIBUTE.match(rest)
    return (attr.group(1), rest[attr.end() :]) if attr else None


_TIME_KEY = re.compile(r"^" + TIME_KEY + r"\b", re.IGNORECASE)


def _closing_time_line(parent: Node, kind: str, key: str) -> bool:
    """A marked time line ("- Thời gian thực hiện: Hoàn thành trước ngày ...", "b) Thời
    hạn thực hiện: ...") after sibling items of its own kind under an item that has no time of
    its own: the item's time, which holds for the items above it (FORMAT.md: timing lines
    belong to their item)."""
    if kind not in {"dash", "plus", "letter"} or parent.kind not in ITEM_KINDS:
        return False
    if not _TIME_KEY.match(key) or any(_TIME_KEY.match(k) for k in parent.attributes):
        return False
    return any(c.kind == kind for c in parent.children)


def _add_attributes(node: Node, key: str, value: str) -> None:
    """One attribute line, possibly holding several ("Đơn vị chủ trì: Sở X; thời gian hoàn
    thành: tháng 12/2025")."""
    pos = 0  # offsets into the whole line: three attributes or more on one line
    for nxt in NEXT_ATTRIBUTE.finditer(value):
        node.attributes[" ".join(key.lower().split())] = value[pos : nxt.start()].strip()
        key, pos = nxt.group(1), nxt.end()
    node.attributes[" ".join(key.lower().split())] = value[pos:].strip()


def _block_after_bullets(node: Node) -> bool:
    """An attribute block after several bullets none of which has attributes of its own:
    the bullets are the content of the item above, the block is that item's."""
    parent = node.parent
    if node.kind not in {"dash", "plus"} or parent is None or parent.kind == "root":
        return False
    bullets = [c for c in parent.children if c.kind == node.kind]
    return len(bullets) >= 2 and not any(c.attributes for c in bullets)


def _closes_list(node: Node) -> bool:
    """The last item of a top-level dash list ("- A;", "- B."): the list is over."""
    parent = node.parent
    if node.kind not in {"dash", "plus"} or parent is None or parent.kind != "root":
        return False
    siblings = parent.children
    at = siblings.index(node)
    prev = siblings[at - 1] if at > 0 else None
    return (
        prev is not None
        and prev.kind == node.kind
        and prev.own_text.rstrip().endswith(";")
        and node.own_text.rstrip().endswith(".")
    )


_LEAD_IN_PARA = re.compile(r"^(?:Căn\s+cứ|Trên\s+cơ\s+sở|Sau\s+khi|Ngoài\s+ra)\b")


def _after_sentence_list(node: Node, para: Paragraph) -> bool:
    """A letter's top-level dash list of whole sentences ("- Phối hợp ... ." "- Kịp thời ...
    .") then a paragraph opening a new sentence of the body ("Căn cứ kết quả thí điểm, ...
    Bộ sẽ ..."): the list is over."""
    parent = node.parent
    if node.kind != "dash" or parent is None or parent.kind != "root":
        return False
    at = parent.children.index(node)
    run = [node]
    while at > 0 and parent.children[at - 1].kind == "dash":
        at -= 1
        run.append(parent.children[at])
    return (
        len(run) >= 2
        and all(len(c.paragraphs) == 1 and c.own_text.rstrip().endswith(".") for c in run)
        and bool(_LEAD_IN_PARA.match(para.text))
    )


def _plausible_section(current: Node, label: str) -> bool:
    """A capital-letter section starts at A (or B: "A. MỤC ĐÍCH" may open the text and be
    read as its title) or follows the one before (A, B, C, D)."""
    root = current
    while root.parent is not None:
        root = root.parent
    last = next((n.label for n in reversed(root.children) if n.kind == "section"), None)
    if last is None:
        return label in {"A", "B"}
    return label in SECTIONS and SECTIONS.index(label) == SECTIONS.index(last) + 1


def _plausible_next(current: Node, marker: tuple[str, str, float, int], text: str = "") -> bool:
    """A letter marker must follow its predecessor (a, b, c, d, đ, e ...), or start at a;
    one letter lost by OCR or retyping ("c)" then "đ) Chủ động ...") before a capital."""
    kind, label, rank, length = marker
    if kind == "number" and label.isdigit():
        return _plausible_number(current, int(label), rank)
    if kind == "section":
        return _plausible_section(current, label)
    if kind == "lroman":
        return _plausible_small_roman(current, label)
    if kind != "letter":
        return True
    node: Node | None = current
    while node is not None and node.kind != "root":
        if node.kind == "letter" and node.rank == rank:
            prev = node.label
            step = (
                LETTERS.index(label) - LETTERS.index(prev)
                if label in LETTERS and prev in LETTERS
                else 0
            )
            return (
                step == 1
                or step == 2
                and text[length : length + 1].isupper()
                or (prev, label) == ("d", "e")  # a list printed without "đ"
                or label == "a"
            )
        if node.rank < rank:
            break
        node = node.parent
    return label == "a"


def _lost_stroke(current: Node, marker: tuple[str, str, float, int]) -> tuple[str, str, float, int]:
    """ "d)" right after "d)": the second is "đ)" with its stroke lost (OCR, a font without
    "đ")."""
    kind, _label, rank, length = marker
    node: Node | None = current
    while kind == "letter" and node is not None and node.kind != "root" and node.rank >= rank:
        if node.kind == "letter" and node.rank == rank:
            return (kind, "đ", rank, length) if node.label == "d" else marker
        node = node.parent
    return marker


_OCR_LETTER = re.compile(rf"^8\)\s*(?=[{UPPER}])")
# a letter no Vietnamese list uses ("ø)", "ơ)"), read by OCR where one is due
_OCR_ODD_LETTER = re.compile(rf"^[^\W\d_a-zA-ZđĐ]\)\s*(?=[{UPPER}])")


def _ocr_letter(current: Node, text: str) -> tuple[str, str, float, int] | None:
    """ "8)" where a letter is due (OCR reads "a" and "g" as 8): the first item under a
    heading numbered "7." that has none yet is a), the item after e) is g)."""
    odd = _OCR_ODD_LETTER.match(text)
    if odd:
        due = _due_letter(current)
        return ("letter", due[0], due[1], odd.end()) if due else None
    m = _OCR_LETTER.match(text)
    node: Node | None = current
    while m and node is not None and node.kind in {"dash", "plus"}:
        node = node.parent
    if not m or node is None:
        return None
    if node.kind == "letter" and node.label == "e":
        return ("letter", "g", node.rank, m.end())
    first = node.paragraphs[0].text[: node.marker_len] if node.paragraphs else ""
    if node.kind == "number" and not node.children and first.rstrip().endswith("."):
        return ("letter", "a", 3, m.end())
    return None


def _due_letter(current: Node) -> tuple[str, float] | None:
    """The letter that follows the open lettered item ("e)" open: "g"), and its rank."""
    node: Node | None = current
    while node is not None and node.kind in {"dash", "plus"}:
        node = node.parent
    if node is None or node.kind != "letter" or node.label not in LETTERS[:-1]:
        return None
    return LETTERS[LETTERS.index(node.label) + 1], node.rank


# OCR specks before a letter marker: "_b) Chỉ đạo ...", "„ d) Chịu trách nhiệm ...", ".b) ..."
_STRAY = re.compile(r"^[_„“”\"'‘’.,`·]{1,2}[ \t]?([a-zđ])\)\s+")


def _stray_before_letter(current: Node, text: str) -> tuple[str, str, float, int] | None:
    """A letter marker behind an OCR speck, taken when that letter is the one due."""
    stray = _STRAY.match(text)
    due = _due_letter(current) if stray else None
    if stray is None or due is None or stray.group(1) != due[0]:
        return None
    return "letter", due[0], due[1], stray.end()


def _level_block(current: Node, text: str) -> tuple[str, str, float, int] | None:
    return ("dash", "", 4, 0) if current.kind != "root" and LEVEL_BLOCK.match(text) else None


def _agency_label_node(node: Node) -> bool:
    return node.kind == "dash" and node.rank == _LABEL_RANK and node.marker_len == 0


_LABEL_RANK = 3.9  # an agency line heading dash items: above the dashes, not in the path


def _agency_label(
    current: Node, items: list[Paragraph], at: int, names_agencies: Callable[[str], bool]
) -> tuple[str, str, float, int] | None:
    """An unmarked line that only names agencies, right above a dash or "+" item (a web
    copy's bold "**Sở Xây dựng**" over its duties): a level above the dashes, not in the
    path, heading them."""
    text = items[at].text.strip()
    if current.kind == "closing" or _inside_closing(current) or at + 1 >= len(items):
        return None
    if len(text.split(maxsplit=14)) > 14 or text.endswith((".", ";", ",")) or _attribute(text):
        return None
    if current.kind == "root" and text.endswith(":"):
        return None  # a letter's "Giám đốc Sở X có trách nhiệm:" opens its list as it is
    following = match_marker(items[at + 1].text)
    if following is None and not text.endswith(":"):
        # "**Công an tỉnh**" over a paragraph of its duties: it heads them
        nxt = items[at + 1].text.strip()
        if not nxt[:1].isupper() or is_upper_line(nxt) or len(nxt.split()) < 4:
            return None  # a name wrapped over two lines ("CÔNG TY ... VÀ" / "THƯƠNG MẠI X")
        if names_agencies(nxt.rstrip(" :")):
            return None
    elif following is None or following[0] not in {"dash", "plus"}:
        return None
    # "Sở Giáo dục và Đào tạo:" over its dashes inside a section (not a letter's list opener)
    return ("dash", "", _LABEL_RANK, 0) if names_agencies(text.rstrip(" :")) else None


_COMMA_NUMBER = re.compile(rf"^(\d{{1,2}}),\s+(?=[{UPPER}])")


def _comma_number(current: Node, text: str) -> tuple[str, str, float, int] | None:
    """ "9, Ban Tuyên giáo ..." after item 8 (a comma for the dot, OCR or retyping): the
    next numbered item; only the very next number."""
    m = _COMMA_NUMBER.match(text)
    node: Node | None = current
    while m and node is not None and node.kind != "root":
        if node.kind == "number" and node.rank == 2 and node.label.isdigit():
            return (
                ("number", m.group(1), 2, m.end())
                if int(m.group(1)) == int(node.label) + 1
                else None
            )
        node = node.parent
    return None


def _plausible_number(current: Node, number: int, rank: float) -> bool:
    """A number far ahead of the open item of its rank ("2. Đảng ủy Chính phủ", "a) ...",
    then a page header "18.CTRTW31.DOC 9") is no new item."""
    node: Node | None = current
    while node is not None and node.kind != "root":
        if node.kind == "number" and node.rank == rank and node.label.isdigit():
            return number <= int(node.label) + 5
        if node.rank < rank:
            break
        node = node.parent
    return True


# --- numbering styles, OCR slips, small Roman numerals, lists run together on one line ---

_NUMBER_STYLE = re.compile(r"\d{1,2}([.)/\-–])")


def _style(marker: tuple[str, str, float, int] | None, text: str) -> str:
    """A plain number's punctuation ("." of "1.", ")" of "1)", "-" of "1-")."""
    if marker is None or marker[0] != "number" or not marker[1].isdigit():
        return ""
    m = _NUMBER_STYLE.match(text)
    return m.group(1).replace("–", "-") if m else ""


def _open_numbers(current: Node) -> list[Node]:
    """The plain numbered items open on the current chain, innermost first."""
    out: list[Node] = []
    node: Node | None = current
    while node is not None and node.kind != "root" and node.rank >= 2:
        if node.kind == "number" and node.label.isdigit():
            out.append(node)
        node = node.parent
    return out


def _nested_style(
    current: Node, marker: tuple[str, str, float, int], style: str
) -> tuple[str, str, float, int]:
    """ "2. Sở X có trách nhiệm:" over "1) ...", "2) ...": a list in another numbering
    style under an item opening a list is a level of its own ("2.1", "2.2"); its next
    items ("2)") stay on that level, the next item in the outer style ("3.") goes back."""
    kind, label, _rank, length = marker
    numbers = _open_numbers(current)
    same = next((n for n in numbers if n.style == style), None)
    if same is not None:
        return kind, label, same.rank, length
    outer = numbers[0] if numbers else None
    if (
        outer is not None
        and label == "1"
        and outer.style
        and not any(c.kind == "number" for c in outer.children)
        and outer.paragraphs[-1].text.rstrip().endswith(":")
    ):
        return kind, label, outer.rank + 0.5, length
    return marker


_OCR_ONE = re.compile(rf"^[lI|][.)]\s*(?=[{UPPER}])")


def _ocr_number(
    current: Node, text: str, marker: tuple[str, str, float, int] | None
) -> tuple[str, str, float, int] | None:
    """ "l." or "I." where the first arabic item is due (OCR reads "1" as "l" or "I"): under
    an open Roman section (or any heading) whose list has not started, "l. Sở X" is item 1;
    "I." only when a Roman section is already open (it cannot follow "II." or "III.")."""
    m = _OCR_ONE.match(text)
    if m is None or _open_numbers(current):
        return None
    if marker is not None and marker[0] == "letter" and _plausible_next(current, marker, text):
        return None  # a real "l)" after "k)"
    if text[0] == "I":
        roman = _open_kind(current, "roman")
        if roman is None or any(c.kind == "number" for c in roman.children):
            return None
        if marker is not None and is_upper_line(text[marker[3] :]):
            return None
    elif marker is not None and marker[0] != "letter":
        return None
    return "number", "1", 2, m.end()


def _open_kind(current: Node, kind: str) -> Node | None:
    node: Node | None = current
    while node is not None and node.kind not in {"root", "part", "closing"}:
        if node.kind == kind:
            return node
        node = node.parent
    return None


def _plausible_small_roman(current: Node, label: str) -> bool:
    """ "(ii)" follows "(i)"; a list of small Roman numerals starts at "(i)"."""
    node: Node | None = current
    while node is not None and node.kind != "root" and node.rank >= 3.6:
        if node.kind == "lroman":
            prev = node.label
            return label == "i" or (
                prev in ROMANS and label in ROMANS and ROMANS.index(label) == ROMANS.index(prev) + 1
            )
        node = node.parent
    return label == "i"


def _small_roman(
    current: Node, marker: tuple[str, str, float, int]
) -> tuple[str, str, float, int] | None:
    """A letter "i)" (or "v)", "x)") that follows no "h)" (or "u)", "v)"): a small Roman
    numeral opening or continuing a list "i), ii), iii)"."""
    kind, label, _rank, length = marker
    if kind != "letter" or label not in ROMANS:
        return None
    small = ("lroman", label, 3.6, length)
    return small if _plausible_small_roman(current, label) else None


# A list run together on one line: "... như sau: a) Sở Y tế ...; b) Sở Tài chính ...".
_INLINE_MARK = re.compile(
    r"(?<=[:;.])\s+(\(\d{1,2}\)|\d{1,2}\)|\([a-zđ]\)|[a-zđ]\)|\([ivx]{1,4}\))\.?\s*(?=\S)"
)
_LEADING_MARK = re.compile(r"^(\(\d{1,2}\)|\d{1,2}\)|\([a-zđ]\)|[a-zđ]\)|\([ivx]{1,4}\))")


_BULLET = re.compile(r"^[-–—•+*]")


def _mark_parts(mark: str) -> tuple[str, str]:
    """(style, label): "(1)" -> ("()", "1"), "b)" -> (")", "b")."""
    inner = mark.strip("()")
    return ("()" if mark.startswith("(") else ")"), inner


def _follows(prev: str, label: str) -> bool:
    if prev.isdigit() and label.isdigit():
        return int(label) == int(prev) + 1
    if prev in ROMANS and label in ROMANS and len(prev) + len(label) > 2:
        return ROMANS.index(label) == ROMANS.index(prev) + 1
    if prev in LETTERS and label in LETTERS:
        step = LETTERS.index(label) - LETTERS.index(prev)
        return step == 1 or (prev, label) == ("d", "e")
    return False


def _first_label(label: str) -> bool:
    return label in {"1", "a", "i"}


def _labelled_chain(text: str) -> list[tuple[int, int]]:
    """(start, end of the marker) of each item of a lettered or numbered inline list."""
    # every mark closes with ")" after its stop and space: most lines hold none past the start
    marks = list(_INLINE_MARK.finditer(text)) if text.find(")", 3) != -1 else []
    if not marks:
        return []
    chain: list[tuple[int, int]] = []
    lead = _LEADING_MARK.match(text)
    style = label = ""
    if lead is not None and _first_label(_mark_parts(lead.group(1))[1]):
        style, label = _mark_parts(lead.group(1))
        chain.append((0, lead.end()))
    for m in marks:
        mstyle, mlabel = _mark_parts(m.group(1))
        before = text[: m.start()].rstrip()[-1:]
        if chain and mstyle == style and before in ";." and _follows(label, mlabel):
            chain.append((m.start(1), m.end()))
            label = mlabel
        elif not chain and before == ":" and _first_label(mlabel):
            chain.append((m.start(1), m.end()))
            style, label = mstyle, mlabel
    return chain


def inline_run(text: str) -> bool:
    """A paragraph opening a labelled list whose next items follow on its own line ("(i) Rà
    soát ...; (ii) Tổ chức ...; (iii) ...")."""
    return len(_labelled_chain(text)) >= 2


# "...: - Sở X ...; - Sở Y ...": dash items run together (a dash after ":" or ";")
_INLINE_DASH = re.compile(r"(?<=[:;])\s+([-–])\s+(?=\S)")


def _dash_chain(text: str) -> list[tuple[int, int]]:
    chain: list[tuple[int, int]] = []
    for m in _INLINE_DASH.finditer(text):
        before = text[: m.start()].rstrip()[-1:]
        if (before == ":") == (not chain):
            chain.append((m.start(1), m.end()))
        elif not chain:
            continue
        else:
            break
    return chain


def inline_items(
    para: Paragraph,
    names_actor: Callable[[str], bool],
    names_agencies: Callable[[str], bool] | None = None,
) -> list[Paragraph]:
    """A paragraph holding a whole list of assignments on one line ("3. Giao ... như sau:
    a) Sở X ...; b) Sở Y ..."): the lead-in and one paragraph per item. The first item
    follows a colon (or opens the paragraph), each next one follows a ";" or "." and the
    item before it in the same style (a, b, c; 1, 2, 3; (1), (2); (i), (ii); a dash after
    ":", then after each ";"); two items at least, each opening with its actor
    (`names_actor`), or all of them the duties of the one actor that labels the paragraph
    ("1. Sở Tư pháp: (1) Cập nhật ... (2) Rà soát ..."; `names_agencies` on the label): a
    list of the objects of one action ("Góp ý dự thảo các Quyết định: (1) Quyết định ...;
    (2) ...") stays one clause, and so does a dash item's list."""
    text = para.text
    if (";" not in text and "." not in text) or _BULLET.match(text):
        return [para]  # a dash item's "(i) ...; (ii) ..." describes its one task
    chain = _labelled_chain(text) if ")" in text else []
    if len(chain) < 2 and (" - " in text or " – " in text):
        chain = _dash_chain(text)
    if len(chain) < 2:
        return [para]
    ends = [start for start, _ in chain[1:]] + [len(text)]
    if not all(
        names_actor(text[end:stop]) for (_, end), stop in zip(chain, ends, strict=True)
    ) and not _actor_label(text[: chain[0][0]], names_agencies):
        return [para]
    cuts = [start for start, _ in chain]
    if cuts[0] != 0:
        cuts.insert(0, 0)
    out: list[Paragraph] = []
    for at, end in zip(cuts, [*cuts[1:], len(text)], strict=True):
        piece = text[at:end].rstrip()
        if piece:
            out.append(Paragraph(para.start + at, para.start + at + len(piece), piece))
    return out


def _actor_label(lead_in: str, names_agencies: Callable[[str], bool] | None) -> bool:
    """The paragraph's own label before its inline list is only an actor and a colon ("1. Tòa
    án nhân dân tỉnh:"): the items after it are that actor's duties."""
    label = lead_in.rstrip()
    if names_agencies is None or not label.endswith(":"):
        return False
    marker = match_marker(label)
    name = label[marker[3] :] if marker else label
    return names_agencies(name[:-1].strip())
