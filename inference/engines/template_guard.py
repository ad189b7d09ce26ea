"""Chat templates rendered under limits, for every engine.

A chat template is Jinja code that comes with the model file: untrusted. jinja2's sandbox stops
it reaching Python, but not from spinning (`range(100000)` nested twice) or eating memory
(`"x" * 10**9` built 3.8 GB in 15 s), and its OverflowError and MemoryError came out as
"internal error". So a template is compiled and rendered in a child process
(`GuardedTemplate`), which:

- renders in an environment whose range, repetition (`*`), power (`**`), concatenation (`+`)
  and output sizes are bounded (a clear error at once for the common abuses), with the same
  filters and globals as transformers' (tojson, raise_exception, strftime_now, loop controls,
  the `{% generation %}` tag), so a template renders here exactly as it does there;
- runs under a memory cap and a CPU limit (inference/limits.py) and a wall-clock budget: a
  render over budget, or cancelled (the CancelToken, Ctrl-C), kills the child, and the next
  render starts a fresh one;
- reports every failure (syntax, raise_exception, a bound, OverflowError, MemoryError, the
  budget) as CairnError(CHAT_TEMPLATE_FAILED) naming the template as the cause.

The child is started with "spawn" (no inherited state; the same on Windows and macOS), once per
template and kept for later renders; `close()` stops it (engines call it when they close).
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import threading
import time
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..cancel import Cancelled, CancelToken
from ..errors import CairnError, ErrorCode
from ..limits import ChildLimits, cpu_budget_from_now, limit_self, quiet_exit, stop_child

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import SpawnProcess

log = logging.getLogger(__name__)

TIMEOUT_S = 5.0  # one render; real templates take milliseconds
STARTUP_TIMEOUT_S = 60.0
MEMORY_MB = 512
MAX_RANGE = 100_000  # items of one range()
MAX_ITEMS = 1_000_000  # characters or items one *, + or ** may produce
MAX_OUTPUT = 32_000_000  # characters of a rendered prompt (far past any context window)


class TemplateLimit(Exception):
    """A bound of the guarded environment was hit (reported as the template's failure)."""


# -- the child ---------------------------------------------------------------------------------


def _size(value: Any) -> int | None:
    return len(value) if isinstance(value, (str, list, tuple, bytes)) else None


def _environment() -> Any:
    """transformers' chat-template environment, with bounded operations."""
    import jinja2
    from jinja2 import nodes
    from jinja2.ext import Extension, loopcontrols
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Generation(Extension):
        """transformers' `{% generation %}...{% endgeneration %}`: renders its body as is."""

        tags = {"generation"}

        def parse(self, parser: Any) -> Any:
            lineno = next(parser.stream).lineno
            body = parser.parse_statements(("name:endgeneration",), drop_needle=True)
            return nodes.Scope(body, lineno=lineno)

    class Bounded(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "+"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "*":
                for seq, n in ((left, right), (right, left)):
                    size = _size(seq)
                    if size is not None and isinstance(n, int) and size * n > MAX_ITEMS:
                        raise TemplateLimit(f"a repetition of {size} x {n} is too large")
            elif operator == "**" and isinstance(left, int) and isinstance(right, int):
                if abs(left) > 1 and right > 0 and abs(left).bit_length() * right > 64 * MAX_ITEMS:
                    raise TemplateLimit(f"the power {left} ** {right} is too large")
            elif operator == "+":
                a, b = _size(left), _size(right)
                if a is not None and b is not None and a + b > MAX_OUTPUT:
                    raise TemplateLimit("a concatenation is too large")
            return super().call_binop(context, operator, left, right)

    def bounded_range(*args: int) -> range:
        r = range(*args)
        if len(r) > MAX_RANGE:
            raise TemplateLimit(f"range() of {len(r)} items (at most {MAX_RANGE})")
        return r

    def tojson(value: Any, indent: int | None = None, **_: Any) -> str:
        import json

        return json.dumps(value, ensure_ascii=False, indent=indent)

    def raise_exception(message: str) -> None:
        raise jinja2.TemplateError(message)

    env = Bounded(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols, Generation])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = lambda fmt: datetime.now().strftime(fmt)
    env.globals["range"] = bounded_range
    return env


def _render(env: Any, compiled: dict[str, Any], request: tuple) -> tuple:
    """One request in the child: ("ok", text) or ("err", reason)."""
    kind, source, context, cpu_s = request
    try:
        cpu_budget_from_now(cpu_s)
        template = compiled.get(source)
        if template is None:
            template = env.from_string(source)
            compiled.clear()  # one template per child: keep only the latest
            compiled[source] = template
        if kind == "compile":
            return ("ok", "")
        pieces: list[str] = []
        total = 0
        for piece in template.generate(**context):
            total += len(piece)
            if total > MAX_OUTPUT:
                raise TemplateLimit(f"the prompt grew past {MAX_OUTPUT:,} characters")
            pieces.append(piece)
        return ("ok", "".join(pieces))
    except TemplateLimit as e:
        return ("err", str(e))
    except MemoryError:
        return ("err", f"over the memory limit ({MEMORY_MB} MB)")
    except RecursionError:
        return ("err", "nested too deeply")
    except Exception as e:  # noqa: BLE001 - anything a template does wrong is its failure
        return ("err", _reason(e))


def _reason(e: BaseException) -> str:
    import jinja2

    if isinstance(e, jinja2.TemplateSyntaxError):
        return f"syntax error on line {e.lineno}: {e.message}"
    text = str(e).splitlines()[0][:300] if str(e) else ""
    if isinstance(e, jinja2.TemplateError):
        return text or type(e).__name__
    return f"{type(e).__name__}: {text}" if text else type(e).__name__


def _child_main(conn: Connection, limits: ChildLimits) -> None:
    """Receive (kind, source, context, cpu_s), send ("ok", text) or ("err", reason)."""
    import signal

    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        env = _environment()
        limit_self(limits)
        compiled: dict[str, Any] = {}
        conn.send(("hello",))
        while True:
            request = conn.recv()
            if request is None:
                return
            try:
                reply = _render(env, compiled, request)
                conn.send(reply)
            except MemoryError:
                conn.send(("err", f"over the memory limit ({MEMORY_MB} MB)"))
    except (EOFError, OSError, KeyboardInterrupt):
        quiet_exit()  # the parent is gone: no traceback from an orphan


# -- the parent --------------------------------------------------------------------------------


class GuardedTemplate:
    """A chat template compiled and rendered in a limited child process. Thread-safe."""

    def __init__(
        self,
        source: str,
        *,
        name: str = "the model's chat template",
        timeout_s: float = TIMEOUT_S,
        memory_mb: int = MEMORY_MB,
    ) -> None:
        self.source = source
        self.name = name
        self.timeout_s = timeout_s
        self.limits = ChildLimits(
            memory_mb=memory_mb, cpu_s=None, file_size_bytes=0, no_children=True
        )
        self._ctx = multiprocessing.get_context("spawn")
        self._process: SpawnProcess | None = None
        self._conn: Connection | None = None
        self._lock = threading.Lock()

    # -- lifetime ---------------------------------------------------------------------------
    def __enter__(self) -> GuardedTemplate:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            if self._conn is not None and self._process is not None and self._process.is_alive():
                try:
                    self._conn.send(None)
                    self._process.join(2)
                except (OSError, ValueError):
                    log.debug("template renderer did not take its stop message", exc_info=True)
            self._kill()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def _kill(self) -> None:
        stop_child(self._process, self._conn)
        self._process = self._conn = None

    def _start(self) -> None:
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(
            target=_child_main, args=(child, self.limits), name="cairn-chat-template", daemon=True
        )
        process.start()
        child.close()
        self._process, self._conn = process, parent
        try:
            if parent.poll(STARTUP_TIMEOUT_S) and parent.recv() == ("hello",):
                return
        except (EOFError, OSError):
            log.debug("template renderer gave no hello", exc_info=True)
        code = process.exitcode
        self._kill()
        raise CairnError(ErrorCode.INTERNAL, f"the template renderer did not start ({code})")

    # -- work -------------------------------------------------------------------------------
    def check(self) -> None:
        """Compile the template (at model load): a syntax error fails the load, not a turn."""
        self._ask(("compile", self.source, {}, self.timeout_s), None)

    def render(self, context: Mapping[str, Any], cancel: CancelToken | None = None) -> str:
        """The template rendered with `context` (messages, add_generation_prompt, tokens...).
        CairnError(CHAT_TEMPLATE_FAILED) on any failure; Cancelled if `cancel` is set."""
        return self._ask(("render", self.source, dict(context), self.timeout_s), cancel)

    def _fail(self, reason: str) -> CairnError:
        return CairnError(ErrorCode.CHAT_TEMPLATE_FAILED, f"{self.name}: {reason}")

    def _ask(self, request: tuple, cancel: CancelToken | None) -> str:
        with self._lock:
            if self._process is None or not self._process.is_alive():
                self._kill()
                self._start()
            conn, process = self._conn, self._process
            assert conn is not None and process is not None
            try:
                conn.send(request)
            except (OSError, ValueError) as e:
                self._kill()
                raise self._fail(f"could not be handed over ({type(e).__name__})") from None
            deadline = time.monotonic() + self.timeout_s
            done = False
            try:
                while True:
                    if cancel is not None and cancel.cancelled:
                        raise Cancelled()
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise self._fail(f"took longer than {self.timeout_s:g} s")
                    try:
                        reply = conn.recv() if conn.poll(min(left, 0.05)) else None
                    except (EOFError, OSError):
                        reply = None
                        if not process.is_alive() or conn.closed:
                            raise self._fail(_death(process, self.timeout_s)) from None
                    if reply is None:
                        if not process.is_alive() and not conn.poll(0):
                            raise self._fail(_death(process, self.timeout_s))
                        continue
                    done = True
                    if reply[0] == "ok":
                        return str(reply[1])
                    raise self._fail(str(reply[1]))
            finally:
                if not done:  # over budget, cancelled, Ctrl-C, or dead: a fresh child next time
                    self._kill()


def _death(process: Any, timeout_s: float) -> str:
    process.join(1)
    code = process.exitcode
    if code == -getattr(signal, "SIGXCPU", -1000):  # its CPU budget ran out: the same time limit
        return f"took longer than {timeout_s:g} s"
    return f"the renderer stopped (exit code {code}): over the memory or CPU limit"


def transformers_context(
    messages: list[dict], special_tokens: Mapping[str, Any], **extra: Any
) -> dict[str, Any]:
    """The variables transformers' apply_chat_template gives a template: the tokenizer's special
    tokens (strings only), messages, add_generation_prompt, then `extra` (enable_thinking...)."""
    context: dict[str, Any] = {k: v for k, v in special_tokens.items() if isinstance(v, str)}
    context.update(messages=messages, add_generation_prompt=True, tools=None, documents=None)
    context.update(extra)
    return context


class HFTemplate:
    """The chat template of a Hugging Face tokenizer or processor (the MLX engine's), rendered
    guarded with the variables transformers' apply_chat_template would give it."""

    def __init__(self, holder: Any) -> None:
        tokenizer = getattr(holder, "tokenizer", holder)
        source = getattr(holder, "chat_template", None) or getattr(tokenizer, "chat_template", None)
        if isinstance(source, dict):  # several named templates: transformers' default is "default"
            source = source.get("default")
        if not isinstance(source, str) or not source:
            raise CairnError(ErrorCode.CHAT_TEMPLATE_FAILED, "the model has no chat template")
        self.special_tokens = dict(getattr(tokenizer, "special_tokens_map", {}) or {})
        self._guard = GuardedTemplate(source)
        self._guard.check()

    def render(self, messages: list[dict], cancel: CancelToken | None = None, **extra: Any) -> str:
        return self._guard.render(
            transformers_context(messages, self.special_tokens, **extra), cancel
        )

    def close(self) -> None:
        self._guard.close()
