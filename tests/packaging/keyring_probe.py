"""The keyring as the frozen program carries it, printed as JSON.

Run by test_frozen.py as ``python -I -S keyring_probe.py FOLDER``: only the bundle's
modules, laid out in FOLDER by frozen_modules.py, are on the path besides the standard
library.
"""

from __future__ import annotations

import json
import sys

sys.path.insert(0, sys.argv[1])

import keyring.backend
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from keyring.backends import SecretService
from secretstorage.dhcrypto import Session
from secretstorage.util import format_secret


def secret_round_trip(secret: bytes) -> bytes:
    """A secret as SecretStorage sends it to the Secret Service (DH, then AES) and back."""
    ours, service = Session(), Session()
    ours.set_server_public_key(service.my_public_key)
    service.set_server_public_key(ours.my_public_key)
    ours.object_path = "/org/freedesktop/secrets/session/1"
    _, iv, encrypted, _ = format_secret(ours, secret, "text/plain")
    assert service.aes_key is not None
    decryptor = Cipher(algorithms.AES(service.aes_key), modes.CBC(iv)).decryptor()
    padded = decryptor.update(encrypted) + decryptor.finalize()
    return padded[: -padded[-1]]


try:
    priority: object = SecretService.Keyring.priority
except RuntimeError as exc:  # no Secret Service here: it says why
    priority = str(exc)
usable = keyring.backend.get_all_keyring()
modules = ("keyring", "secretstorage", "jeepney", "cryptography.hazmat.bindings._rust")
print(
    json.dumps(
        {
            "files": {name: sys.modules[name].__file__ for name in modules},
            "known": sorted(
                f"{c.__module__}.{c.__name__}" for c in keyring.backend.KeyringBackend._classes
            ),
            "usable": sorted(type(backend).__module__ for backend in usable),
            "secret_service_priority": priority,
            "round_trip": secret_round_trip(b"correct horse").decode(),
        }
    )
)
