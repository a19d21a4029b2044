"""/api/v1/auth and /api/v1/users."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from dxtrack.agencies.models import Agency
from dxtrack.auth import service
from dxtrack.auth.login import attempt_login
from dxtrack.auth.models import User
from dxtrack.auth.schemas import TokenCreate, TokenRead, UserCreate, UserRead
from dxtrack.deps import Admin, AppSettings, CurrentUser, Db

router = APIRouter(tags=["auth"])


def user_read(db: Session, user: User) -> UserRead:
    agency = db.get(Agency, user.agency_id) if user.agency_id else None
    return UserRead(
        username=user.username,
        role=user.role,
        agency=agency.code if agency else None,
        email=user.email,
        full_name=user.full_name,
    )


@router.post(
    "/auth/token",
    response_model=TokenRead,
    responses={401: {"description": "sai tên hoặc mật khẩu"}, 429: {"description": "tạm khóa"}},
)
def create_token(
    body: TokenCreate, request: Request, db: Db, settings: AppSettings
) -> TokenRead | JSONResponse:
    outcome = attempt_login(
        db,
        username=body.username,
        password=body.password,
        address=request.client.host if request.client else "",
        settings=settings,
        via="api",
    )
    if outcome.user is None:  # returned, not raised: the failure is committed and counted
        code = "too_many_attempts" if outcome.status == 429 else "unauthorized"
        headers = {"Retry-After": str(outcome.retry_after)} if outcome.retry_after else None
        return JSONResponse(
            {"error": code, "detail": outcome.message}, status_code=outcome.status, headers=headers
        )
    token = service.issue_token(db, user=outcome.user, ttl_days=settings.token_ttl_days)
    return TokenRead(token=token, user=user_read(db, outcome.user))


@router.get("/auth/me", response_model=UserRead)
def read_me(db: Db, user: CurrentUser) -> UserRead:
    return user_read(db, user)


@router.get("/users", response_model=list[UserRead])
def list_users(db: Db, _admin: Admin) -> list[UserRead]:
    return [user_read(db, user) for user in service.list_users(db)]


@router.post("/users", response_model=UserRead, status_code=201)
def create_user(body: UserCreate, db: Db, admin: Admin) -> UserRead:
    user = service.create_user(
        db,
        username=body.username,
        password=body.password,
        role=body.role,
        agency_code=body.agency,
        email=body.email,
        full_name=body.full_name,
        actor=admin,
    )
    return user_read(db, user)
