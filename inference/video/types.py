"""Records of the video pipeline: what a video is, which frames were taken, where scenes are.

Frozen dataclasses, like inference/records.py, so they can cross threads safely.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..records import VideoFrame


@dataclass(frozen=True)
class VideoInfo:
    """What `probe` (or a full sampling pass) found out about a video file.

    `frame_count` is verified, never the container's claim taken blindly: either the claimed last
    frame was decoded, or the frames were counted. After `sample_frames` it is the number of
    frames actually read.
    """

    path: Path
    duration_s: float
    fps: float
    width: int
    height: int
    frame_count: int
    codec: str = ""  # the FourCC, e.g. "MJPG", "FMP4", "avc1" (informative only)


@dataclass(frozen=True)
class Scene:
    """A stretch between two detected cuts, in seconds: start <= t < end."""

    start: float
    end: float

    def contains(self, t: float) -> bool:
        return self.start <= t < self.end


@dataclass(frozen=True)
class SampleResult:
    """Frames taken from a video (time ordered) and the scenes they cover.

    For a plan (`plan_frames`), the frames carry `image=None`.
    """

    frames: tuple[VideoFrame, ...]
    scenes: tuple[Scene, ...]
    info: VideoInfo


@dataclass(frozen=True)
class Chapter:
    """One chapter of a summary: its start time in seconds, a title and a one-line description."""

    t: float
    title: str
    line: str
