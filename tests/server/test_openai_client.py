"""The official openai client against `cairn serve` on a tiny GGUF (real llama.cpp engine)."""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image

openai = pytest.importorskip("openai", reason="the openai client is a dev dependency")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(served):
    c = openai.OpenAI(base_url=served.url, api_key=served.token, max_retries=0, timeout=60)
    yield c
    c.close()


def png_data_url(size=(64, 48), color=(200, 40, 40)) -> str:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def test_lists_the_served_model(client, served):
    models = client.models.list()
    ids = [m.id for m in models.data]
    assert ids == [served.model] == ["tiny-vision"]
    assert models.data[0].owned_by == "cairn"


def test_chat_answers_with_usage(client, served):
    r = client.chat.completions.create(
        model=served.model,
        messages=[{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hello"}],
        max_tokens=6,
        temperature=0,
        seed=3,
        extra_body={"top_k": 20, "min_p": 0.05, "chat_template_kwargs": {"enable_thinking": False}},
    )
    choice = r.choices[0]
    assert r.object == "chat.completion" and r.model == served.model
    assert choice.message.role == "assistant" and choice.message.content
    assert choice.finish_reason == "length"  # the tiny model never ends by itself
    assert r.usage.completion_tokens == 6
    assert r.usage.prompt_tokens > 5
    assert r.usage.total_tokens == r.usage.prompt_tokens + r.usage.completion_tokens
    assert r.usage.prompt_tokens_details.cached_tokens == 0


def test_greedy_answers_repeat(client):
    ask = dict(
        model="x", messages=[{"role": "user", "content": "Repeat"}], max_tokens=5, temperature=0
    )
    a = client.chat.completions.create(**ask).choices[0].message.content
    b = client.chat.completions.create(**ask).choices[0].message.content
    assert a == b


def test_stream_with_usage(client):
    stream = client.chat.completions.create(
        model="x",
        messages=[{"role": "user", "content": "Count"}],
        max_completion_tokens=8,
        stream=True,
        stream_options={"include_usage": True},
    )
    pieces, finishes, usage = [], [], None
    for event in stream:
        if event.usage is not None:
            usage = event.usage
            assert event.choices == []
            continue
        delta = event.choices[0].delta
        if delta.content:
            pieces.append(delta.content)
        if event.choices[0].finish_reason:
            finishes.append(event.choices[0].finish_reason)
    assert "".join(pieces)
    assert finishes == ["length"]
    assert usage is not None and usage.completion_tokens == 8
    assert usage.prompt_tokens_details.cached_tokens == 0


def test_stop_string_ends_the_answer(client):
    full = (
        client.chat.completions.create(
            model="x", messages=[{"role": "user", "content": "Go"}], max_tokens=12, temperature=0
        )
        .choices[0]
        .message.content
    )
    cut = full[len(full) // 2 : len(full) // 2 + 2]
    assert cut.strip(), full
    r = client.chat.completions.create(
        model="x",
        messages=[{"role": "user", "content": "Go"}],
        max_tokens=12,
        temperature=0,
        stop=[cut],
    )
    assert r.choices[0].message.content == full[: full.index(cut)]
    assert r.choices[0].finish_reason == "stop"


def test_image_as_data_url(client):
    def ask(content):
        return client.chat.completions.create(
            model="x", messages=[{"role": "user", "content": content}], max_tokens=4, temperature=0
        )

    text_only = ask("Describe")
    with_image = ask(
        [
            {"type": "text", "text": "Describe"},
            {"type": "image_url", "image_url": {"url": png_data_url()}},
        ]
    )
    assert with_image.choices[0].message.content
    # the picture really went through the vision projector: many more prompt tokens
    assert with_image.usage.prompt_tokens > text_only.usage.prompt_tokens + 4


def test_video_as_data_url(client, tmp_path):
    cv2 = pytest.importorskip("cv2")
    video = tmp_path / "clip.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"MJPG"), 10, (96, 64))
    import numpy as np

    for i in range(20):
        writer.write(np.full((64, 96, 3), (i * 12) % 255, np.uint8))
    writer.release()
    url = "data:video/avi;base64," + base64.b64encode(video.read_bytes()).decode()
    r = client.chat.completions.create(
        model="x",
        messages=[
            {
                "role": "user",
                "content": [
                    {"type": "video_url", "video_url": {"url": url}},
                    {"type": "text", "text": "What happens?"},
                ],
            }
        ],
        max_tokens=3,
    )
    assert r.choices[0].message.content
    assert r.usage.prompt_tokens > 20


def test_remote_image_url_is_refused(client):
    with pytest.raises(openai.BadRequestError) as e:
        client.chat.completions.create(
            model="x",
            messages=[
                {
                    "role": "user",
                    "content": [
                        {"type": "image_url", "image_url": {"url": "http://127.0.0.1:9/cat.png"}},
                    ],
                }
            ],
        )
    assert "fetches nothing" in e.value.body["message"]
