"""The embedding engine on llama.cpp: a Qwen3-Embedding GGUF turned into unit vectors.

Qwen3-Embedding is a Qwen3 decoder whose sentence vector is the last token's hidden state
(last-token pooling) after an <|endoftext|> appended to the text; queries carry an instruction
("Instruct: ...\\nQuery: ..."), documents do not. Vectors are L2-normalised, so a dot product
is the cosine similarity docs/dense.py ranks by.

Recognising the file is checkpoint.inspect_embedding_model's job and finding it in the models
folder is models.store's; this module only runs it. llama-cpp-python's public Llama.embed cannot
append <|endoftext|> to our own tokens, so one decode goes through its batch and context fields
(_batch, _ctx): the only place Cairn reaches into them. The model loads lazily on the first
embed() call, so that opening it costs nothing and a search over a collection without vectors
never loads it. One Llama context serves one call at a time (a lock): the GUI may embed from
its indexing worker and its engine thread.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from ..checkpoint import EmbeddingModel
from ..errors import CairnError, ErrorCode

QUERY_INSTRUCTION = "Given a question, retrieve passages that answer it"
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


class LlamaCppEmbedder:
    """The Embedder protocol on llama-cpp-python (CPU, or Metal/CUDA when built so)."""

    def __init__(
        self,
        model: EmbeddingModel,
        *,
        threads: int | None = None,
        instruction: str = QUERY_INSTRUCTION,
        context_tokens: int = CONTEXT_TOKENS,
    ) -> None:
        self.model = model
        self.dim = self.model.dim
        # the file name and the size: vectors of another model (or quantization) never mix
        self.name = f"{self.model.gguf.name}:{self.dim}"
        self.instruction = instruction
        self.threads = threads
        self.context_tokens = context_tokens
        self._llm: Any = None
        self._end_id: int | None = None
        self._lock = threading.Lock()

    def load(self) -> None:
        """Load the model now (raises CairnError(MODEL_LOAD_FAILED)): callers that would
        rather go on without dense search than fail file after file check this first."""
        with self._lock:
            self._load()

    def _load(self) -> Any:
        if self._llm is None:
            import llama_cpp

            from .llamacpp.native import physical_cores, silence_logs

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

    def _tokens(self, llm: Any, text: str) -> list[int]:
        """The text's tokens (no special tokens added, none parsed from the text) and then
        <|endoftext|>, as Qwen3-Embedding's own tokenizer does: its state is the one pooled."""
        tokens = llm.tokenize(text.encode("utf-8"), add_bos=False, special=False)
        limit = min(MAX_TEXT_TOKENS, self.context_tokens) - 1
        assert self._end_id is not None  # set by _load, which the caller ran
        return [*tokens[:limit], self._end_id]

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
        out: list[Any] = []
        for group in groups:  # the lock is let go between decodes: a query need not wait long
            with self._lock:
                if self._llm is None:
                    raise CairnError(ErrorCode.INTERNAL, "the embedding model was closed")
                out.extend(self._decode(self._llm, group))
        matrix = np.stack(out).astype(np.float32)
        matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
        rows: list[list[float]] = matrix.tolist()
        return rows

    def _decode(self, llm: Any, sequences: list[list[int]]) -> list[Any]:
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
