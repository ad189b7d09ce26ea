"""Render a GGUF's chat template ourselves, in a sandbox, with Qwen's enable_thinking switch.

llama-cpp-python's create_chat_completion cannot pass enable_thinking to the template, and a chat
template is code from a downloaded file: an unsandboxed Jinja environment let a crafted GGUF run
arbitrary Python (llama-cpp-python CVE-2024-34359). So the template is compiled once in jinja2's
ImmutableSandboxedEnvironment (the environment Hugging Face transformers uses too, so every
template written for transformers renders the same here).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

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
    """The template failed to compile or render (raise_exception() in the template, bad syntax)."""


def _tojson(value: Any, indent: int | None = None, **_: Any) -> str:
    # transformers' tojson: no HTML escaping, non-ASCII kept (jinja2's builtin escapes <, >, &)
    return json.dumps(value, ensure_ascii=False, indent=indent)


def _raise(message: str) -> None:
    raise TemplateError(message)


class ChatTemplate:
    """A compiled chat template. render() returns the prompt text ready to tokenize."""

    def __init__(self, source: str | None, *, bos_token: str = "", eos_token: str = "") -> None:
        import jinja2
        from jinja2.ext import loopcontrols
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        env = ImmutableSandboxedEnvironment(
            trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols]
        )
        env.filters["tojson"] = _tojson
        env.globals["raise_exception"] = _raise
        env.globals["strftime_now"] = lambda fmt: datetime.now().strftime(fmt)
        self.source = source or FALLBACK_TEMPLATE
        try:
            self._template = env.from_string(self.source)
        except jinja2.TemplateError as e:
            raise TemplateError(f"chat template does not compile: {e}") from None
        self._bos = bos_token
        self._eos = eos_token

    def render(self, messages: list[dict], *, enable_thinking: bool) -> str:
        import jinja2

        try:
            return self._template.render(
                messages=messages,
                add_generation_prompt=True,
                enable_thinking=enable_thinking,
                bos_token=self._bos,
                eos_token=self._eos,
            )
        except jinja2.TemplateError as e:
            raise TemplateError(f"chat template failed: {e}") from None
