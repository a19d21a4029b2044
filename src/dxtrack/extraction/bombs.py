"""Decompression bomb guards that measure the bytes actually produced, never declared sizes.

PDF: every stream is found whatever the whitespace after its `stream` keyword (LF, CRLF, a
bare CR, spaces), and decoded through its whole filter chain (Flate, LZW, RunLength,
ASCIIHex, ASCII85, abbreviated or not, in any order) with a byte budget: decoding stops as
soon as the file's total passes the limit. A stream without a readable /Filter is tried as
Flate too (a dictionary can lie). Image codecs (DCT, JPX, CCITT, JBIG2) are not decoded by the
text reader, so their raw bytes count.

ZIP (DOCX): every entry is read through the zip reader in chunks and its produced bytes are
counted, so a header that declares false sizes cannot hide a bomb.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator

_STREAM = re.compile(rb"(?<!end)stream(?=[\x00\t\n\x0c\r ])")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_CHUNK = 1 << 16
_DICT_WINDOW = 4096

_ALIASES = {
    b"Fl": b"FlateDecode",
    b"LZW": b"LZWDecode",
    b"RL": b"RunLengthDecode",
    b"AHx": b"ASCIIHexDecode",
    b"A85": b"ASCII85Decode",
}


class TooBig(Exception):
    """Raised by a decoder that passed its budget."""


def _inflated(data: bytes) -> Iterator[bytes]:
    """Flate output in pieces of at most _CHUNK bytes (stops quietly at a damaged or finished
    stream), so a caller can count a bomb's output without holding it."""
    inflater = zlib.decompressobj()
    try:
        for start in range(0, len(data), _CHUNK):
            pending = data[start : start + _CHUNK]
            while not inflater.eof:  # past the end, a tail moves to unused_data forever
                piece = inflater.decompress(pending, _CHUNK)
                yield piece
                pending = inflater.unconsumed_tail
                if not pending and len(piece) < _CHUNK:  # a full piece may hold more back
                    break
            if inflater.eof:
                break
    except zlib.error:
        return


def inflate(data: bytes, budget: int) -> bytes:
    """Flate with at most about `budget` bytes out (raises TooBig past it)."""
    out = bytearray()
    for piece in _inflated(data):
        out += piece
        if len(out) > budget:
            raise TooBig
    return bytes(out)


def inflated_size(data: bytes, budget: int) -> int:
    """Bytes Flate produces, counted without keeping them (raises TooBig past `budget`)."""
    total = 0
    for piece in _inflated(data):
        total += len(piece)
        if total > budget:
            raise TooBig
    return total


def _lzw(data: bytes, budget: int) -> bytes:
    from pdfminer.lzw import LZWDecoder

    out = bytearray()
    try:
        for piece in LZWDecoder(io.BytesIO(data)).run():
            out += piece
            if len(out) > budget:
                raise TooBig
    except TooBig:
        raise
    except Exception:  # noqa: BLE001 - a damaged LZW stream ends the count
        return bytes(out)
    return bytes(out)


def _run_length(data: bytes, budget: int) -> bytes:
    out, i = bytearray(), 0
    while i < len(data) and data[i] != 128:
        length = data[i]
        if length < 128:
            out += data[i + 1 : i + 2 + length]
            i += length + 2
        else:
            out += data[i + 1 : i + 2] * (257 - length)
            i += 2
        if len(out) > budget:
            raise TooBig
    return bytes(out)


def _hex(data: bytes, _budget: int) -> bytes:
    digits = re.sub(rb"[^0-9A-Fa-f]", b"", data.split(b">")[0])
    try:
        return binascii.unhexlify(digits + b"0" * (len(digits) % 2))
    except binascii.Error:
        return b""


def _a85(data: bytes, budget: int) -> bytes:
    body = data.split(b"~>")[0].removeprefix(b"<~")
    if len(body) * 4 > budget and body.count(b"z") * 4 + len(body) > budget:
        raise TooBig
    try:
        return base64.a85decode(re.sub(rb"\s", b"", body))
    except ValueError:
        return b""


DECODERS: dict[bytes, Callable[[bytes, int], bytes]] = {
    b"FlateDecode": inflate,
    b"LZWDecode": _lzw,
    b"RunLengthDecode": _run_length,
    b"ASCIIHexDecode": _hex,
    b"ASCII85Decode": _a85,
}


def _chains(data: bytes, keyword: int) -> list[list[bytes] | None]:
    """Filter chains to try on a stream: each /Filter of the dictionary just before its keyword,
    and plain Flate (None) whatever the dictionary claims (it can lie, e.g. claim an image)."""
    head = data[max(0, keyword - _DICT_WINDOW) : keyword]
    head = head[head.rfind(b"obj") + 3 :] if b"obj" in head else head
    chains: list[list[bytes] | None] = [None]
    for found in _FILTER.finditer(head):
        names = _NAME.findall(found.group(1))
        chains.append([_ALIASES.get(name, name) for name in names])
    if [b"FlateDecode"] in chains:  # the same work twice otherwise
        chains.remove(None)
    return chains


def _decode(raw: bytes, filters: list[bytes] | None, budget: int) -> int:
    """Bytes the chain produces from `raw` (raises TooBig past `budget`); 0 when the text reader
    would not expand it (an image codec, an unknown filter)."""
    data, decoded = raw, False
    names = filters if filters is not None else [b"FlateDecode"]
    for position, name in enumerate(names):
        if name == b"FlateDecode" and position == len(names) - 1:
            return inflated_size(data, budget)  # the last stage is counted, never held
        decoder = DECODERS.get(name)
        if decoder is None:
            break
        data, decoded = decoder(data, budget), True
        if len(data) > budget:
            raise TooBig
    return len(data) if decoded else 0


def pdf_stream_bytes(data: bytes, *, limit: int) -> int:
    """Total bytes the file's streams decode to, counted until just past `limit`."""
    total = 0
    for match in _STREAM.finditer(data):
        start = match.end()
        end = data.find(b"endstream", start)
        raw = data[start : end if end != -1 else len(data)]
        best = 0
        for filters in _chains(data, match.start()):
            for skip in range(3):  # CRLF, LF, CR or spaces before the data
                if skip and raw[skip - 1 : skip] not in (b"\r", b"\n", b" ", b"\t"):
                    break
                try:
                    best = max(best, _decode(raw[skip:], filters, limit - total))
                except TooBig:
                    return limit + 1
        total += best
        if total > limit:
            return limit + 1
    return total


def zip_bytes(archive: zipfile.ZipFile, *, limit: int) -> int:
    """Bytes the entries actually decompress to, counted until just past `limit`.

    Raises zipfile.BadZipFile (or zlib.error) on a damaged entry."""
    total = 0
    for info in archive.infolist():
        with archive.open(info) as entry:
            while chunk := entry.read(_CHUNK):
                total += len(chunk)
                if total > limit:
                    return limit + 1
    return total
