"""GUI responsiveness while an answer streams, render cost per token, and cold start.

    .venv/bin/python bench/ui_latency.py [--tokens 2000] [--rate 200] [--no-real] [--starts 3]

1. Event-loop stalls: a 1 ms QTimer records the gaps between its ticks while a long answer
   streams into the real window (engine thread, coalescing, chat view, history writes).
   Fake engine at --rate tokens/s; then the real MLX engine on a random tiny checkpoint.
   Targets: p99 stall < 16 ms, longest < 50 ms. A stall is a gap minus the 1 ms period.
2. Render cost per token: single tokens appended to one message widget, timed (append plus the
   event processing that lays out and paints) around token 100 and token 4,000. Target: flat,
   ratio < 2 (the view appends; it never re-renders the conversation).
3. Cold start to a visible window: `cairn` in a subprocess (offscreen) until the window has been
   shown and the event loop has run once. Target < 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PARAGRAPHS = [
    "The quick brown fox jumps over the lazy dog, and then it **rests** for a while. ",
    "Here is a list:\n\n- first point\n- second point with `code`\n- third point\n\n",
    "```python\ndef add(a, b):\n    return a + b\n```\n\n",
    "A longer sentence that keeps going so that the paragraph wraps over several lines in the "
    "chat view, which is what real answers do most of the time.\n\n",
]


def answer_tokens(n: int) -> list[str]:
    """n tokens of realistic Markdown (paragraphs, lists, code), about 4 characters each."""
    text = ""
    while len(text) < n * 4:
        text += "".join(PARAGRAPHS)
    return [text[i * 4 : i * 4 + 4] for i in range(n)]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class GapProbe:
    """A 1 ms timer; records the stall (gap beyond the period) between consecutive ticks."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.stalls: list[float] = []
        self._last = None
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.stalls.append(max(0.0, (now - self._last) * 1000 - 1.0))
        self._last = now

    def start(self) -> None:
        self._last = None
        self.stalls.clear()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()


def stream_in_window(app, engine, prompt: str, timeout_s: float, max_tokens: int = 1024):
    from app.main_window import MainWindow
    from app.settings import Settings
    from inference.paths import data_dirs
    from tests.app.conftest import FakeStore

    home = tempfile.mkdtemp(prefix="cairn-bench-")
    dirs = data_dirs({"CAIRN_HOME": home}).ensure()
    settings = Settings(dirs.config)
    settings.set("max_tokens", max_tokens)
    if engine is None:  # the real engine: the tiny checkpoint given as --model
        from app.backend import make_backend

        w = MainWindow(
            dirs,
            settings,
            backend=make_backend(dirs),
            model_store=FakeStore(dirs.models, ready=()),
            model_override=prompt[1],
        )
        prompt = prompt[0]
    else:
        w = MainWindow(
            dirs,
            settings,
            backend=make_backend(dirs, opener=lambda r, e: engine),
            model_store=FakeStore(dirs.models),
        )
    w.resize(1200, 800)
    w.show()
    end = time.monotonic() + timeout_s
    while w.models.loaded is None and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.002)
        if w.models.model_status.text() == "No model loaded":
            raise RuntimeError(w.statusBar().currentMessage())
    probe = GapProbe()
    probe.start()
    t0 = time.perf_counter()
    w.send(prompt)
    while w.session.busy and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.0005)
    elapsed = time.perf_counter() - t0
    probe.stop()
    tokens = w.history.messages(w.session.conversation_id)[-1].stats.get("tokens", 0)
    w.close()
    return probe.stalls, elapsed, tokens


def render_cost(app, n_tokens: int = 4300) -> dict[int, float]:
    """Median ms per token (append + event processing) over tokens 100-349 and 4,000-4,249.

    Windows of 250 tokens span two cycles of the sample text (paragraphs, a list, code).
    """
    from PySide6.QtCore import QCoreApplication

    from app.chat_view import ChatView

    view = ChatView()
    view.resize(900, 700)
    view.show()
    for i in range(6):  # some conversation before it
        w = view.add_message("user" if i % 2 == 0 else "assistant")
        w.set_content("".join(answer_tokens(200)))
    msg = view.add_message("assistant")
    costs: dict[int, list[float]] = {100: [], 4000: []}
    for i, tok in enumerate(answer_tokens(n_tokens)):
        t0 = time.perf_counter()
        msg.append(tok)
        QCoreApplication.processEvents()
        dt = (time.perf_counter() - t0) * 1000
        for mark, bucket in costs.items():
            if mark <= i < mark + 250:
                bucket.append(dt)
    view.close()
    return {mark: statistics.median(v) for mark, v in costs.items()}


def cold_start(runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        home = tempfile.mkdtemp(prefix="cairn-start-")
        env = dict(
            os.environ, CAIRN_HOME=home, CAIRN_STARTUP_PROBE="1", QT_QPA_PLATFORM="offscreen"
        )
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "app.launcher"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        line = proc.stdout.readline()
        dt = time.perf_counter() - t0
        proc.wait(30)
        if not line.startswith("window-visible True"):
            raise RuntimeError(f"no window: {line!r}")
        if "heavy=-" not in line:
            raise RuntimeError(f"heavy modules on the start-up path: {line.strip()}")
        out.append(dt)
    return out


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--tokens", type=int, default=2000)
    p.add_argument("--rate", type=float, default=200.0)
    p.add_argument("--no-real", action="store_true")
    p.add_argument("--starts", type=int, default=3)
    args = p.parse_args()

    from PySide6.QtWidgets import QApplication

    from app import theme
    from app.qt_compat import guard_refcount_leaks
    from tests.app.conftest import FakeEngine

    guard_refcount_leaks()
    app = QApplication([])
    theme.apply(app, "light")
    rows = []

    engine = FakeEngine(tokens=answer_tokens(args.tokens), delay=1.0 / args.rate)
    stalls, elapsed, n = stream_in_window(app, engine, "Write a long answer.", 120)
    rows.append((f"fake engine, {args.rate:.0f} tok/s", n, elapsed, stalls))

    if not args.no_real:
        from tests.fixtures.tiny_qwen import build_text_checkpoint

        ckpt = build_text_checkpoint(Path(tempfile.mkdtemp(prefix="cairn-ckpt-")) / "tiny-qwen3.5")
        stalls, elapsed, n = stream_in_window(app, None, ("Hello", str(ckpt)), 300, max_tokens=400)
        rows.append(("real MLX engine, tiny random checkpoint", n, elapsed, stalls))

    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print()
    print("1. event-loop stalls while streaming (1 ms timer; target p99 < 16 ms, max < 50 ms)")
    print(
        f"{'run':44s} {'tokens':>7s} {'seconds':>8s} {'ticks':>7s} {'p50 ms':>7s} {'p99 ms':>7s} {'max ms':>7s}"
    )
    for name, n, elapsed, stalls in rows:
        print(
            f"{name:44s} {n:7d} {elapsed:8.2f} {len(stalls):7d} {percentile(stalls, 0.5):7.2f} "
            f"{percentile(stalls, 0.99):7.2f} {max(stalls):7.2f}"
        )

    costs = render_cost(app)
    print()
    print("2. render cost per token (append + events, median of 250 tokens; target ratio < 2)")
    print(f"{'at token 100':>14s} {'at token 4000':>14s} {'ratio':>7s}")
    print(f"{costs[100]:12.3f}ms {costs[4000]:12.3f}ms {costs[4000] / costs[100]:7.2f}")

    starts = cold_start(args.starts)
    print()
    print("3. cold start to a visible window, subprocess (target < 1.5 s)")
    print(
        f"runs: {', '.join(f'{s:.2f} s' for s in starts)}; median {statistics.median(starts):.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
