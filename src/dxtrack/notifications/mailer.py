"""Sending e-mail over SMTP (smtplib): one connection per run, TLS as configured.

`DXTRACK_SMTP_TLS`: `none` (plain), `starttls` (upgrade after EHLO), `ssl` (TLS from the
start). Certificates are verified against the system CAs or `DXTRACK_SMTP_CA_FILE`.
"""

from __future__ import annotations

import smtplib
import ssl
from email.header import Header
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formatdate, make_msgid
from types import TracebackType
from typing import Self

from dxtrack.config import Settings

TIMEOUT_SECONDS = 30


def smtp_configured(settings: Settings) -> bool:
    return bool(settings.smtp_host.strip())


def build_message(settings: Settings, *, to: str, subject: str, text: str, html: str) -> Message:
    """multipart/alternative, UTF-8 (built with the compat32 classes: several times faster
    to build and flatten than EmailMessage's header registry, for thousands of digests)."""
    message = MIMEMultipart("alternative")
    message["From"] = settings.smtp_from
    message["To"] = to
    message["Subject"] = Header(subject, "utf-8").encode()
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="dxtrack")
    message.attach(MIMEText(text, "plain", "utf-8"))
    message.attach(MIMEText(html, "html", "utf-8"))
    return message


class SmtpSender:
    """A lazily opened SMTP connection; `send()` raises smtplib/OS errors to the caller."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None

    def _tls_context(self) -> ssl.SSLContext:
        ca = self.settings.smtp_ca_file
        return ssl.create_default_context(cafile=str(ca) if ca else None)

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        if s.smtp_tls == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                s.smtp_host, s.smtp_port, timeout=TIMEOUT_SECONDS, context=self._tls_context()
            )
        else:
            smtp = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=TIMEOUT_SECONDS)
            if s.smtp_tls == "starttls":
                smtp.starttls(context=self._tls_context())
        if s.smtp_user:
            smtp.login(s.smtp_user, s.smtp_password)
        return smtp

    def send(self, message: Message) -> None:
        if self._smtp is None:
            self._smtp = self._connect()
        try:
            self._smtp.send_message(message)
        except (smtplib.SMTPServerDisconnected, OSError):
            self.close()
            raise

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (smtplib.SMTPException, OSError):
                self._smtp.close()
            self._smtp = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
