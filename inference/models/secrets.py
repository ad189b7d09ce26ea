"""The optional Hub token, kept in the OS keychain through keyring.

With no usable keychain (keyring's fail backend raises NoKeyringError on a headless Linux box; the null
backend stores nothing)
the token lives in this process's memory for the session only: never in a plain file. File
backends (keyrings.alt) are refused for the same reason, should one ever be installed. The
service name is a parameter so tests and portable installs can use their own.
"""

from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)

USERNAME = "huggingface-token"
REMOTE_KEY_SERVICE = "cairn-remote"  # API keys of servers: one entry per endpoint URL

_memory: dict[tuple[str, str], str] = {}
_lock = threading.Lock()


def _keychain():
    """keyring's active backend, or None when it is the fail backend or a plain-file one."""
    import keyring
    from keyring.backends import fail, null

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring | null.Keyring):
        return None  # no keychain, or one that forgets everything
    if type(backend).__module__.startswith("keyrings.alt"):
        return None
    return backend


class TokenStore:
    def __init__(self, service: str, username: str = USERNAME) -> None:
        self.service = service
        self.username = username

    @property
    def _key(self) -> tuple[str, str]:
        return (self.service, self.username)

    def get(self) -> str | None:
        """The token: from the keychain, else from this session's memory, else None."""
        from keyring.errors import KeyringError

        with _lock:
            remembered = _memory.get(self._key)
        if remembered:
            return remembered
        backend = _keychain()
        if backend is None:
            return None
        try:
            return backend.get_password(self.service, self.username) or None
        except KeyringError:
            return None

    def set(self, token: str) -> bool:
        """Store the token; True if the keychain holds it, False if kept in memory only."""
        from keyring.errors import KeyringError

        token = token.strip()
        with _lock:
            _memory[self._key] = token
        backend = _keychain()
        if backend is None:
            return False
        try:
            backend.set_password(self.service, self.username, token)
        except KeyringError:
            return False
        return True

    def delete(self) -> None:
        from keyring.errors import KeyringError

        with _lock:
            _memory.pop(self._key, None)
        backend = _keychain()
        if backend is None:
            return
        try:
            backend.delete_password(self.service, self.username)
        except KeyringError:  # nothing stored, or the keychain refuses: nothing to forget
            log.debug("keychain delete failed", exc_info=True)

    def persistent(self) -> bool:
        """Whether a real keychain is available (else tokens last for this session only)."""
        return _keychain() is not None


def endpoint_key_store(base_url: str) -> TokenStore:
    """The keychain entry of a server's API key (`cairn remote key`, Settings -> Servers)."""
    return TokenStore(REMOTE_KEY_SERVICE, base_url)
