"""Import a Qwen3.5 model from disk (air-gapped machines): copy, hash, manifest, move into place.

The source is checked with checkpoint.inspect_model first, only the file kinds an engine needs
are copied (never pickles or code), and the copy is hashed as it is written, so an imported
model gets the same manifest (sizes, SHA-256) as a downloaded one.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

from ..cancel import CancelToken
from ..checkpoint import inspect_embedding_model, inspect_model, read_gguf_metadata
from ..errors import CairnError, ErrorCode
from ..records import Progress
from .downloader import PARTIAL_DIR, install
from .hub import to_cairn_error
from .manifest import HF_SUFFIXES, FileRecord, Manifest, allowed_file, valid_model_id

_CHUNK = 1 << 20


def _slug(name: str) -> str:
    s = re.sub(r"[^a-z0-9._-]+", "-", name.lower()).strip("-._")
    return (s or "model")[:80]


def _free_id(base: str, models_dir: Path, taken: set[str]) -> str:
    candidate, n = base, 2
    while (
        candidate in taken
        or (models_dir / candidate).exists()
        or (models_dir / PARTIAL_DIR / candidate).exists()
        or not valid_model_id(candidate)
    ):
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _embedding_gguf(src: Path, error: CairnError) -> Path:
    """The GGUF of an embedding model (document search) at `src`, or re-raise `error`."""
    if error.code is not ErrorCode.NOT_QWEN35:
        raise error
    try:
        return inspect_embedding_model(src).gguf
    except CairnError:
        raise error from None


def _check(path: Path) -> None:
    """`path` holds a whole Qwen3.5 model or an embedding model (raises the Qwen3.5 error)."""
    try:
        inspect_model(path)
    except CairnError as e:
        _embedding_gguf(path, e)


def projector_problem(mmproj: Path, model_gguf: Path) -> str | None:
    """Why `mmproj` is not the vision projector of `model_gguf` (None: it is).

    It must be a regular file (links followed: not a device, not a FIFO) whose GGUF header says
    it is a CLIP projector whose output width is the model's embedding width. A projector left
    in the same folder (say, Downloads) for some other model fails that check."""
    try:
        if not stat.S_ISREG(mmproj.stat().st_mode):
            return "not a regular file"
        meta = read_gguf_metadata(
            mmproj, ("general.architecture", "general.type", "clip.vision.projection_dim")
        )
        width = read_gguf_metadata(model_gguf, ("qwen35.embedding_length",)).get(
            "qwen35.embedding_length"
        )
    except (OSError, RuntimeError) as e:
        return f"unreadable ({getattr(e, 'strerror', None) or e})"
    except CairnError as e:
        return e.detail.removeprefix(f"{mmproj}: ") or "not a GGUF file"
    arch = meta.get("general.architecture")
    if arch != "clip" or meta.get("general.type") not in (None, "mmproj"):
        return f"not a vision projector (architecture {arch!r})"
    dim = meta.get("clip.vision.projection_dim")
    if not isinstance(dim, int) or dim != width:
        return f"made for a model of width {dim}, this model's is {width}"
    return None


def _sources(
    src: Path, skipped: Callable[[str], None] = lambda line: None
) -> tuple[str, list[tuple[Path, str]]]:
    """(base name for the id, [(source file, relative destination)]) for what `src` holds.
    `skipped` hears one line per file left out (a projector that is not the model's)."""
    try:
        local = inspect_model(src)  # NOT_QWEN35 / MODEL_INCOMPLETE / MODEL_NOT_FOUND
    except CairnError as e:
        gguf = _embedding_gguf(src, e)  # a Qwen3-Embedding GGUF is welcome too
        return (src.name if src.is_dir() else gguf.stem), [(gguf, gguf.name)]
    if local.format == "gguf":
        assert local.gguf is not None
        files = [(local.gguf, local.gguf.name)]
        chosen = False
        for candidate in sorted(local.gguf.parent.glob("*.gguf")):
            if candidate == local.gguf or not candidate.name.lower().startswith("mmproj"):
                continue
            problem = projector_problem(candidate, local.gguf)
            if problem is None and not chosen:
                files.append((candidate, candidate.name))
                chosen = True
            else:
                skipped(f"{candidate.name}: {problem or 'a second projector'}")
        base = local.path.name if local.path.is_dir() else local.gguf.stem
        return base, files
    folder = local.path
    files = []
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        if p.is_file() and not p.is_symlink() and allowed_file(rel, HF_SUFFIXES):
            files.append((p, rel))
    return folder.name, files


def _copy_hashing(src: Path, dst: Path, on_bytes, cancel: CancelToken | None) -> str:
    h = hashlib.sha256()
    dst.parent.mkdir(parents=True, exist_ok=True)
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        while chunk := fin.read(_CHUNK):
            if cancel is not None:
                cancel.raise_if_cancelled()
            h.update(chunk)
            fout.write(chunk)
            on_bytes(len(chunk))
    return h.hexdigest()


def import_model(
    src: Path,
    models_dir: Path,
    *,
    taken_ids: set[str],
    free_space_fn: Callable[[Path], int],
    progress: Callable[[Progress], None] | None = None,
    cancel: CancelToken | None = None,
) -> str:
    """Copy `src` into models/<new id>/ with a manifest; returns the new id.

    Progress has stage "import" (bytes copied of the total); a cancel removes the partial copy.
    """
    named = Path(src).expanduser()
    try:
        src = named.resolve()
    except (OSError, RuntimeError) as e:  # RuntimeError: a symlink loop
        reason = "a loop of symbolic links" if isinstance(e, RuntimeError) else e.strerror
        raise CairnError(ErrorCode.MODEL_NOT_FOUND, f"{named}: {reason}") from None

    def skipped(line: str) -> None:
        if progress is not None:
            progress(Progress("skipped", 0, None, line))

    base, files = _sources(src, skipped)
    models_dir.mkdir(parents=True, exist_ok=True)
    model_id = _free_id(_slug(base), models_dir, taken_ids)
    need = sum(p.stat().st_size for p, _ in files)
    free = free_space_fn(models_dir)
    if need > free:
        raise CairnError(
            ErrorCode.NO_SPACE, f"{need / 1e6:,.1f} MB needed, {free / 1e6:,.1f} MB free"
        )
    work = models_dir / PARTIAL_DIR / model_id
    try:
        work.mkdir(parents=True)
        records = []
        done = 0

        def on_bytes(n: int) -> None:
            nonlocal done
            done += n
            if progress is not None:
                progress(Progress("import", done, need, rel))

        for p, rel in files:
            digest = _copy_hashing(p, work / rel, on_bytes, cancel)
            records.append(FileRecord(rel, (work / rel).stat().st_size, digest))
        _check(work)  # the copy must still be a whole model
        install(
            work,
            models_dir / model_id,
            Manifest(model_id, "import", None, None, tuple(records), origin=str(src)),
        )
    except OSError as e:  # disk full, permissions: nothing half-copied is left behind
        shutil.rmtree(work, ignore_errors=True)
        raise to_cairn_error(e, str(src)) from None
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return model_id
