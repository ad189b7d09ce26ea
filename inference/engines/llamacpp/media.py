"""Images and video frames for libmtmd: prompt markers in the messages, RGB bitmaps in order.

libmtmd takes the prompt as text with one marker ("<__media__>") per picture and a list of
bitmaps in the same order; it adds Qwen's <|vision_start|> / <|vision_end|> around each.
A video goes in as its sampled frames, two by two as Qwen3-VL / Qwen3.5 were trained: each pair
is preceded by the pair's mean time as Qwen's processor writes it ("<12.5 seconds>") and its two
frames are marked mergeable, so libmtmd folds them into one temporal patch (about half the
tokens of two separate images). The same timestamp text is what mlx-vlm writes for the MLX
engine, so both engines show the model videos the same way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...records import VideoFrame

if TYPE_CHECKING:
    from numpy.typing import NDArray


@dataclass(frozen=True)
class Picture:
    """One bitmap for libmtmd: an RGB uint8 array (H, W, 3) and whether it is a video frame."""

    rgb: NDArray[Any]  # RGB uint8 (H, W, 3), C-contiguous
    video: bool = False
    group: int | None = None  # video frames: the pair libmtmd merges into one chunk


def timestamp_text(seconds: float) -> str:
    """Qwen3-VL's time marker for a group of frames."""
    return f"<{seconds:.1f} seconds>"


def frame_pairs(frames: Sequence[VideoFrame]) -> Iterator[tuple[VideoFrame, ...]]:
    """Frames in time order, two by two (the last one alone when their number is odd)."""
    ordered = sorted(frames, key=lambda f: f.t)
    for i in range(0, len(ordered), 2):
        yield tuple(ordered[i : i + 2])


def _rgb_array(image: Any) -> NDArray[Any]:
    import numpy as np

    array = np.asarray(image)
    if array.dtype != np.uint8 or array.ndim != 3 or array.shape[2] != 3:
        raise ValueError(f"expected an RGB uint8 (H, W, 3) image, got {array.dtype} {array.shape}")
    return np.ascontiguousarray(array)


def with_markers(
    messages: list[dict], images: Sequence[object], frames: Sequence[VideoFrame], marker: str
) -> tuple[list[dict], list[Picture]]:
    """Replace image / video parts (as inference/engines/prompting.py writes them) by marker text.

    `images` are PIL images in the order of the image parts. Returns the messages for the chat
    template and the pictures in marker order.
    """
    pictures: list[Picture] = []
    queue = list(images)
    out: list[dict] = []
    for message in messages:
        content = message["content"]
        if isinstance(content, str):
            out.append(message)
            continue
        parts: list[dict] = []
        for part in content:
            kind = part.get("type")
            if kind == "image":
                if not queue:
                    raise ValueError("more image parts than images")
                pictures.append(Picture(_rgb_array(queue.pop(0))))
                parts.append({"type": "text", "text": marker})
            elif kind == "video":
                text = []
                for n, pair in enumerate(frame_pairs(frames)):
                    mean_t = sum(f.t for f in pair) / len(pair)
                    text.append(timestamp_text(mean_t) + marker * len(pair))
                    pictures.extend(Picture(_rgb_array(f.image), video=True, group=n) for f in pair)
                parts.append({"type": "text", "text": "".join(text)})
            else:
                parts.append(part)
        out.append({**message, "content": parts})
    if queue:
        raise ValueError("more images than image parts")
    return out, pictures


class Bitmaps:
    """libmtmd bitmaps for a list of pictures, freed on close (use as a context manager)."""

    def __init__(self, pictures: Sequence[Picture]) -> None:
        import ctypes

        from llama_cpp import mtmd_cpp

        self._mtmd = mtmd_cpp
        self._items: list[Any] = []
        try:
            for picture in pictures:
                rgb = picture.rgb
                height, width = rgb.shape[:2]
                data = rgb.ctypes.data_as(ctypes.POINTER(ctypes.c_ubyte))
                bitmap = mtmd_cpp.mtmd_bitmap_init(width, height, data)  # copies the pixels
                if not bitmap:
                    raise MemoryError("libmtmd could not allocate a bitmap")
                self._items.append(bitmap)
                if picture.video:
                    mtmd_cpp.mtmd_bitmap_set_mergeable(bitmap, True)
        except BaseException:
            self.close()
            raise

    def as_array(self):
        array_type = self._mtmd.mtmd_bitmap_p_ctypes * len(self._items)
        return array_type(*self._items)

    def __len__(self) -> int:
        return len(self._items)

    def close(self) -> None:
        for bitmap in self._items:
            self._mtmd.mtmd_bitmap_free(bitmap)
        self._items = []

    def __enter__(self) -> Bitmaps:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
