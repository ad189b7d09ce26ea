"""`cairn` with no sub-command: open the window. `cairn --self-test` checks the whole path.

Only Qt and Cairn's light modules are imported here; engines (mlx, llama_cpp) and cv2 load on
the engine thread or the I/O pool when first needed, so the window shows quickly.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

SELF_TEST_PROMPT = "Say hello in one short sentence."


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="cairn", description="Cairn: a private AI assistant.")
    p.add_argument("--model", help="a model id in Cairn's models folder, a model folder or .gguf")
    p.add_argument(
        "--self-test", action="store_true", help="open the window offscreen, ask once, exit"
    )
    p.add_argument("--debug", action="store_true", help="log details to the terminal")
    p.add_argument("--timeout", type=float, default=300.0, help=argparse.SUPPRESS)
    return p.parse_args(argv)


def run(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING)

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from inference.paths import data_dirs

    from . import theme
    from .backend import make_backend
    from .engine_open import StateOptions
    from .main_window import MainWindow
    from .qt_compat import guard_refcount_leaks
    from .settings import Settings

    guard_refcount_leaks()

    QCoreApplication.setOrganizationName("Cairn")
    QCoreApplication.setApplicationName("Cairn")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *argv])
    _set_identity(app)
    if args.self_test:
        _quiet_offscreen_warnings()
    _install_translations(app)
    dirs = data_dirs(os.environ).ensure()
    settings = Settings(dirs.config)
    dark = theme.apply(app, settings.get("theme"))
    theme.follow_system(app, settings.get("theme"))
    # checkpoints of the model state: memory from the settings, conversations' last ones on disk
    state = StateOptions(
        settings.state_budget(), dirs.cache / "states", settings.state_disk_budget()
    )
    window = MainWindow(
        dirs,
        settings,
        backend=make_backend(
            dirs, state=state, offline_only=lambda: bool(settings.get("offline_only"))
        ),
        model_override=args.model,
        dark=dark,
    )
    window.show()
    if os.environ.get("CAIRN_STARTUP_PROBE"):  # bench/ui_latency.py: time to a visible window
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: _startup_probe(window))
    if args.self_test:
        return self_test(app, window, args.timeout)
    return app.exec()


def _startup_probe(window) -> None:
    """After the first pass of the event loop (the window shown and exposed): report, close."""
    heavy = sorted(m for m in ("mlx", "llama_cpp", "cv2", "mlx_lm", "mlx_vlm") if m in sys.modules)
    print(f"window-visible {window.isVisible()} heavy={','.join(heavy) or '-'}", flush=True)
    window.close()


def icon_path():
    """The window icon: next to the bundle's code when frozen, else the checkout's resources/."""
    from pathlib import Path

    if getattr(sys, "frozen", False):
        base = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    else:
        base = Path(__file__).resolve().parent.parent
    return base / "resources" / "icons" / "cairn.png"


def _set_identity(app) -> None:
    """Tie the window to cairn.desktop (Wayland/X11 docks) and give it the Cairn icon."""
    from PySide6.QtGui import QGuiApplication, QIcon

    QGuiApplication.setDesktopFileName("cairn")
    icon = icon_path()
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


def _quiet_offscreen_warnings() -> None:
    """The offscreen plugin warns about window hints it cannot honour; keep the output one line."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode, _context, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def _install_translations(app) -> None:
    """Load the UI translation for the system language when the i18n module provides one."""
    try:
        from . import i18n
    except ImportError:
        return
    install = getattr(i18n, "install", None)
    if install is not None:
        try:
            install(app)
        except (OSError, ValueError, RuntimeError):  # a broken translation must not stop the app
            logging.getLogger(__name__).exception("loading translations failed")


def self_test(app, window, timeout_s: float) -> int:
    """Send one prompt through the real engine and check the answer reached the chat view."""
    from PySide6.QtCore import QTimer

    outcome: dict[str, object] = {}

    def fail(reason: str) -> None:
        if "result" not in outcome:
            outcome["result"] = reason
        app.quit()

    def on_loaded(job_id: int, result: object) -> None:
        from .engine_thread import LoadedModel

        if isinstance(result, LoadedModel) and "sent" not in outcome:
            outcome["sent"] = True
            if not window.send(SELF_TEST_PROMPT):
                fail("the prompt could not be sent")

    def on_failed(job_id: int, code: str, detail: str) -> None:
        from .messages import error_text

        fail(error_text(code, detail))

    def on_answer(status: str, text: str) -> None:
        last = window.chat_view.last()
        if status != "complete":
            fail(f"the answer ended as {status}")
        elif last is None or last.role != "assistant":
            fail("no answer appeared in the chat view")
        elif not text or last.text != text:
            fail("the answer in the chat view does not match the streamed text")
        else:
            outcome["result"] = ""
            outcome["answer"] = text
            app.quit()

    if window.stack.currentWidget() is not window.chat_page:
        print("self-test failed: no model installed (pass --model ID|DIR)", file=sys.stderr)
        window.close()
        return 1
    window.controller.finished.connect(on_loaded)
    window.controller.failed.connect(on_failed)
    window.session.answerFinished.connect(on_answer)
    QTimer.singleShot(int(timeout_s * 1000), lambda: fail(f"timed out after {timeout_s:.0f} s"))
    app.exec()
    window.close()
    reason = outcome.get("result", "the window closed early")
    if reason:
        print(f"self-test failed: {reason}", file=sys.stderr)
        return 1
    answer = " ".join(str(outcome.get("answer", "")).split())
    loaded = window.models.loaded
    print(f"self-test passed: {loaded.name if loaded else '?'} answered {answer[:60]!r}")
    return 0
