"""Benchmark: Cairn's frame sampling against decoding every frame with OpenCV, same run.

Generates a 10-minute 1280x720 30 fps video once (simple coloured scenes of unequal lengths,
some under a second) per codec, then, each in its own child process so peak memory is that
job's alone (resource.getrusage maxrss):

  decode-all   while cap.read(): ...           (the baseline: every frame decoded and converted)
  grab-all     while cap.grab(): ...           (for reference: the floor for inter-coded video)
  cairn        inference.video.sample_frames(path)  (defaults: <= 2 fps, 256 frames, 448 px)

Wall time and CPU time (user + system, all threads) are both reported: this machine is shared,
and CPU time is the steadier of the two. Targets: cairn / decode-all <= 0.25, cairn peak RSS
< 500 MB. Also checks that every
generated scene got a sampled frame inside it.

  .venv/bin/python bench/video_sampling.py [--codec mjpg|mp4v|both] [--minutes 10] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CODECS = {"mjpg": ("MJPG", ".avi"), "mp4v": ("mp4v", ".mp4")}

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
mode, path = sys.argv[1], sys.argv[2]
import cv2
def cpu():
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime
start, cpu0 = time.perf_counter(), cpu()
if mode == "decode-all":
    cap = cv2.VideoCapture(path, cv2.CAP_FFMPEG); n = 0
    while True:
        ok, frame = cap.read()
        if not ok:
            break
        n += 1
    extra = {{"frames": n}}
elif mode == "grab-all":
    cap = cv2.VideoCapture(path, cv2.CAP_FFMPEG); n = 0
    while cap.grab():
        n += 1
    extra = {{"frames": n}}
else:
    from inference.video import sample_frames
    r = sample_frames(path)
    extra = {{"frames": r.info.frame_count, "sampled": len(r.frames), "scenes": len(r.scenes),
             "times": [f.t for f in r.frames]}}
seconds, cpu_s = time.perf_counter() - start, cpu() - cpu0
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(dict(seconds=seconds, cpu_s=cpu_s, rss_mb=rss_mb, **extra)))
"""


def make_scenes(minutes: float, seed: int = 1):
    """Scene lengths (s) and BGR colours: mostly 2-20 s, one in four under a second."""
    import colorsys
    import random

    rng = random.Random(seed)
    scenes, total, hue = [], 0.0, 0.0
    while total < minutes * 60:
        length = rng.uniform(0.2, 0.9) if rng.random() < 0.25 else rng.uniform(2.0, 20.0)
        length = min(length, minutes * 60 - total)
        hue = (hue + rng.uniform(0.2, 0.8)) % 1.0
        r, g, b = colorsys.hsv_to_rgb(hue, rng.uniform(0.5, 1.0), rng.uniform(0.5, 1.0))
        scenes.append((length, (int(b * 255), int(g * 255), int(r * 255))))
        total += length
    return scenes


def generate(path: Path, fourcc: str, scenes, fps: int = 30, size=(1280, 720)):
    """Write the video; returns the scenes' (start, end) in seconds, by frame count."""
    import cv2
    import numpy as np

    w, h = size
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*fourcc), fps, (w, h))
    spans, index = [], 0
    for length, bgr in scenes:
        n = max(1, round(length * fps))
        spans.append((index / fps, (index + n) / fps))
        base = np.empty((h, w, 3), np.uint8)
        base[:] = bgr
        for _ in range(n):
            x = (index * 8) % (w - 80)
            base[h // 2 - 40 : h // 2 + 40, x : x + 80] = 255 - np.array(bgr, np.uint8)
            writer.write(base)
            base[h // 2 - 40 : h // 2 + 40, x : x + 80] = bgr
            index += 1
    writer.release()
    return spans


def run_child(mode: str, path: Path) -> dict:
    code = CHILD.format(root=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", code, mode, str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--codec", choices=("mjpg", "mp4v", "both"), default="both")
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3, help="runs per job; the fastest counts")
    args = parser.parse_args()
    codecs = ["mjpg", "mp4v"] if args.codec == "both" else [args.codec]
    scenes = make_scenes(args.minutes)
    short = sum(1 for length, _ in scenes if length < 1.0)
    print(f"video: {args.minutes:g} min, 1280x720, 30 fps, {len(scenes)} scenes ({short} < 1 s)")
    rows = []
    with tempfile.TemporaryDirectory(prefix="cairn-bench-") as tmp:
        for codec in codecs:
            fourcc, ext = CODECS[codec]
            path = Path(tmp) / f"bench{ext}"
            t0 = time.perf_counter()
            spans = generate(path, fourcc, scenes)
            made = time.perf_counter() - t0
            size_mb = path.stat().st_size / 1e6
            print(f"{codec}: generated {size_mb:.0f} MB in {made:.0f} s")
            modes = ("decode-all", "grab-all", "cairn")
            runs = {mode: [] for mode in modes}
            for _ in range(args.repeat):  # interleaved, so load from elsewhere hits all alike
                for mode in modes:
                    runs[mode].append(run_child(mode, path))
            results = {}
            for mode in modes:
                results[mode] = min(runs[mode], key=lambda r: r["seconds"])
                results[mode]["cpu_s"] = min(r["cpu_s"] for r in runs[mode])
                results[mode]["rss_mb"] = max(r["rss_mb"] for r in runs[mode])
            times = results["cairn"].pop("times")
            covered = sum(any(a - 1e-3 <= t < b for t in times) for a, b in spans)  # ms rounding
            rows.append((codec, results, covered, len(spans)))
            path.unlink()
    print()
    print(
        f"{'codec':6} {'job':11} {'wall s':>8} {'ratio':>6} {'CPU s':>8} {'ratio':>6} "
        f"{'peak RSS MB':>12}  notes"
    )
    for codec, results, covered, total in rows:
        base = results["decode-all"]["seconds"]
        base_cpu = results["decode-all"]["cpu_s"]
        for mode, r in results.items():
            ratio = r["seconds"] / base
            cpu_ratio = r["cpu_s"] / base_cpu
            note = f"{r['frames']} frames"
            if mode == "cairn":
                note += f", {r['sampled']} sampled, {r['scenes']} scenes found, "
                note += f"{covered}/{total} scenes covered"
            print(
                f"{codec:6} {mode:11} {r['seconds']:8.2f} {ratio:6.2f} {r['cpu_s']:8.2f} "
                f"{cpu_ratio:6.2f} {r['rss_mb']:12.0f}  {note}"
            )
    print("\ntargets: cairn/decode-all <= 0.25, cairn peak RSS < 500 MB")
    print("command: .venv/bin/python bench/video_sampling.py " + " ".join(sys.argv[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
