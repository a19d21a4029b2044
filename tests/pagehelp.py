"""Helpers for page tests: log in through the form, read the CSRF token, query HTML with XPath."""

from __future__ import annotations

from typing import Any

import lxml.html
from builders import PASSWORD, make_user
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from dxtrack.auth.sessions import COOKIE_NAME, make_session_cookie


def page_login(client: TestClient, db: Session, username: str) -> str:
    """Log `username` (a cast member) in through the login form; returns the CSRF token."""
    make_user(db, username)
    form = {"username": username, "password": PASSWORD, "csrf_token": login_token(client)}
    response = client.post("/login", data=form, follow_redirects=False)
    assert response.status_code == 303, response.text
    return csrf_token(client.get("/").text)


def login_token(client: TestClient) -> str:
    """Open the login form (which sets the pre-session cookie) and return its CSRF token."""
    return csrf_token(client.get("/login").text)


def page_session(client: TestClient, db: Session, username: str) -> str:
    """A signed session cookie for `username` without the login form (no password check).

    Returns the session's CSRF token. Page tests use it; TestLogin covers the form itself.
    """
    user = make_user(db, username)
    settings = client.app.state.settings  # type: ignore[attr-defined]
    value, session = make_session_cookie(db, settings, user.id)
    client.cookies.set(COOKIE_NAME, value)
    return session.csrf


def html(text: str) -> Any:
    return lxml.html.fromstring(text)


def csrf_token(text: str) -> str:
    values = html(text).xpath("//input[@name='csrf_token']/@value")
    assert values, "no csrf_token field on the page"
    return values[0]


def texts(text: str, xpath: str) -> list[str]:
    """Normalised text of every element matching `xpath`."""
    return [" ".join(node.text_content().split()) for node in html(text).xpath(xpath)]


def one(text: str, xpath: str) -> Any:
    nodes = html(text).xpath(xpath)
    assert len(nodes) == 1, f"{xpath}: {len(nodes)} matches"
    return nodes[0]
