"""Render a GGUF's chat template ourselves, in a sandbox, with Qwen's enable_thinking switch.

llama-cpp-python's create_chat_completion cannot pass enable_thinking to the template, and a chat
template is code from a downloaded file: an unsandboxed Jinja environment let a crafted GGUF run
arbitrary Python (llama-cpp-python CVE-2024-34359), and a sandboxed one still let it spin or
fill memory. So the template is rendered by engines/template_guard.py: jinja2's
ImmutableSandboxedEnvironment (as in transformers, so every template written for transformers
renders the same here) with bounded operations, in a child process with a time budget and a
memory cap.
"""

from __future__ import annotations

from ...cancel import CancelToken
from ..template_guard import GuardedTemplate, transformers_context

# Used only when a GGUF carries no template: Qwen3.5's ChatML layout with the thinking switch.
FALLBACK_TEMPLATE = (
    "{%- for message in messages %}"
    "{{- '<|im_start|>' + message['role'] + '\\n' }}"
    "{%- if message['content'] is string %}{{- message['content'] }}"
    "{%- else %}{%- for part in message['content'] %}"
    "{%- if part['type'] == 'text' %}{{- part['text'] }}{%- endif %}"
    "{%- endfor %}{%- endif %}"
    "{{- '<|im_end|>\\n' }}"
    "{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}"
    "{%- if enable_thinking is defined and enable_thinking is false %}"
    "{{- '<think>\\n\\n</think>\\n\\n' }}"
    "{%- else %}{{- '<think>\\n' }}{%- endif %}{%- endif %}"
)


class TemplateError(Exception):
    """Kept for callers that still catch it; failures now arrive as CairnError
    (CHAT_TEMPLATE_FAILED) from engines/template_guard.py."""


class ChatTemplate:
    """A chat template checked at load and rendered under limits (template_guard.py).

    render() returns the prompt text ready to tokenize; close() stops the renderer process."""

    def __init__(self, source: str | None, *, bos_token: str = "", eos_token: str = "") -> None:
        self.source = source or FALLBACK_TEMPLATE
        self._guard = GuardedTemplate(self.source)
        self._guard.check()  # a template that does not compile fails the load, not a turn
        self._bos = bos_token
        self._eos = eos_token

    def render(
        self, messages: list[dict], *, enable_thinking: bool, cancel: CancelToken | None = None
    ) -> str:
        context = {"bos_token": self._bos, "eos_token": self._eos}
        return self._guard.render(
            transformers_context(messages, context, enable_thinking=enable_thinking), cancel
        )

    def close(self) -> None:
        self._guard.close()
