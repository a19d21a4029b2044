"""API shapes for agencies and groups."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel


class FormerNameRead(BaseModel):
    name: str
    code: str | None
    valid_from: date | None
    valid_to: date | None


class AgencyRead(BaseModel):
    code: str
    name: str
    kind: str
    parent_code: str | None
    aliases: list[str]
    former: list[FormerNameRead] = []


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
