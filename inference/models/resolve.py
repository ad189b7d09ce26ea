"""Turn what the user typed after --model (an id, a folder, a .gguf file) into a LocalModel."""

from __future__ import annotations

from pathlib import Path

from ..checkpoint import LocalModel, inspect_model
from ..errors import CairnError, ErrorCode


def resolve_model(ref: str | None, models_dir: Path) -> LocalModel:
    """A path that exists wins; otherwise `ref` is a model id in Cairn's models folder.

    An id must name a ready model (downloaded and verified, or imported): a partial download
    or a damaged folder raises MODEL_INCOMPLETE, a catalog model not yet fetched raises
    MODEL_NOT_DOWNLOADED. With no ref, the first ready model (catalog order, then imports).
    Nothing here touches the network: loading works from local paths only.
    """
    from .store import ModelStore

    store = ModelStore(models_dir)
    if ref:
        candidate = Path(ref).expanduser()
        if candidate.exists():
            return inspect_model(candidate)
        if "/" not in ref and "\\" not in ref and ref not in (".", ".."):
            return store.local_model(ref)
        raise CairnError(ErrorCode.MODEL_NOT_FOUND, ref)
    for entry in store.chat_models():  # an embedding model serves document search, not chat
        try:
            return store.local_model(entry.id)
        except CairnError:
            continue
    raise CairnError(ErrorCode.MODEL_NOT_FOUND, "no model installed yet (cairn models download ID)")
