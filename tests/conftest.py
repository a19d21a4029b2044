"""Fixtures shared by the tracking-core tests: both databases, rolled-back sessions, API client.

PostgreSQL: a throwaway cluster (Debian's binaries, run as the `postgres` user because
initdb refuses root) on 127.0.0.1 in a temporary directory, started once per session.
Each test runs inside a transaction rolled back at the end (SAVEPOINTs for the app's commits).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from apihelp import on_session
from argon2 import PasswordHasher
from fastapi.testclient import TestClient
from pgcluster import pg_bin, pg_cluster
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from dxtrack.app import create_app
from dxtrack.auth import passwords
from dxtrack.bootstrap import initialise
from dxtrack.config import Settings, use_settings
from dxtrack.db import dispose_engines, get_engine

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashing() -> Iterator[None]:
    """Cheap argon2 parameters for tests that create users (the real ones cost up to half a
    second per hash on a busy 2-core machine); still argon2, still verified."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
        )
        yield


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """Base URL of a throwaway PostgreSQL server (skips PostgreSQL tests if unavailable)."""
    if os.environ.get("DXTRACK_TEST_PG_URL"):
        yield os.environ["DXTRACK_TEST_PG_URL"]
        return
    if pg_bin() is None:
        pytest.skip("PostgreSQL server binaries not installed (apt-get install postgresql)")
    with pg_cluster("-c synchronous_commit=off -c full_page_writes=off") as url:
        try:
            yield url
        finally:
            dispose_engines()


def create_pg_database(server: str) -> str:
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return f"{server}/{name}"


def fresh_url(backend: str, request: pytest.FixtureRequest, directory: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{directory / 'dxtrack.sqlite3'}"
    return create_pg_database(request.getfixturevalue("pg_server"))


@pytest.fixture(autouse=True)
def close_fresh_engines(request: pytest.FixtureRequest) -> Iterator[None]:
    """After each test, close the pools of databases made for that test alone (a test's fresh
    PostgreSQL database would otherwise keep its idle connections until the session ends, and
    a few hundred such tests exceed the server's max_connections); the shared migrated
    databases keep theirs."""
    yield
    shared = [s.db_url for s in _MIGRATED.values()]
    dispose_engines(keep=shared)


_MIGRATED: dict[str, Settings] = {}


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="session")
def migrated(
    backend: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    """Settings of a database migrated to head with the default directory (committed once)."""
    directory = tmp_path_factory.mktemp(f"data-{backend}")
    settings = Settings(data_dir=directory, database_url=fresh_url(backend, request, directory))
    initialise(settings)
    _MIGRATED[backend] = settings
    return settings


@pytest.fixture
def settings(migrated: Settings, tmp_path: Path) -> Settings:
    """The migrated database, with this test's own data directory for stored files."""
    return migrated.model_copy(update={"data_dir": tmp_path})


@pytest.fixture
def engine(migrated: Settings) -> Engine:
    return get_engine(migrated)


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    """A session whose work is rolled back at the end of the test."""
    connection = engine.connect()
    outer = connection.begin()
    session = Session(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )
    try:
        yield session
    finally:
        session.close()
        if outer.is_active:
            outer.rollback()
        connection.close()


@pytest.fixture
def client(settings: Settings, db: Session) -> Iterator[TestClient]:
    """The API on the test's session: each request commits or rolls back a SAVEPOINT."""
    app = on_session(create_app(settings), db)
    with TestClient(app, raise_server_exceptions=True) as test_client:
        yield test_client


@pytest.fixture
def fresh_settings(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Settings]:
    """An empty (unmigrated) database of this backend, for CLI and migration tests."""
    settings = Settings(data_dir=tmp_path, database_url=fresh_url(backend, request, tmp_path))
    yield settings
    use_settings(None)
