"""Fixtures for the notification tests: a real SMTP server (aiosmtpd) on 127.0.0.1, with
STARTTLS on a throwaway self-signed certificate, and units of work on the test's session."""

from __future__ import annotations

import datetime as dt
import email
import ipaddress
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from apihelp import committing
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy.orm import Session

from dxtrack.config import Settings


@dataclass
class Received:
    recipients: list[str]
    message: Message

    def body(self, subtype: str = "plain") -> str:
        for part in self.message.walk():
            if part.get_content_type() == f"text/{subtype}":
                return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
        raise AssertionError(f"no text/{subtype} part")

    @property
    def subject(self) -> str:
        return str(email.header.make_header(email.header.decode_header(self.message["Subject"])))


@dataclass
class Handler:
    """Stores what arrives; refuses the messages whose 1-based numbers are in `fail_on`."""

    received: list[Received] = field(default_factory=list)
    fail_on: set[int] = field(default_factory=set)
    count: int = 0
    tls_seen: list[bool] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.count += 1
        self.tls_seen.append(session.ssl is not None)
        if self.count in self.fail_on:
            return "554 5.0.0 Refused for the test"
        message = email.message_from_bytes(envelope.content)
        self.received.append(Received(list(envelope.rcpt_tos), message))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def smtp_server(**kwargs: Any) -> Iterator[tuple[Handler, int]]:
    handler = Handler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


@pytest.fixture
def smtp(settings: Settings) -> Iterator[tuple[Handler, Settings]]:
    """A plain SMTP server and the settings pointing at it."""
    with smtp_server() as (handler, port):
        yield (
            handler,
            settings.model_copy(
                update={
                    "smtp_host": "127.0.0.1",
                    "smtp_port": port,
                    "base_url": "https://dx.angiang.gov.vn",
                }
            ),
        )


def self_signed(directory: Path) -> tuple[Path, Path]:
    """A throwaway certificate for 127.0.0.1 (IP address SAN) and its key, as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = directory / "cert.pem", directory / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


@pytest.fixture
def starttls_smtp(settings: Settings, tmp_path: Path) -> Iterator[tuple[Handler, Settings]]:
    """An SMTP server that requires STARTTLS, and settings trusting its certificate."""
    cert, key = self_signed(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    with smtp_server(tls_context=context, require_starttls=True) as (handler, port):
        yield (
            handler,
            settings.model_copy(
                update={
                    "smtp_host": "127.0.0.1",
                    "smtp_port": port,
                    "smtp_tls": "starttls",
                    "smtp_ca_file": cert,
                }
            ),
        )


@pytest.fixture
def units(db: Session) -> Any:
    """Units of work for the runner on the test's session (each commit is a SAVEPOINT)."""

    @contextmanager
    def unit() -> Iterator[Session]:
        yield from committing(db)

    return unit
