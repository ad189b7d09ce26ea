"""Opening a video with OpenCV (FFmpeg back end) and walking its frames cheaply.

Two readers share one small interface (grab / thumb / image):

- `MjpegReader`: for Motion-JPEG files. The capture runs in demux-only mode (no decode at all);
  each frame is a JPEG that libjpeg decodes at 1/8 scale for scene detection (DCT scaling, several
  times cheaper than a full decode) and at the smallest sufficient scale for a sampled frame.
- `DecodeReader`: everything else. Inter-coded streams (H.264, MPEG-4, VP9...) must be decoded
  frame by frame, so `grab()` decodes; only the frames we look at pay for the colour
  conversion in `retrieve()`.

Every expected failure is a CairnError with a VIDEO_* code.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import CairnError, ErrorCode

log = logging.getLogger(__name__)

# Anything bigger is refused before decoding: 16K on a side, 8K UHD twice over in pixels.
MAX_SIDE = 16384
MAX_PIXELS = 7680 * 4320 * 2
# FFmpeg interrupt callbacks: no single open or read may block longer than this.
OPEN_TIMEOUT_MS = 20_000
READ_TIMEOUT_MS = 20_000
FALLBACK_FPS = 25.0
THUMB_SIZE = (64, 36)  # scene-detection thumbnails (width, height)
MAX_BAD_PACKETS = 64  # consecutive undecodable frames before a reader gives up
MJPEG_TAGS = frozenset({"MJPG", "mjpg", "AVRn", "AVDJ", "dmb1", "mjpa", "jpeg", "JPEG"})


@dataclass(frozen=True)
class FileStamp:
    """Size and mtime, to notice a file changed or vanished while it was read."""

    size: int
    mtime_ns: int


def check_file(path: str | os.PathLike[str]) -> tuple[Path, FileStamp]:
    """The absolute path of a readable, non-empty regular file, or a VIDEO_* CairnError."""
    p = Path(path).expanduser()
    try:
        st = p.stat()
    except FileNotFoundError:
        raise CairnError(ErrorCode.VIDEO_NOT_FOUND, str(p)) from None
    except OSError as e:
        raise CairnError(ErrorCode.VIDEO_UNREADABLE, f"{p}: {e.strerror}") from None
    if stat.S_ISDIR(st.st_mode):
        raise CairnError(ErrorCode.VIDEO_UNREADABLE, f"{p} is a folder")
    if not stat.S_ISREG(st.st_mode):
        raise CairnError(ErrorCode.VIDEO_UNREADABLE, f"{p} is not a regular file")
    if st.st_size == 0:
        raise CairnError(ErrorCode.VIDEO_EMPTY, str(p))
    if not os.access(p, os.R_OK):
        raise CairnError(ErrorCode.VIDEO_UNREADABLE, f"{p}: permission denied")
    # Absolute, so FFmpeg never reads a name like "x:y.mp4" as a protocol.
    return p.resolve(), FileStamp(st.st_size, st.st_mtime_ns)


def check_unchanged(path: Path, before: FileStamp) -> None:
    """Raise if the file vanished or changed since `before` (read results would be wrong)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise CairnError(
            ErrorCode.VIDEO_NOT_FOUND, f"{path} (it disappeared while being read)"
        ) from None
    except OSError as e:
        raise CairnError(ErrorCode.VIDEO_UNREADABLE, f"{path}: {e.strerror}") from None
    if st.st_size != before.size or st.st_mtime_ns != before.mtime_ns:
        raise CairnError(ErrorCode.VIDEO_UNREADABLE, f"{path} changed while being read")


def open_capture(path: Path, *, demux_only: bool = False, threads: int | None = None):
    """A cv2.VideoCapture on the FFmpeg back end with I/O timeouts, or VIDEO_UNREADABLE.

    `threads`: FFmpeg decoder threads (CAP_PROP_N_THREADS; OpenCV's own default otherwise).
    """
    import cv2

    params = [
        cv2.CAP_PROP_OPEN_TIMEOUT_MSEC,
        OPEN_TIMEOUT_MS,
        cv2.CAP_PROP_READ_TIMEOUT_MSEC,
        READ_TIMEOUT_MS,
    ]
    if demux_only:
        params += [cv2.CAP_PROP_FORMAT, -1]
    elif threads is not None and threads > 0 and hasattr(cv2, "CAP_PROP_N_THREADS"):
        params += [cv2.CAP_PROP_N_THREADS, threads]
    with openable_name(path) as name:
        cap = cv2.VideoCapture(name, cv2.CAP_FFMPEG, params)
    if not cap.isOpened():
        cap.release()
        raise CairnError(
            ErrorCode.VIDEO_UNREADABLE, f"{path.name}: not a video, or an unknown codec"
        )
    return cap


def encodable(name: str) -> bool:
    """Whether OpenCV can take `name`: its binding converts to UTF-8 (a name holding bytes that
    are not UTF-8, i.e. surrogate escapes, crashed it), and on Windows FFmpeg's file protocol
    wants plain ASCII to be safe."""
    if sys.platform == "win32":
        return name.isascii()
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in name


@contextlib.contextmanager
def openable_name(path: Path) -> Iterator[str]:
    """A name OpenCV can open for `path`, valid while the context lasts (FFmpeg keeps its own
    descriptor once the capture is open, so the name may go right after).

    An encodable name is used as it is. Otherwise the file is opened here and reached through
    /proc/self/fd/N (Linux), else through a symbolic link with an ASCII name in a private
    temporary folder (macOS, Windows with the privilege), else refused with one line.
    """
    name = str(path)
    if encodable(name):
        yield name
        return
    proc = Path("/proc/self/fd")
    if proc.is_dir():
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            yield f"/proc/self/fd/{fd}"
        finally:
            os.close(fd)
        return
    with tempfile.TemporaryDirectory(prefix="cairn-video-") as folder:
        suffix = path.suffix if path.suffix[1:].isalnum() and path.suffix.isascii() else ""
        link = Path(folder) / ("video" + suffix)
        try:
            os.symlink(path, link)
        except OSError:
            raise CairnError(
                ErrorCode.VIDEO_UNREADABLE,
                f"{path.name}: the file name cannot be passed to the video decoder; rename it",
            ) from None
        yield str(link)


@dataclass(frozen=True)
class StreamMeta:
    """What the container claims. fps is None when the claim is unusable."""

    width: int
    height: int
    fps: float | None
    claimed_frames: int | None
    codec: str


def read_meta(cap, path: Path) -> StreamMeta:
    """The container's claims, checked for sanity; absurd sizes raise VIDEO_TOO_LARGE."""
    import cv2

    width = int(cap.get(cv2.CAP_PROP_FRAME_WIDTH) or 0)
    height = int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT) or 0)
    if width <= 0 or height <= 0:
        raise CairnError(ErrorCode.VIDEO_UNREADABLE, f"{path.name}: no picture size")
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise CairnError(ErrorCode.VIDEO_TOO_LARGE, f"{path.name}: {width}x{height}")
    claimed_fps = float(cap.get(cv2.CAP_PROP_FPS) or 0.0)
    fps = claimed_fps if math.isfinite(claimed_fps) and 0.1 < claimed_fps <= 1000 else None
    count = cap.get(cv2.CAP_PROP_FRAME_COUNT)
    claimed = int(count) if math.isfinite(count) and 0 < count < 1e8 else None
    return StreamMeta(width, height, fps, claimed, fourcc_text(cap.get(cv2.CAP_PROP_FOURCC)))


def fourcc_text(value: float) -> str:
    try:
        raw = int(value).to_bytes(4, "little")
    except (OverflowError, ValueError):
        return ""
    text = raw.decode("latin-1")
    return text if text.isprintable() else ""


def thumbnail(bgr):
    """The scene-detection thumbnail of a BGR frame (any size).

    Big frames are first point-sampled to 4x the thumbnail (almost free), then area-averaged:
    reading every pixel of a full-size frame would cost more than the cut detection needs.
    """
    import cv2

    w, h = THUMB_SIZE
    if bgr.shape[1] > 8 * w and bgr.shape[0] > 8 * h:
        bgr = cv2.resize(bgr, (4 * w, 4 * h), interpolation=cv2.INTER_NEAREST)
    return cv2.resize(bgr, THUMB_SIZE, interpolation=cv2.INTER_AREA)


def to_rgb_max_side(bgr, max_side: int):
    """RGB uint8 copy of a BGR frame whose long side is at most max_side (never upscaled)."""
    import cv2

    h, w = bgr.shape[:2]
    scale = min(1.0, max_side / max(h, w))
    if scale < 1.0:
        size = (max(1, round(w * scale)), max(1, round(h * scale)))
        factor = int(1 / scale)
        if factor >= 2:  # area-average by a whole factor (fast, no aliasing)...
            bgr = cv2.resize(bgr, (w // factor, h // factor), interpolation=cv2.INTER_AREA)
        # ...then at most a 2x step, where bilinear is fine (general INTER_AREA is slow).
        bgr = cv2.resize(bgr, size, interpolation=cv2.INTER_LINEAR)
    return cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)


class DecodeReader:
    """Sequential reader for any codec: grab() decodes, retrieve() only when a frame is used."""

    def __init__(self, cap) -> None:
        self._cap = cap
        self.index = -1
        self._bgr = None  # the current frame once retrieved

    def grab(self) -> bool:
        if not self._cap.grab():
            return False
        self.index += 1
        self._bgr = None
        return True

    def pos_msec(self) -> float:
        import cv2

        return float(self._cap.get(cv2.CAP_PROP_POS_MSEC))

    def _frame(self):
        if self._bgr is None:
            ok, bgr = self._cap.retrieve()
            if not ok or bgr is None or bgr.ndim != 3:
                return None
            self._bgr = bgr
        return self._bgr

    def thumb(self):
        bgr = self._frame()
        return None if bgr is None else thumbnail(bgr)

    def image(self, max_side: int):
        bgr = self._frame()
        return None if bgr is None else to_rgb_max_side(bgr, max_side)

    def release(self) -> None:
        self._cap.release()


class MjpegReader:
    """Motion-JPEG without decoding what is not looked at: demux, then libjpeg at 1/8 scale."""

    def __init__(self, cap, width: int, height: int) -> None:
        self._cap = cap
        self._long = max(width, height)
        self.index = -1
        self._packet = None
        self._fetched = False
        self._replay = False

    def grab(self) -> bool:
        if self._replay:
            self._replay = False
            self.index += 1
            return True
        if not self._cap.grab():
            return False
        self.index += 1
        self._packet = None
        self._fetched = False
        return True

    def rewind_one(self) -> None:
        """Make the next grab() return the frame already read (used after a trial read)."""
        self._replay = True
        self.index -= 1

    def pos_msec(self) -> float:
        import cv2

        return float(self._cap.get(cv2.CAP_PROP_POS_MSEC))

    def _data(self):
        """The current frame's JPEG bytes (a 1xN uint8 array), or None."""
        if not self._fetched:
            ok, packet = self._cap.retrieve()
            self._packet = packet if ok and packet is not None and packet.size > 4 else None
            self._fetched = True
        return self._packet

    def thumb(self):
        import cv2

        data = self._data()
        if data is None:
            return None
        small = cv2.imdecode(data, cv2.IMREAD_REDUCED_COLOR_8)
        if small is None:
            return None
        # Already 1/8 size: point-sample to about the thumbnail size instead of resampling.
        step = max(1, min(small.shape[1] // THUMB_SIZE[0], small.shape[0] // THUMB_SIZE[1]))
        return small[::step, ::step]

    def image(self, max_side: int):
        import cv2

        data = self._data()
        if data is None:
            return None
        flag = cv2.IMREAD_COLOR
        for factor, reduced in (
            (8, cv2.IMREAD_REDUCED_COLOR_8),
            (4, cv2.IMREAD_REDUCED_COLOR_4),
            (2, cv2.IMREAD_REDUCED_COLOR_2),
        ):
            if self._long / factor >= max_side:
                flag = reduced
                break
        bgr = cv2.imdecode(data, flag)
        return None if bgr is None else to_rgb_max_side(bgr, max_side)

    def release(self) -> None:
        self._cap.release()


def open_reader(
    path: Path, *, threads: int | None = None
) -> tuple[DecodeReader | MjpegReader, StreamMeta]:
    """The cheapest reader that works for this file, and the container's (checked) claims."""
    cap = open_capture(path, threads=threads)
    try:
        meta = read_meta(cap, path)
    except CairnError:
        cap.release()
        raise
    if meta.codec not in MJPEG_TAGS:
        return DecodeReader(cap), meta
    # Motion JPEG: try the demux-only path. Its first frame must decode as a JPEG (some
    # cameras write JPEGs without Huffman tables, which only FFmpeg's decoder knows how to fill).
    try:
        raw = open_capture(path, demux_only=True)
    except CairnError as e:  # no demux-only path for this file: decode normally
        log.debug("%s: demux-only open failed (%s); decoding", path.name, e)
        return DecodeReader(cap), meta
    reader = MjpegReader(raw, meta.width, meta.height)
    if reader.grab() and reader.thumb() is not None:
        cap.release()
        reader.rewind_one()
        return reader, meta
    raw.release()
    return DecodeReader(cap), meta


def silence_native_logs() -> None:
    """Stop OpenCV and FFmpeg printing to stderr (callers word errors themselves).

    Process-wide, so only front ends call it (the command line, the GUI), never the library.
    OpenCV reads OPENCV_FFMPEG_LOGLEVEL each time it opens a file; -8 is AV_LOG_QUIET.
    """
    os.environ["OPENCV_FFMPEG_LOGLEVEL"] = "-8"
    import cv2

    cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_SILENT)
