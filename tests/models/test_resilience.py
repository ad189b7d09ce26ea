"""The hard cases in real processes: kill -9 mid-file, a full disk mid-file, a proxy."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from inference.cli.main import main
from inference.models.store import ModelState, ModelStore

from .conftest import FAST_RETRY, fake_checkpoint_files, spec_for
from .fakehub import FakeRepo

ROOT = Path(__file__).resolve().parents[2]
CATALOG_ID = "qwen3.5-0.8b-mlx-4bit"  # a real catalog id; the fake hub serves its repo
CATALOG_REPO = "mlx-community/Qwen3.5-0.8B-4bit"


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("HF_HUB_OFFLINE", None)  # downloads are online; loading sets offline mode itself
    env["CAIRN_HOME"] = str(home)
    env["PYTHONPATH"] = str(ROOT)
    return env


def test_killed_download_resumes_without_refetching(hub, tmp_path, capsys):
    home = Path(os.environ["CAIRN_HOME"])
    files = fake_checkpoint_files(weights_bytes=400_000)
    hub.add(FakeRepo(CATALOG_REPO, files))
    hub.throttle["model.safetensors"] = (4_000, 0.01)  # ~1 s for the weights
    cmd = [sys.executable, "-m", "inference.cli.main", "models", "download", CATALOG_ID]
    cmd += ["--endpoint", hub.url]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=child_env(home), stderr=subprocess.DEVNULL)
    part = home / "models" / ".partial" / CATALOG_ID / "model.safetensors.part"
    deadline = time.monotonic() + 30
    while not (part.exists() and part.stat().st_size >= 40_000):
        assert proc.poll() is None, "the download ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    kept = part.stat().st_size
    total = len(files["model.safetensors"])
    assert 0 < kept < total
    assert ModelStore(home / "models").entry(CATALOG_ID).state is ModelState.DOWNLOADING

    hub.throttle.clear()
    done = subprocess.run(cmd, cwd=ROOT, env=child_env(home), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    ranged = [r for r in hub.file_requests("model.safetensors") if r.range_start is not None]
    assert [r.range_start for r in ranged] == [kept]
    assert ranged[0].bytes_sent == total - kept  # the bytes already there were not sent again
    assert (home / "models" / CATALOG_ID / "model.safetensors").read_bytes() == files[
        "model.safetensors"
    ]
    # the other files, fetched whole before the kill or after it, were each fetched once whole
    for name in files:
        if name != "model.safetensors":
            whole = [r for r in hub.file_requests(name) if r.range_start is None]
            assert len(whole) == 1

    capsys.readouterr()
    assert main(["models", "list", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    row = next(m for m in doc["models"] if m["id"] == CATALOG_ID)
    assert row["state"] == "ready"
    assert row["path"] == str(home / "models" / CATALOG_ID)
    assert row["bytes_on_disk"] >= sum(len(d) for d in files.values())
    assert set(row) == {
        "id", "size", "engine", "quantization", "state", "path", "bytes_on_disk",
        "download_bytes", "ram_bytes", "recommended", "role", "repo_id", "files", "revision",
    }  # fmt: skip
    assert row["repo_id"] == CATALOG_REPO
    assert sorted(row["files"]) == sorted(files)  # what was fetched, from the manifest
    assert row["revision"] == FakeRepo(CATALOG_REPO, {}).commit  # the commit it was fetched at
    assert sum(m["recommended"] for m in doc["models"]) == 1
    others = [m for m in doc["models"] if m["id"] != CATALOG_ID]
    assert all(m["state"] == "not_downloaded" for m in others)


def _unshare_mount_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    r = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    return r.returncode == 0


@pytest.mark.skipif(not _unshare_mount_works(), reason="needs unshare -rm (user namespaces)")
def test_disk_full_mid_file_is_no_space(hub, tmp_path):
    files = fake_checkpoint_files(weights_bytes=400_000)
    repo = hub.add(FakeRepo("fake-org/Full", files))
    models = tmp_path / "small-disk"
    models.mkdir()
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from inference.errors import CairnError
        from inference.models.store import ModelStore
        from tests.models.conftest import spec_for
        store = ModelStore(Path({str(models)!r}), catalog=(spec_for("tiny", {repo.repo_id!r}),),
                           endpoint={hub.url!r}, free_space_fn=lambda p: 10**12)
        try:
            store.download("tiny")
        except CairnError as e:
            print(e.code.value, e.detail)
        """
    )
    # A 128 KiB tmpfs in a private mount namespace; the free-space check is told there is
    # room, so the write itself fails with ENOSPC in the middle of the weights.
    sh = f'mount -t tmpfs -o size=128k tmpfs "{models}" && exec "{sys.executable}" -c "$0"'
    r = subprocess.run(
        ["unshare", "-rm", "sh", "-c", sh, script],
        cwd=ROOT,
        env=child_env(tmp_path / "unused"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("no_space"), r.stdout + r.stderr
    assert "model.safetensors" in r.stdout
    sent = hub.file_requests("model.safetensors")
    assert sent and 0 < sent[0].bytes_sent


def test_system_proxy_is_honoured(hub, tiny_repo, models_dir, monkeypatch):
    from huggingface_hub.utils import close_session

    for name in ("NO_PROXY", "no_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", hub.url)
    close_session()  # the shared client reads the proxy settings when it is created
    try:
        spec = spec_for("tiny", tiny_repo.repo_id)
        # a host that does not resolve: only the proxy can reach it
        store = ModelStore(
            models_dir, catalog=(spec,), endpoint="http://hub.invalid", retry_delays=FAST_RETRY
        )
        store.download("tiny")
    finally:
        monkeypatch.delenv("HTTP_PROXY")
        close_session()
    assert hub.log and all(e.proxied for e in hub.log)
    assert store.entry("tiny").state is ModelState.READY
