"""keyring's Secret Service backend, closing its D-Bus connection when a call fails.

keyring opens a D-Bus connection for every call and closes it once it holds the
collection. When finding or unlocking the collection fails (no daemon, a call that timed
out on a busy session bus, a dismissed prompt), the connection is left open: an
application that keeps trying the keyring leaks a socket on every try.
"""

from __future__ import annotations

from functools import cache
from typing import Any


def closing_on_failure(backend: Any) -> Any:
    """``backend`` itself, or, for keyring's Secret Service backend, one that closes."""
    from keyring.backends import SecretService

    if type(backend) is not SecretService.Keyring:
        return backend
    closing = _closing_backend_class()()
    closing.__dict__.update(backend.__dict__)  # a chosen collection, say
    return closing


@cache
def _closing_backend_class() -> type[Any]:
    import secretstorage
    from keyring.backends import SecretService

    class ClosingSecretService(SecretService.Keyring):
        def get_preferred_collection(self) -> Any:
            bus = secretstorage.dbus_init()
            try:
                return self._collection_on(bus)
            except BaseException:
                bus.close()
                raise

        def _collection_on(self, bus: Any) -> Any:
            # keyring's own get_preferred_collection, on the connection given.
            from keyring.errors import InitError, KeyringLocked

            try:
                if hasattr(self, "preferred_collection"):
                    collection = secretstorage.Collection(bus, self.preferred_collection)
                else:
                    collection = secretstorage.get_default_collection(bus)
            except secretstorage.exceptions.SecretStorageException as exc:
                raise InitError(f"Failed to create the collection: {exc}.") from exc
            if collection.is_locked():
                collection.unlock()
                if collection.is_locked():  # the user dismissed the prompt
                    raise KeyringLocked("Failed to unlock the collection!")
            return collection

    return ClosingSecretService
