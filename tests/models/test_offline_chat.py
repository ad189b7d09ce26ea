"""Download a real tiny checkpoint from the fake Hub, then chat with it with no network at all."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .fakehub import FakeRepo
from .test_resilience import CATALOG_ID, CATALOG_REPO, ROOT, child_env

pytestmark = pytest.mark.slow


def _unshare_net_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _unshare_net_works(), reason="needs unshare -rn (user namespaces)")
def test_chat_by_id_without_network(hub, tiny_text_ckpt):
    home = Path(os.environ["CAIRN_HOME"])
    files = {
        p.relative_to(tiny_text_ckpt).as_posix(): p.read_bytes()
        for p in sorted(tiny_text_ckpt.rglob("*"))
        if p.is_file()
    }
    hub.add(FakeRepo(CATALOG_REPO, files))
    env = child_env(home)
    cli = [sys.executable, "-m", "app.launcher"]
    dl = subprocess.run(
        [*cli, "models", "download", CATALOG_ID, "--endpoint", hub.url],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert dl.returncode == 0, dl.stderr

    offline = ["unshare", "-rn"]
    # the namespace really has no network: a download cannot even reach 127.0.0.1
    no_net = subprocess.run(
        [*offline, *cli, "models", "download", "qwen3.5-2b-mlx-4bit", "--endpoint", hub.url],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert no_net.returncode == 1 and "cannot reach the model server" in no_net.stderr

    chat = subprocess.run(
        [*offline, *cli, "chat", "--model", CATALOG_ID, "--max-tokens", "6", "--no-think",
         "--json", "hi"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert chat.returncode == 0, chat.stderr
    out = json.loads(chat.stdout.strip().splitlines()[-1])
    assert out["model"] == CATALOG_ID and out["generation_tokens"] >= 1
