"""frame_at: the frame a clicked timestamp shows, with the same checks as sampling."""

import pytest

from inference.errors import CairnError, ErrorCode
from inference.video.frame_at import frame_at


@pytest.mark.parametrize("fixture", ["mjpg_avi", "mp4v_mp4"])
def test_frame_inside_each_scene_shows_its_colour(request, fixture):
    path, spans = request.getfixturevalue(fixture)
    for start, end, rgb in spans:
        found = frame_at(path, (start + end) / 2)
        assert start - 0.05 <= found.t <= end + 0.05
        corner = found.image[5, 5].astype(int)  # away from the moving box
        assert max(abs(int(c) - v) for c, v in zip(corner, rgb, strict=True)) < 40


def test_time_past_the_end_is_clamped(mjpg_avi):
    path, spans = mjpg_avi
    found = frame_at(path, 10_000.0)
    assert found.t <= spans[-1][1] and found.duration_s == pytest.approx(spans[-1][1], abs=0.1)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (None, ErrorCode.VIDEO_NOT_FOUND),
        (b"", ErrorCode.VIDEO_EMPTY),
        (b"not a video" * 100, ErrorCode.VIDEO_UNREADABLE),
    ],
)
def test_bad_files(tmp_path, content, code):
    p = tmp_path / "clip.mp4"
    if content is not None:
        p.write_bytes(content)
    with pytest.raises(CairnError) as e:
        frame_at(p, 1.0)
    assert e.value.code is code
