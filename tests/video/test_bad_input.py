"""Bad input: one clear CairnError code each, in bounded time, and nothing else disturbed."""

from __future__ import annotations

import os

import pytest

from inference.errors import CairnError, ErrorCode
from inference.video import plan_frames, probe, sample_frames

from .conftest import SCENES, patch_avi, write_video

pytestmark = pytest.mark.timeout(30)

READERS = (probe, sample_frames, plan_frames)


def _code(fn, path) -> ErrorCode:
    with pytest.raises(CairnError) as info:
        fn(path)
    assert str(path.name) in info.value.detail or str(path) in info.value.detail
    return info.value.code


@pytest.mark.parametrize("fn", READERS)
def test_missing(fn, tmp_path):
    assert _code(fn, tmp_path / "nope.mp4") is ErrorCode.VIDEO_NOT_FOUND


@pytest.mark.parametrize("fn", READERS)
def test_empty(fn, tmp_path):
    path = tmp_path / "empty.mp4"
    path.write_bytes(b"")
    assert _code(fn, path) is ErrorCode.VIDEO_EMPTY


@pytest.mark.parametrize("fn", READERS)
@pytest.mark.parametrize(
    "content",
    [b"this is a shopping list, not a video\n" * 50, os.urandom(200_000), b"\x00" * 4096],
    ids=["text", "random", "zeros"],
)
def test_not_a_video(fn, content, tmp_path):
    path = tmp_path / "fake.mp4"
    path.write_bytes(content)
    assert _code(fn, path) is ErrorCode.VIDEO_UNREADABLE


def test_folder(tmp_path):
    assert _code(probe, tmp_path) is ErrorCode.VIDEO_UNREADABLE


@pytest.mark.parametrize("fn", READERS)
def test_unknown_codec(fn, mjpg_avi, tmp_path):
    path = patch_avi(mjpg_avi[0], tmp_path / "alien.avi", fourcc=b"QZQZ")
    assert _code(fn, path) is ErrorCode.VIDEO_UNREADABLE


@pytest.mark.parametrize("fn", READERS)
def test_truncated_mp4(fn, mp4v_mp4, tmp_path):
    """MP4 keeps its index at the end: a cut-off file has no index and cannot be read."""
    path = tmp_path / "cut.mp4"
    path.write_bytes(mp4v_mp4[0].read_bytes()[: mp4v_mp4[0].stat().st_size // 2])
    assert _code(fn, path) is ErrorCode.VIDEO_UNREADABLE


@pytest.mark.parametrize("fn", READERS)
def test_headers_only(fn, mjpg_avi, tmp_path):
    """An AVI cut right after its headers: opens, but has no frame."""
    data = mjpg_avi[0].read_bytes()
    path = tmp_path / "headers.avi"
    path.write_bytes(data[: data.index(b"movi") + 4])
    assert _code(fn, path) is ErrorCode.VIDEO_UNREADABLE


@pytest.mark.parametrize("fn", READERS)
def test_absurd_resolution(fn, tmp_path):
    """A real 20000-pixel-wide video is refused before any frame is decoded."""
    path = tmp_path / "wide.avi"
    write_video(path, SCENES[:1], size=(20000, 16), moving_box=False)
    assert _code(fn, path) is ErrorCode.VIDEO_TOO_LARGE


def test_header_claiming_absurd_size_is_not_believed(mjpg_avi, tmp_path):
    """Headers that claim 40000x40000 over 320x240 frames: the frames' real size wins."""
    path = patch_avi(mjpg_avi[0], tmp_path / "claims.avi", size=(40000, 40000))
    info = probe(path)
    assert (info.width, info.height) == (320, 240)


def test_file_deleted_while_read(tmp_path):
    path = tmp_path / "vanishing.avi"
    write_video(path, SCENES)

    def delete(progress):
        if path.exists():
            path.unlink()

    with pytest.raises(CairnError) as info:
        sample_frames(path, progress=delete)
    assert info.value.code is ErrorCode.VIDEO_NOT_FOUND
    assert "disappeared" in info.value.detail


def test_file_truncated_while_read(tmp_path):
    path = tmp_path / "shrinking.mp4"
    write_video(path, SCENES, fourcc="mp4v")

    def shrink(progress):
        if path.stat().st_size > 1000:
            os.truncate(path, 1000)

    with pytest.raises(CairnError) as info:
        sample_frames(path, progress=shrink)
    assert info.value.code is ErrorCode.VIDEO_UNREADABLE
    assert "changed while being read" in info.value.detail


def test_bad_file_does_not_affect_the_next(mjpg_avi, tmp_path):
    bad = tmp_path / "bad.mp4"
    bad.write_bytes(os.urandom(5000))
    results = []
    for path in (bad, mjpg_avi[0], bad, mjpg_avi[0]):
        try:
            results.append(len(sample_frames(path).frames))
        except CairnError as e:
            results.append(e.code)
    assert results[0] is results[2] is ErrorCode.VIDEO_UNREADABLE
    assert results[1] == results[3] > 0


def test_bad_arguments(mjpg_avi):
    with pytest.raises(CairnError) as info:
        sample_frames(mjpg_avi[0], max_frames=0)
    assert info.value.code is ErrorCode.INVALID_ARGUMENT
