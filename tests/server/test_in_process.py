"""The server built in-process (as the GUI does) on real engines: MLX, and an embedding model.

`serve_app` binds 127.0.0.1:0, runs uvicorn on a thread and the engine on its own thread;
the teardown stops both whatever the test did.
"""

from __future__ import annotations

import contextlib

import httpx
import pytest

from inference.server.app import ServedModel, ServerConfig, create_app
from inference.server.defences import Policy
from inference.server.jobs import EngineThread
from inference.server.run import BackgroundServer, bind

openai = pytest.importorskip("openai", reason="the openai client is a dev dependency")

pytestmark = pytest.mark.slow
TOKEN = "test-token-0123456789"


@contextlib.contextmanager
def serve_app(opener, model_id: str, *, embedder=None):
    worker = EngineThread(opener)
    engine = worker.start()
    caps = frozenset(getattr(engine, "capabilities", ()))
    app = create_app(
        worker,
        ServedModel(lambda: (model_id, caps)),
        ServerConfig(policy=Policy(token=TOKEN), embedder=embedder),
    )
    server = BackgroundServer(app, bind("127.0.0.1", 0), on_stop=app.state.gate.cancel_all).start()
    try:
        yield server.url, engine
    finally:
        server.stop()
        worker.stop()


def test_mlx_engine_streams_answer_and_thinking(tiny_text_ckpt):
    pytest.importorskip("mlx_lm")
    from inference.checkpoint import inspect_model
    from inference.engines import open_engine

    with serve_app(
        lambda: open_engine(inspect_model(tiny_text_ckpt), engine="mlx"), "tiny-mlx"
    ) as (url, engine):
        assert engine.name == "mlx"
        client = openai.OpenAI(base_url=url, api_key=TOKEN, max_retries=0, timeout=120)

        def ask(thinking: bool):
            stream = client.chat.completions.create(
                model="tiny-mlx",
                messages=[{"role": "user", "content": "Hello"}],
                max_tokens=6,
                stream=True,
                stream_options={"include_usage": True},
                extra_body={"chat_template_kwargs": {"enable_thinking": thinking}},
            )
            answer, reasoning, usage = [], [], None
            for event in stream:
                if event.usage is not None:
                    usage = event.usage
                    continue
                delta = event.choices[0].delta
                answer.append(delta.content or "")
                reasoning.append(getattr(delta, "reasoning_content", None) or "")
            return "".join(answer), "".join(reasoning), usage

        answer, reasoning, usage = ask(thinking=False)
        assert answer and not reasoning
        assert usage.completion_tokens == 6 and usage.prompt_tokens > 0
        # with thinking on, the prompt opens <think>: what the tiny model says is reasoning
        answer, reasoning, usage = ask(thinking=True)
        assert reasoning
        assert [m.id for m in client.models.list().data] == ["tiny-mlx"]


def test_embeddings_when_an_embedding_model_is_installed(tmp_path, gguf_models):
    from inference.checkpoint import inspect_model
    from inference.docs.embedder_llamacpp import LlamaCppEmbedder
    from inference.engines import open_engine
    from tests.docs.tiny_embedding_gguf import write_embedding_gguf

    embedder = LlamaCppEmbedder(write_embedding_gguf(tmp_path / "tiny-embedding.gguf"), threads=2)
    opener = lambda: open_engine(inspect_model(gguf_models["vision"]), engine="llamacpp")  # noqa: E731
    try:
        with serve_app(opener, "tiny-vision", embedder=embedder) as (url, _engine):
            client = openai.OpenAI(base_url=url, api_key=TOKEN, max_retries=0, timeout=60)
            ids = [m.id for m in client.models.list().data]
            assert ids == ["tiny-vision", embedder.name]
            out = client.embeddings.create(model=embedder.name, input=["a cat", "a dog", "a cat"])
            vectors = [d.embedding for d in out.data]
            assert [d.index for d in out.data] == [0, 1, 2]
            assert all(len(v) == embedder.dim for v in vectors)
            assert abs(sum(x * x for x in vectors[0]) - 1.0) < 1e-3
            assert vectors[0] == pytest.approx(vectors[2], abs=1e-5)
            assert vectors[0] != pytest.approx(vectors[1], abs=1e-3)
            raw = httpx.post(
                f"{url}/embeddings",
                headers={"Authorization": f"Bearer {TOKEN}"},
                json={"input": "a cat", "encoding_format": "float"},
            ).json()
            assert raw["data"][0]["embedding"] == pytest.approx(vectors[0], abs=1e-5)
            bad = httpx.post(
                f"{url}/embeddings",
                headers={"Authorization": f"Bearer {TOKEN}"},
                json={"input": [1, 2]},
            )
            assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_argument"
    finally:
        embedder.close()


def test_no_embedding_model_is_404(gguf_models):
    from inference.checkpoint import inspect_model
    from inference.engines import open_engine

    opener = lambda: open_engine(inspect_model(gguf_models["vision"]), engine="llamacpp")  # noqa: E731
    with serve_app(opener, "tiny-vision") as (url, _engine):
        r = httpx.post(
            f"{url}/embeddings", headers={"Authorization": f"Bearer {TOKEN}"}, json={"input": "x"}
        )
        assert r.status_code == 404 and r.json()["error"]["code"] == "model_not_found"
