"""`probe`: what a video is (duration, fps, size, frame count) without decoding all of it.

The container's frame count is checked, not trusted: the claimed last frame must decode. When it
does not (a truncated file, a header that lies, a stream with no count at all), the frames are
counted by demuxing only (packets are read, nothing is decoded), which is fast for any codec.
"""

from __future__ import annotations

import os

from ..errors import CairnError, ErrorCode
from .capture import FALLBACK_FPS, check_file, check_unchanged, open_capture, read_meta
from .types import VideoInfo

MAX_COUNTED_PACKETS = 50_000_000
TAIL_CHECKS = 8  # damaged packets looked for at the end of a cut-off file  # a bound on the demux loop (over 1 week of 60 fps video)


def probe(path: str | os.PathLike[str]) -> VideoInfo:
    """Duration, fps, size and a verified frame count; CairnError VIDEO_* on bad input."""
    import cv2

    resolved, stamp = check_file(path)
    cap = open_capture(resolved)
    try:
        meta = read_meta(cap, resolved)
        ok, frame = cap.read()
        if not ok or frame is None:
            raise CairnError(
                ErrorCode.VIDEO_UNREADABLE, f"{resolved.name}: no frame could be decoded"
            )
        del frame
        verified = None
        claimed = meta.claimed_frames
        if claimed is not None:
            if claimed == 1:
                verified = 1
            elif cap.set(cv2.CAP_PROP_POS_FRAMES, claimed - 1) and cap.grab():
                # The seek must really have landed on the last frame, not short of it.
                if int(cap.get(cv2.CAP_PROP_POS_FRAMES)) >= claimed:
                    verified = claimed
    finally:
        cap.release()
    frame_count = verified if verified is not None else _count_decodable(resolved)
    if frame_count <= 0:
        raise CairnError(ErrorCode.VIDEO_UNREADABLE, f"{resolved.name}: no frame could be read")
    check_unchanged(resolved, stamp)
    fps = meta.fps or FALLBACK_FPS
    return VideoInfo(
        path=resolved,
        duration_s=frame_count / fps,
        fps=fps,
        width=meta.width,
        height=meta.height,
        frame_count=frame_count,
        codec=meta.codec,
    )


def _count_decodable(path) -> int:
    """Frames present and decodable: packets counted, then a cut-off tail packet discounted."""
    import cv2

    count = _count_packets(path)
    cap = open_capture(path)
    try:
        for last in range(count - 1, max(count - 1 - TAIL_CHECKS, 0), -1):
            if cap.set(cv2.CAP_PROP_POS_FRAMES, last) and cap.grab():
                if int(cap.get(cv2.CAP_PROP_POS_FRAMES)) >= last + 1:
                    return last + 1
        return count if count <= 1 else max(count - TAIL_CHECKS, 1)
    finally:
        cap.release()


def _count_packets(path) -> int:
    """Frames present in the file, counted without decoding (one packet per video frame)."""
    cap = open_capture(path, demux_only=True)
    try:
        count = 0
        while count < MAX_COUNTED_PACKETS and cap.grab():
            count += 1
        return count
    finally:
        cap.release()
