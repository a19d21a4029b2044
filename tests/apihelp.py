"""Small helpers for API tests: the app on the test's session, log in a cast member and get
bearer headers."""

from __future__ import annotations

from collections.abc import Iterator

from builders import PASSWORD, make_user
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from dxtrack.deps import get_db


def committing(db: Session) -> Iterator[Session]:
    """The test's session as one unit of work: committed (a SAVEPOINT of the test's
    transaction) when the caller is done, rolled back when it raises."""
    try:
        yield db
        db.commit()
    except BaseException:
        db.rollback()
        raise


def on_session(app: FastAPI, db: Session) -> FastAPI:
    """The app serving every request on the test's session: each request commits or rolls
    back a SAVEPOINT of it."""

    def override() -> Iterator[Session]:
        yield from committing(db)

    app.dependency_overrides[get_db] = override
    return app


def login(client: TestClient, db: Session, username: str) -> dict[str, str]:
    make_user(db, username)
    response = client.post("/api/v1/auth/token", json={"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}
