"""The digest e-mail of one user and day: Vietnamese plain text and simple HTML, with links.

Sections: due soon or today, overdue, undated work not updated in its period (near its end),
reports with difficulties (coordinators), new notifications. Each section lists at most `LIMIT` lines, then links to the full list.
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from dxtrack import vn
from dxtrack.auth.models import Role
from dxtrack.notifications.digest import AgencyItems, Difficulty, Item, Recipient
from dxtrack.notifications.models import Notification

LIMIT = 30
SUMMARY_LIMIT = 160
FOOTER = "Thư gửi tự động từ hệ thống theo dõi nhiệm vụ dxtrack, vui lòng không trả lời thư này."


@dataclass
class Section:
    title: str
    lines: list[tuple[str, str]] = field(default_factory=list)  # (text, absolute URL)
    total: int = 0
    more_url: str = ""


@dataclass(frozen=True)
class Digest:
    subject: str
    text: str
    html: str


@dataclass(frozen=True)
class Context:
    at: date
    base_url: str
    agency_code: str = ""
    agency_name: str = ""


def _url(ctx: Context, path: str, **params: object) -> str:
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return f"{ctx.base_url.rstrip('/')}{path}" + (f"?{query}" if query else "")


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SUMMARY_LIMIT else text[:SUMMARY_LIMIT] + "…"


def _task_line(item: Item, tail: str) -> str:
    source = f"mục {item.clause}" if item.clause else ""
    if item.number:
        source += (", " if source else "") + f"văn bản số {item.number}"
    label = _short(item.summary) + (f" ({source})" if source else "")
    return f"{label}: hạn {vn.date_text(item.deadline)}, {tail}"


def _due_tail(item: Item) -> str:
    return "đến hạn hôm nay" if item.days == 0 else f"còn {item.days} ngày"


def _section(ctx: Context, title: str, items: list[Item], status: str, tail: object) -> Section:
    section = Section(title, total=len(items))
    for item in items[:LIMIT]:
        url = _url(ctx, f"/tasks/{item.task_id}") + f"#a{item.assignment_id}"
        section.lines.append((_task_line(item, tail(item)), url))  # type: ignore[operator]
    section.more_url = _url(ctx, "/tasks", status=status, agency=ctx.agency_code, at=ctx.at)
    return section


def _rhythm_section(ctx: Context, items: AgencyItems) -> Section:
    """Undated work not updated in its period yet, near the period's end (tasks/rhythm.py)."""
    tail = f"chưa cập nhật trong {items.period}"
    section = Section("Nhiệm vụ thường xuyên chưa cập nhật trong kỳ", total=len(items.rhythm))
    for item in items.rhythm[:LIMIT]:
        url = _url(ctx, f"/assignments/{item.assignment_id}/report")
        section.lines.append((_task_line(item, tail), url))
    section.more_url = _url(ctx, "/tasks", rhythm="stale", agency=ctx.agency_code)
    return section


def build_sections(
    ctx: Context,
    user: Recipient,
    items: AgencyItems | None,
    difficulties: list[Difficulty],
    news: list[Notification],
) -> list[Section]:
    sections = []
    if items and items.due:
        sections.append(
            _section(ctx, "Nhiệm vụ sắp đến hạn, đến hạn", items.due, "due_soon", _due_tail)
        )
    if items and items.overdue:
        late = lambda i: f"quá hạn {i.days} ngày"
        sections.append(_section(ctx, "Nhiệm vụ quá hạn", items.overdue, "overdue", late))
    if items and items.rhythm:
        sections.append(_rhythm_section(ctx, items))
    if difficulties and user.role != Role.officer:
        section = Section("Báo cáo nêu khó khăn, vướng mắc", total=len(difficulties))
        for d in difficulties[:LIMIT]:
            url = _url(ctx, f"/tasks/{d.task_id}") + f"#a{d.assignment_id}"
            text = f"{d.agency_name} (nhiệm vụ {d.clause}): “{_short(d.text)}”"
            section.lines.append((text, url))
        sections.append(section)
    if news:
        section = Section("Thông báo mới", total=len(news))
        for n in news[:LIMIT]:
            text = n.title + (f": {_short(n.body)}" if n.body else "")
            section.lines.append((text, _url(ctx, n.link or "/notifications")))
        section.more_url = _url(ctx, "/notifications")
        sections.append(section)
    return sections


def _subject(ctx: Context, sections: list[Section]) -> str:
    parts = [f"{s.total} {s.title[0].lower()}{s.title[1:]}" for s in sections]
    return f"[dxtrack] Nhắc việc ngày {vn.date_text(ctx.at)}: " + "; ".join(parts)


def _greeting(ctx: Context, user: Recipient) -> str:
    name = user.full_name or user.username
    return f"Kính gửi {name}" + (f" ({ctx.agency_name})" if ctx.agency_name else "") + ","


def _text(ctx: Context, user: Recipient, sections: list[Section]) -> str:
    lines = [
        _greeting(ctx, user),
        "",
        f"Hệ thống theo dõi nhiệm vụ nhắc việc ngày {vn.date_text(ctx.at)}:",
    ]
    for section in sections:
        lines += ["", f"{section.title.upper()} ({section.total})"]
        for index, (text, url) in enumerate(section.lines, start=1):
            lines += [f"{index}. {text}", f"   {url}"]
        if section.total > len(section.lines):
            lines.append(
                f"... và {section.total - len(section.lines)} mục khác: {section.more_url}"
            )
    lines += ["", f"Xem trong ứng dụng: {_url(ctx, '/notifications')}", "", FOOTER]
    return "\n".join(lines) + "\n"


def _html(ctx: Context, user: Recipient, sections: list[Section]) -> str:
    e = html.escape
    parts = [
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head>',
        '<body style="font-family:Arial,sans-serif;font-size:14px">',
        f"<p>{e(_greeting(ctx, user))}</p>",
        f"<p>Hệ thống theo dõi nhiệm vụ nhắc việc ngày {e(vn.date_text(ctx.at))}:</p>",
    ]
    for section in sections:
        parts.append(f"<h3>{e(section.title)} ({section.total})</h3><ol>")
        parts += [f'<li><a href="{e(url)}">{e(text)}</a></li>' for text, url in section.lines]
        parts.append("</ol>")
        if section.total > len(section.lines):
            rest = section.total - len(section.lines)
            parts.append(f'<p><a href="{e(section.more_url)}">… và {rest} mục khác</a></p>')
    parts.append(f'<p><a href="{e(_url(ctx, "/notifications"))}">Xem trong ứng dụng</a></p>')
    parts.append(f'<p style="color:#555">{e(FOOTER)}</p></body></html>')
    return "\n".join(parts)


def compose_digest(
    ctx: Context,
    user: Recipient,
    items: AgencyItems | None,
    difficulties: list[Difficulty],
    news: list[Notification],
) -> Digest | None:
    """The user's digest, or None when there is nothing to tell."""
    sections = build_sections(ctx, user, items, difficulties, news)
    if not sections:
        return None
    nfc = lambda s: unicodedata.normalize("NFC", s)
    return Digest(
        nfc(_subject(ctx, sections))[:300],
        nfc(_text(ctx, user, sections)),
        nfc(_html(ctx, user, sections)),
    )
