"""End to end through the real engine (MLX on a tiny random Qwen3.5 checkpoint)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def test_window_answers_through_the_real_engine(qtbot, dirs, tiny_text_ckpt):
    from app.backend import make_backend
    from app.main_window import MainWindow
    from app.settings import Settings

    from .conftest import FakeStore

    settings = Settings(dirs.config)
    settings.set("max_tokens", 16)
    w = MainWindow(
        dirs,
        settings,
        backend=make_backend(dirs),
        model_store=FakeStore(dirs.models, ready=()),
        model_override=str(tiny_text_ckpt),
    )
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=60000)
    assert w.models.loaded.engine == "mlx"
    assert w.send("Hello")
    qtbot.waitUntil(lambda: not w.session.busy, timeout=60000)
    answer = w.chat_view.last()
    stored = w.history.messages(w.session.conversation_id)[-1]
    assert stored.status == "complete"
    assert stored.content == answer.text and answer.text
    assert 0 < stored.stats["tokens"] <= 16
    w.close()


def test_self_test_command(tmp_path, tiny_text_ckpt):
    env = dict(os.environ, CAIRN_HOME=str(tmp_path / "home"))
    env.pop("QT_QPA_PLATFORM", None)  # --self-test sets offscreen itself
    proc = subprocess.run(
        [sys.executable, "-m", "app.launcher", "--self-test", "--model", str(tiny_text_ckpt)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("self-test passed")


def test_self_test_fails_with_one_line_without_a_model(tmp_path):
    env = dict(os.environ, CAIRN_HOME=str(tmp_path / "home"))
    proc = subprocess.run(
        [sys.executable, "-m", "app.launcher", "--self-test", "--model", str(tmp_path / "nope")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    lines = [x for x in proc.stderr.splitlines() if x.startswith("self-test failed")]
    assert len(lines) == 1 and "Traceback" not in proc.stderr


def test_window_sends_an_image_to_the_real_vision_model(qtbot, dirs, tiny_vlm_ckpt, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    from app.backend import make_backend
    from app.main_window import MainWindow
    from app.settings import Settings

    from .conftest import FakeStore

    img = QImage(64, 64, QImage.Format.Format_RGB32)
    img.fill(Qt.GlobalColor.red)
    assert img.save(str(tmp_path / "red.png"))
    settings = Settings(dirs.config)
    settings.set("max_tokens", 8)
    w = MainWindow(
        dirs,
        settings,
        backend=make_backend(dirs),
        model_store=FakeStore(dirs.models, ready=()),
        model_override=str(tiny_vlm_ckpt),
    )
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=60000)
    assert w.send("What colour is this?")  # text only, for comparison
    qtbot.waitUntil(lambda: not w.session.busy, timeout=120000)
    text_only = w.history.messages(w.session.conversation_id)[-1].stats["prompt_tokens"]
    w.new_conversation()
    w.media.add_paths([tmp_path / "red.png"])
    assert w.send("What colour is this?")
    qtbot.waitUntil(lambda: not w.session.busy, timeout=120000)
    stored = w.history.messages(w.session.conversation_id)
    assert stored[0].attachments == (str(tmp_path / "red.png"),)
    assert stored[-1].status == "complete", w.chat_view.last().status_label.text()
    # the image's tokens went into the prompt
    assert stored[-1].stats["prompt_tokens"] > text_only > 0
    w.close()
