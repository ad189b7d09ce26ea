"""A language switch rewords what used to stay behind (issue 16): an answer's statistics line and
"Sources" list, the documents panel's per-status counts and status line, the model pickers'
headers, and Qt's own file dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from app import file_dialogs, i18n
from app.job_records import SourceRef
from app.messages import stats_text
from tests.i18n.test_runtime_switch_window import dirs, english, window  # noqa: F401 (fixtures)


def test_answer_stats_sources_and_document_counts_reword(window, english, qtbot, tmp_path):  # noqa: F811
    w = window
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=5000)
    assert w.send("hello")
    qtbot.waitUntil(lambda: not w.session.busy, timeout=10000)
    answer = w.chat_view.last()
    english_stats = answer.stats_label.text()
    assert "tokens" in english_stats
    answer.set_sources(
        [
            SourceRef(1, tmp_path / "a.pdf", 2, "", "x"),
            SourceRef(2, tmp_path / "b.md", None, "Setup", "y"),
        ]
    )
    answer.show_sources([1, 2])
    assert answer.sources_view.toPlainText().startswith("Sources\n[1] a.pdf, page 2")

    note = tmp_path / "note.txt"
    note.write_text("The pelican eats sardines at dawn.", encoding="utf-8")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    w.docs.add([note, broken])
    qtbot.waitUntil(
        lambda: not w.docs.busy and w.docs.ready_count() == 1 and len(w.docs.reasons) == 1,
        timeout=30000,
    )
    assert w.docs.filter_box.itemText(0) == "All documents (2)"
    assert w.docs.status.text() == "1 ready, 1 failed."
    (english_reason,) = w.docs.reasons.values()
    assert english_reason.startswith("The document is damaged")

    i18n.apply_language(english, "zh_CN")
    qtbot.waitUntil(lambda: w.send_button.text() != "Send", timeout=2000)
    chinese_stats = answer.stats_label.text()
    assert chinese_stats != english_stats and "tokens" not in chinese_stats
    stored = w.history.messages(w.session.conversation_id)[-1].stats
    assert chinese_stats == stats_text(stored["tokens"], stored["tps"], stored["ttft_s"])
    sources = answer.sources_view.toPlainText()
    assert sources.startswith("来源\n[1] a.pdf，第 2 页") and "b.md，“Setup”一节" in sources
    assert w.docs.filter_box.itemText(0) == "全部文档（2）"
    (chinese_reason,) = w.docs.reasons.values()
    assert chinese_reason != english_reason and "damaged" not in chinese_reason
    failed_row = w.docs.list.item(0).text()  # failures first, worded in Chinese
    assert failed_row.startswith("broken.pdf\n") and chinese_reason in failed_row
    assert w.docs.status.text() != "1 ready, 1 failed."
    assert "Failed" not in w.docs.filter_box.itemText(1)

    i18n.apply_language(english, "en")
    qtbot.waitUntil(lambda: w.send_button.text() == "Send", timeout=2000)
    assert answer.stats_label.text() == english_stats
    assert answer.sources_view.toPlainText().startswith("Sources\n")


def test_qt_file_dialog_rewords(window, english, qtbot):  # noqa: F811
    """The app's file dialogs are Qt's own (not the platform's), so qtbase's catalogue and a
    switch at run time reach them."""
    assert file_dialogs.OPTIONS & QFileDialog.Option.DontUseNativeDialog
    dialog = QFileDialog(window)
    dialog.setOptions(file_dialogs.OPTIONS)
    qtbot.addWidget(dialog)
    dialog.show()
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Cancel"
    i18n.apply_language(english, "zh_CN")
    qtbot.waitUntil(lambda: cancel.text().replace("&", "") != "Cancel", timeout=2000)
    assert "取消" in cancel.text()
    dialog.close()


def test_picker_headers_reword(english, qtbot, tmp_path, monkeypatch):  # noqa: F811
    import inference.models.recommend as recommend
    from app.first_run import FirstRunPage
    from tests.app.test_first_run import DownloadingStore

    monkeypatch.setattr(recommend, "is_apple_silicon", lambda: False)
    page = FirstRunPage(DownloadingStore(tmp_path))
    qtbot.addWidget(page)
    page.show()
    QTest.mouseClick(page.show_all, Qt.MouseButton.LeftButton)  # list the MLX builds too

    def headers() -> list[str]:
        combo = page.choice
        return [combo.itemText(i) for i in range(combo.count()) if combo.itemData(i) is None]

    assert headers() == [
        "llama.cpp (GGUF): suits this computer",
        "MLX: for Apple Silicon, slow on this computer",
    ]
    chosen = page.selected_id()
    i18n.apply_language(english, "de")
    qtbot.waitUntil(lambda: page.retry_button.text() != "Retry", timeout=2000)
    assert headers() == [
        "llama.cpp (GGUF): passt zu diesem Computer",
        "MLX: für Apple Silicon, auf diesem Computer langsam",
    ]
    assert page.selected_id() == chosen and "empfohlen" in page.choice.currentText()
