"""Backup signing (HMAC-SHA256 of the manifest) and optional encryption (AES-256-GCM).

Signing: the manifest lists every table's SHA-256, its row count and every stored file (each
named by its own SHA-256), so its HMAC under `DXTRACK_BACKUP_KEY` covers the whole archive.
Whoever can write the backup but lacks the key cannot edit a row, recompute the checksums and
have `restore` accept it. The key is kept apart from the backups.

Encryption (optional, `--passphrase-file` or `--key-file`): the finished archive is cut into
1 MiB chunks, each sealed with AES-256-GCM under a key derived from the passphrase (scrypt) or
from the key file (HKDF), with a per-file random salt and nonce prefix; each chunk's nonce holds
its number and a last-chunk flag, so reordering, dropping or truncating chunks is detected.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from dxtrack.errors import Invalid

MAGIC = b"DXTRACK-ENC\x01"
CHUNK = 1 << 20
_HEADER = len(MAGIC) + 1 + 16 + 7

MISSING_KEY = (
    "Chưa có khóa ký bản sao lưu: đặt biến môi trường DXTRACK_BACKUP_KEY (ít nhất 32 ký tự, ví "
    "dụ tạo bằng «openssl rand -hex 32») và cất giữ khóa ở nơi khác với các bản sao lưu; cần "
    "đúng khóa này để kiểm tra và khôi phục."
)


def _key_bytes(key: str) -> bytes:
    if not key:
        raise Invalid(MISSING_KEY)
    if len(key) < 32:
        raise Invalid("Khóa ký bản sao lưu (DXTRACK_BACKUP_KEY) quá ngắn: cần ít nhất 32 ký tự.")
    return key.encode()


def key_id(key: str) -> str:
    """A short fingerprint of the key, written in the manifest (not secret)."""
    return hashlib.sha256(b"dxtrack-backup-key-id:" + _key_bytes(key)).hexdigest()[:12]


def sign(manifest: bytes, key: str) -> str:
    return hmac.new(_key_bytes(key), manifest, hashlib.sha256).hexdigest()


def verify(manifest: bytes, signature: str, key: str, *, signed_with: str | None) -> None:
    """Raise Invalid unless `signature` is the manifest's HMAC under `key`."""
    expected = sign(manifest, key)
    if hmac.compare_digest(expected, signature.strip()):
        return
    if signed_with and signed_with != key_id(key):
        raise Invalid(
            f"Bản sao lưu được ký bằng một khóa khác (mã khóa {signed_with}, khóa hiện tại "
            f"{key_id(key)}): hãy đặt đúng DXTRACK_BACKUP_KEY đã dùng khi sao lưu."
        )
    raise Invalid(
        "Chữ ký của bản sao lưu không khớp: mục lục đã bị sửa sau khi sao lưu; không khôi phục."
    )


@dataclass(frozen=True)
class Secret:
    """What encrypts a backup: a passphrase, or the bytes of a key file."""

    passphrase: str | None = None
    key_file: bytes | None = None

    @classmethod
    def from_files(cls, *, passphrase_file: Path | None, key_file: Path | None) -> Secret | None:
        if passphrase_file and key_file:
            raise Invalid("Chỉ dùng một trong hai: --passphrase-file hoặc --key-file.")
        if passphrase_file:
            lines = passphrase_file.read_text(encoding="utf-8").splitlines()
            phrase = lines[0] if lines else ""
            if len(phrase) < 12:
                raise Invalid("Mật khẩu mã hóa bản sao lưu quá ngắn: cần ít nhất 12 ký tự.")
            return cls(passphrase=phrase)
        if key_file:
            data = key_file.read_bytes()
            if len(data) < 32:
                raise Invalid("Tệp khóa mã hóa quá ngắn: cần ít nhất 32 byte ngẫu nhiên.")
            return cls(key_file=data)
        return None

    @property
    def mode(self) -> bytes:
        return b"P" if self.passphrase is not None else b"K"

    def derive(self, salt: bytes, mode: bytes) -> bytes:
        if mode != self.mode:
            wanted = "mật khẩu (--passphrase-file)" if mode == b"P" else "tệp khóa (--key-file)"
            raise Invalid(f"Bản sao lưu này được mã hóa bằng {wanted}.")
        if self.passphrase is not None:
            return Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(self.passphrase.encode())
        assert self.key_file is not None
        hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"dxtrack-backup")
        return hkdf.derive(self.key_file)


def _nonce(prefix: bytes, number: int, last: bool) -> bytes:
    return prefix + struct.pack(">I?", number, last)


def encrypt(source: Path, target: IO[bytes], secret: Secret) -> None:
    salt, prefix = os.urandom(16), os.urandom(7)
    header = MAGIC + secret.mode + salt + prefix
    aead = AESGCM(secret.derive(salt, secret.mode))
    target.write(header)
    size, number = source.stat().st_size, 0
    with source.open("rb") as handle:
        while True:
            chunk = handle.read(CHUNK)
            last = handle.tell() >= size
            sealed = aead.encrypt(_nonce(prefix, number, last), chunk, header)
            target.write(struct.pack(">I", len(sealed)) + sealed)
            number += 1
            if last:
                return


def is_encrypted(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def decrypt(source: Path, target: IO[bytes], secret: Secret | None) -> None:
    """Write the plain archive; Invalid on a wrong secret, an edit or a truncation."""
    if secret is None:
        raise Invalid(
            "Bản sao lưu được mã hóa: cần --passphrase-file hoặc --key-file đã dùng khi sao lưu."
        )
    broken = Invalid(
        "Không giải mã được bản sao lưu: sai mật khẩu hoặc tệp khóa, hoặc tệp đã bị sửa hay "
        "bị cắt cụt."
    )
    with source.open("rb") as handle:
        header = handle.read(_HEADER)
        if len(header) != _HEADER:
            raise broken
        mode, salt, prefix = header[12:13], header[13:29], header[29:]
        aead = AESGCM(secret.derive(salt, mode))
        number = 0
        while True:
            length = handle.read(4)
            if len(length) != 4:
                raise broken  # no last chunk: truncated
            sealed = handle.read(struct.unpack(">I", length)[0])
            try:
                plain, last = _open(aead, prefix, number, sealed, header)
            except InvalidTag:
                raise broken from None
            target.write(plain)
            number += 1
            if last:
                if handle.read(1):
                    raise broken
                return


def _open(
    aead: AESGCM, prefix: bytes, number: int, sealed: bytes, header: bytes
) -> tuple[bytes, bool]:
    try:
        return aead.decrypt(_nonce(prefix, number, False), sealed, header), False
    except InvalidTag:
        return aead.decrypt(_nonce(prefix, number, True), sealed, header), True
