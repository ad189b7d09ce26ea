"""English one-line messages for error codes on the command line (the GUI has its own, translated)."""

from __future__ import annotations

from ..errors import CairnError, ErrorCode

MESSAGES: dict[ErrorCode, str] = {
    ErrorCode.MODEL_NOT_FOUND: "model not found: {detail}. Pass a model folder, a .gguf file or an id from `cairn models list`",
    ErrorCode.NOT_QWEN35: "not a Qwen3.5 checkpoint: {detail}. Cairn runs Qwen3.5 models in Hugging Face (MLX) or GGUF form",
    ErrorCode.NOT_EMBEDDING_MODEL: "not an embedding model: {detail}. Document search uses a Qwen3-Embedding GGUF",
    ErrorCode.MODEL_INCOMPLETE: "the model is incomplete: {detail}. Download it again with `cairn models download`",
    ErrorCode.MODEL_LOAD_FAILED: "could not load the model: {detail}",
    ErrorCode.ENGINE_UNAVAILABLE: "engine not available: {detail}",
    ErrorCode.DEVICE_UNAVAILABLE: "device not available: {detail}",
    ErrorCode.UNSUPPORTED_INPUT: "this model cannot take that input: {detail}",
    ErrorCode.CONTEXT_TOO_LONG: "the prompt is too long for this model: {detail}",
    ErrorCode.CHAT_TEMPLATE_FAILED: "the model's chat template failed: {detail}. The template comes with the model file; use another build of the model",
    ErrorCode.IMAGE_NOT_FOUND: "image not found: {detail}",
    ErrorCode.IMAGE_UNREADABLE: "cannot read the image: {detail}. Use a PNG, JPEG, WebP, GIF or BMP file",
    ErrorCode.IMAGE_TRUNCATED: "the image is truncated or damaged: {detail}",
    ErrorCode.IMAGE_TOO_LARGE: "the image is too large: {detail}. Use one under 100 megapixels",
    ErrorCode.VIDEO_NOT_FOUND: "video not found: {detail}",
    ErrorCode.VIDEO_EMPTY: "the video is empty: {detail}",
    ErrorCode.VIDEO_UNREADABLE: "cannot read the video: {detail}. Use a video file OpenCV can decode (MP4, AVI, MKV, WebM)",
    ErrorCode.VIDEO_TOO_LARGE: "the video's frames are too large: {detail}",
    ErrorCode.NO_NETWORK: "cannot reach the model server: {detail}. Check the connection, proxy or mirror setting",
    ErrorCode.NO_SPACE: "not enough disk space: {detail}",
    ErrorCode.UNAUTHORIZED: "the model server refused access: {detail}. Set a Hub token or accept the model's terms",
    ErrorCode.NOT_FOUND_ON_HUB: "not found on the model server: {detail}",
    ErrorCode.CHECKSUM_MISMATCH: "a downloaded file is damaged (checksum mismatch): {detail}. Download it again",
    ErrorCode.DOWNLOAD_FAILED: "download failed: {detail}",
    ErrorCode.DOC_NOT_FOUND: "document not found: {detail}",
    ErrorCode.DOC_ENCRYPTED: "the document is password protected: {detail}",
    ErrorCode.DOC_MALFORMED: "the document is damaged or malformed: {detail}",
    ErrorCode.DOC_UNSUPPORTED: "unsupported document type: {detail}",
    ErrorCode.DOC_TOO_LARGE: "the document is too large to read safely: {detail}",
    ErrorCode.DOC_TIMEOUT: "reading the document took too long: {detail}",
    ErrorCode.DOC_NO_TEXT: "no text found in the document: {detail}",
    ErrorCode.DOC_NOT_IN_DOCUMENTS: "The documents do not contain an answer to this question.",
    ErrorCode.DOC_OTHER_LANGUAGE: "The question is in another language than the documents and nothing in it matched them. Ask in the documents' language, or install the embedding model (`cairn models download qwen3-embedding-0.6b-gguf-q8_0`) to search across languages.",
    ErrorCode.DOC_COLLECTION_EMPTY: "no indexed documents in collection {detail}. Add some with `cairn docs add PATH`",
    ErrorCode.DOC_AMBIGUOUS: "several documents could be meant: {detail}. Name the file to summarize",
    ErrorCode.INVALID_ARGUMENT: "{detail}",
    ErrorCode.INTERNAL: "internal error: {detail}",
    ErrorCode.MODEL_IN_USE: "the model {detail} is loaded in a running Cairn; unload it (or close Cairn) first",
    ErrorCode.REMOTE_UNREACHABLE: "cannot reach the server: {detail}. Check the address and that the server runs",
    ErrorCode.REMOTE_KEY_REFUSED: "the server refused access: {detail}. Set OPENAI_API_KEY or store one with `cairn remote key URL`",
    ErrorCode.REMOTE_MODEL_UNKNOWN: "the server does not offer that model: {detail}",
    ErrorCode.REMOTE_BUSY: "the server is busy or failing: {detail}. Try again later",
    ErrorCode.REMOTE_TIMEOUT: "the server did not answer in time: {detail}",
    ErrorCode.REMOTE_BAD_RESPONSE: "the server's answer is not usable: {detail}",
    ErrorCode.OFFLINE_ONLY: "servers are turned off (offline only): {detail}",
    ErrorCode.MODEL_NOT_DOWNLOADED: "the model {detail} is not downloaded yet. Run `cairn models download {detail}`",
}


def describe(error: CairnError) -> str:
    template = MESSAGES.get(error.code, "{code}: {detail}")
    return template.format(detail=error.detail or "-", code=error.code.value)
