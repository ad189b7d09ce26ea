"""One frame of a video at a given time, for a viewer that jumps to a timestamp.

Opened with the same checks and I/O time limits as sampling (capture.py); a claimed frame count
past the real end is walked back a second at a time rather than trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CairnError, ErrorCode
from .capture import check_file, open_capture, read_meta

if TYPE_CHECKING:
    from numpy.typing import NDArray

FALLBACK_FPS = 25.0  # a stream without a usable rate: times are estimates


@dataclass(frozen=True)
class FrameAt:
    """The picture (RGB uint8, H x W x 3), its time and index, and the video's length."""

    image: NDArray[Any]  # RGB uint8 (H, W, 3)
    t: float
    index: int
    duration_s: float


def frame_at(path: Path, t: float) -> FrameAt:
    """The frame shown at `t` seconds, clamped to the video; VIDEO_* CairnError otherwise."""
    import cv2  # lazy: never on a start-up path

    path, _stamp = check_file(path)
    cap = open_capture(path)
    try:
        meta = read_meta(cap, path)
        fps = meta.fps or FALLBACK_FPS
        count = meta.claimed_frames or 0
        index = max(0, int(round(t * fps)))
        if count > 0:
            index = min(index, count - 1)
        cap.set(cv2.CAP_PROP_POS_FRAMES, index)
        ok, frame = cap.read()
        while not ok and index > 0 and count > 0:  # a claimed count past the real end
            index = max(0, index - max(1, int(fps)))
            cap.set(cv2.CAP_PROP_POS_FRAMES, index)
            ok, frame = cap.read()
        if not ok or frame is None:
            raise CairnError(ErrorCode.VIDEO_UNREADABLE, f"{path.name}: no frame at {t:.1f} s")
    finally:
        cap.release()
    duration = count / fps if count > 0 else index / fps
    return FrameAt(cv2.cvtColor(frame, cv2.COLOR_BGR2RGB), index / fps, index, duration)
