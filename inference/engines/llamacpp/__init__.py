"""Parts of the llama.cpp engine (inference/engines/llamacpp_engine.py).

native.py: what touches llama-cpp-python's C bindings (logs, threads, abort callback, batches,
sampler chain, statistics); template.py: the GGUF's chat template rendered in a sandbox with
enable_thinking; media.py: images and video frames turned into libmtmd bitmaps and prompt markers.
Every module imports llama_cpp lazily, inside functions, so importing this package is cheap.
"""
