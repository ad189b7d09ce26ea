"""A tiny random Qwen3-Embedding-style GGUF (architecture "qwen3", last-token pooling).

Written with the gguf package's GGUFWriter using the keys and tensor names llama.cpp's Qwen3
loader reads (src/models/qwen3.cpp: token_embd, output_norm, per layer attn_norm, attn_q/k/v,
attn_q_norm/k_norm, attn_output, ffn_norm, ffn_gate/up/down; head dim = rope dims), so the real
llama.cpp embedding path runs on it in milliseconds. The tokenizer is the byte-level BPE of
tests/fixtures/tiny_gguf.py (Qwen's special tokens, <|endoftext|> among them).
"""

from __future__ import annotations

from pathlib import Path

from tests.fixtures.tiny_gguf import _vocab

DIMS = dict(n_embd=64, n_ff=128, n_layer=2, n_head=4, n_head_kv=2, head_dim=16)
FILE_NAME = "tiny-qwen3-embedding-F32.gguf"


def write_embedding_gguf(
    path: Path, *, seed: int = 0, pooling: bool = True, name: str = "tiny-qwen3-embedding-test"
) -> Path:
    """Write the model; `pooling=False` leaves out the pooling key (as a chat Qwen3 file)."""
    import gguf
    import numpy as np

    d = DIMS
    tokens, types, merges, special = _vocab(400)
    rng = np.random.default_rng(seed)

    def normal(*shape: int, std: float = 0.1) -> np.ndarray:
        return (rng.standard_normal(shape) * std).astype(np.float32)

    def ones(n: int) -> np.ndarray:
        return np.ones(n, dtype=np.float32)

    n_embd, n_ff, hd = d["n_embd"], d["n_ff"], d["head_dim"]
    w = gguf.GGUFWriter(str(path), "qwen3")
    w.add_type(gguf.GGUFType.MODEL)
    w.add_name(name)
    w.add_file_type(gguf.LlamaFileType.ALL_F32)
    w.add_context_length(4096)
    w.add_embedding_length(n_embd)
    w.add_block_count(d["n_layer"])
    w.add_feed_forward_length(n_ff)
    w.add_head_count(d["n_head"])
    w.add_head_count_kv(d["n_head_kv"])
    w.add_key_length(hd)
    w.add_value_length(hd)
    w.add_layer_norm_rms_eps(1e-6)
    w.add_rope_freq_base(1_000_000.0)
    if pooling:
        w.add_pooling_type(gguf.PoolingType.LAST)

    w.add_tokenizer_model("gpt2")
    w.add_tokenizer_pre("qwen2")
    w.add_token_list(tokens)
    w.add_token_types(types)
    w.add_token_merges(merges)
    w.add_eos_token_id(special["<|im_end|>"])
    w.add_pad_token_id(special["<|endoftext|>"])
    w.add_bos_token_id(special["<|endoftext|>"])
    w.add_add_bos_token(False)

    w.add_tensor("token_embd.weight", normal(len(tokens), n_embd, std=1.0))
    w.add_tensor("output_norm.weight", ones(n_embd))
    for il in range(d["n_layer"]):
        p = f"blk.{il}."
        w.add_tensor(p + "attn_norm.weight", ones(n_embd))
        w.add_tensor(p + "attn_q.weight", normal(hd * d["n_head"], n_embd))
        w.add_tensor(p + "attn_k.weight", normal(hd * d["n_head_kv"], n_embd))
        w.add_tensor(p + "attn_v.weight", normal(hd * d["n_head_kv"], n_embd))
        w.add_tensor(p + "attn_output.weight", normal(n_embd, hd * d["n_head"]))
        w.add_tensor(p + "attn_q_norm.weight", ones(hd))
        w.add_tensor(p + "attn_k_norm.weight", ones(hd))
        w.add_tensor(p + "ffn_norm.weight", ones(n_embd))
        w.add_tensor(p + "ffn_gate.weight", normal(n_ff, n_embd))
        w.add_tensor(p + "ffn_up.weight", normal(n_ff, n_embd))
        w.add_tensor(p + "ffn_down.weight", normal(n_embd, n_ff))

    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return path
