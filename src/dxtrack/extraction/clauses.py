"""The body as a clause tree: parts, Roman sections, articles, 1. / 1.1., a), dashes.

Markers are a ranked table; a paragraph with a marker opens a node under the nearest
open node of lower rank; a paragraph without one continues the current node.
Vietnamese letter order (a b c d đ e g h i k l m n) is checked so that a wrapped
line starting with "e)" after "c)" does not break the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dxtrack.extraction.normalize import Paragraph
from dxtrack.extraction.textutil import ATTRIBUTE, LEVEL_BLOCK, NEXT_ATTRIBUTE, is_upper_line
from dxtrack.vn import UPPER

LETTERS = "abcdđeghiklmnopqrstuvxy"

# (kind, pattern, rank): lower rank encloses higher rank.
MARKERS: list[tuple[str, re.Pattern[str], float]] = [
    ("part", re.compile(r"^(?:PHẦN|Phần|CHƯƠNG|Chương)\s+([IVXLC]+|\d+)\b[.:]?\s*"), 0),
    # "B. NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP" over Roman items: a lettered section (title in capitals)
    ("section", re.compile(rf"^([A-HĐ])\.\s+(?=[{UPPER}]{{2,}})"), 0.5),
    ("article", re.compile(r"^Điều\s+(\d+)\s*[.:]?\s*"), 1),
    ("roman", re.compile(r"^([IVXLC]{1,6})\s?[.)/\-–]\s+"), 1),
    ("number", re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+"), 2),
    ("number", re.compile(rf"^(\d{{1,2}}(?:\.\d{{1,2}})+)\.(?=[{UPPER}])"), 2),  # "1.1.Triển khai"
    ("number", re.compile(r"^(\d{1,2})[.)/]\s*(?=[^\d\s/])"), 2),
    ("letter", re.compile(r"^([a-zđ])\)\s*"), 3),
    ("letter", re.compile(rf"^([a-zđ])\.\s+(?=[{UPPER}])"), 3),
    ("dash", re.compile(r"^[-–—•]\s*"), 4),
    ("plus", re.compile(r"^[+*]\s*"), 5),
]


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
        if not self.paragraphs:
            return ""
        first = self.paragraphs[0].text[self.marker_len :]
        return "\n".join([first] + [p.text for p in self.paragraphs[1:]]).strip()

    @property
    def heading_text(self) -> str:
        return self.paragraphs[0].text[self.marker_len :].strip() if self.paragraphs else ""

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


def match_marker(text: str) -> tuple[str, str, float, int] | None:
    section = _SECTION.match(text)
    if section and is_upper_line(text[section.end() :]):
        return "section", section.group(1), 0.5, section.end()
    for kind, pattern, rank in MARKERS:
        m = pattern.match(text)
        if m:
            label = m.group(1) if m.groups() else ""
            if kind == "number" and "." in label:
                rank = 2 + 0.1 * label.count(".")
            return kind, label, rank, m.end()
    return None


def build_tree(
    paragraphs: list[Paragraph],
    *,
    is_closing=lambda text, anywhere=False: False,
    after_table: set[int] | frozenset[int] = frozenset(),
) -> Node:
    """Clause tree of the body. A closing paragraph ("Trân trọng", "Thông tin liên hệ:")
    opens a top-level "closing" node that takes the dash lines after it. Unmarked
    paragraphs right after a table (`after_table`: the first one's start) are no part of
    the item before the table but loose text (a note under it: "(*) ...", "Thời gian ...
    sẽ được điều chỉnh ...", "Ghi chú:" over dash lines); the next numbered item goes on
    from the item before the table."""
    root = Node("root", "", -1)
    current = root
    resume: Node | None = None  # the item a note after a table interrupted
    one = _one_read_as_letter(paragraphs)
    for para in paragraphs:
        marker = match_marker(para.text) if para is not one else _item_one(para.text)
        if marker is None and para.start in after_table and current.kind != "closing":
            resume = resume or current
            current = root
        elif marker is not None and marker[0] not in {"dash", "plus"} and resume is not None:
            current, resume = resume, None  # the next item goes on from where the table was
        if (
            (marker is None or marker[0] in {"dash", "plus"})
            and current.kind != "closing"
            and is_closing(para.text, anywhere=marker is None)
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
        marker = (
            _ocr_letter(current, para.text) or marker or _stray_before_letter(current, para.text)
        )
        if marker and not _plausible_next(current, marker, para.text):
            marker = None
        marker = marker or _comma_number(current, para.text) or _level_block(current, para.text)
        if marker is None:
            current = _attach(current, para)
            continue
        kind, label, rank, length = marker
        if kind == "article":
            label = f"Điều {label}"
        parent = current
        if kind not in {"dash", "plus"} and _inside_closing(current):
            parent = root  # a new clause after "Nơi nhận"/signature: e.g. an attached plan
        while parent.kind != "root" and parent.rank >= rank:
            parent = parent.parent  # type: ignore[assignment]
        node = Node(kind, label, rank, [para], parent=parent, marker_len=length)
        parent.children.append(node)
        current = node
    return root


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


def _item_one(text: str) -> tuple[str, str, float, int] | None:
    m = _ONE_AS_LETTER.match(text)
    return ("number", "1", 2, m.end()) if m else None


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
    number = _FIELD_NUMBER.match(text)
    rest = text[number.end() :] if number else text
    attr = ATTRIBUTE.match(rest)
    return (attr.group(1), rest[attr.end() :]) if attr else None


def _add_attributes(node: Node, key: str, value: str) -> None:
    """One attribute line, possibly holding several ("Đơn vị chủ trì: Sở X; thời gian hoàn
    thành: tháng 12/2025")."""
    for nxt in NEXT_ATTRIBUTE.finditer(value):
        node.attributes[" ".join(key.lower().split())] = value[: nxt.start()].strip()
        key, value = nxt.group(1), value[nxt.end() :]
    node.attributes[" ".join(key.lower().split())] = value.strip()


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
