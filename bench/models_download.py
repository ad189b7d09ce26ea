"""Download speed: Cairn's resumable downloader against huggingface_hub's hf_hub_download.

Both fetch the same repo (one large safetensors file plus small JSON files) from a local fake
Hub on 127.0.0.1, in the same run, so the ratio shows the cost of our own transfer loop
(unbuffered appends, hashing before the model is marked ready) against the library's.
Loopback is far faster than any real link: on a real network both are bound by the network.

    .venv/bin/python bench/models_download.py [--mb 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.pop("HF_HUB_OFFLINE", None)

from inference.models.store import ModelStore  # noqa: E402
from tests.models.conftest import fake_checkpoint_files, spec_for  # noqa: E402
from tests.models.fakehub import FakeHub, FakeRepo  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from huggingface_hub import hf_hub_download

    hub = FakeHub().start()
    files = fake_checkpoint_files(weights_bytes=args.mb * 1_000_000)
    repo = hub.add(FakeRepo("bench/Tiny", files))
    total = sum(len(d) for d in files.values())
    results: dict[str, list[float]] = {"hf_hub_download": [], "cairn ModelStore.download": []}
    try:
        for _ in range(args.repeat):
            tmp = Path(tempfile.mkdtemp())
            t = time.perf_counter()
            for name in files:
                hf_hub_download(
                    repo.repo_id, name, revision=repo.commit, local_dir=tmp / "hf",
                    endpoint=hub.url, token=False,
                )  # fmt: skip
            results["hf_hub_download"].append(time.perf_counter() - t)
            store = ModelStore(
                tmp / "models", catalog=(spec_for("b", repo.repo_id),), endpoint=hub.url
            )
            t = time.perf_counter()
            store.download("b")
            results["cairn ModelStore.download"].append(time.perf_counter() - t)
            shutil.rmtree(tmp)
    finally:
        hub.stop()
    base = min(results["hf_hub_download"])
    print(f"{total / 1e6:.1f} MB over loopback, best of {args.repeat}")
    print(f"{'method':<28} {'best s':>8} {'MB/s':>8} {'ratio':>6}")
    for name, times in results.items():
        best = min(times)
        print(f"{name:<28} {best:8.2f} {total / 1e6 / best:8.1f} {best / base:6.2f}")


if __name__ == "__main__":
    main()
