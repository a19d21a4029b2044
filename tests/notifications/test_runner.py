"""`notify run` against a real SMTP server: content, links, STARTTLS, idempotence, crashes."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from typing import Any

import pytest
from builders import make_task, make_user
from sqlalchemy import select
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.auth.models import Role
from dxtrack.config import Settings
from dxtrack.notifications.mailer import SmtpSender
from dxtrack.notifications.models import Notification, OutboxMessage, OutboxState
from dxtrack.notifications.runner import run_notifications

AT = date(2026, 3, 10)


def officer(db: Session, name: str, agency: str, mail: bool = True) -> Any:
    return make_user(
        db,
        name,
        role=Role.officer,
        agency_code=agency,
        email=f"{name}@angiang.gov.vn" if mail else None,
        full_name=f"Cán bộ {name}",
    )


def scenario(db: Session) -> dict[str, Any]:
    """Sở Y tế: one task due in 7 days, one overdue by 14 days; Công an tỉnh: due tomorrow."""
    due = make_task(db, deadline=AT + timedelta(days=7), clause="2.a")
    late = make_task(db, deadline=AT - timedelta(days=14), clause="3.b")
    police = make_task(db, deadline=AT + timedelta(days=1), lead=["Công an tỉnh"], clause="4")
    make_task(db, deadline=AT + timedelta(days=3), clause="9")  # no rule fires today
    users = [officer(db, "bs-an", "so-y-te"), officer(db, "bs-binh", "so-y-te")]
    users.append(officer(db, "ca-cuong", "cong-an-tinh"))
    users.append(officer(db, "ca-khong-thu", "cong-an-tinh", mail=False))
    return {"due": due, "late": late, "police": police, "users": users}


def run(units: Any, settings: Settings, **kwargs: Any) -> dict[str, int]:
    return run_notifications(units=units, settings=settings, at=AT, **kwargs).to_json()


class TestDigestContent:
    def test_recipients_subject_vietnamese_body_and_links(self, db: Session, units: Any, smtp: Any):
        handler, settings = smtp
        data = scenario(db)
        assert run(units, settings) == {"sent": 3, "skipped_already_sent": 0, "failed": 0}
        by_rcpt = {r.recipients[0]: r for r in handler.received}
        assert set(by_rcpt) == {
            "bs-an@angiang.gov.vn",
            "bs-binh@angiang.gov.vn",
            "ca-cuong@angiang.gov.vn",
        }
        mail = by_rcpt["bs-an@angiang.gov.vn"]
        assert mail.subject.startswith("[dxtrack] Nhắc việc ngày 10/03/2026")
        text = mail.body("plain")
        assert unicodedata.is_normalized("NFC", text)
        assert "Kính gửi Cán bộ bs-an (Sở Y tế)" in text
        assert "NHIỆM VỤ SẮP ĐẾN HẠN, ĐẾN HẠN (1)" in text and "còn 7 ngày" in text
        assert "NHIỆM VỤ QUÁ HẠN (1)" in text and "quá hạn 14 ngày" in text
        task_url = f"https://dx.angiang.gov.vn/tasks/{data['late'].id}#a"
        assert task_url in text
        assert f'href="{task_url}' in mail.body("html")
        police = by_rcpt["ca-cuong@angiang.gov.vn"].body("plain")
        assert "còn 1 ngày" in police and "quá hạn" not in police.split("Xem trong")[0].lower()

    def test_user_without_email_sees_the_digest_in_the_app(
        self, db: Session, units: Any, smtp: Any
    ):
        _handler, settings = smtp
        data = scenario(db)
        run(units, settings)
        quiet = data["users"][3]
        row = db.scalar(select(OutboxMessage).where(OutboxMessage.user_id == quiet.id))
        assert row is not None and row.state == OutboxState.no_email
        bell = db.scalar(select(Notification).where(Notification.user_id == quiet.id))
        assert bell is not None and bell.link == "/notifications/digests/2026-03-10"

    def test_nothing_sent_without_smtp_but_digest_kept(
        self, db: Session, units: Any, settings: Settings
    ):
        scenario(db)
        result = run(units, settings)
        assert result == {"sent": 0, "skipped_already_sent": 0, "failed": 0}
        states = db.scalars(select(OutboxMessage.state).where(OutboxMessage.day == AT)).all()
        assert sorted(states) == ["no_email", "pending", "pending", "pending"]


class TestStartTls:
    def test_message_travels_over_starttls(self, db: Session, units: Any, starttls_smtp: Any):
        handler, settings = starttls_smtp
        scenario(db)
        assert run(units, settings)["sent"] == 3
        assert handler.tls_seen == [True, True, True]

    def test_untrusted_certificate_fails_and_is_retried_later(
        self, db: Session, units: Any, starttls_smtp: Any
    ):
        handler, settings = starttls_smtp
        scenario(db)
        untrusting = settings.model_copy(update={"smtp_ca_file": None})
        assert run(units, untrusting) == {"sent": 0, "skipped_already_sent": 0, "failed": 3}
        assert run(units, settings) == {"sent": 3, "skipped_already_sent": 0, "failed": 0}
        assert len(handler.received) == 3


class TestIdempotence:
    def test_second_run_sends_nothing(self, db: Session, units: Any, smtp: Any):
        handler, settings = smtp
        scenario(db)
        run(units, settings)
        assert run(units, settings) == {"sent": 0, "skipped_already_sent": 3, "failed": 0}
        assert len(handler.received) == 3

    def test_server_failing_the_second_message_then_rerun_sends_exactly_it(
        self, db: Session, units: Any, smtp: Any
    ):
        handler, settings = smtp
        scenario(db)
        handler.fail_on = {2}
        assert run(units, settings) == {"sent": 2, "skipped_already_sent": 0, "failed": 1}
        first = {r.recipients[0] for r in handler.received}
        handler.fail_on = set()
        assert run(units, settings) == {"sent": 1, "skipped_already_sent": 2, "failed": 0}
        second = [r.recipients[0] for r in handler.received[2:]]
        assert len(second) == 1 and second[0] not in first
        assert len({r.recipients[0] for r in handler.received}) == 3

    def test_crash_mid_run_keeps_what_was_sent(self, db: Session, units: Any, smtp: Any):
        handler, settings = smtp

        class Crashing(SmtpSender):
            def send(self, message: Any) -> None:
                if len(handler.received) == 2:
                    raise KeyboardInterrupt  # the process dies between two sends
                super().send(message)

        scenario(db)
        with pytest.raises(KeyboardInterrupt):
            run(units, settings, sender_factory=Crashing)
        assert len(handler.received) == 2
        assert run(units, settings) == {"sent": 1, "skipped_already_sent": 2, "failed": 0}
        assert sorted(r.recipients[0] for r in handler.received) == [
            "bs-an@angiang.gov.vn",
            "bs-binh@angiang.gov.vn",
            "ca-cuong@angiang.gov.vn",
        ]

    def test_dry_run_writes_nothing(self, db: Session, units: Any, smtp: Any):
        handler, settings = smtp
        scenario(db)
        assert run(units, settings, dry_run=True) == {
            "sent": 3,
            "skipped_already_sent": 0,
            "failed": 0,
        }
        assert handler.received == []
        assert db.scalar(select(OutboxMessage.id).where(OutboxMessage.day == AT)) is None


class TestRules:
    def test_overdue_reminder_every_seven_days_only(self, db: Session, units: Any, smtp: Any):
        _handler, settings = smtp
        make_task(db, deadline=AT - timedelta(days=10), clause="5")  # 10 % 7 != 0
        officer(db, "bs-dung", "so-y-te")
        assert run(units, settings)["sent"] == 0

    def test_done_assignment_is_not_reminded(self, db: Session, units: Any, smtp: Any):
        from dxtrack.tasks.models import Assignment

        _handler, settings = smtp
        task = make_task(db, deadline=AT + timedelta(days=7))
        assignment = db.scalar(select(Assignment).where(Assignment.task_id == task.id))
        assignment.completed_on = AT - timedelta(days=1)
        officer(db, "bs-em", "so-y-te")
        assert run(units, settings)["sent"] == 0


class TestDifficulties:
    def test_coordinator_told_once_about_a_report_with_difficulties(
        self, db: Session, units: Any, smtp: Any
    ):
        from dxtrack.tasks.models import Assignment, ProgressState
        from dxtrack.tasks.progress import ProgressInput, report_progress

        handler, settings = smtp
        today = vn.today()
        task = make_task(db, deadline=today + timedelta(days=40), clause="7.c")
        assignment = db.scalar(select(Assignment).where(Assignment.task_id == task.id))
        report_progress(
            db,
            assignment_id=assignment.id,
            data=ProgressInput(
                state=ProgressState.blocked, difficulties="Thiếu kinh phí triển khai."
            ),
            expected_version=None,
            settings=settings,
            actor=make_user(db, "syt"),
        )
        boss = make_user(
            db, "cv-hoa", role=Role.coordinator, email="cv-hoa@angiang.gov.vn", full_name="Hoa"
        )
        once = run_notifications(units=units, settings=settings, at=today).to_json()
        assert once["sent"] == 1
        text = handler.received[0].body("plain")
        assert "BÁO CÁO NÊU KHÓ KHĂN, VƯỚNG MẮC (1)" in text
        assert "Sở Y tế (nhiệm vụ 7.c): “Thiếu kinh phí triển khai.”" in text
        run_notifications(units=units, settings=settings, at=today)
        kinds = db.scalars(select(Notification.kind).where(Notification.user_id == boss.id)).all()
        assert sorted(kinds) == ["difficulty", "digest"]
