"""Settings: stored under the data root; the dialog shows the catalog's presets."""

from __future__ import annotations

from app.settings import Settings
from app.settings_dialog import SettingsDialog
from inference.catalog import find
from inference.records import GenParams


def test_settings_live_under_the_data_root(dirs):
    s = Settings(dirs.config)
    s.set("system_prompt", "Be brief.")
    s.sync()
    assert s.path.parent == dirs.config and s.path.is_file()
    assert Settings(dirs.config).get("system_prompt") == "Be brief."
    assert Settings(dirs.config).gen_params() == GenParams(max_tokens=1024)  # model preset


def test_dialog_shows_model_presets_and_saves_custom_values(qtbot, dirs):
    spec = find("qwen3.5-4b-gguf-q4_k_m")
    settings = Settings(dirs.config)
    dialog = SettingsDialog(settings, spec)
    qtbot.addWidget(dialog)
    # 4B thinks by default: the thinking preset of its model card, read-only
    thinking = spec.preset(True)
    assert dialog.temperature.value() == thinking.temperature
    assert dialog.top_p.value() == thinking.top_p and not dialog.temperature.isEnabled()
    dialog.thinking.setCurrentIndex(dialog.thinking.findData("off"))
    assert dialog.temperature.value() == spec.preset(False).temperature
    dialog.preset.setCurrentIndex(dialog.preset.findData("custom"))
    assert dialog.temperature.isEnabled()
    dialog.temperature.setValue(0.3)
    dialog.top_k.setValue(5)
    dialog.system_prompt.setPlainText("Answer in French.")
    dialog.accept()
    again = Settings(dirs.config)
    assert again.get("system_prompt") == "Answer in French."
    assert again.thinking() is False
    params = again.gen_params()
    assert (params.temperature, params.top_k) == (0.3, 5)


def test_system_prompt_and_sampling_reach_the_engine(make_window, qtbot):
    w = make_window()
    w.settings.set("system_prompt", "You are terse.")
    w.settings.set("preset", "custom")
    w.settings.set("temperature", 0.2)
    w.settings.set("thinking", "off")
    qtbot.waitUntil(lambda: w.models.loaded is not None, timeout=5000)
    w.send("hi")
    qtbot.waitUntil(lambda: not w.session.busy, timeout=5000)
    req = w.engine.requests[-1]
    assert req.messages[0].role == "system" and req.messages[0].content == "You are terse."
    assert req.params.temperature == 0.2 and req.thinking is False


def test_state_memory_setting_reaches_the_engines_as_bytes(dirs):
    s = Settings(dirs.config)
    assert s.state_budget() is None  # the engines' default from the RAM
    s.set("state_memory_mb", 512)
    assert s.state_budget() == 512 * 2**20
    s.set("state_memory_mb", 0)
    assert s.state_budget() == 0  # no reuse
    assert s.state_disk_budget() == 1024 * 2**20  # conversations' last checkpoints on disk
    s.set("state_disk_mb", 0)
    assert s.state_disk_budget() == 0
