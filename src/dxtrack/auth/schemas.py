"""API shapes for users and tokens."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from dxtrack.auth.models import Role


class TokenCreate(BaseModel):
    model_config = ConfigDict(strict=True)
    username: str = Field(min_length=1, max_length=80)
    password: str = Field(min_length=1, max_length=200)


class UserRead(BaseModel):
    username: str
    role: Role
    agency: str | None
    email: str | None
    full_name: str | None


class TokenRead(BaseModel):
    token: str
    token_type: str = "bearer"
    user: UserRead


class UserCreate(BaseModel):
    model_config = ConfigDict(strict=True)
    username: str = Field(min_length=1, max_length=80, pattern=r"^[A-Za-z0-9._-]+$")
    password: str = Field(min_length=8, max_length=200)
    role: Role = Field(strict=False)
    agency: str | None = None
    email: str | None = None
    full_name: str | None = None
