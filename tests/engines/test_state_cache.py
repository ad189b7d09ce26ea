"""The engine-neutral checkpoint store: longest-prefix lookup, LRU under a byte budget, model binding."""

from __future__ import annotations

from inference.engines.state_cache import GIB, StateCache, default_budget_bytes


def _put(cache: StateCache, key: tuple, nbytes: int = 10) -> bool:
    return cache.put(key, payload=bytes(nbytes), nbytes=nbytes, n_tokens=len(key), meta=len(key))


def test_longest_checkpointed_prefix_wins_and_never_a_non_prefix() -> None:
    cache = StateCache(budget_bytes=1000)
    _put(cache, (1, 2))
    _put(cache, (1, 2, 3, 4))
    _put(cache, (1, 2, 9, 9, 9))  # longer but diverges at the third item
    hit = cache.longest_prefix((1, 2, 3, 4, 5, 6))
    assert hit is not None and hit.key == (1, 2, 3, 4) and hit.meta == 4
    assert cache.longest_prefix((1, 2, 3)).key == (1, 2)  # type: ignore[union-attr]
    assert cache.longest_prefix((7, 1, 2)) is None
    # max_len leaves room for the last item the engine must evaluate itself
    assert cache.longest_prefix((1, 2, 3, 4), max_len=3).key == (1, 2)  # type: ignore[union-attr]
    assert cache.stats().hits == 3 and cache.stats().misses == 1


def test_media_items_in_the_key_keep_different_pictures_apart() -> None:
    cache = StateCache(budget_bytes=1000)
    cache.put((5, ("image", "aaa", 64), 6), b"x", 1, n_tokens=66)
    assert cache.longest_prefix((5, ("image", "bbb", 64), 6, 7)) is None
    hit = cache.longest_prefix((5, ("image", "aaa", 64), 6, 7))
    assert hit is not None and hit.n_tokens == 66


def test_least_recently_used_goes_first_under_the_budget() -> None:
    cache = StateCache(budget_bytes=30)
    for k in ((1,), (2,), (3,)):
        assert _put(cache, k)
    cache.longest_prefix((1, 0))  # (1,) is now the most recently used
    assert _put(cache, (4,))
    assert cache.keys() == [(3,), (1,), (4,)]
    st = cache.stats()
    assert st.bytes_held == 30 and st.checkpoints == 3 and st.evicted == 1
    assert not _put(cache, (5,), nbytes=31)  # alone over the budget: refused, nothing dropped
    assert cache.stats().checkpoints == 3
    cache.set_budget(15)
    assert cache.keys() == [(4,)] and cache.stats().bytes_held == 10


def test_a_new_model_or_a_zero_budget_holds_nothing() -> None:
    cache = StateCache(budget_bytes=100)
    cache.bind("model-a")
    _put(cache, (1, 2))
    cache.bind("model-a")
    assert cache.stats().checkpoints == 1
    cache.bind("model-b")
    assert cache.stats().checkpoints == 0 and cache.stats().bytes_held == 0
    off = StateCache(budget_bytes=0)
    assert not off.enabled and not _put(off, (1,))


def test_default_budget_is_an_eighth_of_ram_at_most_2_gib() -> None:
    assert default_budget_bytes(4 * GIB) == GIB // 2
    assert default_budget_bytes(64 * GIB) == 2 * GIB
    assert 0 < default_budget_bytes() <= 2 * GIB
