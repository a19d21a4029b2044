"""Sorted assignment pages (tasks/listing.py): pages join up into the full order."""

from __future__ import annotations

from datetime import date

import pytest
from builders import make_task
from sqlalchemy.orm import Session

from dxtrack import vn
from dxtrack.tasks.listing import list_assignments_sorted
from dxtrack.tasks.queries import Filters

AT = date(2025, 12, 11)


def _pages(db: Session, sort: str, descending: bool, size: int) -> list:
    rows, page, more = [], 1, True
    while more:
        found, more = list_assignments_sorted(
            db,
            filters=Filters(),
            at=AT,
            user=None,
            sort=sort,
            descending=descending,
            page=page,
            page_size=size,
            sort_key=vn.sort_key,
        )
        rows += found
        page += 1
    return rows


class TestSortedPages:
    @pytest.mark.parametrize("descending", [False, True])
    def test_agency_pages_join_up(self, db: Session, descending: bool):
        make_task(db, lead=["Các sở, ban, ngành tỉnh"], deadline=date(2025, 12, 10))
        make_task(db, lead=["Sở Y tế", "Công an tỉnh"], deadline=date(2026, 1, 10))
        rows = _pages(db, "agency", descending, size=7)
        keys = [vn.sort_key(r.agency_name) for r in rows]
        assert keys == sorted(keys, reverse=descending)
        assert len({r.id for r in rows}) == len(rows) > 17
        for name in ("Sở Y tế", "Công an tỉnh"):
            ids = [r.id for r in rows if r.agency_name == name]
            assert ids == sorted(ids) and len(ids) == 2

    @pytest.mark.parametrize("sort", ["status", "percent", "updated", "deadline"])
    def test_other_orders_cover_every_row(self, db: Session, sort: str):
        make_task(db, lead=["Các sở, ban, ngành tỉnh"], deadline=date(2025, 12, 10))
        make_task(db, lead=["Sở Y tế"])
        everything = _pages(db, sort, True, size=1000)
        assert sorted(r.id for r in _pages(db, sort, True, size=5)) == sorted(
            r.id for r in everything
        )
