"""Dense embeddings from a Qwen3-Embedding GGUF through llama.cpp, and finding one on disk.

Qwen3-Embedding is a Qwen3 decoder whose sentence vector is the last token's hidden state
(last-token pooling) after an <|endoftext|> appended to the text; queries carry an instruction
("Instruct: ...\\nQuery: ..."), documents do not. Vectors are L2-normalised, so a dot product
is the cosine similarity dense.py ranks by.

The model is recognised from its GGUF header (architecture qwen3 plus a pooling key or an
"embedding" name, or a catalog entry with role "embedding") and loaded lazily on the first
embed() call, so that finding it costs milliseconds and a search over a collection without
vectors never loads it. One Llama context serves one call at a time (a lock): the GUI may embed
from its indexing worker and its engine thread.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..checkpoint import read_gguf_metadata
from ..errors import CairnError, ErrorCode

QUERY_INSTRUCTION = "Given a question, retrieve passages that answer it"
EMBEDDING_ARCHITECTURES = frozenset({"qwen3"})
EMBEDDING_ROLE = "embedding"
CHAT_ROLE = "chat"
# One decode holds several texts up to CONTEXT_TOKENS in all. Not more: in embedding mode
# llama.cpp outputs every token, logits included (a 151k-word vocabulary x tokens buffer), and
# the texts of a decode share one masked attention window. Measured with 0.6B shapes on 2
# cores: 512 runs as fast as 1024 (86 vs 79 tokens/s) with half the peak memory (1.2 vs 2.0 GB).
CONTEXT_TOKENS = 512
MAX_TEXT_TOKENS = 512  # longer texts are cut (chunks are about 250 tokens of English)
END_TOKEN = "<|endoftext|>"


def query_text(query: str, instruction: str = QUERY_INSTRUCTION) -> str:
    """The query as Qwen3-Embedding was trained to see it."""
    return f"Instruct: {instruction}\nQuery: {query}"


@dataclass(frozen=True)
class EmbeddingModel:
    """An embedding GGUF recognised on disk."""

    gguf: Path
    architecture: str
    dim: int
    pooling: int | None  # the file's pooling type key, when it has one


def _model_gguf(path: Path) -> Path:
    path = Path(path).expanduser()
    if not path.exists():
        raise CairnError(ErrorCode.MODEL_NOT_FOUND, str(path))
    if path.is_file():
        return path
    ggufs = [p for p in sorted(path.glob("*.gguf")) if not p.name.lower().startswith("mmproj")]
    if len(ggufs) != 1:
        raise CairnError(ErrorCode.NOT_QWEN35, f"{path}: no single embedding GGUF file")
    return ggufs[0]


def inspect_embedding_model(path: Path, *, known_embedding: bool = False) -> EmbeddingModel:
    """What embedding model `path` (a .gguf file or a folder holding one) is.

    Raises CairnError(MODEL_NOT_FOUND | NOT_QWEN35) when it is not one. `known_embedding`
    (a catalog entry with role "embedding") skips the evidence check: a Qwen3 chat GGUF and a
    Qwen3-Embedding GGUF share their architecture, so without the catalog a file must declare
    a pooling type or carry "embed" in its name to count.
    """
    gguf = _model_gguf(path)
    if gguf.suffix.lower() != ".gguf":
        raise CairnError(ErrorCode.NOT_QWEN35, f"{gguf}: not a GGUF file")
    arch = read_gguf_metadata(gguf, ("general.architecture",)).get("general.architecture")
    if arch not in EMBEDDING_ARCHITECTURES:
        raise CairnError(ErrorCode.NOT_QWEN35, f"{gguf}: architecture {arch!r}")
    meta = read_gguf_metadata(
        gguf, (f"{arch}.embedding_length", f"{arch}.pooling_type", "general.name")
    )
    dim = meta.get(f"{arch}.embedding_length")
    pooling = meta.get(f"{arch}.pooling_type")
    named = "embed" in f"{meta.get('general.name', '')} {gguf.name}".lower()
    if not isinstance(dim, int) or dim <= 0:
        raise CairnError(ErrorCode.MODEL_INCOMPLETE, f"{gguf}: no embedding length")
    if not (known_embedding or pooling is not None or named):
        raise CairnError(ErrorCode.NOT_QWEN35, f"{gguf}: a {arch} model, not an embedding model")
    return EmbeddingModel(gguf, str(arch), dim, int(pooling) if pooling is not None else None)


class LlamaCppEmbedder:
    """The dense.Embedder protocol on llama-cpp-python (CPU, or Metal/CUDA when built so)."""

    def __init__(
        self,
        model: EmbeddingModel | Path,
        *,
        threads: int | None = None,
        instruction: str = QUERY_INSTRUCTION,
        context_tokens: int = CONTEXT_TOKENS,
    ) -> None:
        self.model = model if isinstance(model, EmbeddingModel) else inspect_embedding_model(model)
        self.dim = self.model.dim
        # the file name and the size: vectors of another model (or quantization) never mix
        self.name = f"{self.model.gguf.name}:{self.dim}"
        self.instruction = instruction
        self.threads = threads
        self.context_tokens = context_tokens
        self._llm = None
        self._end_id: int | None = None
        self._lock = threading.Lock()

    def load(self) -> None:
        """Load the model now (raises CairnError(MODEL_LOAD_FAILED)): callers that would
        rather go on without dense search than fail file after file check this first."""
        with self._lock:
            self._load()

    def _load(self):
        if self._llm is None:
            import llama_cpp

            from ..engines.llamacpp.native import physical_cores, silence_logs

            silence_logs()
            threads = self.threads or physical_cores()
            pooling = self.model.pooling
            if pooling is None or pooling in (
                llama_cpp.LLAMA_POOLING_TYPE_NONE,
                llama_cpp.LLAMA_POOLING_TYPE_UNSPECIFIED,
            ):
                pooling = llama_cpp.LLAMA_POOLING_TYPE_LAST  # Qwen3-Embedding's pooling
            try:
                llm = llama_cpp.Llama(
                    model_path=str(self.model.gguf),
                    embedding=True,
                    pooling_type=pooling,
                    n_ctx=self.context_tokens,
                    n_batch=self.context_tokens,
                    n_ubatch=self.context_tokens,
                    n_threads=threads,
                    n_threads_batch=threads,
                    n_gpu_layers=-1,
                    verbose=False,
                )
            except (ValueError, RuntimeError, OSError) as e:
                raise CairnError(ErrorCode.MODEL_LOAD_FAILED, f"{self.model.gguf}: {e}") from None
            end = llm.tokenize(END_TOKEN.encode(), add_bos=False, special=True)
            self._end_id = end[0] if len(end) == 1 else llm.token_eos()
            self._llm = llm
        return self._llm

    def _tokens(self, llm, text: str) -> list[int]:
        """The text's tokens (no special tokens added, none parsed from the text) and then
        <|endoftext|>, as Qwen3-Embedding's own tokenizer does: its state is the one pooled."""
        tokens = llm.tokenize(text.encode("utf-8"), add_bos=False, special=False)
        limit = min(MAX_TEXT_TOKENS, self.context_tokens) - 1
        return tokens[:limit] + [self._end_id]

    def embed(self, texts: Sequence[str], *, query: bool = False) -> list[list[float]]:
        """One unit vector per text; several texts share one decode (separate sequences)."""
        import numpy as np

        if not texts:
            return []
        with self._lock:
            llm = self._load()
            inputs = [query_text(t, self.instruction) if query else t for t in texts]
            sequences = [self._tokens(llm, t) for t in inputs]
        groups: list[list[list[int]]] = [[]]
        for tokens in sequences:
            pending = groups[-1]
            if pending and (
                sum(map(len, pending)) + len(tokens) > self.context_tokens
                or len(pending) >= llm.context_params.n_seq_max
            ):
                groups.append(pending := [])
            pending.append(tokens)
        out: list[np.ndarray] = []
        for group in groups:  # the lock is let go between decodes: a query need not wait long
            with self._lock:
                if self._llm is None:
                    raise CairnError(ErrorCode.INTERNAL, "the embedding model was closed")
                out.extend(self._decode(self._llm, group))
        matrix = np.stack(out).astype(np.float32)
        matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
        return matrix.tolist()

    def _decode(self, llm, sequences: list[list[int]]):
        """Decode sequences as one batch and read each one's pooled vector (as Llama.embed
        does, but with our own tokens: Llama.embed cannot append <|endoftext|>)."""
        import llama_cpp
        import numpy as np

        batch = llm._batch
        batch.reset()
        for seq_id, tokens in enumerate(sequences):
            batch.add_sequence(tokens, seq_id, True)
        llm._ctx.kv_cache_clear()
        try:
            llm._ctx.decode(batch)
        except RuntimeError as e:
            raise CairnError(ErrorCode.INTERNAL, f"embedding failed: {e}") from None
        finally:
            batch.reset()
        vectors = []
        for seq_id in range(len(sequences)):
            ptr = llama_cpp.llama_get_embeddings_seq(llm._ctx.ctx, seq_id)
            if not ptr:
                raise CairnError(ErrorCode.INTERNAL, "llama.cpp returned no pooled embedding")
            vectors.append(np.ctypeslib.as_array(ptr, shape=(self.dim,)).copy())
        llm._ctx.kv_cache_clear()
        return vectors

    def close(self) -> None:
        with self._lock:
            if self._llm is not None:
                self._llm.close()
                self._llm = None


# -- which models are embedding models ------------------------------------------------------


def model_role(entry) -> str:
    """ "chat" or "embedding" for a models-folder entry (inference.models.store.ModelEntry).

    Catalog entries say so in their spec; an imported folder is an embedding model when its
    GGUF is recognised as one (headers only, milliseconds).
    """
    if entry.spec is not None:
        return getattr(entry.spec, "role", CHAT_ROLE)
    if entry.path is None or not any(Path(entry.path).glob("*.gguf")):
        return CHAT_ROLE
    try:
        inspect_embedding_model(entry.path)
    except CairnError:
        return CHAT_ROLE
    return EMBEDDING_ROLE


def is_chat_entry(entry) -> bool:
    return model_role(entry) == CHAT_ROLE


def find_embedding_model(models_dir: Path, catalog=None) -> EmbeddingModel | None:
    """The first ready embedding model in the models folder (catalog order, then imports)."""
    from ..models.store import ModelState, ModelStore

    store = ModelStore(Path(models_dir), catalog=catalog)
    for entry in store.entries():
        if entry.state is not ModelState.READY or entry.path is None:
            continue
        if model_role(entry) != EMBEDDING_ROLE:
            continue
        try:
            return inspect_embedding_model(entry.path, known_embedding=entry.spec is not None)
        except CairnError:
            continue
    return None


_CACHE: dict[Path, LlamaCppEmbedder] = {}
_CACHE_LOCK = threading.Lock()


def find_embedder(models_dir: Path, catalog=None) -> LlamaCppEmbedder | None:
    """The installed embedding model as an Embedder, or None. Loading waits for the first
    embed(); the same file gives the same object, so it is loaded once per process."""
    found = find_embedding_model(models_dir, catalog)
    if found is None:
        return None
    with _CACHE_LOCK:
        cached = _CACHE.get(found.gguf)
        if cached is None or cached.model != found:
            cached = _CACHE[found.gguf] = LlamaCppEmbedder(found)
        return cached
