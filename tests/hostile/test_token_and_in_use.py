"""Item 9 of issue 15: a warning before a Hub token goes over plain http to another machine
(CLI line, progress record, the GUI's first-run page); removing a loaded model is refused with
one line, in this process or from another one, and allowed once the engine is closed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from types import SimpleNamespace

import pytest

from inference.catalog import load_catalog
from inference.errors import CairnError, ErrorCode
from inference.models.hub import plain_http_host
from inference.models.store import ModelStore
from inference.records import Progress
from tests.fixtures.tiny_gguf import build_tiny_gguf
from tests.hostile.conftest import ROOT, cairn


@pytest.mark.parametrize(
    "endpoint, token, host",
    [
        ("http://mirror.example.org/hf", "hf_x", "mirror.example.org"),
        ("HTTP://10.1.2.3:8080", "hf_x", "10.1.2.3"),
        ("https://mirror.example.org", "hf_x", None),
        ("http://127.0.0.1:8000", "hf_x", None),
        ("http://[::1]:8000", "hf_x", None),
        ("http://localhost:8000", "hf_x", None),
        ("http://mirror.example.org", None, None),
        (None, "hf_x", None),
    ],
)
def test_plain_http_host(endpoint, token, host):
    assert plain_http_host(endpoint, token) == host


def test_store_says_so_before_the_first_request(tmp_path):
    """Offline (the suite sets HF_HUB_OFFLINE): no request leaves, the warning still comes
    first, before the metadata stage."""
    spec = load_catalog()[0]
    store = ModelStore(
        tmp_path / "models", endpoint="http://10.9.9.9", token="hf_secret", retry_delays=(0, 0, 0)
    )
    seen: list[Progress] = []
    with pytest.raises(CairnError):
        store.download(spec.id, progress=seen.append)
    assert [p.stage for p in seen[:2]] == ["insecure_token", "metadata"]
    assert seen[0].detail == "10.9.9.9"


def test_cli_prints_the_warning_line(tmp_path):
    spec = load_catalog()[0]
    env_home = tmp_path / "home"
    env = dict(os.environ, CAIRN_HOME=str(env_home), PYTHONPATH=str(ROOT), HF_TOKEN="hf_secret")
    run = subprocess.run(
        [sys.executable, "-m", "app.launcher", "models", "download", spec.id,
         "--endpoint", "http://10.9.9.9/mirror"],
        cwd=ROOT, env=env, capture_output=True, timeout=120,
    )  # fmt: skip
    lines = run.stderr.decode().splitlines()
    assert lines[0] == (
        "warning: the Hub token will be sent unencrypted (plain http) to 10.9.9.9; "
        "use an https mirror, or unset the token"
    )
    assert run.returncode == 1 and lines[-1].startswith("error: ")
    assert "hf_secret" not in run.stderr.decode()


def test_gui_first_run_shows_the_warning(qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from app.first_run import FirstRunPage
    from inference.models.store import ModelState

    class MirrorStore:
        def __init__(self) -> None:
            self.models_dir = tmp_path / "models"
            self.catalog = load_catalog()

        def entries(self):
            state = ModelState("not_downloaded")
            return [SimpleNamespace(id=s.id, spec=s, state=state, path=None) for s in self.catalog]

        def download(self, model_id, *, progress=None, cancel=None):
            progress(Progress("insecure_token", 0, None, "mirror.example.org"))
            progress(Progress("metadata", 0, None, "repo"))
            return SimpleNamespace(path=self.models_dir / model_id)

    page = FirstRunPage(MirrorStore())
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.download_button, Qt.MouseButton.LeftButton)  # the real button
    qtbot.waitUntil(lambda: page.task is None, timeout=5000)
    assert page.error_label.isVisible()
    assert (
        "plain http" in page.error_label.text() and "mirror.example.org" in page.error_label.text()
    )


# -- a loaded model cannot be removed --------------------------------------------------------


@pytest.fixture
def installed(tmp_path):
    models = tmp_path / "home" / "models"
    store = ModelStore(models, catalog=())
    model_id = store.import_path(build_tiny_gguf(tmp_path / "src"))
    return store, model_id


def test_remove_is_refused_while_loaded_in_this_process(installed):
    from app.engine_open import open_model  # how the GUI loads a model

    store, model_id = installed
    engine = open_model(model_id, "auto", store.models_dir)
    try:
        with pytest.raises(CairnError) as caught:
            store.remove(model_id)
        assert caught.value.code is ErrorCode.MODEL_IN_USE
        assert (store.models_dir / model_id).is_dir()  # nothing deleted
    finally:
        engine.close()
    store.remove(model_id)
    assert not (store.models_dir / model_id).exists()


HOLDER = """
import sys, time
from pathlib import Path
from app.engine_open import open_model  # as the GUI does
engine = open_model(sys.argv[1], "auto", Path(sys.argv[2]))
print("loaded", flush=True)
time.sleep(120)
"""


def test_cli_remove_refuses_while_another_process_has_it_loaded(installed, tmp_path):
    store, model_id = installed
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, model_id, str(store.models_dir)],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout.readline().strip() == b"loaded"
        run = cairn("models", "remove", model_id, env_home=tmp_path / "home")
        assert run.returncode == 1
        assert run.stderr.decode().splitlines() == [
            f"error: the model {model_id} is loaded in a running Cairn; unload it (or close "
            "Cairn) first"
        ]
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(10)
    # the holder died without closing: its marker is stale and removal goes through
    time.sleep(0.1)
    run = cairn("models", "remove", model_id, env_home=tmp_path / "home")
    assert run.returncode == 0, run.stderr
    assert not (store.models_dir / model_id).exists()
