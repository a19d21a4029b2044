"""Every domain's models, imported so Base.metadata is complete (Alembic, tests)."""

from __future__ import annotations

import dxtrack.agencies.models
import dxtrack.audit.models
import dxtrack.auth.models
import dxtrack.documents.models
import dxtrack.indicators.models
import dxtrack.jobs.models
import dxtrack.locks
import dxtrack.notifications.models
import dxtrack.sync.models
import dxtrack.tasks.models  # noqa: F401
