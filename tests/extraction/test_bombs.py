"""Decompression guards count the bytes actually produced (issue 16.8): any stream syntax, any
filter chain, any zip header. Each count stops just past its limit: the peak memory
(tracemalloc) stays near the limit, far below what the stream unpacks to. Their speed is in
benchmarks/bench_hostile.py."""

from __future__ import annotations

import binascii
import io
import struct
import tracemalloc
import zipfile
import zlib

import pytest

from dxtrack.extraction.bombs import pdf_stream_bytes, zip_bytes
from dxtrack.extraction.errors import ExtractionError
from dxtrack.extraction.reader_docx import read_docx
from dxtrack.extraction.reader_pdf import read_pdf

LIMIT = 1_000_000
PAYLOAD = b"BT (x) Tj ET " * 800_000  # 10.4 MB of content


def pdf(stream: bytes, *, after: bytes = b"\n", filters: bytes = b"") -> bytes:
    head = b"%PDF-1.4\n1 0 obj\n<< /Length " + str(len(stream)).encode() + filters + b" >>\n"
    return head + b"stream" + after + stream + b"\nendstream\nendobj\n%%EOF\n"


def rle(data: bytes) -> bytes:
    out = bytearray()
    for start in range(0, len(data), 128):
        out += bytes([257 - 128]) + data[start : start + 1]  # 128 copies of one byte
    return bytes(out) + b"\x80"


FLATE = zlib.compress(PAYLOAD, 9)
CASES = {
    "LF": pdf(FLATE),
    "space": pdf(FLATE, after=b" "),
    "bare CR": pdf(FLATE, after=b"\r"),
    "CRLF": pdf(FLATE, after=b"\r\n"),
    "hex then flate": pdf(
        binascii.hexlify(FLATE) + b">", filters=b" /Filter [/ASCIIHexDecode /FlateDecode]"
    ),
    "abbreviated": pdf(binascii.hexlify(FLATE) + b">", filters=b" /Filter [/AHx /Fl]"),
    "lying dictionary": pdf(FLATE, filters=b" /Filter /DCTDecode /Foo /FlateDecode"),
    "run length": pdf(rle(b"A" * 2_000_000), filters=b" /Filter /RunLengthDecode"),
}


def counted_with_peak(data: bytes, limit: int) -> tuple[int, int]:
    """pdf_stream_bytes(data) and the peak Python memory it took (bytes)."""
    tracemalloc.start()
    try:
        return pdf_stream_bytes(data, limit=limit), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


class TestPdf:
    @pytest.mark.parametrize("name", list(CASES))
    def test_every_syntax_and_chain_is_counted(self, name: str):
        counted, peak = counted_with_peak(CASES[name], LIMIT)
        assert counted == LIMIT + 1
        assert peak < 2 * LIMIT  # stopped past the limit, 10.4 MB never decoded (<= 1.1 MB)
        with pytest.raises(ExtractionError) as error:
            read_pdf(CASES[name], max_unpacked=LIMIT)
        assert "giải nén quá lớn" in error.value.message

    def test_a_large_flate_stream_is_counted_not_held(self):
        packer, block = zlib.compressobj(1), b" " * (1 << 20)
        bomb = pdf(b"".join(packer.compress(block) for _ in range(250)) + packer.flush())
        assert len(bomb) < 2_000_000  # 250 MB of spaces
        counted, peak = counted_with_peak(bomb, 200_000_000)
        assert counted == 200_000_001
        assert peak < 8_000_000  # 64 KB pieces: 2.7 MB measured (240 MB when held whole)

    def test_a_stream_ending_on_a_full_piece_is_counted(self):
        # 2 x 64 KB, then the line break before `endstream`: once looped forever on that byte
        exact = (b"BT ET " * 30_000)[: 2 * 65_536]
        assert pdf_stream_bytes(pdf(zlib.compress(exact)), limit=LIMIT) == 2 * 65_536

    def test_small_streams_pass(self):
        small = pdf(zlib.compress(b"BT ET " * 100), filters=b" /Filter /FlateDecode")
        assert pdf_stream_bytes(small, limit=LIMIT) == 600
        hexed = pdf(binascii.hexlify(b"abc") + b">", filters=b" /Filter /ASCIIHexDecode")
        assert pdf_stream_bytes(hexed, limit=LIMIT) == 3


def docx_with_false_sizes(real: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", real)
    data = bytearray(buffer.getvalue())
    central = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 10)  # the directory claims 10 bytes
    return bytes(data)


class TestZip:
    def test_false_header_sizes_are_refused_before_parsing(self):
        data = docx_with_false_sizes(b"<w:document>" + b"a" * 5_000_000 + b"</w:document>")
        archive = zipfile.ZipFile(io.BytesIO(data))
        assert sum(i.file_size for i in archive.infolist()) < 100  # what the old guard trusted
        with pytest.raises(ExtractionError):
            read_docx(data, max_unpacked=LIMIT)

    def test_produced_bytes_are_counted(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("word/document.xml", b"a" * 3_000_000)
        archive = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
        assert zip_bytes(archive, limit=LIMIT) == LIMIT + 1
        assert zip_bytes(archive, limit=10 * LIMIT) == 3_000_000
        with pytest.raises(ExtractionError) as error:
            read_docx(buffer.getvalue(), max_unpacked=LIMIT)
        assert "giải nén quá lớn" in error.value.message
