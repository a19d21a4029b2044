"""API shapes for agencies and groups."""

from __future__ import annotations

from pydantic import BaseModel


class AgencyRead(BaseModel):
    code: str
    name: str
    kind: str
    parent_code: str | None
    aliases: list[str]


class GroupRead(BaseModel):
    code: str
    name: str
    aliases: list[str]
    members: list[str]


class MatchRead(BaseModel):
    kind: str
    code: str
    name: str


class ResolveRead(BaseModel):
    name: str
    match: MatchRead | None
