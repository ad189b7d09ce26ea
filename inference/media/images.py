"""Open an image safely: bounded memory whatever the file claims, one error code per failure.

The size is read from the header and checked before any pixel is decoded (a 50,000 x 50,000
PNG of one colour is a few kilobytes on disk and 7.5 GB in memory). JPEGs are decoded straight
at a reduced scale (`draft`), so a large photo never sits in memory at full size.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import CairnError, ErrorCode

MAX_PIXELS = 100_000_000  # what a header may claim: 100 megapixels
MAX_SIDE = 1792  # long side after loading: more than any Qwen3.5 image budget uses
MAX_FILE_BYTES = 200 * 1024 * 1024


def load_image(path: Path, *, max_pixels: int = MAX_PIXELS, max_side: int = MAX_SIDE):
    """Return an RGB PIL image no larger than max_side, or raise CairnError(IMAGE_*)."""
    from PIL import Image, UnidentifiedImageError

    path = Path(path)
    if not path.is_file():
        raise CairnError(ErrorCode.IMAGE_NOT_FOUND, str(path))
    try:
        size = path.stat().st_size
    except OSError as e:
        raise CairnError(ErrorCode.IMAGE_UNREADABLE, f"{path} ({e.strerror})") from None
    if size == 0:
        raise CairnError(ErrorCode.IMAGE_UNREADABLE, f"{path} (empty file)")
    if size > MAX_FILE_BYTES:
        raise CairnError(ErrorCode.IMAGE_TOO_LARGE, f"{path} ({size // 2**20} MB)")
    try:
        img = Image.open(path)
    except Image.DecompressionBombError:
        raise CairnError(ErrorCode.IMAGE_TOO_LARGE, str(path)) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as e:
        raise CairnError(ErrorCode.IMAGE_UNREADABLE, f"{path} ({_short(e)})") from None
    with img:
        width, height = img.size
        if width <= 0 or height <= 0:
            raise CairnError(ErrorCode.IMAGE_UNREADABLE, f"{path} (no pixels)")
        if width * height > max_pixels:
            raise CairnError(
                ErrorCode.IMAGE_TOO_LARGE, f"{path} ({width}x{height} = {width * height:,} pixels)"
            )
        try:
            img.seek(0)  # first frame of an animation
            if img.format == "JPEG":
                img.draft("RGB", (max_side, max_side))
            img.load()
            rgb = img.convert("RGB")
        except Image.DecompressionBombError:
            raise CairnError(ErrorCode.IMAGE_TOO_LARGE, str(path)) from None
        except OSError as e:
            code = ErrorCode.IMAGE_TRUNCATED if "truncat" in str(e).lower() else ErrorCode.IMAGE_UNREADABLE
            raise CairnError(code, f"{path} ({_short(e)})") from None
        except (ValueError, SyntaxError, EOFError) as e:
            raise CairnError(ErrorCode.IMAGE_TRUNCATED, f"{path} ({_short(e)})") from None
    if max(rgb.size) > max_side:
        rgb.thumbnail((max_side, max_side), Image.Resampling.BICUBIC)
    return rgb


def _short(e: BaseException) -> str:
    text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return text[:160]
