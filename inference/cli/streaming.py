"""The one streaming path of the commands that answer with a model (`chat`, `summarize`, `docs ask`).

Each command builds its own chunk stream (an engine's generate, a video summary, a documents
answer) and hands it here, so that every one of them behaves the same way:

- going offline first: `load_engine` sets HF_HUB_OFFLINE (and friends) before anything imports
  the Hub libraries, so loading a local model never touches the network;
- Ctrl-C: the first SIGINT sets the CancelToken, the engine ends the answer cleanly (partial text
  kept, statistics still printed, exit status 0, "[stopped]" on stderr); a second SIGINT quits;
- the JSON statistics come from one method, `Chunk.stats_json()` (see `result_json`).

Typical use (a command's `run`):

    engine = load_engine(args, ctx)               # offline first, then resolve and load
    cancel = CancelToken()
    try:
        out = stream(engine.generate(request, cancel=cancel), cancel, echo=not args.json)
    finally:
        engine.close()
    if args.json:
        print_json(result_json(engine, out.text, out.thinking, out.final))
    else:
        end_text(out)                             # newline, and "[stopped]" when cancelled

A stream whose final chunk is not the last one it yields (a summary or a documents answer keeps it
as `.final`) passes `final=` to `end_text` / reads it itself; `stream` keeps the last chunk that
carried a finish_reason.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from types import FrameType
from typing import TYPE_CHECKING, Any, Protocol

from ..records import Chunk, FinishReason
from .terminal import shown

if TYPE_CHECKING:
    from ..cancel import CancelToken
    from ..engine import Engine
    from ..paths import DataDirs

log = logging.getLogger(__name__)

OFFLINE_KEYS = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE")


class CommandContext(Protocol):
    """What a command needs of cli.main.Context (kept a Protocol so this module does not import
    main, which imports every command)."""

    @property
    def dirs(self) -> DataDirs: ...

    @property
    def environ(self) -> dict[str, str]: ...

    @property
    def debug(self) -> bool: ...


def go_offline(environ: MutableMapping[str, str]) -> None:
    """Loading a local model must never touch the network: the Hub libraries read these at import.

    Call before anything imports huggingface_hub / transformers / mlx_lm (load_engine does)."""
    for key in OFFLINE_KEYS:
        os.environ[key] = "1"
        environ[key] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def load_engine(args: argparse.Namespace, ctx: CommandContext) -> Engine:
    """Go offline, resolve args.model (id, folder or .gguf; None: the default) and load it with
    args.engine on args.device (either may be missing from args: "auto" / the machine's best).

    Loads on the calling thread, which is the thread that must generate."""
    go_offline(ctx.environ)
    if getattr(args, "engine", None) == "remote" or getattr(args, "endpoint", None):
        from .remote_open import open_remote_engine

        return open_remote_engine(args, ctx.environ)
    from ..engines import open_engine
    from ..models import resolve_model
    from ..models.inuse import held_while_open
    from ..models.speed import probe_at_first_load

    local = resolve_model(getattr(args, "model", None), ctx.dirs.models)
    engine = open_engine(
        local, engine=getattr(args, "engine", "auto") or "auto", device=getattr(args, "device", None)
    )
    held_while_open(engine, local.path)  # `models remove` refuses it until this engine closes
    probe_at_first_load(engine, ctx.dirs.models)  # once per model: the recommender's speed figure
    return engine


class SigintCancel:
    """First Ctrl-C sets the cancel token (the answer ends cleanly); a second one quits."""

    def __init__(self, token: CancelToken) -> None:
        self.token = token
        self._previous: Callable[[int, FrameType | None], Any] | int | None = None
        self._installed = False

    def __enter__(self) -> SigintCancel:
        def handler(signum: int, frame: FrameType | None) -> None:
            if self.token.cancelled:
                raise KeyboardInterrupt
            self.token.cancel()

        try:
            self._previous = signal.signal(signal.SIGINT, handler)
            self._installed = True
        except ValueError:  # not the main thread: Ctrl-C keeps its default meaning
            log.debug("SIGINT handler not installed: not on the main thread")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._installed:
            signal.signal(signal.SIGINT, self._previous)
            self._installed = False


@dataclass(frozen=True)
class Streamed:
    """What a stream produced: the joined answer and thinking and the final (statistics) chunk."""

    text: str
    thinking: str
    final: Chunk | None

    @property
    def cancelled(self) -> bool:
        return self.final is not None and self.final.finish_reason is FinishReason.CANCELLED


def stream(
    chunks: Iterable[Chunk],
    cancel: CancelToken,
    *,
    echo: bool,
    echo_thinking: bool = True,
    dim_thinking: bool = True,
    before_output: Callable[[], None] | None = None,
) -> Streamed:
    """Drive `chunks` under Ctrl-C handling; with `echo`, answer text goes to stdout as it comes
    and thinking to stderr (dimmed on a terminal when `dim_thinking`; not at all without
    `echo_thinking`). `before_output` runs before each piece of text or thinking (a command
    clearing its progress line). The caller closes the engine (in a finally).

    Iteration stops at the final chunk: an engine may go on, if asked for more, to prepare the
    next turn of a conversation (llama.cpp reads the answer as the next prompt renders it), which
    a one-shot command does not need."""
    text: list[str] = []
    thinking: list[str] = []
    final: Chunk | None = None
    dim = dim_thinking and sys.stderr.isatty()
    with SigintCancel(cancel):
        for chunk in chunks:
            if before_output is not None and (chunk.text or chunk.thinking):
                before_output()
            if chunk.thinking:
                thinking.append(chunk.thinking)
                if echo and echo_thinking:
                    shown_thinking = shown(chunk.thinking, keep_layout=True)
                    sys.stderr.write(f"\x1b[2m{shown_thinking}\x1b[0m" if dim else shown_thinking)
                    sys.stderr.flush()
            if chunk.text:
                text.append(chunk.text)
                if echo:
                    sys.stdout.write(shown(chunk.text, keep_layout=True))
                    sys.stdout.flush()
            if chunk.finish_reason is not None:
                final = chunk
                break
    return Streamed("".join(text), "".join(thinking), final)


def end_text(final: Chunk | None) -> None:
    """After a streamed (non-JSON) answer: end the line; say "[stopped]" when Ctrl-C ended it."""
    sys.stdout.write("\n")
    if final is not None and final.finish_reason is FinishReason.CANCELLED:
        print("[stopped]", file=sys.stderr)


def result_json(
    engine: Engine,
    text: str,
    thinking: str,
    final: Chunk | None,
    extra: Mapping[str, object] | None = None,
) -> dict[str, object]:
    """The JSON object of `cairn chat --json` (and the base of `summarize --json`)."""
    last = final or Chunk()
    out: dict[str, object] = {
        "text": text,
        "thinking": thinking,
        "finish_reason": last.finish_reason.value if last.finish_reason else None,
        **last.stats_json(),
        "engine": engine.name,
        "device": engine.device,
        "model": engine.model_name,
    }
    out.update(extra or {})
    return out


def print_json(obj: object) -> None:
    """One JSON object on one line of stdout (non-ASCII kept readable)."""
    print(json.dumps(obj, ensure_ascii=False))
