"""Cut detection on tiny thumbnails, so that memory and time do not grow with the frame size.

The score of a pair of consecutive thumbnails is the mean, over pixels, of the largest absolute
difference among the three colour channels (0-255). Unlike an average over hue, saturation and
value (PySceneDetect's "content" score), it also sees a cut between two scenes of similar
brightness and saturation but different hue (green to blue scores about 180). Motion, noise and
compression artefacts move few pixels of a 64x36 thumbnail and stay far below the threshold.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from numpy.typing import NDArray

DEFAULT_THRESHOLD = 30.0


def difference(a, b) -> float:
    """The cut score of two thumbnails of the same shape (0-255; see above)."""
    import cv2

    b_, g, r = cv2.split(cv2.absdiff(a, b))  # OpenCV: several times numpy's speed
    return float(cv2.mean(cv2.max(cv2.max(b_, g), r))[0])


class CutDetector:
    """Feed thumbnails in order; `update` says whether a cut happened since the previous one."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self._prev: NDArray[Any] | None = None
        self.last_score = 0.0

    def update(self, thumb_bgr) -> bool:
        import numpy as np

        current = np.ascontiguousarray(thumb_bgr)
        prev, self._prev = self._prev, current
        if prev is None or prev.shape != current.shape:
            return False
        self.last_score = difference(current, prev)
        return self.last_score >= self.threshold
