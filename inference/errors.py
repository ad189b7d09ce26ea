"""Error codes: inference/ reports what went wrong as a code plus a detail; the caller words it.

The command line turns codes into English one-liners (inference/cli/messages.py); the GUI
turns them into translated messages (app/). Nothing here is meant to be shown as is.
"""

from __future__ import annotations

import enum


class ErrorCode(str, enum.Enum):
    # models
    MODEL_NOT_FOUND = "model_not_found"
    NOT_QWEN35 = "not_qwen35"
    NOT_EMBEDDING_MODEL = "not_embedding_model"  # document search wants a Qwen3-Embedding GGUF
    MODEL_INCOMPLETE = "model_incomplete"
    MODEL_LOAD_FAILED = "model_load_failed"
    ENGINE_UNAVAILABLE = "engine_unavailable"
    DEVICE_UNAVAILABLE = "device_unavailable"
    UNSUPPORTED_INPUT = "unsupported_input"  # e.g. an image for a text-only model
    CONTEXT_TOO_LONG = "context_too_long"
    CHAT_TEMPLATE_FAILED = "chat_template_failed"  # the model file's template: broken or hostile
    # images
    IMAGE_NOT_FOUND = "image_not_found"
    IMAGE_UNREADABLE = "image_unreadable"
    IMAGE_TRUNCATED = "image_truncated"
    IMAGE_TOO_LARGE = "image_too_large"
    # videos
    VIDEO_NOT_FOUND = "video_not_found"
    VIDEO_EMPTY = "video_empty"
    VIDEO_UNREADABLE = "video_unreadable"
    VIDEO_TOO_LARGE = "video_too_large"
    # downloads
    NO_NETWORK = "no_network"
    NO_SPACE = "no_space"
    UNAUTHORIZED = "unauthorized"
    NOT_FOUND_ON_HUB = "not_found_on_hub"
    CHECKSUM_MISMATCH = "checksum_mismatch"
    DOWNLOAD_FAILED = "download_failed"
    # documents
    DOC_NOT_FOUND = "doc_not_found"
    DOC_ENCRYPTED = "doc_encrypted"
    DOC_MALFORMED = "doc_malformed"
    DOC_UNSUPPORTED = "doc_unsupported"
    DOC_TOO_LARGE = "doc_too_large"
    DOC_TIMEOUT = "doc_timeout"
    DOC_NO_TEXT = "doc_no_text"
    DOC_NOT_IN_DOCUMENTS = "doc_not_in_documents"  # a reply, not a failure: nothing relevant found
    DOC_COLLECTION_EMPTY = "doc_collection_empty"
    # a reply: the question is in another script than the documents and nothing in it matched
    DOC_OTHER_LANGUAGE = "doc_other_language"
    DOC_AMBIGUOUS = "doc_ambiguous"  # "summarize this" with several documents and no clue which
    # general
    INVALID_ARGUMENT = "invalid_argument"
    INTERNAL = "internal"
    # models (added by the models store)
    MODEL_NOT_DOWNLOADED = "model_not_downloaded"
    MODEL_IN_USE = "model_in_use"  # loaded by a running Cairn: removing it is refused
    # a remote engine (an OpenAI-compatible server: inference/engines/remote)
    REMOTE_UNREACHABLE = "remote_unreachable"
    REMOTE_KEY_REFUSED = "remote_key_refused"
    REMOTE_MODEL_UNKNOWN = "remote_model_unknown"
    REMOTE_BUSY = "remote_busy"  # 429 / 5xx after the retries
    REMOTE_TIMEOUT = "remote_timeout"
    REMOTE_BAD_RESPONSE = "remote_bad_response"  # a malformed stream, a redirect, not an API
    OFFLINE_ONLY = "offline_only"  # the app's "offline only" setting refuses remote engines


class CairnError(Exception):
    """An expected failure with a code the caller can word, and a detail (a path, a number)."""

    def __init__(self, code: ErrorCode, detail: str = "") -> None:
        super().__init__(f"{code.value}: {detail}" if detail else code.value)
        self.code = code
        self.detail = detail
