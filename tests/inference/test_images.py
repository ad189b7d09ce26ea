"""Images are checked before any model work: one error code per kind of bad file."""

import struct
import zlib

import pytest
from PIL import Image

from inference.errors import CairnError, ErrorCode
from inference.media.images import load_image


def _png_header_only(path, width, height):
    """A PNG whose header claims width x height but holds a tiny compressed body."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b""))


def code_of(path):
    with pytest.raises(CairnError) as e:
        load_image(path)
    return e.value.code


def test_good_image_is_downscaled(tmp_path):
    p = tmp_path / "big.jpg"
    Image.new("RGB", (4000, 3000), (10, 200, 30)).save(p, quality=80)
    img = load_image(p)
    assert img.mode == "RGB"
    assert max(img.size) <= 1792


def test_missing(tmp_path):
    assert code_of(tmp_path / "nope.png") == ErrorCode.IMAGE_NOT_FOUND


def test_not_an_image(tmp_path):
    p = tmp_path / "notes.png"
    p.write_text("hello, not a picture")
    assert code_of(p) == ErrorCode.IMAGE_UNREADABLE


def test_empty(tmp_path):
    p = tmp_path / "empty.jpg"
    p.write_bytes(b"")
    assert code_of(p) == ErrorCode.IMAGE_UNREADABLE


def test_truncated(tmp_path):
    p = tmp_path / "cut.png"
    Image.effect_noise((300, 300), 50).convert("RGB").save(p)
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])
    assert code_of(p) == ErrorCode.IMAGE_TRUNCATED


def test_decompression_bomb_refused_from_header(tmp_path):
    p = tmp_path / "bomb.png"
    _png_header_only(p, 60000, 60000)
    assert p.stat().st_size < 1000
    assert code_of(p) == ErrorCode.IMAGE_TOO_LARGE
