"""Quản trị (`/admin/...`): users, the agency directory import, the audit log."""
