"""Small helpers for API tests: log in a cast member and get bearer headers."""

from __future__ import annotations

from builders import PASSWORD, make_user
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session


def login(client: TestClient, db: Session, username: str) -> dict[str, str]:
    make_user(db, username)
    response = client.post("/api/v1/auth/token", json={"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}
