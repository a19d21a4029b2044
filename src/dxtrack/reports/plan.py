"""Kind `plan` (kết quả thực hiện kế hoạch): needs the plans and indicators domain."""

from __future__ import annotations

from dxtrack.errors import Invalid


def check_plan_supported(plan: str | None) -> None:
    if not plan:
        raise Invalid("Báo cáo kết quả thực hiện kế hoạch cần mã kế hoạch (--plan MÃ).")
    raise Invalid(
        "Loại báo cáo «plan» (kết quả thực hiện kế hoạch) chưa hỗ trợ: chức năng kế hoạch và "
        "chỉ tiêu chưa có trong phiên bản này. Hãy dùng «tasks» hoặc «overdue»."
    )
