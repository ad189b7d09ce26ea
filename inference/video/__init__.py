"""Video in: probe a file, sample timestamped frames (uniform plus scene cuts), summarize.

OpenCV (cv2) is imported lazily inside the functions, so importing this package is cheap.
"""

from __future__ import annotations

from .chapters import format_timestamp, parse_chapters, parse_timestamp
from .live_summary import LiveSummary, summarize
from .probe import probe
from .sampling import plan_frames, sample_frames
from .summary import Segment, SegmentNote, VideoSummary, plan_segments
from .types import Chapter, SampleResult, Scene, VideoInfo

__all__ = [
    "Chapter",
    "LiveSummary",
    "SampleResult",
    "Scene",
    "Segment",
    "SegmentNote",
    "VideoInfo",
    "VideoSummary",
    "format_timestamp",
    "parse_chapters",
    "parse_timestamp",
    "plan_frames",
    "plan_segments",
    "probe",
    "sample_frames",
    "summarize",
]
