"""`cairn docs ...` shapes that other scripts rely on: output, JSON and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inference.cli.main import main
from tests.docs import docs_fixtures as F


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_search_remove(capsys, corpus):
    F.write_pdf(corpus / "locked.pdf", ["secret"], user_password="pw")
    code, out, err = run(capsys, "docs", "add", str(corpus))
    assert code == 0  # the batch ran, although one file failed
    lines = err.strip().splitlines()
    assert sum(" ok " in line for line in lines) == 7
    assert "collection default: 7 indexed, 0 unchanged, 0 removed, 1 failed" in err
    assert (
        lines[-1]
        == f"failed: {corpus / 'locked.pdf'}: the document is password protected: locked.pdf"
    )

    code, out, _ = run(capsys, "docs", "list", "--json")
    files = {Path(f["path"]).name: f for f in json.loads(out)["files"]}
    assert files["locked.pdf"]["status"] == "failed"
    assert files["locked.pdf"]["reason"] == "doc_encrypted"
    assert files["atlas.pdf"]["status"] == "ready" and files["atlas.pdf"]["pages"] == 6

    code, out, _ = run(capsys, "docs", "search", "--json", "-k", "3", "Quokka budget")
    hits = json.loads(out)["hits"]
    assert set(hits[0]) == {"path", "page", "text", "score"}
    assert (Path(hits[0]["path"]).name, hits[0]["page"]) == ("plan.docx", 2)
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    code, out, _ = run(capsys, "docs", "search", "--json", "pelican")
    assert json.loads(out)["hits"][0]["page"] is None

    code, out, err = run(capsys, "docs", "remove", str(corpus / "plan.docx"))
    assert code == 0 and "1 removed" in err
    code, out, _ = run(capsys, "docs", "search", "--json", "Quokka budget")
    assert json.loads(out) == {"hits": []}


def test_collections_on_the_command_line(capsys, corpus):
    run(capsys, "docs", "add", "--collection", "work", str(corpus / "guide.md"))
    _, out, _ = run(capsys, "docs", "search", "--collection", "work", "--json", "frobnicate")
    assert len(json.loads(out)["hits"]) == 1
    _, out, _ = run(capsys, "docs", "search", "--json", "frobnicate")
    assert json.loads(out)["hits"] == []


def test_ask_without_relevant_documents_needs_no_model(capsys, corpus):
    run(capsys, "docs", "add", str(corpus))
    # no model is installed: the answer comes without loading one
    code, out, _ = run(capsys, "docs", "ask", "What is the capital of Mars?")
    assert code == 0 and out.strip() == "The documents do not contain an answer to this question."
    code, out, _ = run(capsys, "docs", "ask", "--json", "What is the capital of Mars?")
    obj = json.loads(out.strip().splitlines()[-1])
    assert obj["citations"] == [] and obj["reply"] == "doc_not_in_documents"


def test_ask_on_an_empty_collection_is_one_line_error(capsys):
    code, out, err = run(capsys, "docs", "ask", "anything")
    assert code == 1 and err.startswith("error: no indexed documents in collection 'default'")


def test_missing_path_is_listed_as_failed(capsys, tmp_path):
    code, _, err = run(capsys, "docs", "add", str(tmp_path / "nope.pdf"))
    assert code == 0
    assert f"failed: {tmp_path / 'nope.pdf'}: document not found" in err


@pytest.mark.slow
def test_ask_json_through_the_real_engine(capsys, corpus, tiny_text_ckpt):
    run(capsys, "docs", "add", str(corpus))
    code, out, err = run(
        capsys,
        "docs", "ask", "--model", str(tiny_text_ckpt), "--max-tokens", "8", "--json",
        "Who painted the lighthouse tower crimson?",
    )  # fmt: skip
    assert code == 0, err
    obj = json.loads(out.strip().splitlines()[-1])
    assert set(obj) >= {"text", "citations", "finish_reason", "engine", "model"}
    assert obj["engine"] == "mlx" and obj["finish_reason"] in ("stop", "length")
    for c in obj["citations"]:
        assert set(c) == {"n", "path", "page", "snippet"}

    code, out, err = run(
        capsys, "docs", "ask", "--model", str(tiny_text_ckpt), "--max-tokens", "8",
        "Who painted the lighthouse tower crimson?",
    )  # fmt: skip
    assert code == 0, err
    assert "atlas.pdf, page 3" in out  # the sources follow the streamed answer


def test_ask_ctrl_c_stops_the_answer_cleanly(capsys, corpus, endless_text_ckpt):
    """`docs ask` streams through the chat command's path: the first Ctrl-C ends the answer,
    exit status 0, "[stopped]" and the sources still printed, no traceback."""
    import os
    import signal
    import subprocess
    import sys

    run(capsys, "docs", "add", str(corpus))
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.launcher", "docs", "ask", "--model", str(endless_text_ckpt),
         "--max-tokens", "100000", "Who painted the lighthouse tower crimson?"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ),
    )  # fmt: skip
    try:
        assert proc.stdout is not None and proc.stdout.read(1)  # the answer is streaming
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == 0, err
    assert "[stopped]" in err and "Traceback" not in err
    assert "atlas.pdf, page 3" in out
