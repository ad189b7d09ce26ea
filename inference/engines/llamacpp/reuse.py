"""The llama.cpp engine's reuse of its model state across requests.

A StateKeeper owns the engine's checkpoint store (a StateCache) and the three moves on it:

  prefill(items)  restore the longest checkpointed prefix of a prompt (never all of it: the last
                  token is evaluated again for its logits), evaluate the rest, and keep a
                  checkpoint at each message boundary passed on the way (state.checkpoint_points:
                  the last one is just before the generation prompt, plus one token before the
                  end, which a regenerate restores);
  settle(prompt)  after an answer: given the conversation rendered with that answer and an empty
                  user message after it, restore the checkpoint before the generation prompt,
                  evaluate the answer as the template renders it in history (without the
                  generation prompt's "<think>" block, which Qwen3.5's template drops), and keep
                  the state before the next user message: the next turn restores it and reads
                  only its new message. (The state right after generating holds the generation
                  prompt as it was, so it never matches the next turn.)
  cache           the store: budget, stats, clear.
  disk            optional (state_disk.DiskStates): each settled answer's checkpoint is also
                  written there, and a request that memory has nothing for looks there.

The evaluation is split at the same points whether a prefix was restored or not, so a request
computes exactly what a fresh engine computes (tests/engines/test_llamacpp_state.py compares the
logits bit for bit). With a zero budget nothing is split or kept.
"""

from __future__ import annotations

import logging
from typing import Any

from ...cancel import CancelToken
from ...errors import CairnError
from ..state_cache import StateCache
from ..state_disk import DiskStates
from . import native, prefill, state
from .state import PromptItems

log = logging.getLogger(__name__)


class StateKeeper:
    def __init__(
        self,
        llm: Any,
        mtmd_ctx: Any,
        batch: native.Batch,
        *,
        boundary: int | None,
        n_ctx: int,
        budget: int | None,
        identity: object,
        disk: DiskStates | None = None,
    ) -> None:
        self._llm = llm
        self._ctx = llm.ctx
        self._mtmd = mtmd_ctx
        self._batch = batch
        self._boundary = boundary
        self._n_ctx = n_ctx
        self.cache = StateCache(budget)
        self.cache.bind(identity)
        self.disk = disk if self.cache.enabled else None

    def items(self, prompt: str, pictures: list[Any]) -> tuple[PromptItems, Any]:
        """The prompt as prefix items, and the libmtmd chunks to free afterwards (or None)."""
        if not pictures:
            tokens = self._llm.tokenize(prompt.encode("utf-8"), add_bos=False, special=True)
            return state.text_items(tokens), None
        chunks = prefill.tokenize_media(self._mtmd, prompt, pictures)
        try:
            return state.media_items(chunks, pictures), chunks
        except BaseException:
            prefill.free_chunks(chunks)
            raise

    def restore(self, items: PromptItems, max_len: int | None = None) -> tuple[int, int]:
        """Restore the longest checkpointed prefix of `items` of at most `max_len` items (default:
        all but the last); return (items restored, next position). (0, 0) and an empty memory
        when nothing matches."""
        limit = len(items) - 1 if max_len is None else max_len
        key = tuple(items.key)
        hit = self.cache.longest_prefix(key, max_len=limit)
        if hit is None and self.disk is not None:  # yesterday's conversation, maybe
            hit = self.disk.longest_prefix(key, max_len=limit)
            if hit is not None:
                self.cache.put(
                    hit.key, hit.payload, hit.nbytes, n_tokens=hit.n_tokens, meta=hit.meta
                )
        if hit is not None and state.restore_state(self._ctx, hit.payload):
            return len(hit.key), int(hit.meta)
        native.clear_memory(self._ctx)
        return 0, 0

    def checkpoint(self, key: tuple, n_tokens: int, pos: int) -> None:
        """Keep the sequence's state as the checkpoint of prefix `key` (unless already kept)."""
        if not self.cache.enabled or key in self.cache:
            return
        saved = state.save_state(self._ctx)
        if saved is not None:
            self.cache.put(key, saved[0], saved[1], n_tokens=n_tokens, meta=pos)

    def prefill(self, items: PromptItems, cancel: CancelToken) -> tuple[int, int]:
        """Evaluate a prompt from its longest checkpointed prefix, keeping checkpoints on the way;
        return (tokens restored, next position). Raises PromptCancelled(prompt tokens)."""
        start, pos = self.restore(items)
        cached = items.tokens_before(start)
        points = state.checkpoint_points(items, self._boundary) if self.cache.enabled else []
        try:
            with native.AbortWhen(self._ctx, lambda: cancel.cancelled):
                for end in [*(p for p in points if p > start), len(items)]:
                    pos = prefill.eval_items(
                        self._mtmd, self._ctx, self._batch, items, start, end, pos, cancel
                    )
                    if end < len(items):
                        self.checkpoint(tuple(items.key[:end]), items.tokens_before(end), pos)
                    start = end
        except prefill.PromptCancelled:
            raise prefill.PromptCancelled(items.total_tokens()) from None
        return cached, pos

    def settle(self, prompt: str, pictures: list[Any], cancel: CancelToken) -> None:
        """Keep the state of `prompt` (a conversation ending in an answer, an empty user message
        and the generation prompt) up to the empty user message. Failures only cost the reuse."""
        try:
            items, chunks = self.items(prompt, pictures)
        except (CairnError, ValueError) as e:
            log.debug("answer not read for the next turn: %s", e)
            return
        try:
            bounds = [i for i, k in enumerate(items.key) if i > 0 and k == self._boundary]
            if len(bounds) < 2:
                return
            end = bounds[-2]  # before "<|im_start|>user" of the empty message
            key = tuple(items.key[:end])
            if key in self.cache or items.tokens_before(end) + 1 > self._n_ctx:
                return
            start, pos = self.restore(items, max_len=end)
            try:
                with native.AbortWhen(self._ctx, lambda: cancel.cancelled):
                    pos = prefill.eval_items(
                        self._mtmd, self._ctx, self._batch, items, start, end, pos, cancel
                    )
            except (prefill.PromptCancelled, CairnError) as e:
                log.debug("answer not read for the next turn: %s", e)
                return
            self.checkpoint(key, items.tokens_before(end), pos)
            kept = self.cache.get(key)
            if self.disk is not None and kept is not None:
                self.disk.save(kept)  # the conversation's last checkpoint, for another day
        finally:
            if chunks is not None:
                prefill.free_chunks(chunks)
