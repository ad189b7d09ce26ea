"""File names from outside: bytes that are not UTF-8, escape sequences, symlink loops (items 1, 2,
5, 7 of issue 15). Each ends in success or one clean line; the good files of a batch go through."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from inference.cli.terminal import shown
from inference.docs.library import Documents
from inference.docs.pathtext import key_path, path_key
from tests.hostile.conftest import EVIL, cairn, loop


def test_shown_makes_control_characters_visible_and_bad_bytes_replaced():
    assert shown(EVIL) == "bad\ufffd\\x1b]0;PWNED\\x07name"
    assert shown("a\u202eb\x9b\n") == "a\\u202eb\\x9b\\x0a"
    assert shown("line\n\tnext\x1b[2J", keep_layout=True) == "line\n\tnext\\x1b[2J"
    assert shown("普通 文件.txt") == "普通 文件.txt"


@pytest.mark.parametrize("name", [EVIL, "plain", "\uffff\udcfe\uffff", "é\udc80/x"])
def test_path_keys_are_storable_and_exact(name):
    key = path_key(name)
    key.encode("utf-8")  # SQLite takes it
    assert str(key_path(key)) == str(Path(name))
    assert path_key("/a/" + name).startswith(path_key("/a/"))


def test_docs_batch_with_a_bad_name_and_a_loop_indexes_the_rest(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("apples and pears\n")
    (folder / f"{EVIL}.txt").write_text("bananas from a badly named file\n")
    looped = loop(tmp_path)
    with Documents(tmp_path / "docs.sqlite3") as docs:
        report = docs.add([folder, looped])
        assert {p.name for p in report.indexed} == {"good.txt", f"{EVIL}.txt"}
        assert [(f.path, f.error.code.value) for f in report.failed] == [(looped, "doc_not_found")]
        assert "loop of symbolic links" in report.failed[0].error.detail
        hits = docs.search("bananas")
        assert hits and hits[0].path == folder / f"{EVIL}.txt"  # the exact name comes back
        again = docs.add([folder])  # unchanged: nothing re-parsed, the bad name found again
        assert len(again.unchanged) == 2 and not again.failed
        removed = docs.remove([folder / f"{EVIL}.txt", looped])
        assert removed == [folder / f"{EVIL}.txt"]
        assert [f.path.name for f in docs.files()] == ["good.txt"]


def test_docs_cli_shows_escaped_names_and_fails_alone(tmp_path, home):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("apples and pears\n")
    (folder / f"{EVIL}.txt").write_text("bananas \x1b[31m red \x1b[0m\n")
    looped = loop(tmp_path)
    run = cairn("docs", "add", str(folder), str(looped), env_home=home)
    assert run.returncode == 0, run.stderr
    err = run.stderr.decode()
    assert "\x1b" not in err and "\x07" not in err
    assert "ok  " + str(folder) + "/bad\ufffd\\x1b]0;PWNED\\x07name.txt" in err
    assert f"failed: {looped}: document not found: a loop of symbolic links" in err
    assert "2 indexed" in err
    out = cairn("docs", "search", "bananas", env_home=home).stdout.decode()
    assert "\x1b" not in out and "\\x1b[31m red" in out and "bad\ufffd\\x1b]0;PWNED" in out
    listing = json.loads(cairn("docs", "list", "--json", env_home=home).stdout)
    assert sorted(Path(f["path"]).name for f in listing["files"]) == [
        "bad\ufffd\x1b]0;PWNED\x07name.txt",
        "good.txt",
    ]
    gone = cairn("docs", "remove", str(folder / f"{EVIL}.txt"), str(looped), env_home=home)
    err = gone.stderr.decode()
    assert gone.returncode == 0 and "1 removed" in err
    assert f"not removed: {looped}: a loop of symbolic links" in err


def test_unreadable_file_in_a_batch_fails_alone(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads files without read permission")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("apples\n")
    secret = folder / "secret.txt"
    secret.write_text("hidden\n")
    secret.chmod(0)
    try:
        with Documents(tmp_path / "docs.sqlite3") as docs:
            report = docs.add([folder])
        assert [p.name for p in report.indexed] == ["good.txt"]
        assert [f.path.name for f in report.failed] == ["secret.txt"]
        assert "Permission denied" in report.failed[0].error.detail
    finally:
        secret.chmod(0o600)
