"""The headless `cairn` sub-commands (app/launcher.py opens the window when none is given).

Every sub-command module exposes `register(subparsers)`, which adds its parser and sets
`func(args, ctx) -> int`. Expected failures are CairnError codes, printed as one line
`error: ...` on stderr with exit status 1; tracebacks only with --debug.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from dataclasses import dataclass

from ..errors import CairnError
from ..paths import DataDirs, data_dirs
from .messages import describe
from .terminal import shown

# Sub-command modules, imported at start-up: keep their heavy imports inside functions.
COMMAND_MODULES = (
    "inference.cli.chat_cmd",
    "inference.cli.models_cmd",
    "inference.cli.video_cmd",
    "inference.cli.docs_cmd",
    "inference.cli.serve_cmd",
    "inference.cli.remote_cmd",
)


@dataclass(frozen=True)
class Context:
    """What every command gets: the data folders and the environment it was started with."""

    dirs: DataDirs
    environ: dict[str, str]
    debug: bool


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cairn", description="Cairn: a private assistant running Qwen3.5 on this machine."
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name != name:
                raise
            continue  # a command not built yet
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv)
    environ = dict(os.environ)
    ctx = Context(dirs=data_dirs(environ), environ=environ, debug=args.debug)
    try:
        if args.command is None:
            parser.print_help()
            return 0
        return int(args.func(args, ctx) or 0)
    except CairnError as e:
        if args.debug:
            raise
        print(f"error: {shown(describe(e))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (`cairn video inspect x | head`): stop quietly, as Unix tools do;
        # stdout goes to /dev/null so the interpreter's final flush does not fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as e:  # an unexpected failure still gets one line, not a traceback
        if args.debug:
            raise
        print(
            f"error: internal error ({type(e).__name__}: {shown(e)}); rerun with --debug",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
