"""Every error code and progress stage from inference/, worded for people and translated.

One place so that translators see them together and a new code shows up as missing here
(tests check that every ErrorCode has a message).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from inference.errors import ErrorCode


def error_text(code: str, detail: str = "") -> str:
    """A one-line message for an ErrorCode value (unknown codes still read sensibly)."""
    try:
        key = ErrorCode(code)
    except ValueError:
        key = ErrorCode.INTERNAL
    template = _templates().get(key) or QCoreApplication.translate(
        "Errors", "Something went wrong: {detail}"
    )
    return template.format(detail=detail or "-")


def _templates() -> dict[ErrorCode, str]:
    # Built per call so that a language switch at run time takes effect.
    return {
        ErrorCode.MODEL_NOT_FOUND: QCoreApplication.translate(
            "Errors", "No model was found ({detail}). Download one or import a model folder."
        ),
        ErrorCode.NOT_QWEN35: QCoreApplication.translate(
            "Errors", "This is not a Qwen3.5 model ({detail})."
        ),
        # dense search failing only logs (keyword search goes on): no new sentence to translate
        ErrorCode.NOT_EMBEDDING_MODEL: QCoreApplication.translate(
            "Errors", "That is not valid: {detail}"
        ),
        ErrorCode.MODEL_INCOMPLETE: QCoreApplication.translate(
            "Errors", "The model is incomplete ({detail}). Download it again."
        ),
        ErrorCode.MODEL_LOAD_FAILED: QCoreApplication.translate(
            "Errors", "The model could not be loaded: {detail}"
        ),
        ErrorCode.ENGINE_UNAVAILABLE: QCoreApplication.translate(
            "Errors", "That engine cannot run here: {detail}"
        ),
        ErrorCode.DEVICE_UNAVAILABLE: QCoreApplication.translate(
            "Errors", "That device is not available: {detail}"
        ),
        ErrorCode.UNSUPPORTED_INPUT: QCoreApplication.translate(
            "Errors", "This model cannot take that input: {detail}"
        ),
        ErrorCode.CONTEXT_TOO_LONG: QCoreApplication.translate(
            "Errors",
            "The conversation is too long for this model ({detail}). Start a new conversation.",
        ),
        ErrorCode.MODEL_IN_USE: QCoreApplication.translate(
            "Errors", "The model {detail} is in use. Unload it or close Cairn first."
        ),
        ErrorCode.CHAT_TEMPLATE_FAILED: QCoreApplication.translate(
            "Errors",
            "The model's chat template failed ({detail}). Use another build of the model.",
        ),
        ErrorCode.IMAGE_NOT_FOUND: QCoreApplication.translate(
            "Errors", "The image was not found: {detail}"
        ),
        ErrorCode.IMAGE_UNREADABLE: QCoreApplication.translate(
            "Errors", "The image cannot be read: {detail}. Use a PNG, JPEG, WebP, GIF or BMP file."
        ),
        ErrorCode.IMAGE_TRUNCATED: QCoreApplication.translate(
            "Errors", "The image is truncated or damaged: {detail}"
        ),
        ErrorCode.IMAGE_TOO_LARGE: QCoreApplication.translate(
            "Errors", "The image is too large: {detail}"
        ),
        ErrorCode.VIDEO_NOT_FOUND: QCoreApplication.translate(
            "Errors", "The video was not found: {detail}"
        ),
        ErrorCode.VIDEO_EMPTY: QCoreApplication.translate("Errors", "The video is empty: {detail}"),
        ErrorCode.VIDEO_UNREADABLE: QCoreApplication.translate(
            "Errors", "The video cannot be read: {detail}. Use MP4, AVI, MKV or WebM."
        ),
        ErrorCode.VIDEO_TOO_LARGE: QCoreApplication.translate(
            "Errors", "The video's frames are too large: {detail}"
        ),
        ErrorCode.NO_NETWORK: QCoreApplication.translate(
            "Errors",
            "The model server cannot be reached ({detail}). Check the internet connection.",
        ),
        ErrorCode.NO_SPACE: QCoreApplication.translate(
            "Errors", "There is not enough disk space: {detail}"
        ),
        ErrorCode.UNAUTHORIZED: QCoreApplication.translate(
            "Errors", "The model server refused access: {detail}"
        ),
        ErrorCode.NOT_FOUND_ON_HUB: QCoreApplication.translate(
            "Errors", "The model server does not have it: {detail}"
        ),
        ErrorCode.CHECKSUM_MISMATCH: QCoreApplication.translate(
            "Errors", "A downloaded file is damaged ({detail}). Download it again."
        ),
        ErrorCode.DOWNLOAD_FAILED: QCoreApplication.translate(
            "Errors", "The download failed: {detail}"
        ),
        ErrorCode.DOC_NOT_FOUND: QCoreApplication.translate(
            "Errors", "The document was not found: {detail}"
        ),
        ErrorCode.DOC_ENCRYPTED: QCoreApplication.translate(
            "Errors", "The document is password protected: {detail}"
        ),
        ErrorCode.DOC_MALFORMED: QCoreApplication.translate(
            "Errors", "The document is damaged: {detail}"
        ),
        ErrorCode.DOC_UNSUPPORTED: QCoreApplication.translate(
            "Errors", "This kind of document is not supported: {detail}"
        ),
        ErrorCode.DOC_TOO_LARGE: QCoreApplication.translate(
            "Errors", "The document is too large to read safely: {detail}"
        ),
        ErrorCode.DOC_TIMEOUT: QCoreApplication.translate(
            "Errors", "Reading the document took too long: {detail}"
        ),
        ErrorCode.DOC_NO_TEXT: QCoreApplication.translate(
            "Errors", "No text was found in the document: {detail}"
        ),
        ErrorCode.DOC_NOT_IN_DOCUMENTS: QCoreApplication.translate(
            "Errors", "The documents do not contain an answer to this question."
        ),
        ErrorCode.DOC_OTHER_LANGUAGE: QCoreApplication.translate(
            "Errors",
            "The question is in another language than the documents, and nothing in it matched "
            "them. Ask in the documents' language, or download the embedding model (Get a "
            "model…) to search across languages.",
        ),
        ErrorCode.DOC_COLLECTION_EMPTY: QCoreApplication.translate(
            "Errors", "No documents have been added yet ({detail}). Drop some documents first."
        ),
        ErrorCode.DOC_AMBIGUOUS: QCoreApplication.translate(
            "Errors", "Several documents could be meant: {detail}. Name the file you mean."
        ),
        ErrorCode.INVALID_ARGUMENT: QCoreApplication.translate(
            "Errors", "That is not valid: {detail}"
        ),
        ErrorCode.INTERNAL: QCoreApplication.translate(
            "Errors", "Something went wrong inside Cairn: {detail}"
        ),
        ErrorCode.MODEL_NOT_DOWNLOADED: QCoreApplication.translate(
            "Errors", "The model {detail} has not been downloaded yet."
        ),
        ErrorCode.REMOTE_UNREACHABLE: QCoreApplication.translate(
            "Errors", "The server cannot be reached: {detail}"
        ),
        ErrorCode.REMOTE_KEY_REFUSED: QCoreApplication.translate(
            "Errors", "The server refused access: {detail}. Check the API key in Settings."
        ),
        ErrorCode.REMOTE_MODEL_UNKNOWN: QCoreApplication.translate(
            "Errors", "The server does not offer that model: {detail}"
        ),
        ErrorCode.REMOTE_BUSY: QCoreApplication.translate(
            "Errors", "The server is busy or failing: {detail}. Try again later."
        ),
        ErrorCode.REMOTE_TIMEOUT: QCoreApplication.translate(
            "Errors", "The server did not answer in time: {detail}"
        ),
        ErrorCode.REMOTE_BAD_RESPONSE: QCoreApplication.translate(
            "Errors", "The server's answer cannot be used: {detail}"
        ),
        ErrorCode.OFFLINE_ONLY: QCoreApplication.translate(
            "Errors", "Servers are turned off (offline only): {detail}"
        ),
    }


def download_error_text(code: str, detail: str = "") -> tuple[str, str]:
    """(a plain sentence, the technical detail) for a failed download or import.

    A download's detail is what the network library said ("[Errno 111] Connection refused"):
    it goes in a tooltip, not in the sentence. Other codes read as error_text words them.
    """
    plain = {
        ErrorCode.NO_NETWORK.value: QCoreApplication.translate(
            "Errors",
            "The model server could not be reached. Check that this computer is online, then "
            "press Retry. What was already downloaded is kept.",
        ),
        ErrorCode.DOWNLOAD_FAILED.value: QCoreApplication.translate(
            "Errors",
            "The download stopped before it finished. Press Retry to go on from where it stopped.",
        ),
        ErrorCode.UNAUTHORIZED.value: QCoreApplication.translate(
            "Errors", "The model server refused the download. The model may need an access token."
        ),
        ErrorCode.NOT_FOUND_ON_HUB.value: QCoreApplication.translate(
            "Errors", "The model server does not have this model (any more)."
        ),
        ErrorCode.NO_SPACE.value: QCoreApplication.translate(
            "Errors",
            "There is not enough free disk space for this model. Free some space, then "
            "press Retry.",
        ),
        ErrorCode.CHECKSUM_MISMATCH.value: QCoreApplication.translate(
            "Errors", "A downloaded file was damaged on the way. Press Retry to fetch it again."
        ),
    }
    if code in plain:
        return plain[code], detail
    return error_text(code, detail), detail


def loose_sources_note() -> str:
    """Put before an answer written from sources that may not match the question (a question
    in another language than the documents, no embedding model to judge it)."""
    return QCoreApplication.translate(
        "Errors",
        "The documents are in another language than the question: the sources below are the "
        "closest found and may not match it.",
    )


def stage_text(stage: str, done: float = 0, total: float | None = None) -> str:
    """Progress stage codes (records.Progress.stage) as words."""
    if stage == "describing_segment" and total:
        # done counts the parts finished; the one being watched is the next
        return (
            QCoreApplication.translate("Stages", "Watching part %1 of %2…")
            .replace("%1", str(min(int(done) + 1, int(total))))
            .replace("%2", str(int(total)))
        )
    if stage.startswith("summarize_") and total:
        return (
            QCoreApplication.translate("Stages", "Summarizing the document, part %1 of %2…")
            .replace("%1", str(min(int(done) + 1, int(total))))
            .replace("%2", str(int(total)))
        )
    stages = {
        "load_model": QCoreApplication.translate("Stages", "Loading the model…"),
        "metadata": QCoreApplication.translate(
            "Stages", "Asking the model server for the file list…"
        ),
        "download": QCoreApplication.translate("Stages", "Downloading…"),
        "verify": QCoreApplication.translate("Stages", "Checking the files…"),
        "import": QCoreApplication.translate("Stages", "Importing…"),
        "sample_frames": QCoreApplication.translate("Stages", "Reading the video…"),
        "reading_frames": QCoreApplication.translate("Stages", "Reading the video…"),
        "describing_segment": QCoreApplication.translate("Stages", "Watching the video…"),
        "writing_summary": QCoreApplication.translate("Stages", "Writing the summary…"),
        "ingest": QCoreApplication.translate("Stages", "Reading the documents…"),
        "scan": QCoreApplication.translate("Stages", "Looking for changed documents…"),
        "index": QCoreApplication.translate("Stages", "Indexing the documents…"),
        "done": QCoreApplication.translate("Stages", "Documents ready."),
        "search_documents": QCoreApplication.translate("Stages", "Searching the documents…"),
        "prefill": QCoreApplication.translate("Stages", "Reading the prompt…"),
    }
    return stages.get(stage, QCoreApplication.translate("Stages", "Working…"))


class Stats(QObject):
    """Holds the per-answer statistics strings so lupdate sees them as plural forms (%n).

    lupdate marks a string numerus only for tr(text, disambiguation, n) on a QObject; the
    same call through QCoreApplication.translate is extracted as a plain string.
    """

    def line(self, tokens: int, tps: float, ttft_s: float | None, reused: int = 0) -> str:
        if ttft_s is None:
            text = self.tr("%n tokens · {tps:.1f} tokens/s", "", tokens).format(tps=tps)
        else:
            text = self.tr(
                "%n tokens · {tps:.1f} tokens/s · first token after {ttft:.2f} s", "", tokens
            ).format(tps=tps, ttft=ttft_s)
        if reused > 0:  # prompt tokens restored from a checkpoint instead of read again
            text += self.tr(" · %Ln tokens reused", "", reused)
        return text


def stats_text(tokens: int, tps: float, ttft_s: float | None, reused: int = 0) -> str:
    """Per-answer statistics line (`reused`: the prompt tokens the engine did not read again)."""
    return Stats().line(tokens, tps, ttft_s, reused)


def human_bytes(n: float | None) -> str:
    if n is None:
        return "?"
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if abs(n) < 1000 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} TB"
