"""The `cairn` entry point: the window with no command, the headless command line otherwise.

It lives in app/ because app may depend on inference but never the reverse. Qt is imported
only on the window path, so `cairn chat` starts without loading it.
"""

from __future__ import annotations

import os
import sys

GUI_FLAGS = {"--self-test", "--model", "--debug", "-h", "--help"}


def _wants_gui(argv: list[str]) -> bool:
    """No sub-command given: only the window's own flags (and their values) are present."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("-h", "--help"):
            return False
        if arg == "--model":
            i += 2
            continue
        if arg.startswith("--model="):
            i += 1
            continue
        if arg in GUI_FLAGS:
            i += 1
            continue
        return False
    return True


def quiet_native_logs() -> None:
    """OpenCV's FFmpeg writes its own complaints ("moov atom not found") straight to stderr;
    Cairn reports bad videos itself, in one line. Set before cv2 is first imported."""
    os.environ.setdefault("OPENCV_LOG_LEVEL", "OFF")
    os.environ.setdefault("OPENCV_FFMPEG_LOGLEVEL", "-8")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    quiet_native_logs()
    if _wants_gui(argv):
        try:
            from app.main import run
        except ModuleNotFoundError as e:
            if not (e.name or "").startswith("app"):
                raise
            print("error: the desktop window is not built yet; see `cairn --help`", file=sys.stderr)
            return 1
        return run(argv)
    from inference.cli.main import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
