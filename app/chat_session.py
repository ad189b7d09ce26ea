"""One conversation on screen: send, stream, stop, regenerate, edit-and-resend, saved as it goes.

Glue between the chat view, the history store and the engine controller. The streamed answer
is appended to its message widget and to an AnswerWriter (saved every half second), so a crash
keeps the partial answer.

A little over 400 lines because a regenerated answer keeps its earlier versions (stats
"versions"/"shown") and a failed one its reason ("error"), both read back by open(): writing and
reading them apart would split one format in two places.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from inference import history as H
from inference.records import Chunk, GenerationRequest, GenParams, Message, Progress

from .chat_view import ChatView, MessageWidget
from .engine_thread import EngineController
from .job_records import DOCS, DocReply, DocSources, SourceRef
from .messages import error_text, stage_text, stats_text
from .seams import JobFactory


@dataclass
class ActiveAnswer:
    job_id: int
    widget: MessageWidget
    writer: H.AnswerWriter
    conversation_id: int
    chunks: list[str] = field(default_factory=list)
    versions: list[dict] = field(default_factory=list)  # earlier answers, when regenerating


MIN_RATE_TOKENS = 3  # fewer tokens than this: no tokens/s (a rate over ~0 s means nothing)


class ChatSession(QObject):
    busyChanged = Signal(bool)
    answerFinished = Signal(str, str)  # final status, answer text
    notice = Signal(str)
    conversationCreated = Signal(int)
    editRequested = Signal(object)  # a user MessageWidget whose text goes back to the input

    def __init__(
        self,
        view: ChatView,
        store: H.HistoryStore,
        controller: EngineController,
        *,
        request_options: Callable[[], tuple[str, GenParams, bool | None]],
        job_factory: JobFactory,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.store = store
        self.controller = controller
        self.request_options = request_options  # () -> (system prompt, params, thinking)
        self.job_factory = job_factory  # (request, intent) -> Job; intent: see app/jobs.py
        self.conversation_id: int | None = None
        self.active: ActiveAnswer | None = None
        self._intents: dict[int, str] = {}  # user message id -> intent, for regenerate
        controller.chunk.connect(self._on_chunk)
        controller.progress.connect(self._on_progress)
        controller.finished.connect(self._on_finished)
        controller.cancelled.connect(self._on_cancelled)
        controller.failed.connect(self._on_failed)
        controller.item.connect(self._on_item)

    @property
    def busy(self) -> bool:
        return self.active is not None

    # conversations

    def open(self, conversation_id: int | None) -> None:
        """Show a stored conversation (None: an empty new one). Stops a running answer."""
        self.abandon()
        self.view.clear()
        self.conversation_id = conversation_id
        if conversation_id is None:
            return
        video = None
        user_id = None
        for m in self.store.messages(conversation_id):
            if m.role == "system":
                continue
            if m.role == "user":
                videos = [a for a in m.attachments if _kind(a) == "video"]
                video = Path(videos[0]) if videos else video  # follow-ups keep the video
                user_id = m.id
            w = self._add_widget(m.role, m.id)
            if m.role == "assistant":
                sources = (m.stats or {}).get("sources")
                self._restore_links(w, video, sources)
                if sources and user_id is not None:
                    self._intents[user_id] = DOCS  # regenerating asks the documents again
            w.set_content(m.content, m.thinking)
            w.set_attachments([(Path(a), _kind(a) or "document") for a in m.attachments])
            stats = m.stats or {}
            w.set_status(
                functools.partial(self._status_text, m.status, stats.get("error")),
                error=m.status == H.FAILED,
            )
            w.set_stats(functools.partial(self.stats_line, stats))
            versions = stats.get("versions")
            if isinstance(versions, list) and len(versions) > 1:
                w.set_versions(len(versions), int(stats.get("shown", len(versions) - 1)))
        self._update_actions()

    def abandon(self) -> None:
        """Stop the running answer now and keep what it had (switching away from it)."""
        if self.active is None:
            return
        a, self.active = self.active, None
        self.controller.forget(a.job_id)
        a.writer.finish(H.CANCELLED)
        self.busyChanged.emit(False)

    # sending

    def send(
        self, text: str, attachments: Sequence[tuple[Path, str]] = (), *, intent: str = ""
    ) -> bool:
        """Add the user's message and start the answer. Returns False when busy.

        `intent` goes to the job factory ("summary", "docs"; see app/jobs.py) and is kept for
        regenerating this message's answer.
        """
        if self.busy or not text.strip():
            return False
        if self.conversation_id is None:
            title = " ".join(text.split())[:48] or self.tr("New conversation")
            self.conversation_id = self.store.create_conversation(title).id
            self.conversationCreated.emit(self.conversation_id)
        paths = [str(p) for p, _kind in attachments]
        stored = self.store.add_message(self.conversation_id, "user", text, attachments=paths)
        w = self._add_widget("user", stored.id)
        w.set_content(text)
        w.set_attachments(
            [(Path(p), kind or _kind(str(p)) or "document") for p, kind in attachments]
        )
        self._intents[stored.id] = intent
        self._start_answer(intent)
        return True

    def stop(self) -> None:
        if self.active is not None:
            self.controller.cancel(self.active.job_id)

    def regenerate(self, widget: MessageWidget | None = None) -> bool:
        """Write the last answer again (drops it and everything after it)."""
        if self.busy or self.conversation_id is None:
            return False
        widget = widget or self._last_assistant()
        if widget is None or widget.message_id is None:
            return False
        users = [w for w in self.view.messages() if w.role == "user" and w is not widget]
        before = [w for w in users if (w.message_id or 0) < widget.message_id]
        asked = before[-1].message_id if before else None
        intent = self._intents.get(asked, "") if asked is not None else ""
        old = self.store.message(widget.message_id)
        versions = _versions_of(old) if old is not None else []
        self.store.delete_from(self.conversation_id, widget.message_id)
        self.view.remove_from(widget)
        self._start_answer(intent)
        if self.active is not None:
            self.active.versions = versions
            if versions:
                self.active.widget.set_versions(len(versions) + 1, len(versions))
        return True

    def show_version(self, widget: MessageWidget, index: int) -> bool:
        """Show an earlier (or later) version of a regenerated answer; it becomes the one the
        conversation goes on from."""
        if self.busy or widget.message_id is None:
            return False
        stored = self.store.message(widget.message_id)
        versions = (stored.stats or {}).get("versions") if stored else None
        if not isinstance(versions, list) or not 0 <= index < len(versions):
            return False
        chosen = versions[index]
        stats = {**chosen.get("stats", {}), "versions": versions, "shown": index}
        self.store.update_message(
            widget.message_id,
            content=chosen.get("content", ""),
            thinking=chosen.get("thinking", ""),
            stats=stats,
        )
        widget.set_content(chosen.get("content", ""), chosen.get("thinking", ""))
        widget.set_stats(functools.partial(self.stats_line, stats))
        widget.sources_view.hide()
        self._restore_links(widget, widget.video, stats.get("sources"))
        widget.set_versions(len(versions), index)
        return True

    def edit_and_resend(
        self,
        widget: MessageWidget,
        new_text: str,
        extra: Sequence[tuple[Path, str]] = (),
        *,
        intent: str = "",
    ) -> bool:
        """Replace a user message (and drop everything after it), then answer again.

        The message keeps its attachments; `extra` ones (attached while editing) are added.
        """
        if self.busy or self.conversation_id is None or widget.message_id is None:
            return False
        old = self.store.message(widget.message_id)
        attachments = [(Path(a), "") for a in (old.attachments if old else ())]
        attachments += [a for a in extra if str(a[0]) not in {str(p) for p, _k in attachments}]
        self.store.delete_from(self.conversation_id, widget.message_id)
        self.view.remove_from(widget)
        return self.send(new_text, attachments, intent=intent)

    def _start_answer(self, intent: str = "") -> None:
        assert self.conversation_id is not None
        request = self._build_request()
        writer = H.AnswerWriter(self.store, self.conversation_id)
        widget = self._add_widget("assistant", writer.message_id)
        widget.set_status(self.tr("Writing…"))
        videos = [m.video for m in request.messages if m.video is not None]
        if videos:  # the answer's timestamps show that moment of the conversation's video
            widget.set_video(videos[-1])
        job_id = self.controller.submit(self.job_factory(request, intent))
        self.active = ActiveAnswer(job_id, widget, writer, self.conversation_id)
        self._update_actions()
        self.busyChanged.emit(True)

    def _build_request(self) -> GenerationRequest:
        system, params, thinking = self.request_options()
        messages: list[Message] = []
        if system.strip():
            messages.append(Message("system", system.strip()))
        cid = self.conversation_id
        for m in self.store.messages(cid) if cid is not None else []:
            if m.role == "assistant" and (m.status == H.FAILED or not m.content):
                continue
            images = tuple(Path(a) for a in m.attachments if _kind(a) == "image")
            videos = [Path(a) for a in m.attachments if _kind(a) == "video"]
            messages.append(
                Message(m.role, m.content, images=images, video=videos[0] if videos else None)
            )
        return GenerationRequest(tuple(messages), params=params, thinking=thinking)

    # engine signals

    def _on_chunk(self, job_id: int, text: str, thinking: str) -> None:
        a = self.active
        if a is None or a.job_id != job_id:
            return
        if text or thinking:
            if not a.chunks:
                a.widget.set_status("")
                a.widget.hide_progress()
            a.chunks.append(text)
            a.widget.append(text, thinking)
            a.writer.append(text, thinking)

    def _on_progress(self, job_id: int, progress: Progress) -> None:
        a = self.active
        if a is not None and a.job_id == job_id and not a.chunks:
            a.widget.set_status(stage_text(progress.stage, progress.done, progress.total))
            a.widget.set_progress(progress.done, progress.total)

    def _on_item(self, job_id: int, item: object) -> None:
        a = self.active
        if a is not None and a.job_id == job_id and isinstance(item, DocSources):
            a.widget.set_sources(item.sources)

    def _reply(self, a: ActiveAnswer, reply: DocReply) -> None:
        """A worded reply instead of a model's answer (nothing relevant in the documents)."""
        text = error_text(reply.code, reply.detail)
        a.chunks.append(text)
        a.widget.append(text)
        a.writer.append(text)

    def _on_finished(self, job_id: int, final: object) -> None:
        a = self.active
        if a is not None and a.job_id == job_id and isinstance(final, DocReply):
            self._reply(a, final)
        self._end(job_id, H.COMPLETE, final if isinstance(final, Chunk) else None)

    def _on_cancelled(self, job_id: int, final: object) -> None:
        self._end(job_id, H.CANCELLED, final if isinstance(final, Chunk) else None)

    def _on_failed(self, job_id: int, code: str, detail: str) -> None:
        a = self.active
        if a is None or a.job_id != job_id:
            return
        message = error_text(code, detail)
        self._end(job_id, H.FAILED, None, error={"code": code, "detail": detail})
        self.notice.emit(message)

    def _end(
        self, job_id: int, status: str, final: Chunk | None, error: dict | None = None
    ) -> None:
        a = self.active
        if a is None or a.job_id != job_id:
            return
        self.active = None
        stats: dict[str, object] = {}
        if final is not None:
            stats = {
                "tokens": final.generation_tokens,
                "tps": round(final.generation_tps, 2),
                "ttft_s": None if final.ttft_s is None else round(final.ttft_s, 3),
                "prompt_tokens": final.prompt_tokens,
                "cached_tokens": final.cached_tokens,
            }
            a.widget.set_stats(functools.partial(self.stats_line, stats))
        if error is not None:
            stats["error"] = error  # the reason, shown again when the conversation is reopened
        a.widget.hide_progress()
        if a.widget.sources:
            stats["sources"] = self._list_sources(a.widget, a.writer.text)
        if a.versions:
            entry = {"content": a.writer.text, "thinking": a.writer.thinking, "stats": stats}
            stats = {**stats, "versions": [*a.versions, entry], "shown": len(a.versions)}
        a.writer.finish(status, stats)
        a.widget.finish()
        a.widget.set_status(
            functools.partial(self._status_text, status, error), error=status == H.FAILED
        )
        self._update_actions()
        self.busyChanged.emit(False)
        self.answerFinished.emit(status, a.writer.text)

    # helpers

    def _list_sources(self, widget: MessageWidget, text: str) -> list[list]:
        """Show the cited sources under the answer (all of them if none was cited); returns
        them for the history, so a reopened answer keeps its links."""
        from inference.docs.prompt import cited_numbers

        cited = [n for n in cited_numbers(text) if n in widget.sources] or sorted(widget.sources)
        widget.show_sources(cited)
        return [
            [n, str(s.path), s.page, getattr(s, "heading", ""), getattr(s, "snippet", "")]
            for n, s in ((n, widget.sources[n]) for n in cited)
        ]

    def _restore_links(self, widget: MessageWidget, video: Path | None, sources) -> None:
        if video is not None:
            widget.set_video(video)
        if sources:
            try:
                refs = [
                    SourceRef(int(n), Path(p), page, *(str(x) for x in more[:2]))
                    for n, p, page, *more in sources
                ]
            except (TypeError, ValueError):  # a damaged row: the answer shows without links
                return
            widget.set_sources(refs)
            widget.show_sources([r.n for r in refs])

    def _add_widget(self, role: str, message_id: int | None) -> MessageWidget:
        w = self.view.add_message(role, message_id)
        if role == "assistant":
            w.regenerateRequested.connect(lambda widget: self.regenerate(widget))
            w.versionRequested.connect(self.show_version)
        else:
            w.editRequested.connect(self.editRequested)
        return w

    def _last_assistant(self) -> MessageWidget | None:
        for w in reversed(self.view.messages()):
            if w.role == "assistant":
                return w
        return None

    def _update_actions(self) -> None:
        """Only the last answer can be regenerated; nothing can be edited while answering."""
        widgets = self.view.messages()
        last = self._last_assistant()
        for w in widgets:
            w.set_actions_enabled(not self.busy and (w.role == "user" or w is last))

    def stats_line(self, stats: dict) -> str:
        """ "12 tokens · 30.1 tokens/s · ..."; no rate for an answer of a token or two (stopped
        at once), whose rate over almost no time would read as thousands of tokens a second."""
        tokens = int(stats.get("tokens") or 0)
        if not tokens:
            return ""
        if tokens == 1:  # said apart: without a translator "%n tokens" would read "1 tokens"
            return self.tr("1 token")
        if tokens < MIN_RATE_TOKENS:
            return self.tr("%n tokens", "", tokens)
        return stats_text(
            tokens,
            float(stats.get("tps") or 0.0),
            stats.get("ttft_s"),
            int(stats.get("cached_tokens") or 0),
        )

    def _status_text(self, status: str, error: object = None) -> str:
        if status == H.FAILED and isinstance(error, dict):
            return error_text(str(error.get("code", "")), str(error.get("detail", "")))
        return {
            H.CANCELLED: self.tr("Stopped"),
            H.INTERRUPTED: self.tr("Interrupted: the app closed before this answer ended"),
            H.FAILED: self.tr("Failed"),
            H.STREAMING: self.tr("Writing…"),
        }.get(status, "")


def _versions_of(message: H.StoredMessage) -> list[dict]:
    """The versions an answer had so far (itself alone when never regenerated); empty answers
    (failed at once) are not kept."""
    stats = dict(message.stats or {})
    versions = stats.pop("versions", None)
    if isinstance(versions, list) and versions:
        return versions
    stats.pop("shown", None)
    if not message.content:
        return []
    return [{"content": message.content, "thinking": message.thinking, "stats": stats}]


def _kind(path: str) -> str | None:
    from .media_pane import kind_of

    return kind_of(Path(path))
