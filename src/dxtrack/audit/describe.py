"""The audit log in Vietnamese: "Đ/c Nguyễn Văn A xác nhận 7 nhiệm vụ của văn bản 4085/UBND-ĐT".

Each action has a label (for the filter menu) and a sentence template; the documents, tasks,
assignments and users an entry names are read in a few set-based queries per page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack.agencies.models import Agency
from dxtrack.audit.models import AuditEntry
from dxtrack.auth.models import User
from dxtrack.documents.models import Document
from dxtrack.tasks.models import Assignment, Task

FIELD_LABELS = {
    "clause": "mục",
    "summary": "nội dung",
    "full_text": "toàn văn",
    "deadline": "thời hạn",
    "recurrence": "chu kỳ",
    "period_day": "ngày trong kỳ",
    "optional": "tính bắt buộc",
    "lead": "cơ quan chủ trì",
    "coordinators": "cơ quan phối hợp",
}


@dataclass
class Names:
    """What the sentences name: document numbers, tasks, assignments, people."""

    documents: dict[int, str] = field(default_factory=dict)
    tasks: dict[int, str] = field(default_factory=dict)
    assignments: dict[int, str] = field(default_factory=dict)
    people: dict[int, str] = field(default_factory=dict)

    def document(self, document_id: int | None) -> str:
        number = self.documents.get(document_id or 0)
        return f"văn bản {number}" if number else f"văn bản #{document_id}"

    def task(self, task_id: int | None) -> str:
        return self.tasks.get(task_id or 0, f"nhiệm vụ #{task_id}")


def _changed(entry: AuditEntry) -> str:
    before, after = entry.before or {}, entry.after or {}
    fields = [
        FIELD_LABELS.get(k, k) for k in after if k in FIELD_LABELS and before.get(k) != after[k]
    ]
    return f" ({', '.join(fields)})" if fields else ""


def _after(entry: AuditEntry, key: str, default: Any = "") -> Any:
    return (entry.after or {}).get(key, default)


def _confirmed(entry: AuditEntry, names: Names) -> str:
    count = _after(entry, "tasks", None)
    what = f"{count} nhiệm vụ của " if count is not None else ""
    return f"xác nhận {what}{names.document(entry.entity_id)}"


Template = Callable[[AuditEntry, Names], str]

# action -> (label for the filter menu, sentence after the actor)
ACTIONS: dict[str, tuple[str, Template]] = {
    "document.create": ("Nhập văn bản", lambda e, n: f"nhập {n.document(e.entity_id)}"),
    "document.confirm": ("Xác nhận văn bản", _confirmed),
    "task.create": ("Thêm nhiệm vụ", lambda e, n: f"thêm {n.task(e.entity_id)}"),
    "task.update": ("Sửa nhiệm vụ", lambda e, n: f"sửa {n.task(e.entity_id)}{_changed(e)}"),
    "task.delete": ("Xóa nhiệm vụ", lambda e, n: f"xóa {n.task(e.entity_id)}"),
    "task.confirm": ("Xác nhận nhiệm vụ", lambda e, n: f"xác nhận {n.task(e.entity_id)}"),
    "party.map": (
        "Chọn cơ quan cho tên chưa nhận diện",
        lambda e, n: (
            f"gán «{_after(e, 'name')}» của {n.task(e.entity_id)} cho "
            + (
                f"cơ quan {_after(e, 'agency')}"
                if _after(e, "agency")
                else f"nhóm {_after(e, 'group')}"
            )
        ),
    ),
    "party.outside": (
        "Đánh dấu ngoài danh mục",
        lambda e, n: f"đánh dấu «{_after(e, 'name')}» của {n.task(e.entity_id)} là ngoài danh mục",
    ),
    "reference.link": (
        "Xác nhận văn bản được trích dẫn",
        lambda e, n: f"xác nhận trích dẫn {_after(e, 'number')} của {n.document(e.entity_id)}",
    ),
    "progress.report": (
        "Báo cáo tiến độ",
        lambda e, n: f"báo cáo tiến độ {n.assignments.get(e.entity_id or 0, 'phân công')}",
    ),
    "assignment.extend": (
        "Gia hạn",
        lambda e, n: f"gia hạn {n.assignments.get(e.entity_id or 0, 'phân công')}",
    ),
    "assignment.delegate": (
        "Giao tiếp nhiệm vụ",
        lambda e, n: f"giao tiếp phân công #{_after(e, 'parent')} cho {_after(e, 'agency')}",
    ),
    "task.link": (
        "Liên kết nhiệm vụ thực hiện",
        lambda e, n: f"ghi nhận {n.task(e.entity_id)} thực hiện nhiệm vụ #{_after(e, 'parent')}",
    ),
    "task.unlink": (
        "Bỏ liên kết nhiệm vụ",
        lambda e, n: f"bỏ liên kết của {n.task(e.entity_id)}",
    ),
    "agency.merge": (
        "Hợp nhất cơ quan",
        lambda e, n: (
            f"hợp nhất cơ quan #{e.entity_id} vào {_after(e, 'into')} từ ngày "
            f"{_after(e, 'on')} (chuyển {_after(e, 'moved', 0)} phân công)"
        ),
    ),
    "task.sync": (
        "Đồng bộ nhiệm vụ",
        lambda e, n: f"đồng bộ {n.task(e.entity_id)} theo mã {_after(e, 'external_id')}",
    ),
    "document.sync": (
        "Đồng bộ văn bản",
        lambda e, n: f"đồng bộ {n.document(e.entity_id)} theo mã {_after(e, 'external_id')}",
    ),
    "document.sync_review": (
        "Xem lại văn bản nguồn đã thay đổi",
        lambda e, n: f"đã xem lại {n.document(e.entity_id)} sau khi văn bản nguồn thay đổi",
    ),
    "task.sync_review": (
        "Xem lại thay đổi từ nguồn đồng bộ",
        lambda e, n: (
            f"{'áp dụng' if _after(e, 'applied') else 'không áp dụng'} thay đổi từ nguồn đồng bộ "
            f"cho {n.task(e.entity_id)}"
        ),
    ),
    "agency.split": (
        "Chia tách cơ quan",
        lambda e, n: (
            f"chia tách cơ quan #{e.entity_id} thành {', '.join(_after(e, 'into', []))} từ ngày "
            f"{_after(e, 'on')} (chuyển {sum(_after(e, 'moved', {}).values())} phân công)"
        ),
    ),
    "agency.dissolve": (
        "Giải thể cơ quan",
        lambda e, n: (
            f"giải thể cơ quan #{e.entity_id} từ ngày {_after(e, 'on')}"
            + (
                f", phân công chuyển cho {_after(e, 'into')}"
                if _after(e, "into")
                else f", {len(_after(e, 'kept', []))} phân công chưa giao được"
            )
        ),
    ),
    "tasks.roll": (
        "Tạo kỳ mới của nhiệm vụ định kỳ",
        lambda e, n: f"tạo {_after(e, 'created', 0)} phân công kỳ mới của nhiệm vụ định kỳ",
    ),
    "user.create": ("Tạo tài khoản", lambda e, n: f"tạo tài khoản {_after(e, 'username')}"),
    "user.token": ("Cấp mã truy cập API", lambda e, n: "cấp mã truy cập API"),
    "agency.create": ("Thêm cơ quan", lambda e, n: f"thêm cơ quan {_after(e, 'name')}"),
    "agency.update": ("Sửa cơ quan", lambda e, n: f"sửa cơ quan {_after(e, 'name')}"),
    "agency.delete": (
        "Xóa cơ quan",
        lambda e, n: f"xóa cơ quan {(e.before or {}).get('name', '')}",
    ),
    "system.backup": ("Sao lưu dữ liệu", lambda e, n: "sao lưu dữ liệu"),
    "system.restore": ("Khôi phục dữ liệu", lambda e, n: "khôi phục dữ liệu"),
    "user.login": (
        "Đăng nhập",
        lambda e, n: f"đăng nhập từ {_after(e, 'address') or 'không rõ địa chỉ'}",
    ),
    "user.login_failed": (
        "Đăng nhập sai",
        lambda e, n: f"đăng nhập sai với tên «{_after(e, 'username')}» từ {_after(e, 'address')}",
    ),
    "user.login_refused": (
        "Đăng nhập bị tạm chặn",
        lambda e, n: f"bị tạm chặn đăng nhập «{_after(e, 'username')}» từ {_after(e, 'address')}",
    ),
    "user.logout": ("Đăng xuất", lambda e, n: "đăng xuất"),
    "user.logout_everywhere": ("Đăng xuất mọi nơi", lambda e, n: "đăng xuất khỏi mọi nơi"),
    "user.sessions_end": (
        "Kết thúc phiên đăng nhập",
        lambda e, n: (
            f"kết thúc {_after(e, 'sessions', 0)} phiên đăng nhập của tài khoản #{e.entity_id}"
        ),
    ),
    "user.disable": ("Khóa tài khoản", lambda e, n: f"khóa tài khoản {_after(e, 'username')}"),
    "user.enable": ("Mở lại tài khoản", lambda e, n: f"mở lại tài khoản {_after(e, 'username')}"),
    "user.password": (
        "Đổi mật khẩu",
        lambda e, n: f"đặt mật khẩu mới cho tài khoản #{e.entity_id}",
    ),
    "user.token_revoke": (
        "Thu hồi mã API",
        lambda e, n: f"thu hồi mã API của tài khoản #{e.entity_id}",
    ),
    "user.unlock": (
        "Mở khóa đăng nhập",
        lambda e, n: f"mở khóa đăng nhập cho tài khoản #{e.entity_id}",
    ),
    "system.recount": ("Tính lại bảng tổng hợp", lambda e, n: "tính lại bảng đếm phân công"),
    "notify.run": (
        "Gửi nhắc việc",
        lambda e, n: (
            f"chạy gửi nhắc việc ngày {_after(e, 'at')}: {_after(e, 'sent', 0)} thư đã gửi"
        ),
    ),
}

ENTITY_LABELS = {
    "document": "văn bản",
    "task": "nhiệm vụ",
    "assignment": "phân công",
    "user": "tài khoản",
    "agency": "cơ quan",
    "agency_group": "nhóm cơ quan",
    "plan": "kế hoạch",
    "indicator": "chỉ tiêu",
}


def action_label(action: str) -> str:
    return ACTIONS[action][0] if action in ACTIONS else action


def actor_text(entry: AuditEntry, names: Names) -> str:
    if entry.actor_id is None:
        return "Hệ thống"
    return f"Đ/c {names.people.get(entry.actor_id) or entry.actor_name}"


def describe(entry: AuditEntry, names: Names) -> str:
    """One entry as a Vietnamese sentence."""
    if entry.action in ACTIONS:
        what = ACTIONS[entry.action][1](entry, names)
    else:
        entity = ENTITY_LABELS.get(entry.entity, entry.entity)
        number = f" #{entry.entity_id}" if entry.entity_id is not None else ""
        what = f"thực hiện «{entry.action}» trên {entity}{number}"
    return f"{actor_text(entry, names)} {what}"


def _ids(entries: list[AuditEntry], entity: str) -> set[int]:
    return {e.entity_id for e in entries if e.entity == entity and e.entity_id is not None}


def load_names(db: Session, entries: list[AuditEntry]) -> Names:
    """The numbers, clauses and names a page of entries refers to."""
    names = Names()
    people = {e.actor_id for e in entries if e.actor_id is not None}
    for user_id, full, login in db.execute(
        select(User.id, User.full_name, User.username).where(User.id.in_(people))
    ):
        names.people[user_id] = full or login
    assignments = _ids(entries, "assignment")
    rows = db.execute(
        select(Assignment.id, Assignment.task_id, Agency.name)
        .join(Agency, Agency.id == Assignment.agency_id)
        .where(Assignment.id.in_(assignments))
    ).all()
    tasks = _ids(entries, "task") | {task_id for _, task_id, _ in rows}
    task_rows = db.execute(
        select(Task.id, Task.clause, Task.document_id).where(Task.id.in_(tasks))
    ).all()
    documents = _ids(entries, "document") | {doc_id for _, _, doc_id in task_rows}
    for doc_id, number in db.execute(
        select(Document.id, Document.number).where(Document.id.in_(documents))
    ):
        names.documents[doc_id] = number or ""
    for task_id, clause, doc_id in task_rows:
        item = f"nhiệm vụ {clause}" if clause else f"nhiệm vụ #{task_id}"
        names.tasks[task_id] = f"{item} của {names.document(doc_id)}"
    for assignment_id, task_id, agency in rows:
        names.assignments[assignment_id] = f"{names.task(task_id)} ({agency})"
    return names
