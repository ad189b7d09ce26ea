"""Videos made at test time with cv2.VideoWriter: solid-colour scenes of known lengths."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest

# (seconds, RGB colour): unequal lengths, several under a second. Colours far apart in hue.
SCENES = (
    (1.6, (220, 30, 30)),
    (0.4, (30, 200, 40)),
    (1.1, (30, 40, 220)),
    (0.2, (230, 220, 30)),
    (2.3, (200, 30, 200)),
    (0.5, (30, 210, 210)),
    (0.9, (250, 140, 20)),
)


def write_video(
    path: Path,
    scenes=SCENES,
    *,
    fps: float = 30.0,
    size: tuple[int, int] = (320, 240),
    fourcc: str = "MJPG",
    moving_box: bool = True,
) -> list[tuple[float, float, tuple[int, int, int]]]:
    """Write the scenes; returns each scene's (start, end, rgb) in seconds, by frame count."""
    import cv2

    w, h = size
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*fourcc), fps, (w, h))
    assert writer.isOpened(), f"cannot write {fourcc} to {path.suffix}"
    spans = []
    index = 0
    for seconds, rgb in scenes:
        n = round(seconds * fps)
        spans.append((index / fps, (index + n) / fps, rgb))
        base = np.empty((h, w, 3), np.uint8)
        base[:] = rgb[::-1]  # BGR
        for _ in range(n):
            frame = base.copy()
            if moving_box:  # motion inside a scene must not count as a cut
                x = (index * 3) % (w - 20)
                frame[h // 2 - 10 : h // 2 + 10, x : x + 20] = 128
            writer.write(frame)
            index += 1
    writer.release()
    return spans


@pytest.fixture(scope="session")
def video_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("videos")


@pytest.fixture(scope="session")
def mjpg_avi(video_dir):
    path = video_dir / "scenes.avi"
    return path, write_video(path, fourcc="MJPG")


@pytest.fixture(scope="session")
def mp4v_mp4(video_dir):
    path = video_dir / "scenes.mp4"
    return path, write_video(path, fourcc="mp4v")


def patch_avi(src: Path, dst: Path, *, fourcc: bytes | None = None, size: tuple | None = None):
    """Copy an AVI, rewriting its codec tag or picture size in the headers (strh, strf, avih)."""
    data = bytearray(src.read_bytes())
    if fourcc is not None:
        strh = data.index(b"strh")
        data[strh + 12 : strh + 16] = fourcc  # fccHandler
        strf = data.index(b"strf")
        data[strf + 8 + 16 : strf + 8 + 20] = fourcc  # BITMAPINFOHEADER.biCompression
    if size is not None:
        avih = data.index(b"avih")
        data[avih + 8 + 32 : avih + 8 + 40] = struct.pack("<II", *size)  # dwWidth, dwHeight
        strf = data.index(b"strf")
        data[strf + 8 + 4 : strf + 8 + 12] = struct.pack("<ii", *size)  # biWidth, biHeight
    dst.write_bytes(bytes(data))
    return dst
