"""A small Hub look-alike on 127.0.0.1 (stdlib ThreadingHTTPServer) for download tests.

It serves the routes huggingface_hub 2.4 calls for our downloads, shaped like the real Hub:
  GET /api/models/{repo}[/revision/{rev}]?blobs=True   model_info with files_metadata
  GET|HEAD /{repo}/resolve/{rev}/{path}                the file, with Range, ETag and
                                                       X-Repo-Commit; LFS files answer 302
                                                       (X-Linked-Size/-Etag) to /_cdn/...
Errors carry the Hub's X-Error-Code headers (RepoNotFound, EntryNotFound, RevisionNotFound).
Knobs per file: throttle (chunk size, pause), drop the connection after N bytes (once), serve
bytes that differ from the advertised SHA-256. Every request is logged with its Range start and
the bytes actually sent. It also answers proxy-style requests (absolute URLs) and records them.
"""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

LFS_SUFFIXES = (".safetensors", ".gguf", ".bin", ".pt")


def git_oid(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass
class FakeRepo:
    repo_id: str
    files: dict[str, bytes]
    commit: str = "0123456789abcdef0123456789abcdef01234567"
    token: str | None = None  # when set, requests need "Authorization: Bearer <token>"
    corrupt: set[str] = field(default_factory=set)  # served bytes differ from the metadata
    status: int | None = None  # answer every request with this status (401, 403, 404 ...)
    old_commits: set[str] = field(default_factory=set)  # older commits still served
    redirect_lfs: bool = True  # like the Hub: LFS files answer 302 to a CDN address

    def is_lfs(self, path: str) -> bool:
        return path.endswith(LFS_SUFFIXES)

    def served(self, path: str) -> bytes:
        data = self.files[path]
        if path in self.corrupt:
            return bytes([data[0] ^ 0xFF]) + data[1:]
        return data

    def sibling(self, path: str) -> dict:
        data = self.files[path]
        out = {"rfilename": path, "size": len(data), "blobId": git_oid(data)}
        if self.is_lfs(path):
            out["blobId"] = hashlib.sha1(path.encode()).hexdigest()  # the pointer's id
            out["lfs"] = {
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "pointerSize": 134,
            }
        return out


@dataclass
class LogEntry:
    method: str
    path: str
    range_start: int | None
    bytes_sent: int
    status: int
    proxied: bool
    authorization: str | None


class FakeHub:
    def __init__(self) -> None:
        self.repos: dict[str, FakeRepo] = {}
        self.log: list[LogEntry] = []
        self.throttle: dict[str, tuple[int, float]] = {}  # file path -> (chunk bytes, pause s)
        self.drop_after: dict[str, int] = {}  # file path -> close after N bytes (once)
        self.fail_next: dict[str, list[int]] = {}  # file path -> statuses to answer first
        self.lock = threading.Lock()
        hub = self

        class Handler(_Handler):
            fake = hub

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def add(self, repo: FakeRepo) -> FakeRepo:
        self.repos[repo.repo_id] = repo
        return repo

    def start(self) -> FakeHub:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def file_requests(self, path: str) -> list[LogEntry]:
        """Requests that sent a file's content (the CDN hop for LFS files), in arrival order."""
        return [e for e in self.resolve_requests() if e.path.endswith("/" + path)]

    def resolve_requests(self) -> list[LogEntry]:
        with self.lock:
            return [
                e
                for e in self.log
                if ("/resolve/" in e.path or e.path.startswith("/_cdn/")) and e.status != 302
            ]


class _Handler(BaseHTTPRequestHandler):
    fake: FakeHub
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    # -- helpers ------------------------------------------------------------------------------

    def _record(self, path, range_start, sent, status, proxied) -> None:
        with self.fake.lock:
            self.fake.log.append(
                LogEntry(
                    self.command,
                    path,
                    range_start,
                    sent,
                    status,
                    proxied,
                    self.headers.get("Authorization"),
                )
            )

    def _error(self, status: int, code: str | None, path: str, proxied: bool) -> None:
        body = json.dumps({"error": code or "error"}).encode()
        self.send_response(status)
        if code:
            self.send_header("X-Error-Code", code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self._record(path, None, 0, status, proxied)

    def _target(self) -> tuple[str, str, bool]:
        raw = self.path
        proxied = raw.startswith("http://") or raw.startswith("https://")
        parts = urlsplit(raw)
        return unquote(parts.path), parts.query, proxied

    def _repo_for(self, rest: str) -> tuple[FakeRepo | None, str]:
        for repo_id, repo in self.fake.repos.items():
            if rest == repo_id or rest.startswith(repo_id + "/"):
                return repo, rest[len(repo_id) :].lstrip("/")
        return None, rest

    def _auth_status(self, repo: FakeRepo) -> int | None:
        if repo.status is not None:
            return repo.status
        if repo.token and self.headers.get("Authorization") != f"Bearer {repo.token}":
            return 401
        return None

    # -- routes -------------------------------------------------------------------------------

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        path, _query, proxied = self._target()
        try:
            if path.startswith("/api/models/"):
                self._model_info(path, proxied)
            else:
                self._resolve(path, proxied)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _model_info(self, path: str, proxied: bool) -> None:
        repo, rest = self._repo_for(path[len("/api/models/") :])
        if repo is None:
            return self._error(404, "RepoNotFound", path, proxied)
        status = self._auth_status(repo)
        if status is not None:
            code = "RepoNotFound" if status in (401, 404) else "GatedRepo"
            return self._error(status, code, path, proxied)
        if rest.startswith("revision/"):
            rev = rest[len("revision/") :]
            if rev not in (repo.commit, "main", *repo.old_commits):
                return self._error(404, "RevisionNotFound", path, proxied)
            sha = repo.commit if rev == "main" else rev
        else:
            sha = repo.commit
        doc = {
            "_id": "fake",
            "id": repo.repo_id,
            "modelId": repo.repo_id,
            "sha": sha,
            "private": False,
            "siblings": [repo.sibling(p) for p in sorted(repo.files)],
        }
        body = json.dumps(doc).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self._record(path, None, len(body), 200, proxied)

    def _resolve(self, path: str, proxied: bool) -> None:
        repo, rest = self._repo_for(path.removeprefix("/_cdn").lstrip("/"))
        if repo is None or not rest.startswith("resolve/"):
            return self._error(404, "RepoNotFound", path, proxied)
        status = self._auth_status(repo)
        if status is not None:
            return self._error(status, "RepoNotFound" if status == 404 else None, path, proxied)
        rev, _, file_path = rest[len("resolve/") :].partition("/")
        if rev not in (repo.commit, "main", *repo.old_commits):
            return self._error(404, "RevisionNotFound", path, proxied)
        if file_path not in repo.files:
            return self._error(404, "EntryNotFound", path, proxied)
        with self.fake.lock:
            queued = self.fake.fail_next.get(file_path)
            fail = queued.pop(0) if queued else None
        if fail is not None:
            return self._error(fail, None, path, proxied)
        data = repo.served(file_path)
        size = len(data)
        start = None
        rng = self.headers.get("Range")
        if rng and rng.startswith("bytes=") and rng.endswith("-"):
            start = int(rng[len("bytes=") : -1])
            if start >= size:
                return self._error(416, None, path, proxied)
        lfs = repo.is_lfs(file_path)
        etag = hashlib.sha256(repo.files[file_path]).hexdigest() if lfs else git_oid(data)
        if lfs and repo.redirect_lfs and not path.startswith("/_cdn/"):
            self.send_response(302)
            self.send_header("Location", f"/_cdn/{repo.repo_id}/resolve/{rev}/{file_path}")
            self.send_header("ETag", f'"{etag}"')
            self.send_header("X-Repo-Commit", rev if rev != "main" else repo.commit)
            self.send_header("X-Linked-Size", str(size))
            self.send_header("X-Linked-Etag", f'"{etag}"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return self._record(path, None, 0, 302, proxied)
        self.send_response(206 if start is not None else 200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("ETag", f'"{etag}"')
        self.send_header("X-Repo-Commit", rev if rev != "main" else repo.commit)
        if lfs:
            self.send_header("X-Linked-Size", str(size))
            self.send_header("X-Linked-Etag", f'"{etag}"')
        body = data[start or 0 :]
        if start is not None:
            self.send_header("Content-Range", f"bytes {start}-{size - 1}/{size}")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "HEAD":
            return self._record(path, start, 0, 200, proxied)
        chunk, pause = self.fake.throttle.get(file_path, (64 * 1024, 0.0))
        with self.fake.lock:
            drop = self.fake.drop_after.pop(file_path, None)
        sent = 0
        try:
            while sent < len(body):
                n = min(chunk, len(body) - sent)
                if drop is not None:
                    n = min(n, drop - sent)
                self.wfile.write(body[sent : sent + n])
                self.wfile.flush()
                sent += n
                if drop is not None and sent >= drop:
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                    break
                if pause:
                    time.sleep(pause)
        finally:
            self._record(path, start, sent, 206 if start is not None else 200, proxied)
