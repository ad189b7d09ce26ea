"""`cairn models list | download | verify | import | remove | token`: the models folder from a
terminal.

Only `download` touches the network (through huggingface_hub, imported lazily so that other
commands may set HF_HUB_OFFLINE=1 before it is first imported). The mirror comes from
--endpoint or HF_ENDPOINT, the token from HF_TOKEN or the OS keychain (`cairn models token`).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time

from ..errors import CairnError, ErrorCode
from ..records import EngineName, Progress
from .streaming import CommandContext
from .terminal import shown

log = logging.getLogger(__name__)

KEYCHAIN_SERVICE = "Cairn"


def register(subparsers) -> None:
    p = subparsers.add_parser("models", help="list, download, import and remove models")
    sub = p.add_subparsers(dest="models_command", metavar="ACTION", required=True)

    ls = sub.add_parser("list", help="the catalog and what is on disk")
    ls.add_argument("--json", action="store_true", help="machine-readable output")
    ls.add_argument(
        "--all", action="store_true", help="also the builds for engines that are slow here"
    )
    ls.set_defaults(func=_list)

    dl = sub.add_parser("download", help="download a catalog model (resumes a partial download)")
    dl.add_argument("id", help="a model id from `cairn models list`")
    dl.add_argument("--endpoint", help="a Hub mirror URL (default: $HF_ENDPOINT or the Hub)")
    dl.set_defaults(func=_download)

    vf = sub.add_parser("verify", help="re-hash an installed model's files against its manifest")
    vf.add_argument("id")
    vf.add_argument("--json", action="store_true", help="machine-readable output")
    vf.set_defaults(func=_verify)

    im = sub.add_parser("import", help="copy a Qwen3.5 folder or .gguf file into Cairn")
    im.add_argument("path", help="a Hugging Face model folder or a .gguf file")
    im.set_defaults(func=_import)

    rm = sub.add_parser("remove", help="delete a model from disk")
    rm.add_argument("id")
    rm.set_defaults(func=_remove)

    tk = sub.add_parser("token", help="keep a Hub token (read from stdin) in the OS keychain")
    tk.add_argument("--clear", action="store_true", help="forget the stored token")
    tk.set_defaults(func=_token)


def _store(ctx: CommandContext, endpoint: str | None = None, token: str | None = None):
    from ..models.store import ModelStore

    return ModelStore(ctx.dirs.models, endpoint=endpoint, token=token)


def _engine_of(entry) -> str | None:
    if entry.spec is not None:
        return entry.spec.engine
    if entry.path is not None and any(entry.path.glob("*.gguf")):
        return EngineName.LLAMACPP
    return EngineName.MLX if entry.path is not None else None


def _list(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..models.recommend import is_apple_silicon, offer_order, recommend_for_this_machine
    from ..models.store import ModelState, role_of

    store = _store(ctx)
    try:
        recommended = recommend_for_this_machine(store.catalog, ctx.dirs.models).id
    except CairnError as err:  # no entry fits this machine: the list simply marks none
        log.info("no recommended model: %s", err)
        recommended = None
    apple = is_apple_silicon()
    everything = {e.id: e for e in store.entries()}
    # builds slow on this machine are listed when asked, or when they are on disk already
    entries = [
        everything[s.id]
        for s in offer_order(store.catalog, apple_silicon=apple, show_all=True)
        if s.id in everything
    ]
    offered = {s.id for s in offer_order(store.catalog, apple_silicon=apple, show_all=args.all)}
    entries = [e for e in entries if e.id in offered or e.state is not ModelState.NOT_DOWNLOADED]
    hidden = len(store.catalog) - len(entries)
    entries += [e for e in everything.values() if e.spec is None]  # imports, after the catalog
    rows = [_row(e, recommended, role_of(e).value) for e in entries]
    if args.json:
        print(json.dumps({"models": rows}, indent=1))
        return 0
    width = max([len(r["id"]) for r in rows] + [2])
    print(
        f"  {'ID':<{width}}  {'SIZE':>5}  {'ENGINE':<8}  {'ROLE':<9}  {'STATE':<14}  {'ON DISK':>9}"
    )
    for r in rows:
        mark = "*" if r["recommended"] else " "
        print(
            f"{mark} {shown(r['id']):<{width}}  {r['size'] or '-':>5}  {r['engine'] or '-':<8}  "
            f"{r['role']:<9}  {r['state']:<14}  {_mb(r['bytes_on_disk']):>9}"
        )
    if recommended:
        print(f"* recommended for this machine: {recommended}")
    if hidden:
        print(f"{hidden} MLX builds not listed (slow on this machine): --all lists them")
    print(f"models folder: {ctx.dirs.models} ({_mb(store.disk_usage())} used)")
    return 0


def _row(e, recommended: str | None, role: str) -> dict:
    from ..models.files import planned_names
    from ..models.manifest import read_manifest

    s = e.spec
    manifest = read_manifest(e.path) if e.path is not None else None
    if manifest is not None and manifest.files:
        files = [f.path for f in manifest.files]  # what was fetched (or imported)
        revision = manifest.revision
    else:
        files = planned_names(s) if s else []
        revision = s.revision if s else None
    return {
        "id": e.id,
        "size": s.size if s else None,
        "engine": _engine_of(e),
        "quantization": s.quantization if s else None,
        "state": e.state.value,
        "path": str(e.path) if e.path else None,
        "bytes_on_disk": e.bytes_on_disk,
        "download_bytes": s.download_bytes if s else None,
        "ram_bytes": s.ram_bytes if s else None,
        "recommended": e.id == recommended,
        "role": role,
        "repo_id": s.repo_id if s else (manifest.repo_id if manifest else None),
        "files": files,
        "revision": revision,
    }


def _verify(args, ctx) -> int:
    from ..models.store import ModelState
    from ..models.verify import FileStatus, verify_model

    entry = _store(ctx).entry(args.id)
    if entry.path is None or entry.state is ModelState.DOWNLOADING:
        if entry.spec is not None:
            raise CairnError(ErrorCode.MODEL_NOT_DOWNLOADED, args.id)
        raise CairnError(ErrorCode.MODEL_NOT_FOUND, args.id)
    checks = verify_model(entry.path)
    bad = [c for c in checks if c.status is not FileStatus.OK]
    if args.json:
        doc = {
            "id": args.id,
            "ok": not bad,
            "files": [{"path": c.path, "status": c.status.value} for c in checks],
        }
        print(json.dumps(doc, indent=1))
    else:
        for c in checks:
            print(f"{c.status.value:<8} {shown(c.path)}")
    if bad:
        print(
            f"error: {len(bad)} of {len(checks)} files of {args.id} are missing or changed; "
            f"`cairn models download {args.id}` fetches them again",
            file=sys.stderr,
        )
        return 1
    return 0


def _mb(n: int | None) -> str:
    return "-" if not n else f"{n / 1e6:,.1f} MB"


def _eta(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class _Printer:
    """Progress on stderr: one rewritten line on a terminal, a line a second otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, p: Progress) -> None:
        if p.stage == "insecure_token":  # before the first request: the user can still stop
            print(
                f"warning: the Hub token will be sent unencrypted (plain http) to "
                f"{shown(p.detail)}; use an https mirror, or unset the token",
                file=sys.stderr,
            )
            return
        if p.stage == "files":  # the files chosen from the repository's listing: always shown
            print(("\r\x1b[K" if self.tty else "") + f"fetching {shown(p.detail)}", file=sys.stderr)
            return
        now = time.monotonic()
        if not self.tty and now - self.last < 1.0 and p.done != p.total:
            return
        self.last = now
        if p.stage == "metadata":
            line = f"asking the server about {shown(p.detail)}"
        else:
            pct = f"{100 * p.done / p.total:5.1f}%" if p.total else "    ?%"
            rate = f"{p.rate / 1e6:6.2f} MB/s" if p.rate else "   -- MB/s"
            verb = "verifying" if p.stage == "verify" else ""
            line = (
                f"{pct}  {p.done / 1e6:,.1f}/{(p.total or 0) / 1e6:,.1f} MB  {rate}  "
                f"ETA {_eta(p.eta_s)}  {verb} {shown(p.detail)}"
            )
        end = "" if self.tty else "\n"
        print(("\r\x1b[K" if self.tty else "") + line, end=end, file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.tty:
            print(file=sys.stderr)


def _token_for(ctx: CommandContext) -> str | None:
    if ctx.environ.get("HF_TOKEN"):
        return ctx.environ["HF_TOKEN"]
    from ..models.secrets import TokenStore

    return TokenStore(KEYCHAIN_SERVICE).get()


def _download(args: argparse.Namespace, ctx: CommandContext) -> int:
    endpoint = args.endpoint or ctx.environ.get("HF_ENDPOINT") or None
    store = _store(ctx, endpoint=endpoint, token=_token_for(ctx))
    printer = _Printer()
    try:
        local = store.download(args.id, progress=printer)
    except KeyboardInterrupt:
        print(
            "cancelled: the partial download is kept; run the same command to resume",
            file=sys.stderr,
        )
        return 130
    finally:
        printer.done()
    print(f"{shown(args.id)} ready: {shown(local.path)}")
    return 0


def _import(args: argparse.Namespace, ctx: CommandContext) -> int:
    def progress(p: Progress) -> None:
        if p.stage == "skipped":  # a file beside the model that is not its own
            print(f"skipped {shown(p.detail)}", file=sys.stderr)

    model_id = _store(ctx).import_path(args.path, progress=progress)
    print(shown(model_id))
    return 0


def _remove(args: argparse.Namespace, ctx: CommandContext) -> int:
    _store(ctx).remove(args.id)
    print(f"removed {args.id}", file=sys.stderr)
    return 0


def _token(args: argparse.Namespace, ctx: CommandContext) -> int:
    from ..models.secrets import TokenStore

    store = TokenStore(KEYCHAIN_SERVICE)
    if args.clear:
        store.delete()
        print("token forgotten", file=sys.stderr)
        return 0
    token = sys.stdin.readline().strip()
    if not token:
        raise CairnError(ErrorCode.INVALID_ARGUMENT, "no token on standard input")
    if store.set(token):
        print("token saved in the OS keychain", file=sys.stderr)
    else:
        print("no OS keychain here: the token is not saved (use HF_TOKEN)", file=sys.stderr)
    return 0
